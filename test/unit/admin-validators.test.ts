import { describe, expect, it } from 'vitest';
import { managedPolicyArn, validateEmail, validatePolicyName, validateSessionDuration } from '../../src/flows/admin-validators.js';
import { catalogue } from '../../src/ui/messages/index.js';

const m = catalogue('en');

describe('sso-setup admin input checks', () => {
  it('session durations: ISO 8601 hours and minutes, PT1H to PT12H as Identity Center allows', () => {
    for (const ok of ['PT1H', 'PT8H', 'PT12H', 'PT2H30M', 'PT60M', 'PT720M']) expect(validateSessionDuration(m, ok), ok).toBe(true);
    for (const bad of ['8h', 'PT', 'PT30M', 'PT13H', 'PT12H1M', 'P1D', 'pt1h', '']) expect(validateSessionDuration(m, bad), bad).toMatch(/Invalid session duration/);
  });

  it('e-mail addresses: one @, a dot in the domain, no spaces', () => {
    expect(validateEmail(m, 'hogehoge@example.ne.jp')).toBe(true);
    for (const bad of ['hogehoge', 'a@b', 'a b@example.com', '@example.com', 'a@@example.com']) expect(validateEmail(m, bad), bad).not.toBe(true);
  });

  it('AWS managed policies by name or ARN; names become arn:aws:iam::aws:policy/NAME', () => {
    expect(validatePolicyName(m, 'AmazonS3FullAccess')).toBe(true);
    expect(validatePolicyName(m, 'arn:aws:iam::aws:policy/job-function/ViewOnlyAccess')).toBe(true);
    expect(validatePolicyName(m, 'Amazon S3')).toMatch(/Invalid AWS managed policy name/);
    expect(validatePolicyName(m, 'arn:aws:iam::123456789012:policy/Mine')).not.toBe(true);
    expect(managedPolicyArn('AmazonS3FullAccess')).toBe('arn:aws:iam::aws:policy/AmazonS3FullAccess');
    expect(managedPolicyArn('AmazonS3FullAccess', 'aws-cn')).toBe('arn:aws-cn:iam::aws:policy/AmazonS3FullAccess');
    expect(managedPolicyArn('arn:aws:iam::aws:policy/job-function/ViewOnlyAccess')).toBe('arn:aws:iam::aws:policy/job-function/ViewOnlyAccess');
  });
});
