import type { Messages } from '../ui/messages/index.js';
import type { NameKind } from '../ui/messages/validate.js';
import { SSO_REGIONS, suggestRegion } from './regions.js';

/**
 * Validators for every value the user gives, at a prompt or as a flag. Each returns true or
 * the message to show, which names the bad value and what is expected. They are at least as
 * strict as the AWS CLI's, and stricter where an AWS SDK would silently ignore what the
 * AWS CLI accepts (a profile name with a space is dropped by the JS SDK's loader).
 */

const HOST_LABEL = /^(?!-)[a-z\d-]{1,63}(?<!-)$/i;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;
const MAX_URL_LENGTH = 2048;

/**
 * The start URL: https with a valid host name, like `https://d-xxxxxxxxxx.awsapps.com/start`,
 * a custom `https://NAME.awsapps.com/start`, or an Identity Center issuer URL. (The AWS
 * CLI 2.35+ also requires https.)
 */
export function validateStartUrl(m: Messages, value: string, hasDefault: boolean): string | true {
  if (value === '') return hasDefault ? true : m.validate.startUrlRequired;
  if (value.length > MAX_URL_LENGTH) return m.validate.invalidStartUrl(value, m.validate.reason.tooLong(MAX_URL_LENGTH));
  if (CONTROL.test(value) || /\s/.test(value)) return m.validate.invalidStartUrl(value, m.validate.reason.spacesOrControl);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return m.validate.invalidStartUrl(value, m.validate.reason.notUrl);
  }
  if (url.protocol !== 'https:') return m.validate.invalidStartUrl(value, m.validate.reason.notHttps);
  // The host must be the one typed right after `https://`. The URL parser "repairs" what the
  // AWS tools send as typed: `https:///start` and `https:start` get the host `start`,
  // `https:/h` and `https:\\h` the host h, `%2D` is decoded, `0x7f.1` becomes 127.0.0.1, a
  // backslash ends the host. Such a URL would fail only at the server, or reach another host.
  const authority = /^https:\/\/([^/?#]*)/i.exec(value)?.[1];
  if (!authority) return m.validate.invalidStartUrl(value, m.validate.reason.noHostAfterScheme);
  const hostAndPort = authority.slice(authority.lastIndexOf('@') + 1); // user info is refused below
  const colon = hostAndPort.lastIndexOf(':');
  const typedHost = colon >= 0 && /^\d*$/.test(hostAndPort.slice(colon + 1)) ? hostAndPort.slice(0, colon) : hostAndPort;
  if (typedHost.toLowerCase() !== url.hostname) {
    return m.validate.invalidStartUrl(value, url.hostname === '' ? m.validate.reason.noHostAfterScheme : m.validate.reason.hostNotAsTyped(url.hostname));
  }
  const labels = url.hostname.replace(/\.$/, '').split('.');
  if (url.hostname === '' || !labels.every((l) => HOST_LABEL.test(l))) {
    return m.validate.invalidStartUrl(value, m.validate.reason.noHost);
  }
  if (url.username || url.password) return m.validate.invalidStartUrl(value, m.validate.reason.userInfo);
  return true;
}

/** The SSO region: one of the regions where IAM Identity Center runs. */
export function validateSsoRegion(m: Messages, value: string): string | true {
  if (value === '') return m.validate.ssoRegionRequired;
  if ((SSO_REGIONS as readonly string[]).includes(value)) return true;
  return m.validate.invalidSsoRegion(value, suggestRegion(value));
}

/** Region names as AWS spells them: us-east-1, ap-northeast-1, us-gov-west-1, eu-isoe-west-1. */
const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;

/** The profile's default client region: optional, any well-formed region name (new ones too). */
export function validateRegion(m: Messages, value: string): string | true {
  if (value === '' || REGION.test(value)) return true;
  return m.validate.invalidRegion(value, suggestRegion(value));
}

export const OUTPUT_FORMATS = ['json', 'text', 'table', 'yaml', 'yaml-stream', 'off'] as const;

export function validateOutput(m: Messages, value: string): string | true {
  if (value === '' || (OUTPUT_FORMATS as readonly string[]).includes(value)) return true;
  return m.validate.invalidOutput(value, OUTPUT_FORMATS);
}

/** `a, b` is fine; `a b` is not: scopes are separated by commas (AWS CLI). */
export function validateScopes(m: Messages, value: string): string | true {
  if (CONTROL.test(value)) return m.validate.invalidScopes(value);
  return value.split(',').some((s) => /\s/.test(s.trim())) ? m.validate.invalidScopes(value) : true;
}

/**
 * Characters the SDK's INI loader accepts in `[profile NAME]` / `[sso-session NAME]`
 * (`[\w-@+.%:/]`); anything else makes the section invisible to the JS SDK.
 */
const SECTION_NAME = /^[\w\-@+.%:/]+$/;
const MAX_NAME_LENGTH = 128;
const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);

export function validateName(m: Messages, kind: NameKind, value: string): string | true {
  if (value === '') return m.validate.valueRequired;
  if (CONTROL.test(value)) return m.validate.invalidName(kind, value, m.validate.reason.control);
  if (/\s/.test(value)) return m.validate.invalidName(kind, value, m.validate.reason.spaces);
  if (value.length > MAX_NAME_LENGTH) return m.validate.invalidName(kind, value, m.validate.reason.tooLong(MAX_NAME_LENGTH));
  if (RESERVED.has(value)) return m.validate.invalidName(kind, value, m.validate.reason.reserved);
  if (!SECTION_NAME.test(value)) return m.validate.invalidName(kind, value, m.validate.reason.unreadable);
  return true;
}

export function validateAccountId(m: Messages, value: string): string | true {
  return /^\d{12}$/.test(value) ? true : m.validate.invalidAccountId(value);
}
