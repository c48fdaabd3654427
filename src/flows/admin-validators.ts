/** What `sso-setup admin` accepts as names, e-mail addresses, durations and policies: pure checks, no backtracking regex. */
import type { Messages } from '../ui/messages/index.js';

/** The AWS default: one hour. */
export const DEFAULT_SESSION_DURATION = 'PT1H';

/** IAM's AWS managed policy ARN for a name (`AmazonS3FullAccess`); an ARN given is kept. */
export function managedPolicyArn(name: string, partition = 'aws'): string {
  return name.startsWith('arn:') ? name : `arn:${partition}:iam::aws:policy/${name}`;
}

const POLICY_NAME_PART = /^[\w+=,.@-]+$/;
const AWS_POLICY_ARN_PREFIX = /^arn:aws[\w-]*:iam::aws:policy\//;

/** An AWS managed policy's name, or its ARN with an optional path (`arn:aws:iam::aws:policy/job-function/ViewOnlyAccess`): checked part by part, no backtracking. */
function isPolicyName(value: string): boolean {
  const prefix = AWS_POLICY_ARN_PREFIX.exec(value)?.[0];
  if (value.startsWith('arn:') && !prefix) return false;
  const parts = value.slice(prefix?.length ?? 0).split('/');
  const name = parts.at(-1)!;
  if (!prefix && parts.length > 1) return false;
  return name.length >= 1 && name.length <= 128 && parts.every((part) => POLICY_NAME_PART.test(part));
}
export const USER_NAME = /^[\w+=,.@-]{1,128}$/;
export const PERMISSION_SET_NAME = /^[\w+=,.@-]{1,32}$/;
/** What Identity Center accepts in practice: one @, no spaces, a dot inside the domain (checked in one pass, no backtracking). */
function isEmail(value: string): boolean {
  if (/\s/.test(value)) return false;
  const at = value.indexOf('@');
  if (at <= 0 || at !== value.lastIndexOf('@')) return false;
  const domain = value.slice(at + 1);
  const dot = domain.lastIndexOf('.');
  return dot > 0 && dot < domain.length - 1;
}
/** PT1H … PT12H, as ISO 8601 durations of hours and minutes. */
const DURATION = /^PT(?:(\d{1,2})H)?(?:(\d{1,3})M)?$/;

export function validateEmail(m: Messages, value: string): string | true {
  return value.length <= 254 && isEmail(value) ? true : m.admin.invalidEmail(value);
}

export function validateSessionDuration(m: Messages, value: string): string | true {
  const match = DURATION.exec(value);
  if (!match || (!match[1] && !match[2])) return m.admin.invalidSessionDuration(value);
  const minutes = Number(match[1] ?? 0) * 60 + Number(match[2] ?? 0);
  return minutes >= 60 && minutes <= 720 ? true : m.admin.invalidSessionDuration(value);
}

export function validatePolicyName(m: Messages, value: string): string | true {
  return isPolicyName(value) ? true : m.admin.invalidPolicyName(value);
}
