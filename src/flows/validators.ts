import { messages } from '../ui/messages.js';

/**
 * Answer validators for the wizard. Each returns true or the message to show. They are at
 * least as strict as the AWS CLI's, and stricter where the AWS SDKs would silently ignore
 * what the AWS CLI accepts (a profile name with a space is dropped by the JS SDK's loader).
 */

const HOST_LABEL = /^(?!-)[a-z\d-]{1,63}(?<!-)$/i;

/** The AWS CLI's `is_valid_endpoint_url`: no tabs or line breaks, and a valid host name. */
export function validateStartUrl(value: string, hasDefault: boolean): string | true {
  if (value === '') return hasDefault ? true : messages.invalidStartUrl;
  if (/[\t\r\n\s]/.test(value)) return messages.invalidStartUrl;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return messages.invalidStartUrl;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return messages.invalidStartUrl;
  const labels = url.hostname.replace(/\.$/, '').split('.');
  return url.hostname !== '' && labels.every((l) => HOST_LABEL.test(l)) ? true : messages.invalidStartUrl;
}

/** Region names as AWS spells them: us-east-1, ap-northeast-1, us-gov-west-1, eu-isoe-west-1. */
const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;

export function validateRegion(value: string, required: boolean): string | true {
  if (value === '') return required ? messages.valueRequired : true;
  return REGION.test(value) ? true : messages.invalidRegion(value);
}

export const OUTPUT_FORMATS = ['json', 'text', 'table', 'yaml', 'yaml-stream', 'off'] as const;

export function validateOutput(value: string): string | true {
  if (value === '' || (OUTPUT_FORMATS as readonly string[]).includes(value)) return true;
  return messages.invalidOutput(value, OUTPUT_FORMATS);
}

/** `a, b` is fine; `a b` is not: scopes are separated by commas (AWS CLI). */
export function validateScopes(value: string): string | true {
  return value.split(',').some((s) => /\s/.test(s.trim())) ? messages.scopesNeedCommas : true;
}

/**
 * Characters the SDK's INI loader accepts in `[profile NAME]` / `[sso-session NAME]`
 * (`[\w-@+.%:/]`); anything else makes the section invisible to the JS SDK.
 */
const SECTION_NAME = /^[\w\-@+.%:/]+$/;

export function validateName(kind: 'profile name' | 'session name', value: string): string | true {
  if (value === '') return messages.valueRequired;
  if (value === '__proto__' || !SECTION_NAME.test(value)) return messages.invalidName(kind, value);
  return true;
}
