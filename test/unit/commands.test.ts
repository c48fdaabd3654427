import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { newAdminCommand } from '../../src/commands/admin.js';
import { newConfigureCommand } from '../../src/commands/configure.js';
import { newConsoleCommand } from '../../src/commands/console.js';
import { newExportCredentialsCommand } from '../../src/commands/export-credentials.js';
import type { Factory } from '../../src/commands/factory.js';
import { newLoginCommand } from '../../src/commands/login.js';
import { newLogoutCommand } from '../../src/commands/logout.js';
import { newPopulateCommand } from '../../src/commands/populate.js';
import { newWhoamiCommand } from '../../src/commands/whoami.js';
import { profileFromEnvironment, resolveProfile } from '../../src/config/profile-name.js';
import type { Context } from '../../src/context.js';
import { CliError } from '../../src/errors.js';
import { catalogue } from '../../src/ui/messages/index.js';

const en = catalogue('en');

/**
 * Each command's flags → options mapping, through its `run` seam: nothing runs but the
 * parsing. The flows are tested apart (integration tests).
 */

function factory(env: NodeJS.ProcessEnv = {}, interactive = false): Factory {
  const ctx = { env, interactive } as unknown as Context;
  return { messages: en, context: () => ctx, newCommand: (name) => new Command(name).exitOverride() };
}

/** Parses argv with the command and returns the options its run seam received. */
async function parsed<O>(make: (f: Factory, run: (o: O) => Promise<void>) => Command, argv: string[], env?: NodeJS.ProcessEnv) {
  let received: O | undefined;
  await make(factory(env), async (options) => void (received = options)).parseAsync(argv, { from: 'user' });
  return received!;
}

describe('resolveProfile (the AWS CLI v2 precedence)', () => {
  it.each([
    [undefined, {}, 'default'],
    [undefined, { AWS_DEFAULT_PROFILE: 'b' }, 'b'],
    [undefined, { AWS_PROFILE: 'a', AWS_DEFAULT_PROFILE: 'b' }, 'a'],
    [undefined, { AWS_PROFILE: '', AWS_DEFAULT_PROFILE: 'b' }, 'b'],
    ['flag', { AWS_PROFILE: 'a', AWS_DEFAULT_PROFILE: 'b' }, 'flag'],
  ] as const)('--profile %s with %j → %s', (flag, env, expected) => {
    expect(resolveProfile(flag, env)).toBe(expected);
  });

  it('profileFromEnvironment leaves it unset when nothing names one (configure then asks)', () => {
    expect(profileFromEnvironment(undefined, {})).toBeUndefined();
  });
});

describe('command flags → options', () => {
  it('configure maps every flag to its own option; none becomes a preset by accident', async () => {
    const options = await parsed(newConfigureCommand, [
      '--sso-session', 's', '--start-url', 'https://x.awsapps.com/start', '--sso-region', 'us-east-1', '--scopes', 'a,b',
      '--account-id', '111122223333', '--role-name', 'R', '--region', 'eu-west-1', '--output', 'json',
      '--yes', '--dry-run', '--no-verify', '--remember', '--use-device-code', '--timeout', '30',
    ]);
    expect(options).toEqual({
      noBrowser: false,
      useDeviceCode: true,
      callbackPort: undefined,
      timeoutSeconds: 30,
      profile: undefined,
      preset: {
        ssoSession: 's',
        startUrl: 'https://x.awsapps.com/start',
        ssoRegion: 'us-east-1',
        scopes: 'a,b',
        accountId: '111122223333',
        roleName: 'R',
        region: 'eu-west-1',
        output: 'json',
      },
      acceptDefaults: true,
      interactive: false,
      dryRun: true,
      remember: true,
      verify: false,
    });
  });

  it('admin maps every flag to its own option, --managed-policy and --account-id repeatable', async () => {
    const options = await parsed(newAdminCommand, [
      '--profile', 'admin', '--region', 'ap-northeast-1', '--user-name', 'workday_worker', '--email', 'hogehoge@example.ne.jp',
      '--given-name', 'Taro', '--family-name', 'Yamada', '--display-name', 'Taro Yamada', '--group', 'developers',
      '--permission-set', 'S3DynamoDBAccess', '--description', 'S3 and DynamoDB', '--session-duration', 'PT8H',
      '--managed-policy', 'AmazonDynamoDBFullAccess', '--managed-policy', 'AmazonS3FullAccess',
      '--account-id', '111122223333', '--account-id', '444455556666', '--yes', '--dry-run',
    ]);
    expect(options).toEqual({
      profile: 'admin',
      preset: {
        region: 'ap-northeast-1',
        userName: 'workday_worker',
        email: 'hogehoge@example.ne.jp',
        givenName: 'Taro',
        familyName: 'Yamada',
        displayName: 'Taro Yamada',
        group: 'developers',
        permissionSet: 'S3DynamoDBAccess',
        description: 'S3 and DynamoDB',
        sessionDuration: 'PT8H',
        managedPolicies: ['AmazonDynamoDBFullAccess', 'AmazonS3FullAccess'],
        accountIds: ['111122223333', '444455556666'],
      },
      acceptDefaults: true,
      interactive: false,
      dryRun: true,
    });
    // No --profile and no AWS_PROFILE: left to the SDK's default chain (environment credentials first).
    expect((await parsed(newAdminCommand, [])).profile).toBeUndefined();
    expect((await parsed(newAdminCommand, [], { AWS_PROFILE: 'a' })).profile).toBe('a');
  });

  it('every command that takes --profile resolves it the same way', async () => {
    const env = { AWS_DEFAULT_PROFILE: 'from-default' };
    expect((await parsed(newConfigureCommand, [], env)).profile).toBe('from-default');
    expect((await parsed(newLoginCommand, [], env)).profile).toBe('from-default');
    expect((await parsed(newWhoamiCommand, [], env)).profile).toBe('from-default');
    expect((await parsed(newExportCredentialsCommand, [], env)).profile).toBe('from-default');
    expect((await parsed(newLoginCommand, ['--profile', 'p'], { AWS_PROFILE: 'a' })).profile).toBe('p');
  });

  it('login --all, alone; logout --sso-session or --profile, one of them, and AWS_PROFILE never narrows a logout', async () => {
    expect(await parsed(newLoginCommand, ['--all'])).toMatchObject({ all: true });
    expect((await parsed(newLoginCommand, [])).all).toBeUndefined();
    for (const extra of [['--profile', 'p'], ['--sso-session', 's'], ['--remember']]) {
      await expect(parsed(newLoginCommand, ['--all', ...extra])).rejects.toThrow(CliError);
    }
    expect(await parsed(newLogoutCommand, [], { AWS_PROFILE: 'a' })).toEqual({});
    expect(await parsed(newLogoutCommand, ['--sso-session', 's'])).toEqual({ ssoSession: 's' });
    expect(await parsed(newLogoutCommand, ['--profile', 'p'])).toEqual({ profile: 'p' });
    await expect(parsed(newLogoutCommand, ['--profile', 'p', '--sso-session', 's'])).rejects.toThrow(en.logout.bothTargets);
  });

  it('console maps each flag, and the profile from the environment', async () => {
    expect(await parsed(newConsoleCommand, ['--destination', 's3', '--region', 'eu-west-1', '--print', '--portal'], { AWS_PROFILE: 'a' })).toEqual({
      profile: 'a',
      destination: 's3',
      region: 'eu-west-1',
      print: true,
      portal: true,
    });
    expect(await parsed(newConsoleCommand, ['--profile', 'p'])).toEqual({
      profile: 'p',
      destination: undefined,
      region: undefined,
      print: undefined,
      portal: undefined,
    });
  });

  it('populate maps its flags and the shared sign-in flags', async () => {
    const options = await parsed(newPopulateCommand, ['--sso-session', 's', '--rate', '5', '--prune', '--no-browser']);
    expect(options).toMatchObject({ ssoSession: 's', template: '{account_name}-{role_name}', rate: 5, prune: true });
    expect(options.signIn).toMatchObject({ noBrowser: true });
  });

  it('a bad sign-in flag is a usage error before the run seam is reached', async () => {
    await expect(parsed(newLoginCommand, ['--callback-port', '70000'])).rejects.toBeInstanceOf(CliError);
  });
});
