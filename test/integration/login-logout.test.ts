import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { SSOClient, ListAccountsCommand } from '@aws-sdk/client-sso';
import { startEmulator, type Emulator } from '../emulator/server.js';
import { login } from '../../src/flows/login.js';
import { logout } from '../../src/flows/logout.js';
import { makeHome, testContext } from '../helpers/sandbox.js';
import { tokenCacheKey } from '../../src/sso/cache.js';

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
      `[profile legacy]\nsso_start_url = ${START_URL}\nsso_region = ap-northeast-1\n`,
  );
});

afterEach(async () => {
  await emulator.close();
  await cleanup();
});

const cacheDir = () => path.join(home, '.aws', 'sso', 'cache');
const readJson = async (file: string) => JSON.parse(await readFile(file, 'utf8')) as Record<string, string>;

async function portalAccepts(accessToken: string): Promise<boolean> {
  const sso = new SSOClient({ region: 'ap-northeast-1', endpoint: emulator.url, maxAttempts: 1 });
  try {
    await sso.send(new ListAccountsCommand({ accessToken }));
    return true;
  } catch (error) {
    if ((error as Error).name === 'UnauthorizedException') return false;
    throw error;
  }
}

// "checklist N" in the test names: docs/compat.md checklist N (the AWS CLI's own tests).
describe('login', () => {
  it('signs in a session profile, and a second login reuses the registration (checklist 23, 25)', async () => {
    const ctx = testContext({ home, emulator });
    await login(ctx, { profile: 'dev' });
    expect(ctx.output()).toContain(`Successfully logged into Start URL: ${START_URL}\n`);
    const files = (await readdir(cacheDir())).sort();
    expect(files).toHaveLength(2);
    const tokenFile = `${tokenCacheKey({ sessionName: 'corp', startUrl: START_URL })}.json`;
    expect(files).toContain(tokenFile);
    const first = await readJson(path.join(cacheDir(), tokenFile));

    await login(ctx, { profile: 'dev' });
    expect(emulator.calls.filter((c) => c.op === 'RegisterClient')).toHaveLength(1);
    expect((await readdir(cacheDir())).sort()).toEqual(files);
    const second = await readJson(path.join(cacheDir(), tokenFile));
    expect(second.accessToken).not.toBe(first.accessToken);
    expect(second.expiresAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it('--sso-session works with no profile; legacy profiles sign in by start URL', async () => {
    const ctx = testContext({ home, emulator });
    await login(ctx, { profile: 'nonexistent', ssoSession: 'corp' });
    await login(ctx, { profile: 'legacy' });
    expect(ctx.output().match(/Successfully logged into Start URL/g)).toHaveLength(2);
  });

  it('sign-in flags that a still-valid sign-in makes unnecessary are named as not used (issue 12 item 2, the class)', async () => {
    const ctx = testContext({ home, emulator });
    await login(ctx, { profile: 'dev' });
    expect(ctx.output()).not.toContain('not used');
    await login(ctx, { profile: 'dev', useDeviceCode: true, timeoutSeconds: 30 });
    expect(ctx.output()).toContain('No new sign-in was needed, so --use-device-code, --timeout were not used. To sign in anew, run: sso-setup login --force\n');
    expect(emulator.calls.filter((c) => c.op === 'StartDeviceAuthorization')).toEqual([]);
  });

  it('--no-browser prints the URL and code and opens nothing (checklist 24)', async () => {
    const ctx = testContext({ home, emulator });
    const printed = new Promise<string>((resolve) => {
      const write = ctx.stdout.write;
      ctx.stdout.write = (text: string) => {
        write(text);
        const code = /Then enter the code:\n\n(\S+)/.exec(text)?.[1];
        if (code) resolve(code);
      };
    });
    const done = login(ctx, { profile: 'dev', noBrowser: true, useDeviceCode: true });
    emulator.approve(await printed);
    await done;
    expect(ctx.opened).toEqual([]);
    expect(ctx.output()).toContain('Browser will not be automatically opened.\nPlease visit the following URL:\n\n');
    expect(ctx.output()).toContain('Alternatively, you may visit the following URL which will autofill the code upon loading:\n');
  });
});

describe('damaged cache files', () => {
  it('a truncated registration or token is replaced by the next sign-in, and the user is told which file', async () => {
    const ctx = testContext({ home, emulator });
    await login(ctx, { profile: 'dev' });
    const files = await readdir(cacheDir());
    for (const f of files) {
      const text = await readFile(path.join(cacheDir(), f), 'utf8');
      await writeFile(path.join(cacheDir(), f), text.slice(0, 25)); // truncated mid-JSON
    }
    const registrations = emulator.calls.filter((c) => c.op === 'RegisterClient').length;
    await login(ctx, { profile: 'dev' });
    expect(ctx.output()).toMatch(/Warning: the cache file .*\.json could not be used \(damaged or not a cache file\); this sign-in replaces it\./);
    expect(emulator.calls.filter((c) => c.op === 'RegisterClient')).toHaveLength(registrations + 1);
    for (const f of await readdir(cacheDir())) expect(() => JSON.parse(readFileSync(path.join(cacheDir(), f), 'utf8'))).not.toThrow();
  });
});

describe('logout', () => {
  it('revokes every token at the portal, deletes tokens and SSO role credentials, keeps the rest (checklist 36-38)', async () => {
    const ctx = testContext({ home, emulator });
    await login(ctx, { profile: 'dev' });
    await login(ctx, { profile: 'legacy' });
    const tokens = [];
    for (const f of await readdir(cacheDir())) {
      const json = await readJson(path.join(cacheDir(), f));
      if (json.accessToken) tokens.push(json.accessToken);
    }
    expect(tokens).toHaveLength(2);
    for (const t of tokens) expect(await portalAccepts(t)).toBe(true);

    await writeFile(path.join(cacheDir(), 'broken.json'), '{"accessToken": ');
    const cliCache = path.join(home, '.aws', 'cli', 'cache');
    await mkdir(cliCache, { recursive: true });
    await writeFile(path.join(cliCache, 'sso.json'), JSON.stringify({ ProviderType: 'sso', Credentials: {} }));
    await writeFile(path.join(cliCache, 'assume.json'), JSON.stringify({ ProviderType: 'assume-role', Credentials: {} }));

    const result = await logout(ctx);
    expect(result).toEqual({ tokensRemoved: 2, credentialsRemoved: 1, tempFilesRemoved: 0 });
    expect(emulator.calls.filter((c) => c.op === 'Logout')).toHaveLength(2);
    for (const t of tokens) expect(await portalAccepts(t)).toBe(false);
    const left = await readdir(cacheDir());
    expect(left).toContain('broken.json');
    expect(left).toHaveLength(3); // two registrations (session and legacy) and the invalid file
    expect(await readdir(cliCache)).toEqual(['assume.json']);
  });

  it('succeeds with no cache directories at all', async () => {
    const ctx = testContext({ home, emulator });
    expect(await logout(ctx)).toEqual({ tokensRemoved: 0, credentialsRemoved: 0, tempFilesRemoved: 0 });
  });

  it('removes the temp files interrupted writes (ours and botocore\'s) left in both cache folders, and nothing else', async () => {
    const ctx = testContext({ home, emulator });
    await login(ctx, { profile: 'dev' });
    const cliCache = path.join(home, '.aws', 'cli', 'cache');
    await mkdir(cliCache, { recursive: true });
    const token = tokenCacheKey({ sessionName: 'corp', startUrl: START_URL });
    // Ours: `.<file>.<12 hex>.tmp`, as writeFileAtomic names it; botocore's: tempfile.mkstemp's own name.
    const ours = [path.join(cacheDir(), `.${token}.json.0123456789ab.tmp`), path.join(cliCache, '.0a1b.json.ba9876543210.tmp')];
    const botocore = [cacheDir(), cliCache].map((dir) =>
      execFileSync('python3', ['-c', 'import sys, tempfile; print(tempfile.mkstemp(dir=sys.argv[1], suffix=".tmp")[1])', dir], {
        encoding: 'utf8',
      }).trim(),
    );
    for (const file of [...ours, ...botocore]) await writeFile(file, '{"refreshToken": "secret"}');
    const kept = [path.join(cacheDir(), 'notes.tmp'), path.join(cliCache, '.hidden.json')];
    for (const file of kept) await writeFile(file, 'mine');

    expect(await logout(ctx)).toMatchObject({ tokensRemoved: 1, tempFilesRemoved: 4 });
    const left = [...(await readdir(cacheDir())), ...(await readdir(cliCache))];
    expect(left.filter((name) => name.endsWith('.tmp'))).toEqual(['notes.tmp']);
    expect(left).toContain('.hidden.json');
  });

  it('still deletes a token the portal rejects', async () => {
    const ctx = testContext({ home, emulator });
    await login(ctx, { profile: 'dev' });
    emulator.failNext('Logout', { status: 401, errorType: 'UnauthorizedException' });
    expect((await logout(ctx)).tokensRemoved).toBe(1);
  });
});
