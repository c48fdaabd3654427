import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { newExecCommand } from '../../src/commands/exec.js';
import type { Factory } from '../../src/commands/factory.js';
import { newServeCommand } from '../../src/commands/serve.js';
import { newStatusCommand } from '../../src/commands/status.js';
import type { Context } from '../../src/context.js';
import { CliError, ExitCode } from '../../src/errors.js';
import { parseDuration } from '../../src/flows/duration.js';
import { childEnvironment, exitCodeOf } from '../../src/flows/exec.js';
import { credentialsBody, endpointUrl, errorBody, isLoopbackHost, newAuthorizationToken, tokenMatches } from '../../src/flows/serve.js';
import { describeFailure, passes, validUntil, type SessionStatus } from '../../src/flows/status.js';
import { catalogue } from '../../src/ui/messages/index.js';

const en = catalogue('en');

/** exec, serve and status --check: their flag mapping and the pure rules under them. */

function factory(env: NodeJS.ProcessEnv = {}): Factory {
  const ctx = { env, interactive: false } as unknown as Context;
  return { messages: en, context: () => ctx, newCommand: (name) => new Command(name).exitOverride() };
}

async function parsed<O>(make: (f: Factory, run: (o: O) => Promise<void>) => Command, argv: string[], env?: NodeJS.ProcessEnv) {
  let received: O | undefined;
  await make(factory(env), async (options) => void (received = options)).parseAsync(argv, { from: 'user' });
  return received!;
}

async function usageError<O>(make: (f: Factory, run: (o: O) => Promise<void>) => Command, argv: string[], env?: NodeJS.ProcessEnv) {
  const error = await parsed<O>(make, argv, env).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CliError);
  expect((error as CliError).exitCode).toBe(ExitCode.usage);
  return (error as CliError).message;
}

describe('exec flags', () => {
  it('takes everything after -- as the command and its arguments, options included', async () => {
    expect(await parsed(newExecCommand, ['--profile', 'dev', '--', 'aws', 's3', 'ls', '--profile', 'x', '--debug'])).toEqual({
      profile: 'dev',
      command: 'aws',
      args: ['s3', 'ls', '--profile', 'x', '--debug'],
    });
  });
  it('uses AWS_PROFILE, then default, as the other commands do', async () => {
    expect(await parsed(newExecCommand, ['--', 'env'], { AWS_PROFILE: 'p' })).toMatchObject({ profile: 'p', command: 'env', args: [] });
    expect(await parsed(newExecCommand, ['--', 'env'], {})).toMatchObject({ profile: 'default' });
  });
});

describe('serve flags', () => {
  it('defaults to 127.0.0.1 and any free port', async () => {
    expect(await parsed(newServeCommand, [], {})).toEqual({ profile: 'default', port: 0, host: '127.0.0.1' });
    expect(await parsed(newServeCommand, ['--profile', 'dev', '--port', '8080', '--host', '0.0.0.0'])).toEqual({ profile: 'dev', port: 8080, host: '0.0.0.0' });
  });
  it.each([['http'], ['-1'], ['65536'], ['80.5'], ['']])('--port %j is a usage error', async (port) => {
    expect(await usageError(newServeCommand, ['--port', port])).toBe(en.serve.invalidPort(port));
  });
});

describe('status --check flags', () => {
  it('maps --check, --min-remaining, --profile and --sso-session', async () => {
    expect(await parsed(newStatusCommand, [])).toEqual({ json: undefined });
    expect(await parsed(newStatusCommand, ['--check'])).toEqual({ json: undefined, check: { minRemainingMs: 0 } });
    expect(await parsed(newStatusCommand, ['--check', '--min-remaining', '1h30m', '--profile', 'dev'])).toEqual({
      json: undefined,
      check: { minRemainingMs: 90 * 60_000, profile: 'dev' },
    });
    expect(await parsed(newStatusCommand, ['--check', '--sso-session', 'corp'], { AWS_PROFILE: 'dev' })).toEqual({
      json: undefined,
      check: { minRemainingMs: 0, ssoSession: 'corp' },
    });
    // AWS_PROFILE names the profile a prompt is about, as it does for the AWS CLI.
    expect(await parsed(newStatusCommand, ['--check'], { AWS_PROFILE: 'dev' })).toMatchObject({ check: { profile: 'dev' } });
  });
  it('rejects a bad duration, conflicting flags, and check flags without --check', async () => {
    expect(await usageError(newStatusCommand, ['--check', '--min-remaining', '30'])).toBe(en.status.check.invalidDuration('30'));
    expect(await usageError(newStatusCommand, ['--check', '--profile', 'a', '--sso-session', 'b'])).toBe(en.status.check.conflict('--profile', '--sso-session'));
    expect(await usageError(newStatusCommand, ['--check', '--json'])).toBe(en.status.check.conflict('--check', '--json'));
    expect(await usageError(newStatusCommand, ['--min-remaining', '30m'])).toBe(en.status.check.needsCheck('--min-remaining'));
    expect(await usageError(newStatusCommand, ['--profile', 'dev'])).toBe(en.status.check.needsCheck('--profile'));
  });
});

describe('parseDuration', () => {
  it.each([
    ['0', 0],
    ['90s', 90_000],
    ['30m', 1_800_000],
    ['2h', 7_200_000],
    ['1h30m', 5_400_000],
    ['1d2h3m4s', 93_784_000],
    [' 15m ', 900_000],
  ])('%j → %d ms', (text, ms) => expect(parseDuration(text)).toBe(ms));

  it.each([[''], ['30'], ['-5m'], ['1.5h'], ['30M'], ['30 m'], ['m'], ['30m2h'], ['1h1h'], ['2w'], ['9'.repeat(30) + 's']])('%j is rejected', (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });
});

describe('the status --check decision', () => {
  const now = Date.parse('2026-01-01T09:00:00Z');
  const at = (minutes: number) => new Date(now + minutes * 60_000).toISOString();
  const base: SessionStatus = {
    type: 'sso-session', name: 'corp', startUrl: 'https://x.awsapps.com/start', region: 'ap-northeast-1', profiles: ['dev'],
    signedIn: true, expiresAt: at(60), refreshable: false, registrationExpiresAt: null,
  };

  it('a token is valid while it has the time asked for; the boundary counts', () => {
    expect(passes(base, now, 0)).toBe(true);
    expect(passes(base, now, 60 * 60_000)).toBe(true);
    expect(passes(base, now, 60 * 60_000 + 1)).toBe(false);
  });
  it('an expired token, or none, fails even with nothing asked for', () => {
    expect(passes({ ...base, signedIn: false, expiresAt: at(-1) }, now, 0)).toBe(false);
    expect(passes({ ...base, signedIn: false, expiresAt: at(0) }, now, 0)).toBe(false);
    expect(passes({ ...base, signedIn: false, expiresAt: null }, now, 0)).toBe(false);
  });
  it('a refreshable sign-in is valid until its registration expires, even with the token expired', () => {
    const refreshable = { ...base, signedIn: false, expiresAt: at(-5), refreshable: true, registrationExpiresAt: at(90 * 24 * 60) };
    expect(validUntil(refreshable)).toBe(now + 90 * 24 * 60 * 60_000);
    expect(passes(refreshable, now, 2 * 60 * 60_000)).toBe(true);
    // Not refreshable: the registration date alone does not count.
    expect(passes({ ...refreshable, refreshable: false }, now, 0)).toBe(false);
  });
  it('says which sign-in fails and when it expired or expires', () => {
    expect(describeFailure(en, { ...base, expiresAt: at(12) }, now)).toBe('sso-session corp: expires at 2026-01-01T09:12:00Z (in 12 min)');
    expect(describeFailure(en, { ...base, signedIn: false, expiresAt: at(-30) }, now)).toBe('sso-session corp: expired at 2026-01-01T08:30:00Z');
    expect(describeFailure(en, { ...base, type: 'legacy', name: null, signedIn: false, expiresAt: null }, now)).toBe(
      'start URL https://x.awsapps.com/start: not signed in',
    );
  });
});

describe('exec: the child environment and exit code', () => {
  const credentials = {
    accessKeyId: 'ASIAEXAMPLE', secretAccessKey: 'secret', sessionToken: 'session', expiration: new Date('2026-01-01T10:00:00.000Z'), accountId: '111122223333',
  };
  it('sets the credentials, account and region, removes the profile variables and AWS_SECURITY_TOKEN, keeps the rest', () => {
    const env = childEnvironment({ PATH: '/bin', AWS_PROFILE: 'x', AWS_DEFAULT_PROFILE: 'y', AWS_ACCESS_KEY_ID: 'old', AWS_SECURITY_TOKEN: 'stale', AWS_ACCOUNT_ID: '999999999999', AWS_REGION: 'us-east-1' }, credentials, 'ap-northeast-1');
    expect(env).toEqual({
      PATH: '/bin',
      AWS_ACCESS_KEY_ID: 'ASIAEXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'secret',
      AWS_SESSION_TOKEN: 'session',
      AWS_CREDENTIAL_EXPIRATION: '2026-01-01T10:00:00Z',
      AWS_ACCOUNT_ID: '111122223333',
      AWS_REGION: 'ap-northeast-1',
      AWS_DEFAULT_REGION: 'ap-northeast-1',
    });
  });
  it('is the exit code, or 128 + the signal number, as a shell reports it', () => {
    expect(exitCodeOf(0, null)).toBe(0);
    expect(exitCodeOf(42, null)).toBe(42);
    expect(exitCodeOf(null, 'SIGTERM')).toBe(143);
    expect(exitCodeOf(null, 'SIGINT')).toBe(130);
    expect(exitCodeOf(null, 'SIGKILL')).toBe(137);
  });
});

describe('serve: token, addresses and bodies', () => {
  it('makes a fresh 32-byte token each time and compares it exactly', () => {
    const token = newAuthorizationToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newAuthorizationToken()).not.toBe(token);
    expect(tokenMatches(token, token)).toBe(true);
    expect(tokenMatches(undefined, token)).toBe(false);
    expect(tokenMatches('', token)).toBe(false);
    expect(tokenMatches(token.slice(0, -1), token)).toBe(false);
    expect(tokenMatches(`${token} `, token)).toBe(false);
    expect(tokenMatches(`Bearer ${token}`, token)).toBe(false);
  });
  it('knows loopback addresses and builds the URL clients use', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', '::1', 'localhost']) expect(isLoopbackHost(host), host).toBe(true);
    for (const host of ['0.0.0.0', '::', '192.168.1.10', '172.17.0.1', 'example.com']) expect(isLoopbackHost(host), host).toBe(false);
    expect(endpointUrl('127.0.0.1', 8080)).toBe('http://127.0.0.1:8080/');
    expect(endpointUrl('0.0.0.0', 8080)).toBe('http://127.0.0.1:8080/');
    expect(endpointUrl('::1', 8080)).toBe('http://[::1]:8080/');
  });
  it('serves role credentials in the container provider shape, errors as {code, message}', () => {
    const body = JSON.parse(
      credentialsBody({ accessKeyId: 'ASIA1', secretAccessKey: 's', sessionToken: 't', expiration: new Date('2026-01-01T10:00:00.123Z'), accountId: '111122223333' }),
    );
    expect(body).toEqual({ AccessKeyId: 'ASIA1', SecretAccessKey: 's', Token: 't', Expiration: '2026-01-01T10:00:00Z', AccountId: '111122223333' });
    expect(JSON.parse(errorBody('Forbidden', 'no'))).toEqual({ code: 'Forbidden', message: 'no', Code: 'Forbidden', Message: 'no' });
  });
});
