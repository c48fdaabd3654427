import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { startEmulator, type Emulator } from '../emulator/server.js';
import { login } from '../../src/flows/login.js';
import { collectStatus } from '../../src/flows/status.js';
import { exportCredentials } from '../../src/flows/credentials.js';
import { whoami } from '../../src/flows/verify.js';
import { tokenCacheKey } from '../../src/sso/cache.js';
import { makeHome, testContext } from '../helpers/sandbox.js';

const START_URL = 'https://d-9067c0ab12.awsapps.com/start';
let emulator: Emulator;
let home: string;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  ({ home, cleanup } = await makeHome());
  emulator = await startEmulator({ interval: 1 });
  await writeFile(
    path.join(home, '.aws', 'config'),
    `[profile dev]\nsso_session = corp\nsso_account_id = 111122223333\nsso_role_name = ReadOnlyAccess\n` +
      `[sso-session corp]\nsso_start_url = ${START_URL}\nsso_region = ap-northeast-1\nsso_registration_scopes = sso:account:access\n` +
      `[profile legacy]\nsso_start_url = ${START_URL}\nsso_region = ap-northeast-1\nsso_account_id = 444455556666\nsso_role_name = ReadOnlyAccess\n` +
      `[profile other]\nsso_session = corp\n[profile plain]\nregion = us-east-1\n`,
  );
});
afterEach(async () => {
  await emulator.close();
  await cleanup();
});

describe('status', () => {
  it('reports each session and legacy start URL from config and caches alone', async () => {
    const ctx = testContext({ home, emulator });
    const before = await collectStatus(ctx);
    expect(before).toEqual([
      expect.objectContaining({ type: 'sso-session', name: 'corp', profiles: ['dev', 'other'], signedIn: false, expiresAt: null, refreshable: false }),
      expect.objectContaining({ type: 'legacy', name: null, startUrl: START_URL, profiles: ['legacy'], signedIn: false }),
    ]);
    const calls = emulator.calls.length;
    await login(ctx, { profile: 'dev' });
    await login(ctx, { profile: 'legacy' });
    const after = await collectStatus(ctx);
    expect(emulator.calls.length).toBeGreaterThan(calls);
    expect(after[0]).toMatchObject({ signedIn: true, refreshable: true, registrationExpiresAt: expect.stringMatching(/Z$/) });
    expect(after[1]).toMatchObject({ signedIn: true, refreshable: false }); // legacy: no refresh token
    expect(Date.parse(after[0]!.expiresAt!)).toBeGreaterThan(Date.now());
  });
});

describe('export-credentials', () => {
  it('fetches role credentials once, caches them in the AWS CLI format (0600), reuses them', async () => {
    const ctx = testContext({ home, emulator });
    await login(ctx, { profile: 'dev' });
    await exportCredentials(ctx, { profile: 'dev', format: 'process' });
    await exportCredentials(ctx, { profile: 'dev', format: 'env' });
    expect(emulator.calls.filter((c) => c.op === 'GetRoleCredentials')).toHaveLength(1);
    const cliCache = path.join(home, '.aws', 'cli', 'cache');
    const [file] = await readdir(cliCache);
    const text = await readFile(path.join(cliCache, file!), 'utf8');
    expect(text).toMatch(
      /^\{"ProviderType": "sso", "Credentials": \{"AccessKeyId": "ASIA\w+", "SecretAccessKey": "[^"]+", "SessionToken": "[^"]+", "Expiration": "\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", "AccountId": "111122223333"\}\}$/,
    );
    expect((await stat(path.join(cliCache, file!))).mode & 0o777).toBe(0o600);
    const out = ctx.output();
    const processJson = JSON.parse(out.slice(out.indexOf('{'), out.indexOf('}\n') + 1));
    expect(processJson).toMatchObject({ Version: 1, AccessKeyId: expect.stringMatching(/^ASIA/) });
    expect(out).toContain(`export AWS_ACCESS_KEY_ID=${processJson.AccessKeyId}\n`);
  });

  it('says to sign in when there is no token, and names a profile without SSO settings', async () => {
    const ctx = testContext({ home, emulator });
    await expect(exportCredentials(ctx, { profile: 'dev', format: 'env' })).rejects.toThrow(
      'The SSO session for profile dev has expired or you are not signed in: run: sso-setup login --profile dev',
    );
    await expect(exportCredentials(ctx, { profile: 'other', format: 'env' })).rejects.toThrow(/has no sso_account_id or sso_role_name/);
    // Not an SSO profile: the SDK's chain, as the AWS CLI (docs/compat.md §D5).
    await expect(exportCredentials(ctx, { profile: 'plain', profileFlag: true, format: 'env' })).rejects.toThrow(
      'Unable to retrieve credentials: Could not resolve credentials using profile: [plain] in configuration/credentials file(s).',
    );
  });
});

/**
 * A command that needs a token refreshes it as botocore's SSOTokenProvider does (docs/compat.md
 * "SSOTokenProvider"): under 15 minutes left and an sso-session with a refresh token and a
 * live registration → CreateToken(refresh_token), written back at once in botocore's format;
 * otherwise the expired session is reported as before.
 */
describe('a command that needs a token refreshes it first, as botocore does', () => {
  const TOKEN_KEYS = ['startUrl', 'region', 'accessToken', 'expiresAt', 'clientId', 'clientSecret', 'registrationExpiresAt', 'refreshToken'];
  const tokenFile = (target: { sessionName?: string; startUrl: string }) =>
    path.join(home, '.aws', 'sso', 'cache', `${tokenCacheKey(target)}.json`);
  const sessionFile = () => tokenFile({ sessionName: 'corp', startUrl: START_URL });
  const readJson = async (file: string) => JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  /** Python's json.dumps of a flat object of strings (ASCII here): what botocore writes. */
  const pyDumps = (json: Record<string, unknown>) =>
    `{${Object.entries(json).map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(', ')}}`;
  const pythonDate = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const tokenCalls = (from: number) => emulator.calls.slice(from).filter((c) => c.op === 'CreateToken').map((c) => c.status);

  /** Signs in, then rewrites the token file in botocore's format with `change` applied. */
  async function signedInWith(change: (json: Record<string, unknown>) => void, file = sessionFile(), profile = 'dev') {
    await login(testContext({ home, emulator }), { profile });
    const json = await readJson(file);
    change(json);
    await writeFile(file, pyDumps(json));
    return json;
  }
  const expired = (json: Record<string, unknown>) => void (json.expiresAt = pythonDate(new Date(Date.now() - 60_000)));

  it('export-credentials: an expired access token with a refresh token is refreshed, written back in botocore\'s format, and used', async () => {
    const before = await signedInWith(expired);
    const from = emulator.calls.length;
    const ctx = testContext({ home, emulator });
    await exportCredentials(ctx, { profile: 'dev', format: 'process' });
    expect(JSON.parse(ctx.output())).toMatchObject({ Version: 1, AccessKeyId: expect.stringMatching(/^ASIA/) });
    expect(emulator.calls.slice(from).map((c) => [c.op, c.status])).toEqual([['CreateToken', 200], ['GetRoleCredentials', 200]]);

    const text = await readFile(sessionFile(), 'utf8');
    const after = JSON.parse(text) as Record<string, unknown>;
    expect(text).toBe(pyDumps(after)); // compact, ", " and ": ", no newline: botocore's JSONFileCache
    expect(Object.keys(after)).toEqual(TOKEN_KEYS);
    expect(after.expiresAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(Date.parse(after.expiresAt as string)).toBeGreaterThan(Date.now() + 15 * 60_000);
    expect(after.accessToken).not.toBe(before.accessToken);
    expect(after.refreshToken).not.toBe(before.refreshToken); // the one that came back (the emulator rotates them)
    expect(after).toMatchObject({
      startUrl: START_URL,
      region: 'ap-northeast-1',
      clientId: before.clientId,
      clientSecret: before.clientSecret,
      registrationExpiresAt: before.registrationExpiresAt,
    });
    expect(ctx.output()).not.toContain(after.accessToken as string);
  });

  it('export-credentials: a token with under 15 minutes left is refreshed too; one with more is used as it is', async () => {
    await signedInWith((json) => void (json.expiresAt = pythonDate(new Date(Date.now() + 10 * 60_000))));
    let from = emulator.calls.length;
    await exportCredentials(testContext({ home, emulator }), { profile: 'dev', format: 'env' });
    expect(tokenCalls(from)).toEqual([200]);

    await rm(path.join(home, '.aws', 'cli', 'cache'), { recursive: true, force: true });
    from = emulator.calls.length;
    await exportCredentials(testContext({ home, emulator }), { profile: 'dev', format: 'env' });
    expect(tokenCalls(from)).toEqual([]);
    expect(emulator.calls.slice(from).map((c) => c.op)).toEqual(['GetRoleCredentials']);
  });

  it('export-credentials: expired and no refresh token, or a refresh that is refused → the same error as before, the file untouched', async () => {
    const message = 'The SSO session for profile dev has expired or you are not signed in: run: sso-setup login --profile dev';
    await signedInWith((json) => {
      expired(json);
      delete json.refreshToken;
    });
    const untouched = await readFile(sessionFile(), 'utf8');
    let from = emulator.calls.length;
    await expect(exportCredentials(testContext({ home, emulator }), { profile: 'dev', format: 'env' })).rejects.toThrow(message);
    expect(emulator.calls.length).toBe(from);
    expect(await readFile(sessionFile(), 'utf8')).toBe(untouched);

    await signedInWith(expired);
    emulator.revoke();
    const refused = await readFile(sessionFile(), 'utf8');
    from = emulator.calls.length;
    await expect(exportCredentials(testContext({ home, emulator }), { profile: 'dev', format: 'env' })).rejects.toThrow(message);
    expect(tokenCalls(from)).toEqual([400]);
    expect(await readFile(sessionFile(), 'utf8')).toBe(refused);
  });

  it('export-credentials: an expired registration or a legacy profile is not refreshed (botocore does not either)', async () => {
    await signedInWith((json) => {
      expired(json);
      json.registrationExpiresAt = pythonDate(new Date(Date.now() - 60_000));
    });
    let from = emulator.calls.length;
    await expect(exportCredentials(testContext({ home, emulator }), { profile: 'dev', format: 'env' })).rejects.toThrow(/profile dev has expired/);
    expect(emulator.calls.length).toBe(from);

    // A legacy token given a session's refresh fields: still not refreshed.
    const session = await readJson(sessionFile());
    const legacyFile = tokenFile({ startUrl: START_URL });
    await signedInWith(
      (json) => {
        expired(json);
        Object.assign(json, { clientId: session.clientId, clientSecret: session.clientSecret, refreshToken: session.refreshToken });
        json.registrationExpiresAt = pythonDate(new Date(Date.now() + 24 * 3600_000));
      },
      legacyFile,
      'legacy',
    );
    from = emulator.calls.length;
    await expect(exportCredentials(testContext({ home, emulator }), { profile: 'legacy', format: 'env' })).rejects.toThrow(/profile legacy has expired/);
    expect(emulator.calls.length).toBe(from);
  });

  it("whoami: an expired access token is refreshed the same way, and the file stays in botocore's format (not the JS SDK's)", async () => {
    const before = await signedInWith(expired);
    const from = emulator.calls.length;
    const ctx = testContext({ home, emulator });
    // whoami goes through the JS SDK's own provider, which finds the token cache from HOME.
    vi.stubEnv('HOME', home);
    vi.stubEnv('USERPROFILE', home);
    try {
      await whoami(ctx, { profile: 'dev', json: true });
    } finally {
      vi.unstubAllEnvs();
    }
    expect(JSON.parse(ctx.output())).toMatchObject({ Account: '111122223333' });
    expect(tokenCalls(from)).toEqual([200]);
    const text = await readFile(sessionFile(), 'utf8');
    const after = JSON.parse(text) as Record<string, unknown>;
    expect(text).toBe(pyDumps(after));
    expect(Object.keys(after)).toEqual(TOKEN_KEYS);
    expect(after.accessToken).not.toBe(before.accessToken);
  });
});

describe('whoami applies botocore\'s rules for a profile with an sso-session (issue 12 item 3)', () => {
  it('refuses a profile whose legacy keys differ from its session, naming the keys and the fix, though the JS SDK would use it', async () => {
    const config = path.join(home, '.aws', 'config');
    await writeFile(
      config,
      `[profile dev]\nsso_start_url = https://d-0000000000.awsapps.com/start\nsso_region = eu-west-1\nsso_session = corp\n` +
        `sso_account_id = 111122223333\nsso_role_name = ReadOnlyAccess\n` +
        `[sso-session corp]\nsso_start_url = ${START_URL}\nsso_region = ap-northeast-1\nsso_registration_scopes = sso:account:access\n`,
    );
    const ctx = testContext({ home, emulator });
    await login(ctx, { profile: 'dev' });
    vi.stubEnv('HOME', home);
    vi.stubEnv('USERPROFILE', home);
    try {
      const error = (await whoami(ctx, { profile: 'dev' }).catch((e: unknown) => e)) as Error & { exitCode: number };
      expect(error.exitCode).toBe(253);
      expect(error.message).toContain('The AWS CLI and boto3 cannot use the profile dev: it sets sso_start_url, sso_region differently from its sso-session corp');
      expect(error.message).toContain(`sso_start_url: "https://d-0000000000.awsapps.com/start" in the profile, "${START_URL}" in the sso-session`);
      expect(error.message).toContain(`Remove sso_start_url and sso_region from the [profile dev] section of ${config}`);
      expect(emulator.calls.filter((c) => c.op === 'GetCallerIdentity')).toEqual([]);
      // export-credentials (credential_process) refuses it as `aws configure export-credentials` does.
      await expect(exportCredentials(ctx, { profile: 'dev', format: 'process' })).rejects.toThrow(
        'The AWS CLI and boto3 cannot use the profile dev',
      );
      expect(emulator.calls.filter((c) => c.op === 'GetRoleCredentials')).toEqual([]);
      // Once the stale keys are gone, whoami succeeds.
      const text = await readFile(config, 'utf8');
      await writeFile(config, text.replace(/^sso_start_url = https:\/\/d-0+.*\n^sso_region = eu-west-1\n/m, ''));
      await whoami(ctx, { profile: 'dev', json: true });
      expect(ctx.output()).toContain('"Account": "111122223333"');
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
