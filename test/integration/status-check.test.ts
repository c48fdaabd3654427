import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { startEmulator, type Emulator } from '../emulator/server.js';
import { ConfigurationError, ExitStatus } from '../../src/errors.js';
import { status } from '../../src/flows/status.js';
import { SsoCache, tokenCacheKey } from '../../src/sso/cache.js';
import { makeHome, testContext, type TestContext } from '../helpers/sandbox.js';

/**
 * `status --check` against token caches written with various expiries (botocore's format,
 * through SsoCache): the exit status, the one line, and no network call.
 */
const START_URL = 'https://d-9067c0ab12.awsapps.com/start';
const OTHER_URL = 'https://d-906700aa99.awsapps.com/start';
const MIN = 60_000;
let emulator: Emulator;
let home: string;
let cleanup: () => Promise<void>;
let ctx: TestContext;
let cache: SsoCache;

beforeEach(async () => {
  ({ home, cleanup } = await makeHome());
  emulator = await startEmulator({ interval: 1 });
  await writeFile(
    path.join(home, '.aws', 'config'),
    `[profile dev]\nsso_session = corp\nsso_account_id = 111122223333\nsso_role_name = ReadOnlyAccess\n` +
      `[sso-session corp]\nsso_start_url = ${START_URL}\nsso_region = ap-northeast-1\nsso_registration_scopes = sso:account:access\n` +
      `[profile ops]\nsso_session = ops\n` +
      `[sso-session ops]\nsso_start_url = ${OTHER_URL}\nsso_region = us-east-1\n` +
      `[profile legacy]\nsso_start_url = ${START_URL}\nsso_region = ap-northeast-1\nsso_account_id = 444455556666\nsso_role_name = ReadOnlyAccess\n` +
      `[profile plain]\nregion = us-east-1\n`,
  );
  ctx = testContext({ home, emulator });
  cache = new SsoCache(ctx.paths.ssoCacheDir);
});
afterEach(async () => {
  await emulator.close();
  await cleanup();
});

/** Writes a token for a session (or a legacy start URL) expiring `minutes` from now; refreshable when asked. */
async function token(target: { sessionName?: string; startUrl: string }, minutes: number, refreshable = false): Promise<void> {
  const now = Date.now();
  await cache.writeToken(tokenCacheKey(target), {
    startUrl: target.startUrl,
    region: 'ap-northeast-1',
    accessToken: `aoa-${target.sessionName ?? 'legacy'}-${minutes}`,
    expiresAt: new Date(now + minutes * MIN),
    ...(refreshable
      ? { clientId: 'client', clientSecret: 'secret-value', refreshToken: 'aor-refresh', registrationExpiresAt: new Date(now + 90 * 24 * 60 * MIN) }
      : {}),
  });
}

/** Runs the check; returns its exit status (0 when it returned) and what it printed. */
async function check(options: { minRemainingMs?: number; profile?: string; ssoSession?: string }): Promise<{ code: number; output: string }> {
  const before = ctx.output().length;
  try {
    await status(ctx, { check: { minRemainingMs: 0, ...options } });
    return { code: 0, output: ctx.output().slice(before) };
  } catch (error) {
    if (!(error instanceof ExitStatus)) throw error;
    return { code: error.exitCode, output: ctx.output().slice(before) };
  }
}

describe('status --check', () => {
  it('passes, silently, while every token has the time asked for', async () => {
    await token({ sessionName: 'corp', startUrl: START_URL }, 120);
    await token({ sessionName: 'ops', startUrl: OTHER_URL }, 60);
    await token({ startUrl: START_URL }, 45);
    expect(await check({})).toEqual({ code: 0, output: '' });
    expect(await check({ minRemainingMs: 30 * MIN })).toEqual({ code: 0, output: '' });
    expect(emulator.calls).toEqual([]); // no network
  });

  it('fails with exit 3 and one line per sign-in short of the time asked for', async () => {
    await token({ sessionName: 'corp', startUrl: START_URL }, 120);
    await token({ sessionName: 'ops', startUrl: OTHER_URL }, 20);
    await token({ startUrl: START_URL }, 45);
    const result = await check({ minRemainingMs: 30 * MIN });
    expect(result.code).toBe(3);
    expect(result.output).toMatch(/^sso-session ops: expires at \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ \(in 1[89] min\)\n$/);
    // Only the profile's own session is checked with --profile.
    expect(await check({ minRemainingMs: 30 * MIN, profile: 'dev' })).toEqual({ code: 0, output: '' });
    expect(await check({ minRemainingMs: 30 * MIN, profile: 'legacy' })).toEqual({ code: 0, output: '' });
    expect((await check({ minRemainingMs: 30 * MIN, ssoSession: 'ops' })).code).toBe(3);
  });

  it('an expired token, or none, fails even with no time asked for', async () => {
    await token({ sessionName: 'corp', startUrl: START_URL }, -10);
    const expired = await check({ profile: 'dev' });
    expect(expired.code).toBe(3);
    expect(expired.output).toMatch(/^sso-session corp: expired at \S+Z\n$/);
    const none = await check({ ssoSession: 'ops' });
    expect(none).toEqual({ code: 3, output: 'sso-session ops: not signed in\n' });
    expect((await check({ profile: 'legacy' })).output).toBe(`start URL ${START_URL}: not signed in\n`);
  });

  it('a refreshable sign-in counts as valid, its token expired or not', async () => {
    await token({ sessionName: 'corp', startUrl: START_URL }, -10, true);
    expect(await check({ profile: 'dev', minRemainingMs: 2 * 60 * MIN })).toEqual({ code: 0, output: '' });
  });

  it('names a profile or sso-session it cannot check as a configuration error (253)', async () => {
    await expect(check({ profile: 'plain' })).rejects.toThrow(ConfigurationError);
    await expect(check({ profile: 'nope' })).rejects.toThrow('The profile nope does not sign in with SSO (or does not exist)');
    await expect(check({ ssoSession: 'nope' })).rejects.toThrow('The specified sso-session does not exist: "nope"');
  });
});
