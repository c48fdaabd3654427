import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { SSOOIDCClient } from '@aws-sdk/client-sso-oidc';
import { SsoCache, tokenCacheKey, type SsoToken } from '../../src/sso/cache.js';
import { sessionToken, type SsoTarget } from '../../src/sso/sign-in.js';
import { catalogue } from '../../src/ui/messages/index.js';

const messages = catalogue('en');

/**
 * sessionToken's window and write-back against botocore's SSOTokenProvider (docs/compat.md
 * "SSOTokenProvider"): refresh when fewer than 15 minutes are left (`remaining < 900 s`),
 * never for a legacy profile, and the refreshed token written back with startUrl/region from
 * the configuration and the client fields copied. CreateToken is a recording fake.
 */
const now = Date.UTC(2026, 0, 1, 9, 0, 0);
const minute = 60_000;
const clock = { now: () => now, sleep: async () => undefined };
const SESSION: SsoTarget = { sessionName: 'corp', startUrl: 'https://d-1.awsapps.com/start', region: 'eu-west-1' };

let dir: string;
let cache: SsoCache;
let sent: Array<Record<string, unknown>>;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'sso-setup-session-token-'));
  cache = new SsoCache(dir);
  sent = [];
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const oidc = (response: Record<string, unknown>) => async () =>
  ({
    send: async (command: { input: Record<string, unknown> }) => (sent.push(command.input), response),
  }) as unknown as SSOOIDCClient;

const token = (msLeft: number, extra: Partial<SsoToken> = {}): SsoToken => ({
  startUrl: 'https://stale.example/start',
  region: 'us-east-1',
  accessToken: 'old-access',
  expiresAt: new Date(now + msLeft),
  clientId: 'client',
  clientSecret: 'secret',
  registrationExpiresAt: new Date(now + 90 * 24 * 60 * minute),
  refreshToken: 'old-refresh',
  ...extra,
});

describe('sessionToken', () => {
  it('uses a token with 15 minutes or more left as it is, and refreshes one with less', async () => {
    const key = tokenCacheKey(SESSION);
    await cache.writeToken(key, token(15 * minute));
    expect(await sessionToken(SESSION, { messages, cache, clock, oidc: oidc({}) })).toMatchObject({ via: 'cache' });
    expect(sent).toEqual([]);

    await cache.writeToken(key, token(15 * minute - 1000));
    const result = await sessionToken(SESSION, { messages, cache, clock, oidc: oidc({ accessToken: 'new-access', expiresIn: 28800, refreshToken: 'new-refresh' }) });
    expect(result).toMatchObject({ via: 'refresh', token: { accessToken: 'new-access' } });
    expect(sent).toEqual([{ clientId: 'client', clientSecret: 'secret', grantType: 'refresh_token', refreshToken: 'old-refresh' }]);
    expect(await readFile(cache.fileFor(key), 'utf8')).toBe(
      '{"startUrl": "https://d-1.awsapps.com/start", "region": "eu-west-1", "accessToken": "new-access", ' +
        '"expiresAt": "2026-01-01T17:00:00Z", "clientId": "client", "clientSecret": "secret", ' +
        '"registrationExpiresAt": "2026-04-01T09:00:00Z", "refreshToken": "new-refresh"}',
    );
  });

  it('drops the refresh token when none comes back, as botocore does', async () => {
    await cache.writeToken(tokenCacheKey(SESSION), token(-minute));
    await sessionToken(SESSION, { messages, cache, clock, oidc: oidc({ accessToken: 'new-access', expiresIn: 3600 }) });
    expect(JSON.parse(await readFile(cache.fileFor(tokenCacheKey(SESSION)), 'utf8'))).not.toHaveProperty('refreshToken');
  });

  it('keeps the cached token, file untouched, when the refresh cannot be made or fails, and says why', async () => {
    const key = tokenCacheKey(SESSION);
    const reasons: string[] = [];
    const onRefreshFailed = (reason: string) => void reasons.push(reason);
    for (const cached of [
      token(-minute, { refreshToken: undefined }),
      token(-minute, { registrationExpiresAt: new Date(now - 1000) }),
    ]) {
      await cache.writeToken(key, cached);
      const before = await readFile(cache.fileFor(key), 'utf8');
      expect(await sessionToken(SESSION, { messages, cache, clock, oidc: oidc({}), onRefreshFailed })).toMatchObject({ via: 'cache', token: { accessToken: 'old-access' } });
      expect(await readFile(cache.fileFor(key), 'utf8')).toBe(before);
    }
    const refused = async () =>
      ({ send: async () => Promise.reject(Object.assign(new Error('UnknownError'), { name: 'InvalidGrantException', error_description: 'refused' })) }) as unknown as SSOOIDCClient;
    await cache.writeToken(key, token(-minute));
    expect(await sessionToken(SESSION, { messages, cache, clock, oidc: refused, onRefreshFailed })).toMatchObject({ via: 'cache' });
    await cache.writeToken(key, token(-minute));
    expect(await sessionToken(SESSION, { messages, cache, clock, oidc: oidc({ expiresIn: 60 }), onRefreshFailed })).toMatchObject({ via: 'cache' });
    expect(reasons).toEqual([
      'the cached token has no refresh token or client',
      'the client registration has expired',
      'InvalidGrantException: refused',
      'IAM Identity Center returned a token response without an access token.',
    ]);
    expect(sent).toHaveLength(1); // only the last fake records; the first two made no call
  });

  it('does not refresh a legacy profile, and has nothing without a cache file', async () => {
    const legacy: SsoTarget = { startUrl: SESSION.startUrl, region: SESSION.region };
    await cache.writeToken(tokenCacheKey(legacy), token(-minute));
    expect(await sessionToken(legacy, { messages, cache, clock, oidc: oidc({ accessToken: 'x', expiresIn: 1 }) })).toMatchObject({ via: 'cache' });
    expect(sent).toEqual([]);
    expect(await sessionToken({ ...SESSION, sessionName: 'other' }, { messages, cache, clock, oidc: oidc({}) })).toBeUndefined();
  });
});
