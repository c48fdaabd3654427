import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { SSOClient, ListAccountsCommand } from '@aws-sdk/client-sso';
import { startEmulator, type Emulator } from '../emulator/server.js';
import { login, loginAll } from '../../src/flows/login.js';
import { logout } from '../../src/flows/logout.js';
import { roleCredentialsForProfile } from '../../src/flows/credentials.js';
import { tokenCacheKey } from '../../src/sso/cache.js';
import { roleCredentialsCacheKey } from '../../src/sso/role-credentials-cache.js';
import { CliError } from '../../src/errors.js';
import { makeHome, testContext } from '../helpers/sandbox.js';

const START_URL = 'https://d-9067c0ab12.awsapps.com/start';
const session = (name: string) => `[sso-session ${name}]\nsso_start_url = ${START_URL}\nsso_region = ap-northeast-1\nsso_registration_scopes = sso:account:access\n`;
let emulator: Emulator;
let home: string;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  ({ home, cleanup } = await makeHome());
  emulator = await startEmulator({ interval: 1 });
  await writeFile(
    path.join(home, '.aws', 'config'),
    `[profile pa]\nsso_session = a\nsso_account_id = 111122223333\nsso_role_name = ReadOnlyAccess\n` +
      `[profile pa2]\nsso_session = a\nsso_account_id = 111122223333\nsso_role_name = AdministratorAccess\n` +
      `[profile pb]\nsso_session = b\nsso_account_id = 111122223333\nsso_role_name = ReadOnlyAccess\n` +
      `[profile pc]\nsso_session = c\nsso_account_id = 111122223333\nsso_role_name = ReadOnlyAccess\n` +
      `[profile legacy]\nsso_start_url = ${START_URL}\nsso_region = ap-northeast-1\nsso_account_id = 111122223333\nsso_role_name = ReadOnlyAccess\n` +
      session('a') + session('b') + session('c'),
  );
});
afterEach(async () => {
  await emulator.close();
  await cleanup();
});

const ssoCache = () => path.join(home, '.aws', 'sso', 'cache');
const cliCache = () => path.join(home, '.aws', 'cli', 'cache');
const tokenFile = (name: string) => path.join(ssoCache(), `${tokenCacheKey({ sessionName: name, startUrl: START_URL })}.json`);

/** Every file of both caches, by name, as bytes. */
async function snapshot(): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const dir of [ssoCache(), cliCache()]) {
    for (const name of await readdir(dir).catch(() => [] as string[])) files.set(path.join(dir, name), await readFile(path.join(dir, name)));
  }
  return files;
}

async function portalAccepts(file: string): Promise<boolean> {
  const { accessToken } = JSON.parse(await readFile(file, 'utf8')) as { accessToken: string };
  const sso = new SSOClient({ region: 'ap-northeast-1', endpoint: emulator.url, maxAttempts: 1 });
  try {
    await sso.send(new ListAccountsCommand({ accessToken }));
    return true;
  } catch (error) {
    if ((error as Error).name === 'UnauthorizedException') return false;
    throw error;
  }
}

/** Leaves `minutes` on a cached token, as if it were about to expire. */
async function ageToken(name: string, minutes: number): Promise<void> {
  const json = JSON.parse(await readFile(tokenFile(name), 'utf8')) as Record<string, string>;
  json.expiresAt = new Date(Date.now() + minutes * 60_000).toISOString().replace(/\.\d+Z$/, 'Z');
  await writeFile(tokenFile(name), JSON.stringify(json));
}

describe('login --all', () => {
  it('refreshes first, then signs in the sessions that still need it, one browser sign-in each, with a summary', async () => {
    const ctx = testContext({ home, emulator });
    await login(ctx, { profile: 'pa' });
    await login(ctx, { profile: 'pb' });
    await ageToken('b', 5);
    // c comes first in the file, yet b is refreshed before c's browser opens.
    await writeFile(path.join(home, '.aws', 'config'), session('c') + session('a') + session('b'));
    const opened = ctx.opened.length;
    const open = ctx.openBrowser;
    const bExpiryAtOpen: number[] = [];
    ctx.openBrowser = async (url) => {
      bExpiryAtOpen.push(Date.parse((JSON.parse(await readFile(tokenFile('b'), 'utf8')) as { expiresAt: string }).expiresAt));
      return open(url);
    };
    const outcomes = await loginAll(ctx, { profile: 'default' });
    expect(outcomes).toEqual([
      { session: 'c', result: 'signed-in' },
      { session: 'a', result: 'already' },
      { session: 'b', result: 'refreshed' },
    ]);
    expect(ctx.opened.length - opened).toBe(1); // only c opened a browser
    expect(bExpiryAtOpen).toHaveLength(1);
    expect(bExpiryAtOpen[0]! - Date.now()).toBeGreaterThan(60 * 60_000);
    expect(ctx.output()).toContain('c: signed in\na: already signed in\nb: refreshed\n');
    for (const name of ['a', 'b', 'c']) expect(await portalAccepts(tokenFile(name))).toBe(true);

    const again = testContext({ home, emulator });
    expect((await loginAll(again, { profile: 'default' })).map((o) => o.result)).toEqual(['already', 'already', 'already']);
    expect(again.opened).toEqual([]);
  });

  it('a session that fails does not stop the others, and the command fails naming it', async () => {
    await writeFile(path.join(home, '.aws', 'config'), session('a') + '[sso-session broken]\nsso_start_url = https://x.awsapps.com/start\n' + session('c'));
    const ctx = testContext({ home, emulator, approve: 'deny' });
    const first = testContext({ home, emulator });
    await login(first, { profile: 'x', ssoSession: 'a' });
    const error = await loginAll(ctx, { profile: 'default' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).message).toBe('2 of 3 sso-sessions could not be signed in.');
    const out = ctx.output();
    expect(out).toContain('a: already signed in\n');
    expect(out).toMatch(/broken: failed \(Missing the following required SSO configuration values: sso_region\.\)\n/);
    expect(out).toMatch(/c: failed \(.+\)\n/);
  });

  it('--force signs every session in anew', async () => {
    const ctx = testContext({ home, emulator });
    await login(ctx, { profile: 'pa' });
    const outcomes = await loginAll(ctx, { profile: 'default', force: true });
    expect(outcomes.map((o) => o.result)).toEqual(['signed-in', 'signed-in', 'signed-in']);
  });
});

describe('logout of one session', () => {
  async function signedInEverywhere() {
    const ctx = testContext({ home, emulator });
    for (const profile of ['pa', 'pb', 'legacy']) await login(ctx, { profile });
    for (const profile of ['pa', 'pa2', 'pb', 'legacy']) await roleCredentialsForProfile(ctx, profile);
    // Not an SSO entry: an assume-role credential of the AWS CLI's, under a key like ours.
    await mkdir(cliCache(), { recursive: true });
    await writeFile(path.join(cliCache(), 'f0e1d2c3b4a5968778695a4b3c2d1e0f00112233.json'), '{"Credentials": {}, "ProviderType": "assume-role"}');
    return ctx;
  }
  const credentialsFile = (accountId: string, roleName: string, sessionName?: string) =>
    path.join(cliCache(), `${roleCredentialsCacheKey({ accountId, roleName, sessionName, startUrl: START_URL })}.json`);

  it('--sso-session revokes and removes that token and its profiles\' role credentials only; every other file stays byte for byte', async () => {
    const ctx = await signedInEverywhere();
    const before = await snapshot();
    const tokenA = tokenFile('a');
    expect(await portalAccepts(tokenA)).toBe(true);
    const tokenAText = await readFile(tokenA, 'utf8');
    const result = await logout(ctx, { ssoSession: 'a' });
    expect(result).toMatchObject({ tokensRemoved: 1, credentialsRemoved: 2 });
    expect(ctx.output()).toContain('Signed out of a: removed 1 cached SSO token and 2 cached role credentials of its profiles.\n');

    const removed = [tokenA, credentialsFile('111122223333', 'ReadOnlyAccess', 'a'), credentialsFile('111122223333', 'AdministratorAccess', 'a')];
    const after = await snapshot();
    expect([...after.keys()].sort()).toEqual([...before.keys()].filter((f) => !removed.includes(f)).sort());
    for (const [file, bytes] of after) expect(bytes.equals(before.get(file)!), file).toBe(true);
    // The revoked token no longer works at the portal; b's still does.
    await writeFile(path.join(home, 'old.json'), tokenAText);
    expect(await portalAccepts(path.join(home, 'old.json'))).toBe(false);
    expect(await portalAccepts(tokenFile('b'))).toBe(true);
    expect(emulator.calls.filter((c) => c.op === 'Logout')).toHaveLength(1);
  });

  it('--profile signs out of the sign-in the profile uses: a legacy profile\'s start URL', async () => {
    const ctx = await signedInEverywhere();
    const before = await snapshot();
    const legacyToken = path.join(ssoCache(), `${tokenCacheKey({ startUrl: START_URL })}.json`);
    await logout(ctx, { profile: 'legacy' });
    const removed = [legacyToken, credentialsFile('111122223333', 'ReadOnlyAccess')];
    const after = await snapshot();
    expect([...after.keys()].sort()).toEqual([...before.keys()].filter((f) => !removed.includes(f)).sort());
    for (const [file, bytes] of after) expect(bytes.equals(before.get(file)!), file).toBe(true);

    await logout(ctx, { profile: 'pb' });
    const left = [...(await snapshot()).keys()];
    expect(left).not.toContain(tokenFile('b'));
    expect(left).toContain(tokenFile('a'));
  });

  it('a session not signed in, or a token the portal refuses, still ends in no file; an unknown session is an error', async () => {
    const ctx = await signedInEverywhere();
    emulator.revoke();
    await logout(ctx, { ssoSession: 'b' });
    expect([...(await snapshot()).keys()]).not.toContain(tokenFile('b'));
    const result = await logout(ctx, { ssoSession: 'c' });
    expect(result).toMatchObject({ tokensRemoved: 0, credentialsRemoved: 0 });
    await expect(logout(ctx, { ssoSession: 'nope' })).rejects.toThrow('The specified sso-session does not exist: "nope"');
  });

  it('plain logout still signs out of everything', async () => {
    const ctx = await signedInEverywhere();
    const result = await logout(ctx);
    expect(result).toMatchObject({ tokensRemoved: 3, credentialsRemoved: 4 });
  });
});
