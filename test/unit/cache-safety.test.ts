/**
 * ~/.aws/sso/cache holds secrets and is read back by us, the AWS CLI and the SDKs: files are
 * private, and whatever is found there (a truncated write, a huge file, JSON of the wrong
 * shape, something that is not a file at all) is reported as CacheFileError, a cache miss,
 * never a crash or a hang.
 */
import { spawnSync } from 'node:child_process';
import * as fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { removeSsoRoleCredentials } from '../../src/sso/role-credentials-cache.js';
import { CacheFileError, MAX_CACHE_FILE_BYTES, SsoCache, type SsoToken } from '../../src/sso/cache.js';

const posix = process.platform !== 'win32';
const modeOf = async (file: string) => (await fsp.stat(file)).mode & 0o777;

let home: string;
let cacheDir: string;
beforeEach(async () => {
  home = await fsp.mkdtemp(path.join(os.tmpdir(), 'cache-safety-'));
  cacheDir = path.join(home, '.aws', 'sso', 'cache');
});
afterEach(async () => {
  await fsp.rm(home, { recursive: true, force: true });
});

const TOKEN: SsoToken = {
  startUrl: 'https://d-1234567890.awsapps.com/start',
  region: 'us-east-1',
  accessToken: 'aoaAAAAAGexampleaccesstoken',
  expiresAt: new Date('2030-01-01T00:00:00Z'),
  clientId: 'client-id',
  clientSecret: 'client-secret',
  registrationExpiresAt: new Date('2030-02-01T00:00:00Z'),
  refreshToken: 'aorAAAAAGexamplerefreshtoken',
};
const REGISTRATION = { clientId: 'c', clientSecret: 's', expiresAt: new Date('2030-01-01T00:00:00Z') };

/** Writes `text` as the cache file for `key` and returns the cache. */
async function cacheWith(files: Record<string, string>): Promise<SsoCache> {
  await fsp.mkdir(cacheDir, { recursive: true });
  for (const [key, text] of Object.entries(files)) await fsp.writeFile(path.join(cacheDir, `${key}.json`), text);
  return new SsoCache(cacheDir);
}

const listedKeys = async (cache: SsoCache) =>
  (await cache.listTokenFiles()).map((entry) => path.basename(entry.file, '.json'));

describe('cache file modes', () => {
  it('creates the cache folder and its missing parents 0700, and writes files 0600', async () => {
    const cache = new SsoCache(cacheDir);
    await cache.writeToken('token', TOKEN);
    await cache.writeRegistration('registration', REGISTRATION);
    if (!posix) return;
    for (const folder of [cacheDir, path.dirname(cacheDir), path.join(home, '.aws')]) {
      expect([folder, await modeOf(folder)]).toEqual([folder, 0o700]);
    }
    expect(await modeOf(path.join(cacheDir, 'token.json'))).toBe(0o600);
    expect(await modeOf(path.join(cacheDir, 'registration.json'))).toBe(0o600);
  });

  it('makes a pre-existing 0644 token or registration file 0600 when it rewrites it', async () => {
    const cache = await cacheWith({ token: '{}', registration: '{}' });
    await fsp.chmod(path.join(cacheDir, 'token.json'), 0o644);
    await fsp.chmod(path.join(cacheDir, 'registration.json'), 0o666);
    await cache.writeToken('token', TOKEN);
    await cache.writeRegistration('registration', REGISTRATION);
    if (posix) {
      expect(await modeOf(path.join(cacheDir, 'token.json'))).toBe(0o600);
      expect(await modeOf(path.join(cacheDir, 'registration.json'))).toBe(0o600);
    }
    expect((await cache.readToken('token'))?.accessToken).toBe(TOKEN.accessToken);
    expect((await fsp.readdir(cacheDir)).sort()).toEqual(['registration.json', 'token.json']);
  });
});

describe('a sign-in\'s files (writeSignIn)', () => {
  it('writes the registration and the token, 0600, in a folder made 0700 because it was missing', async () => {
    const cache = new SsoCache(cacheDir);
    await cache.writeSignIn({ key: 'token', token: TOKEN }, { key: 'registration', registration: REGISTRATION });
    expect((await fsp.readdir(cacheDir)).sort()).toEqual(['registration.json', 'token.json']);
    expect((await cache.readToken('token'))?.refreshToken).toBe(TOKEN.refreshToken);
    expect((await cache.readRegistration('registration'))?.clientSecret).toBe('s');
    if (posix) for (const file of ['registration.json', 'token.json']) expect(await modeOf(path.join(cacheDir, file))).toBe(0o600);
    if (posix) expect(await modeOf(path.join(home, '.aws'))).toBe(0o700);
    await cache.writeSignIn({ key: 'token2', token: TOKEN }); // a reused registration: the token alone
    expect((await fsp.readdir(cacheDir)).sort()).toEqual(['registration.json', 'token.json', 'token2.json']);
  });

  it('a write that fails after making the folders removes them again: the disk as it was', async () => {
    const fail = async () => {
      throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
    };
    const cache = new SsoCache(cacheDir, { fs: { rename: fail } });
    await expect(cache.writeSignIn({ key: 'token', token: TOKEN }, { key: 'registration', registration: REGISTRATION })).rejects.toMatchObject({
      code: 'ENOSPC',
    });
    expect(await fsp.readdir(home)).toEqual([]);
    // A folder that was there stays, empty of temp files.
    await fsp.mkdir(cacheDir, { recursive: true });
    await expect(cache.writeToken('token', TOKEN)).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(await fsp.readdir(cacheDir)).toEqual([]);
  });
});

describe('damaged and hostile cache files', () => {
  it('reports every truncation of a token file as CacheFileError, and listTokenFiles skips them', async () => {
    const cache = new SsoCache(cacheDir);
    await cache.writeToken('whole', TOKEN);
    const whole = await fsp.readFile(path.join(cacheDir, 'whole.json'), 'utf8');
    const truncated: Record<string, string> = {};
    for (let length = 0; length < whole.length; length++) truncated[`cut-${length}`] = whole.slice(0, length);
    await cacheWith({ ...truncated, binary: '\u0000\u00ff\ufffd{"accessToken"', nul: '\u0000'.repeat(64) });

    for (const key of [...Object.keys(truncated), 'binary', 'nul']) {
      await expect(cache.readToken(key), key).rejects.toBeInstanceOf(CacheFileError);
    }
    expect(await listedKeys(cache)).toEqual(['whole']);
  });

  it('refuses a huge file without reading it into memory', async () => {
    const padded = (size: number) => {
      const json = `{"accessToken": "a", "expiresAt": "2030-01-01T00:00:00Z", "pad": ""}`;
      return json.slice(0, -2) + ' '.repeat(size - json.length) + '"}';
    };
    const cache = await cacheWith({ limit: padded(MAX_CACHE_FILE_BYTES), over: padded(MAX_CACHE_FILE_BYTES + 1) });
    expect((await cache.readToken('limit'))?.accessToken).toBe('a');
    await expect(cache.readToken('over')).rejects.toThrow(/is not usable: it is larger than 1 MiB/);

    if (posix) {
      // 3 GiB, sparse: reading it whole used to throw a RangeError (over 2 GiB) instead.
      const handle = await fsp.open(path.join(cacheDir, 'huge.json'), 'w');
      await handle.truncate(3 * 1024 ** 3);
      await handle.close();
      await expect(cache.readToken('huge')).rejects.toBeInstanceOf(CacheFileError);
      await expect(cache.readRegistration('huge')).rejects.toBeInstanceOf(CacheFileError);
    }
    expect(await listedKeys(cache)).toEqual(['limit']);
  });

  it('refuses a JSON array, null, a string or a number', async () => {
    const cache = await cacheWith({
      array: `[{"accessToken": "a", "expiresAt": "2030-01-01T00:00:00Z"}]`,
      null: 'null',
      string: '"aoaAAAAAG"',
      number: '42',
      token: `{"accessToken": "a", "expiresAt": "2030-01-01T00:00:00Z"}`,
    });
    for (const key of ['array', 'null', 'string', 'number']) {
      await expect(cache.readToken(key), key).rejects.toThrow(/it is not a JSON object/);
      await expect(cache.readRegistration(key), key).rejects.toBeInstanceOf(CacheFileError);
    }
    expect(await listedKeys(cache)).toEqual(['token']);
  });

  it('refuses required fields of the wrong type, and drops optional ones', async () => {
    const expiresAt = '"expiresAt": "2030-01-01T00:00:00Z"';
    const cache = await cacheWith({
      numberToken: `{"accessToken": 123, ${expiresAt}}`,
      emptyToken: `{"accessToken": "", ${expiresAt}}`,
      objectToken: `{"accessToken": {"value": "a"}, ${expiresAt}}`,
      numberExpiry: `{"accessToken": "a", "expiresAt": 1893456000}`,
      badExpiry: `{"accessToken": "a", "expiresAt": "tomorrow"}`,
      inherited: `{"__proto__": {"accessToken": "a", ${expiresAt}}}`,
      odd: `{"accessToken": "a", ${expiresAt}, "startUrl": 5, "region": ["x"], "clientId": {}, "clientSecret": null,
        "refreshToken": 7, "registrationExpiresAt": true}`,
      nullSecret: `{"clientId": "c", "clientSecret": null, ${expiresAt}}`,
      oddScopes: `{"clientId": "c", "clientSecret": "s", ${expiresAt}, "scopes": "sso:account:access", "grantTypes": ["a", 5]}`,
      numberRegion: `{"accessToken": "b", ${expiresAt}, "region": 5}`,
    });
    for (const key of ['numberToken', 'emptyToken', 'objectToken', 'numberExpiry', 'badExpiry', 'inherited']) {
      await expect(cache.readToken(key), key).rejects.toThrow(/has no accessToken or expiresAt/);
    }
    expect(({} as Record<string, unknown>).accessToken).toBeUndefined(); // no prototype was polluted
    expect(await cache.readToken('odd')).toEqual({
      startUrl: '',
      region: '',
      accessToken: 'a',
      expiresAt: new Date('2030-01-01T00:00:00Z'),
      clientId: undefined,
      clientSecret: undefined,
      registrationExpiresAt: undefined,
      refreshToken: undefined,
    });
    await expect(cache.readRegistration('nullSecret')).rejects.toBeInstanceOf(CacheFileError);
    expect(await cache.readRegistration('oddScopes')).toEqual({
      clientId: 'c',
      clientSecret: 's',
      expiresAt: new Date('2030-01-01T00:00:00Z'),
      scopes: undefined,
      grantTypes: undefined,
    });
    const listed = await cache.listTokenFiles();
    expect(listed.map((entry) => [path.basename(entry.file), entry.region])).toEqual([
      ['badExpiry.json', undefined],
      ['numberExpiry.json', undefined],
      ['numberRegion.json', undefined],
      ['odd.json', undefined],
    ]);
  });

  it('refuses a folder or a FIFO named like a cache file, without waiting on it', async () => {
    const cache = await cacheWith({ token: `{"accessToken": "a", "expiresAt": "2030-01-01T00:00:00Z"}` });
    await fsp.mkdir(path.join(cacheDir, 'folder.json'));
    const fifo = posix && spawnSync('mkfifo', [path.join(cacheDir, 'fifo.json')]).status === 0;
    const keys = fifo ? ['folder', 'fifo'] : ['folder'];
    const tooSlow = new Promise((_, reject) => setTimeout(() => reject(new Error('blocked on the FIFO')), 5_000).unref());
    for (const key of keys) {
      await expect(Promise.race([cache.readToken(key), tooSlow]), key).rejects.toBeInstanceOf(CacheFileError);
    }
    expect(await Promise.race([listedKeys(cache), tooSlow])).toEqual(['token']);
  });

  it.skipIf(!posix || process.getuid?.() === 0)('reports an unreadable file (left by `sudo aws sso login`) as CacheFileError', async () => {
    const cache = await cacheWith({ token: `{"accessToken": "a", "expiresAt": "2030-01-01T00:00:00Z"}` });
    await fsp.chmod(path.join(cacheDir, 'token.json'), 0o000);
    await expect(cache.readToken('token')).rejects.toThrow(/it can't be read \(EACCES\)/);
    expect(await listedKeys(cache)).toEqual([]);
  });
});

describe('the role-credential cache (~/.aws/cli/cache)', () => {
  it('logout skips a FIFO, a folder and garbage there without waiting, and removes only SSO entries', async () => {
    const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'cli-cache-'));
    expect(spawnSync('mkfifo', [path.join(dir, 'fifo.json')]).status).toBe(0);
    await fsp.mkdir(path.join(dir, 'folder.json'));
    await fsp.writeFile(path.join(dir, 'garbage.json'), '\u0000\u0001{');
    await fsp.writeFile(path.join(dir, 'sso.json'), '{"ProviderType": "sso", "Credentials": {}}');
    await fsp.writeFile(path.join(dir, 'assume.json'), '{"ProviderType": "assume-role"}');
    const removed = await removeSsoRoleCredentials(dir);
    expect(removed.map((f) => path.basename(f))).toEqual(['sso.json']);
    expect((await fsp.readdir(dir)).sort()).toEqual(['assume.json', 'fifo.json', 'folder.json', 'garbage.json']);
    await fsp.rm(dir, { recursive: true, force: true });
  });
});
