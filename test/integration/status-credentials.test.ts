import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { startEmulator, type Emulator } from '../emulator/server.js';
import { login } from '../../src/flows/login.js';
import { collectStatus } from '../../src/flows/status.js';
import { exportCredentials } from '../../src/flows/credentials.js';
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
    await expect(exportCredentials(ctx, { profile: 'plain', format: 'env' })).rejects.toThrow(/Missing the following required SSO configuration values/);
  });
});
