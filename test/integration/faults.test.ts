import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { startEmulator, type Emulator, type Organisation } from '../emulator/server.js';
import { configure } from '../../src/flows/configure.js';
import { login } from '../../src/flows/login.js';
import { choose, makeHome, ScriptedPrompter, testContext } from '../helpers/sandbox.js';

/**
 * Faults injected by the emulator, end to end through the flows: what the SDK retries
 * with backoff succeeds; what cannot succeed ends with a clear message and no file changed.
 */
const START_URL = 'https://d-9067c0ab12.awsapps.com/start';
const HAND_WRITTEN = '# keep me\n[default]\nregion = eu-west-1\n';
let emulator: Emulator;
let home: string;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  ({ home, cleanup } = await makeHome());
  vi.stubEnv('HOME', home);
  await writeFile(path.join(home, '.aws', 'config'), HAND_WRITTEN);
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await emulator?.close();
  await cleanup();
});

const answers = () => new ScriptedPrompter(['my-sso', START_URL, 'ap-northeast-1', '', choose('Development'), choose('ReadOnly'), '', '', 'p']);
const readConfig = () => readFile(path.join(home, '.aws', 'config'), 'utf8');
const untouched = async () => {
  expect(await readConfig()).toBe(HAND_WRITTEN);
  expect(await readdir(path.join(home, '.aws'))).toEqual(['config']);
};

describe('faults the SDK retries with backoff', () => {
  it.each([
    ['429 throttling', 'ListAccounts', { status: 429, errorType: 'TooManyRequestsException', retryAfter: 1, count: 2 }],
    ['500 at RegisterClient', 'RegisterClient', { status: 500, errorType: 'InternalServerException', count: 2 }],
    ['503 at ListAccountRoles', 'ListAccountRoles', { status: 503, errorType: 'ServiceUnavailableException', count: 1 }],
    ['a connection reset at StartDeviceAuthorization', 'StartDeviceAuthorization', { kind: 'reset', count: 1 }],
    ['a reset at GetRoleCredentials', 'GetRoleCredentials', { kind: 'reset', count: 1 }],
  ] as const)('%s: configure still succeeds', async (_name, op, fault) => {
    emulator = await startEmulator({ interval: 1 });
    emulator.injectFault(op, fault as never);
    const ctx = testContext({ home, emulator, prompter: answers(), maxAttempts: 3 });
    await configure(ctx, { useDeviceCode: true });
    expect(ctx.output()).toMatch(/"Arn": "arn:aws:sts::111122223333:assumed-role\/AWSReservedSSO_ReadOnlyAccess/);
    const calls = emulator.calls.filter((c) => c.op === op);
    expect(calls.length).toBeGreaterThan(1); // it failed, and was retried
  });

  it('transient errors while polling for the token: polling goes on', async () => {
    emulator = await startEmulator({ interval: 1 });
    emulator.injectFault('CreateToken', { status: 500, errorType: 'InternalServerException', count: 2 });
    const ctx = testContext({ home, emulator, approveAfterMs: 100 });
    await writeFile(path.join(home, '.aws', 'config'), `[sso-session s]\nsso_start_url = ${START_URL}\nsso_region = ap-northeast-1\n`);
    await login(ctx, { profile: 'unused', ssoSession: 's', useDeviceCode: true });
    expect(ctx.output()).toContain(`Successfully logged into Start URL: ${START_URL}`);
    expect(emulator.calls.filter((c) => c.op === 'CreateToken').map((c) => c.status)).toEqual([500, 500, 200]);
  });
});

describe('faults that end the run with a clear message and no file changed', () => {
  it('responses slower than the request timeout', async () => {
    emulator = await startEmulator({ interval: 1 });
    emulator.injectFault('ListAccounts', { kind: 'delay', ms: 2_000, always: true });
    const ctx = testContext({ home, emulator, prompter: answers(), maxAttempts: 2, timeouts: { requestTimeoutMs: 300 } });
    await expect(configure(ctx, {})).rejects.toThrow(/Listing your AWS accounts and roles failed: TimeoutError/);
    await untouched();
  });

  it('throttled on every attempt', async () => {
    emulator = await startEmulator({ interval: 1 });
    emulator.injectFault('ListAccounts', { status: 429, errorType: 'TooManyRequestsException', always: true });
    const ctx = testContext({ home, emulator, prompter: answers(), maxAttempts: 2 });
    await expect(configure(ctx, {})).rejects.toThrow(/Listing your AWS accounts and roles failed: TooManyRequestsException/);
    await untouched();
  });

  it.each([
    ['device code', true, 'The sign-in request was denied in the browser. Run the command again to retry.'],
    ['PKCE', false, 'Failed to retrieve an authorization code: the sign-in request was denied in the browser. Run the command again to retry.'],
  ])('access denied in the browser (%s)', async (_name, useDeviceCode, message) => {
    emulator = await startEmulator({ interval: 1 });
    const ctx = testContext({ home, emulator, prompter: answers(), approve: 'deny' });
    await expect(configure(ctx, { useDeviceCode })).rejects.toThrow(message);
    await untouched();
  });

  it('a token revoked mid-run: the AWS CLI message, and a profile without credentials', async () => {
    emulator = await startEmulator({ interval: 1 });
    const revokeThenChoose = (choices: ReadonlyArray<{ name: string; value: unknown }>) => {
      emulator.revoke();
      return choices[0]!.value;
    };
    const ctx = testContext({
      home,
      emulator,
      prompter: new ScriptedPrompter(['my-sso', START_URL, 'ap-northeast-1', '', revokeThenChoose, '', '', 'p']),
    });
    await configure(ctx, {});
    expect(ctx.output()).toContain('Unable to list AWS accounts and/or roles. Skipping configuring AWS credential provider for profile.');
    expect(ctx.output()).toContain('Successfully configured SSO for profile: p');
  });

  it('a role without permissions: the verification names the refusal', async () => {
    const org: Organisation = {
      startUrl: START_URL,
      region: 'ap-northeast-1',
      user: { userName: 'u' },
      accounts: [{ accountId: '111122223333', accountName: 'Dev', roles: ['Locked'], deniedRoles: ['Locked'] }],
    };
    emulator = await startEmulator({ org, interval: 1 });
    const ctx = testContext({ home, emulator, prompter: new ScriptedPrompter(['s', START_URL, 'ap-northeast-1', '', '', '', 'p']) });
    await expect(configure(ctx, {})).rejects.toThrow(/The profile was written, but signing in with it failed: .*ForbiddenException/);
  });
});
