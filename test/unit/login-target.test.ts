import { describe, expect, it } from 'vitest';
import { resolveLoginTarget } from '../../src/flows/login.js';
import type { AwsConfig } from '../../src/config/read.js';
import { ExitCode } from '../../src/errors.js';
import { catalogue } from '../../src/ui/messages/index.js';

const en = catalogue('en');

const config: AwsConfig = {
  profiles: {
    dev: { sso_session: 'corp', sso_account_id: '1', sso_role_name: 'r' },
    legacy: { sso_start_url: 'https://d-1.awsapps.com/start', sso_region: 'us-east-1' },
    partial: { sso_start_url: 'https://d-1.awsapps.com/start' },
    orphan: { sso_session: 'nope' },
    empty: { sso_session: 'empty' },
  },
  ssoSessions: {
    corp: { sso_start_url: 'https://d-2.awsapps.com/start', sso_region: 'eu-west-1', sso_registration_scopes: 'sso:account:access' },
    empty: {},
  },
};

// docs/compat.md §A2 "aws sso login" and checklist 27-29.
describe('resolveLoginTarget', () => {
  it('uses the profile sso_session', () => {
    expect(resolveLoginTarget(en, config, { profile: 'dev' })).toEqual({
      sessionName: 'corp',
      startUrl: 'https://d-2.awsapps.com/start',
      region: 'eu-west-1',
      scopes: ['sso:account:access'],
      useDeviceCode: false,
    });
  });

  it('--sso-session works without a profile', () => {
    expect(resolveLoginTarget(en, config, { profile: 'missing', ssoSession: 'corp' }).sessionName).toBe('corp');
  });

  it('uses legacy keys', () => {
    expect(resolveLoginTarget(en, config, { profile: 'legacy' })).toEqual({
      startUrl: 'https://d-1.awsapps.com/start',
      region: 'us-east-1',
    });
  });

  it('lists only the missing keys, exit code 253', () => {
    expect(() => resolveLoginTarget(en, config, { profile: 'partial' })).toThrow(
      'Missing the following required SSO configuration values: sso_region. To make sure this profile is properly configured to use SSO, please run: sso-setup configure',
    );
    try {
      resolveLoginTarget(en, config, { profile: 'empty' });
    } catch (error) {
      expect((error as Error).message).toBe('Missing the following required SSO configuration values: sso_start_url, sso_region. ');
      expect((error as { exitCode: number }).exitCode).toBe(ExitCode.configuration);
    }
  });

  it('names an unknown session or profile', () => {
    expect(() => resolveLoginTarget(en, config, { profile: 'orphan' })).toThrow('The specified sso-session does not exist: "nope"');
    expect(() => resolveLoginTarget(en, config, { profile: 'x', ssoSession: 'test' })).toThrow(
      'The specified sso-session does not exist: "test"',
    );
    expect(() => resolveLoginTarget(en, config, { profile: 'ghost' })).toThrow('The config profile (ghost) could not be found');
  });

  it('--profile with --sso-session must name the same sign-in, else a usage error (issue 12 item 2, the class)', () => {
    expect(resolveLoginTarget(en, config, { profile: 'dev', ssoSession: 'corp', profileFlag: true }).sessionName).toBe('corp');
    // AWS_PROFILE (not the flag) with --sso-session: the session, as the AWS CLI does.
    expect(resolveLoginTarget(en, config, { profile: 'legacy', ssoSession: 'corp' }).sessionName).toBe('corp');
    let error: unknown;
    try {
      resolveLoginTarget(en, config, { profile: 'legacy', ssoSession: 'corp', profileFlag: true });
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({
      exitCode: 252,
      message: '--profile legacy and --sso-session corp name different sign-ins (the profile uses no sso-session): give only one of them.',
    });
  });
});

