import { describe, expect, it } from 'vitest';
import * as fc from 'fast-check';
import { mkdtemp, readFile, stat, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  formatCacheDate,
  parseCacheDate,
  registrationCacheKey,
  SsoCache,
  tokenCacheKey,
  CacheFileError,
} from '../../src/sso/cache.js';
import { roleCredentialsCacheKey } from '../../src/sso/role-credentials-cache.js';
import { pythonJsonDumps } from '../../src/sso/python-json.js';

// Vectors from docs/compat.md §A3 / §B5 (computed by botocore and the JS SDK).
describe('cache keys', () => {
  it('token key is sha1 of the start URL for legacy profiles', () => {
    expect(tokenCacheKey({ startUrl: 'https://d-abc123.awsapps.com/start' })).toBe(
      '40a89917e3175433e361b710a9d43528d7f1890a',
    );
  });

  it('token key is sha1 of the session name for sso-sessions', () => {
    expect(tokenCacheKey({ sessionName: 'admin', startUrl: 'https://ignored' })).toBe(
      'd033e22ae348aeb5660fc2140aec35850c4da997',
    );
    expect(tokenCacheKey({ sessionName: 'my-sso', startUrl: 'x' })).toBe('0ad374308c5a4e22f723adf10145eafad7c4031c');
  });

  it('registration key matches botocore for a legacy start URL', () => {
    expect(registrationCacheKey({ startUrl: 'https://d-abc123.awsapps.com/start', region: 'us-west-2' })).toBe(
      'd75f79f67bab3f92a2b1450471c0c2574de0dca4',
    );
  });

  it('role credentials key matches the AWS CLI', () => {
    expect(
      roleCredentialsCacheKey({
        accountId: '1234567890',
        roleName: 'test-role',
        startUrl: 'https://d-92671207e4.awsapps.com/start',
      }),
    ).toBe('048db75bbe50955c16af7aba6ff9c41a3131bb7e');
  });
});

describe('pythonJsonDumps', () => {
  it('uses Python separators, sorted keys and ASCII escapes', () => {
    expect(pythonJsonDumps({ b: [1, 'x'], a: null }, { sortKeys: true })).toBe('{"a": null, "b": [1, "x"]}');
    expect(pythonJsonDumps({ b: 1, a: 2 }, { sortKeys: true, compact: true })).toBe('{"a":2,"b":1}');
    expect(pythonJsonDumps('日本\u0001"\\\n')).toBe('"\\u65e5\\u672c\\u0001\\"\\\\\\n"');
    expect(pythonJsonDumps('😀')).toBe('"\\ud83d\\ude00"');
  });

  it('escapes every string as Python does, whether or not it has anything to escape (the plain case is taken whole)', () => {
    // Python's ensure_ascii: JSON's escapes, and \uXXXX (lower-case) for every UTF-16 unit outside printable ASCII.
    const python = (s: string) =>
      JSON.stringify(s).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    const strings = fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 50 }), fc.string({ unit: 'binary-ascii', maxLength: 50 }));
    fc.assert(fc.property(strings, (s) => pythonJsonDumps(s) === python(s) && pythonJsonDumps({ [s]: s }) === `{${python(s)}: ${python(s)}}`));
    expect(pythonJsonDumps(`aoa${'Xy0_-.'.repeat(500)}`)).toBe(`"aoa${'Xy0_-.'.repeat(500)}"`);
    expect(pythonJsonDumps(' !#[]~')).toBe('" !#[]~"');
    expect(pythonJsonDumps('a\u007fb')).toBe('"a\\u007fb"');
  });
});

describe('cache dates', () => {
  it('writes botocore format and reads every format the tools write', () => {
    expect(formatCacheDate(new Date('2026-01-02T03:04:05.678Z'))).toBe('2026-01-02T03:04:05Z');
    expect(parseCacheDate('2026-01-02T03:04:05Z')?.toISOString()).toBe('2026-01-02T03:04:05.000Z');
    expect(parseCacheDate('2026-01-02T03:04:05.678Z')?.toISOString()).toBe('2026-01-02T03:04:05.678Z');
    expect(parseCacheDate('2026-01-02T03:04:05UTC')?.toISOString()).toBe('2026-01-02T03:04:05.000Z');
    expect(parseCacheDate('garbage')).toBeUndefined();
    expect(parseCacheDate(42)).toBeUndefined();
  });
});

describe('SsoCache files', () => {
  it('writes the token file with botocore key order, compact dates, no newline, mode 0600', async () => {
    const dir = path.join(await mkdtemp(path.join(tmpdir(), 'sso-cache-')), 'sso', 'cache');
    const cache = new SsoCache(dir);
    await cache.writeToken('k', {
      startUrl: 'https://d-1.awsapps.com/start',
      region: 'eu-west-1',
      accessToken: 'at',
      expiresAt: new Date('2030-01-01T00:00:00.500Z'),
      clientId: 'cid',
      clientSecret: 'cs',
      registrationExpiresAt: new Date('2030-02-01T00:00:00Z'),
      refreshToken: 'rt',
    });
    const text = await readFile(path.join(dir, 'k.json'), 'utf8');
    expect(text).toBe(
      '{"startUrl": "https://d-1.awsapps.com/start", "region": "eu-west-1", "accessToken": "at", ' +
        '"expiresAt": "2030-01-01T00:00:00Z", "clientId": "cid", "clientSecret": "cs", ' +
        '"registrationExpiresAt": "2030-02-01T00:00:00Z", "refreshToken": "rt"}',
    );
    expect((await stat(path.join(dir, 'k.json'))).mode & 0o777).toBe(0o600);
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    const back = await cache.readToken('k');
    expect(back?.refreshToken).toBe('rt');
    expect(back?.expiresAt.toISOString()).toBe('2030-01-01T00:00:00.000Z');
  });

  it('omits absent optional members in registrations', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'sso-cache-'));
    const cache = new SsoCache(dir);
    await cache.writeRegistration('r', { clientId: 'c', clientSecret: 's', expiresAt: new Date('2030-01-01T00:00:00Z') });
    expect(await readFile(path.join(dir, 'r.json'), 'utf8')).toBe(
      '{"clientId": "c", "clientSecret": "s", "expiresAt": "2030-01-01T00:00:00Z"}',
    );
  });

  it('reports unusable files and lists only token files', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'sso-cache-'));
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'bad.json'), '{"accessToken": ');
    await writeFile(path.join(dir, 'reg.json'), '{"clientId": "c", "clientSecret": "s", "expiresAt": "2030-01-01T00:00:00Z"}');
    await writeFile(path.join(dir, 'tok.json'), '{"accessToken": "a", "expiresAt": "2030-01-01T00:00:00Z", "region": "us-east-1"}');
    const cache = new SsoCache(dir);
    await expect(cache.readToken('bad')).rejects.toBeInstanceOf(CacheFileError);
    await expect(cache.readToken('reg')).rejects.toBeInstanceOf(CacheFileError);
    expect(await cache.readToken('missing')).toBeUndefined();
    const listed = await cache.listTokenFiles();
    expect(listed.map((t) => path.basename(t.file))).toEqual(['tok.json']);
  });
});
