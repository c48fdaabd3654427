import { afterEach, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { CreateTokenCommand, RegisterClientCommand, SSOOIDCClient, StartDeviceAuthorizationCommand } from '@aws-sdk/client-sso-oidc';
import {
  GetRoleCredentialsCommand,
  ListAccountRolesCommand,
  ListAccountsCommand,
  LogoutCommand,
  paginateListAccountRoles,
  paginateListAccounts,
  SSOClient,
  type RoleCredentials,
} from '@aws-sdk/client-sso';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { startEmulator, type Emulator, type EmulatorOptions, type Organisation } from '../emulator/server.js';
import { manualClock, rejectionOf } from '../helpers/aws-errors.js';

/**
 * The emulator itself, spoken to by the real AWS SDK clients (and plain fetch for the HTML
 * pages), so that what the rest of the tests rely on is the AWS wire protocol.
 */

const REGION = 'us-east-1';
const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';
const approveBrowser = fileURLToPath(new URL('../emulator/approve-browser.mjs', import.meta.url));


const s256 = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');
const newVerifier = () => randomBytes(48).toString('base64url').slice(0, 64);

let emulator: Emulator | undefined;
const destroyers: Array<() => void> = [];

afterEach(async () => {
  for (const destroy of destroyers.splice(0)) destroy();
  await emulator?.close();
  emulator = undefined;
});

async function setup(options: EmulatorOptions = {}) {
  emulator = await startEmulator(options);
  const config = { region: REGION, endpoint: emulator.url, maxAttempts: 1 };
  const oidc = new SSOOIDCClient(config);
  const sso = new SSOClient(config);
  destroyers.push(() => oidc.destroy(), () => sso.destroy());
  return { emulator, oidc, sso };
}

type Setup = Awaited<ReturnType<typeof setup>>;

async function registerDeviceClient({ oidc }: Setup, grantTypes?: string[]) {
  const reg = await oidc.send(new RegisterClientCommand({ clientName: 'botocore-client-test', clientType: 'public', scopes: ['sso:account:access'], grantTypes }));
  return { clientId: reg.clientId!, clientSecret: reg.clientSecret! };
}

async function startDeviceFlow(s: Setup, grantTypes?: string[]) {
  const client = await registerDeviceClient(s, grantTypes);
  const auth = await s.oidc.send(new StartDeviceAuthorizationCommand({ ...client, startUrl: s.emulator.org.startUrl }));
  const poll = () => s.oidc.send(new CreateTokenCommand({ ...client, grantType: DEVICE_GRANT, deviceCode: auth.deviceCode! }));
  return { client, auth, poll };
}

/** A signed-in access token (device flow, approved at once). */
async function signIn(s: Setup, grantTypes?: string[]) {
  const flow = await startDeviceFlow(s, grantTypes);
  s.emulator.approve(flow.auth.userCode!);
  return { ...flow, token: await flow.poll() };
}

/** Runs approve-browser.mjs on a URL, as BROWSER would. */
function runApproveBrowser(url: string, env: Record<string, string> = {}): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [approveBrowser, url], { env: { ...process.env, ...env }, timeout: 20_000 }, (error, _stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stderr });
    });
  });
}

describe('RegisterClient', () => {
  it('registers a public client for 90 days, in epoch seconds', async () => {
    const clock = manualClock();
    const { oidc } = await setup({ now: clock.now });
    const reg = await oidc.send(new RegisterClientCommand({ clientName: 'botocore-client-x', clientType: 'public' }));
    expect(reg.clientId).toMatch(/^[\w-]{16,}$/);
    expect(reg.clientSecret).toMatch(/^\S{40,}$/);
    expect(reg.clientIdIssuedAt).toBe(clock.now() / 1000);
    expect(reg.clientSecretExpiresAt).toBe(clock.now() / 1000 + 90 * 24 * 3600);
  });

  it('accepts loopback redirect URIs without a port and rejects any other', async () => {
    const { oidc } = await setup();
    const pkce = { clientName: 'c', clientType: 'public', grantTypes: ['authorization_code', 'refresh_token'] };
    await expect(oidc.send(new RegisterClientCommand({ ...pkce, redirectUris: ['http://127.0.0.1/oauth/callback'] }))).resolves.toHaveProperty('clientId');
    for (const uri of ['https://127.0.0.1/cb', 'http://example.com/cb', 'not a url']) {
      const error = await rejectionOf(oidc.send(new RegisterClientCommand({ ...pkce, redirectUris: [uri] })));
      expect(error.name).toBe('InvalidRedirectUriException');
      expect(error.$metadata.httpStatusCode).toBe(400);
    }
  });

  it('rejects unknown grant types and non-public clients', async () => {
    const { oidc } = await setup();
    const grant = await rejectionOf(oidc.send(new RegisterClientCommand({ clientName: 'c', clientType: 'public', grantTypes: ['password'] })));
    expect(grant.name).toBe('UnsupportedGrantTypeException');
    const type = await rejectionOf(oidc.send(new RegisterClientCommand({ clientName: 'c', clientType: 'confidential' })));
    expect(type.name).toBe('InvalidClientMetadataException');
  });

  it('answers a missing member and bad JSON with the AWS error headers and body', async () => {
    const { emulator } = await setup();
    const missing = await fetch(`${emulator.url}/client/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ clientType: 'public' }),
    });
    expect(missing.status).toBe(400);
    expect(missing.headers.get('x-amzn-errortype')).toBe('InvalidRequestException');
    expect(missing.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
    expect(missing.headers.get('content-type')).toBe('application/json');
    expect(await missing.json()).toEqual({ error: 'invalid_request', error_description: 'Missing required parameter: clientName' });

    const badJson = await fetch(`${emulator.url}/client/register`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"clientName":' });
    expect(badJson.status).toBe(400);
    expect(badJson.headers.get('x-amzn-errortype')).toBe('SerializationException');
  });
});

describe('device authorization flow', () => {
  it('is pending until approved, then issues a token once', async () => {
    const clock = manualClock();
    const s = await setup({ now: clock.now, interval: 2 });
    const { auth, poll } = await startDeviceFlow(s);
    expect(auth.userCode).toMatch(/^[A-Z]{4}-[A-Z]{4}$/);
    expect(auth.verificationUri).toBe(`${s.emulator.url}/device`);
    expect(auth.verificationUriComplete).toBe(`${s.emulator.url}/device?user_code=${auth.userCode}`);
    expect(auth).toMatchObject({ expiresIn: 600, interval: 2 });

    const pending = await rejectionOf(poll());
    expect(pending.name).toBe('AuthorizationPendingException');
    expect(pending.error).toBe('authorization_pending');
    expect(pending.$metadata.httpStatusCode).toBe(400);

    s.emulator.approve(auth.userCode!.toLowerCase()); // as typed by a person
    clock.advance(2000);
    const token = await poll();
    expect(token).toMatchObject({ tokenType: 'Bearer', expiresIn: 28800 });
    expect(token.accessToken).toMatch(/^\S{40,}$/);
    expect(token.refreshToken).toMatch(/^\S{40,}$/); // device flow registered with scopes (sso-session)

    clock.advance(2000);
    expect((await rejectionOf(poll())).name).toBe('InvalidGrantException'); // single use
    expect(s.emulator.calls.filter((c) => c.op === 'CreateToken').map((c) => c.errorType ?? c.status)).toEqual([
      'AuthorizationPendingException',
      200,
      'InvalidGrantException',
    ]);
  });

  it('issues no refresh token to a legacy client registered without scopes or grant types', async () => {
    const s = await setup();
    const reg = await s.oidc.send(new RegisterClientCommand({ clientName: 'botocore-client-1', clientType: 'public' }));
    const client = { clientId: reg.clientId!, clientSecret: reg.clientSecret! };
    const auth = await s.oidc.send(new StartDeviceAuthorizationCommand({ ...client, startUrl: s.emulator.org.startUrl }));
    s.emulator.approve(auth.userCode!);
    const token = await s.oidc.send(new CreateTokenCommand({ ...client, grantType: DEVICE_GRANT, deviceCode: auth.deviceCode! }));
    expect(token.accessToken).toBeTruthy();
    expect(token.refreshToken).toBeUndefined();
  });

  it('issues a refresh token when the client registered the refresh_token grant', async () => {
    const s = await setup();
    const { token } = await signIn(s, [DEVICE_GRANT, 'refresh_token']);
    expect(token.refreshToken).toMatch(/^\S{40,}$/);
  });

  it('answers SlowDown to polls faster than the interval, and adds 5 s to it', async () => {
    const clock = manualClock();
    const s = await setup({ now: clock.now, interval: 1 });
    const { poll } = await startDeviceFlow(s);
    await rejectionOf(poll()); // the first poll is always allowed
    const slow = await rejectionOf(poll());
    expect(slow.name).toBe('SlowDownException');
    expect(slow.error).toBe('slow_down');
    clock.advance(1000);
    expect((await rejectionOf(poll())).name).toBe('SlowDownException'); // the interval is 6 s now, then 11 s
    clock.advance(11_000 - 100); // a little timer slack is tolerated
    expect((await rejectionOf(poll())).name).toBe('AuthorizationPendingException');
  });

  it('expires the device code after its lifetime', async () => {
    const clock = manualClock();
    const s = await setup({ now: clock.now, deviceCodeTtlSeconds: 5 });
    const { auth, poll } = await startDeviceFlow(s);
    expect(auth.expiresIn).toBe(5);
    clock.advance(5000);
    const expired = await rejectionOf(poll());
    expect(expired.name).toBe('ExpiredTokenException');
    expect(expired.error).toBe('expired_token');
  });

  it('reports a denied request as AccessDenied', async () => {
    const s = await setup();
    const { auth, poll } = await startDeviceFlow(s);
    s.emulator.deny(auth.userCode!);
    const denied = await rejectionOf(poll());
    expect(denied.name).toBe('AccessDeniedException');
    expect(denied.error).toBe('access_denied');
    expect(() => s.emulator.approve('ZZZZ-ZZZZ')).toThrow(/No device authorization/);
  });

  it('rejects an unknown start URL and wrong client credentials', async () => {
    const s = await setup();
    const client = await registerDeviceClient(s);
    const unknown = await rejectionOf(s.oidc.send(new StartDeviceAuthorizationCommand({ ...client, startUrl: 'https://d-0000000000.awsapps.com/start' })));
    expect(unknown.name).toBe('InvalidRequestException');
    expect(unknown.error_description).toMatch(/start URL .* is unknown/);
    const wrong = await rejectionOf(
      s.oidc.send(new StartDeviceAuthorizationCommand({ ...client, clientSecret: 'nope', startUrl: s.emulator.org.startUrl })),
    );
    expect(wrong.name).toBe('InvalidClientException');
    expect(wrong.$metadata.httpStatusCode).toBe(401);
  });

  it('rejects a registration that has expired', async () => {
    const clock = manualClock();
    const s = await setup({ now: clock.now, registrationTtlSeconds: 60 });
    const client = await registerDeviceClient(s);
    clock.advance(60_000);
    const error = await rejectionOf(s.oidc.send(new StartDeviceAuthorizationCommand({ ...client, startUrl: s.emulator.org.startUrl })));
    expect(error.name).toBe('InvalidClientException');
  });

  it('with autoApprove, the first poll returns the token', async () => {
    const s = await setup({ autoApprove: true });
    const { poll } = await startDeviceFlow(s);
    await expect(poll()).resolves.toHaveProperty('accessToken');
  });
});

describe('authorization code flow with PKCE', () => {
  async function registerPkceClient(s: Setup) {
    const reg = await s.oidc.send(
      new RegisterClientCommand({
        clientName: 'botocore-client-my-sso',
        clientType: 'public',
        grantTypes: ['authorization_code', 'refresh_token'],
        redirectUris: ['http://127.0.0.1/oauth/callback'],
        issuerUrl: s.emulator.org.startUrl,
        scopes: ['sso:account:access'],
      }),
    );
    return { clientId: reg.clientId!, clientSecret: reg.clientSecret! };
  }

  function authorizeUrl(s: Setup, clientId: string, verifier: string, redirectUri = 'http://127.0.0.1:54321/oauth/callback') {
    const query = new URLSearchParams({
      response_type: 'code',
      client_id: clientId,
      redirect_uri: redirectUri,
      state: 'state-123',
      code_challenge_method: 'S256',
      scopes: 'sso:account:access',
      code_challenge: s256(verifier),
    });
    return `${s.emulator.url}/authorize?${query}`;
  }

  /** Opens the consent page and clicks a button; returns the redirect. */
  async function decide(s: Setup, url: string, decision: 'allow' | 'deny'): Promise<URL> {
    const page = await fetch(url, { redirect: 'manual' });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<form method="post" action="/authorize/decision">');
    const requestId = /name="request_id" value="([^"]+)"/.exec(html)![1]!;
    const answer = await fetch(`${s.emulator.url}/authorize/decision`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ request_id: requestId, decision }).toString(),
      redirect: 'manual',
    });
    expect(answer.status).toBe(302);
    return new URL(answer.headers.get('location')!);
  }

  const exchange = (s: Setup, client: { clientId: string; clientSecret: string }, code: string, codeVerifier: string) =>
    s.oidc.send(
      new CreateTokenCommand({
        ...client,
        grantType: 'authorization_code',
        code,
        redirectUri: 'http://127.0.0.1:54321/oauth/callback',
        codeVerifier,
      }),
    );

  it('Allow redirects with a code that the right verifier exchanges once', async () => {
    const s = await setup();
    const client = await registerPkceClient(s);
    const verifier = newVerifier();
    const back = await decide(s, authorizeUrl(s, client.clientId, verifier), 'allow');
    expect(`${back.origin}${back.pathname}`).toBe('http://127.0.0.1:54321/oauth/callback');
    expect(back.searchParams.get('state')).toBe('state-123');
    const code = back.searchParams.get('code')!;

    const token = await exchange(s, client, code, verifier);
    expect(token).toMatchObject({ tokenType: 'Bearer', expiresIn: 28800 });
    expect(token.refreshToken).toMatch(/^\S{40,}$/);
    expect((await rejectionOf(exchange(s, client, code, verifier))).name).toBe('InvalidGrantException');
    expect(s.emulator.calls.map((c) => c.op)).toEqual(['RegisterClient', 'Authorize', 'Approve', 'CreateToken', 'CreateToken']);
  });

  it('refuses a wrong verifier and a different redirect URI', async () => {
    const s = await setup();
    const client = await registerPkceClient(s);
    const verifier = newVerifier();
    const first = await decide(s, authorizeUrl(s, client.clientId, verifier), 'allow');
    const wrong = await rejectionOf(exchange(s, client, first.searchParams.get('code')!, newVerifier()));
    expect(wrong.name).toBe('InvalidGrantException');
    expect(wrong.error).toBe('invalid_grant');

    const second = await decide(s, authorizeUrl(s, client.clientId, verifier, 'http://127.0.0.1:40000/oauth/callback'), 'allow');
    expect((await rejectionOf(exchange(s, client, second.searchParams.get('code')!, verifier))).name).toBe('InvalidGrantException');
  });

  it('Deny redirects with error=access_denied', async () => {
    const s = await setup();
    const client = await registerPkceClient(s);
    const back = await decide(s, authorizeUrl(s, client.clientId, newVerifier()), 'deny');
    expect(back.searchParams.get('error')).toBe('access_denied');
    expect(back.searchParams.get('state')).toBe('state-123');
    expect(back.searchParams.has('code')).toBe(false);
  });

  it('explains an invalid request on a 400 page', async () => {
    const s = await setup();
    const client = await registerPkceClient(s);
    const good = new URL(authorizeUrl(s, client.clientId, newVerifier()));
    const variants: Array<[string, string]> = [
      ['redirect_uri', 'http://example.com:8080/oauth/callback'],
      ['redirect_uri', 'http://127.0.0.1/oauth/callback'], // no port
      ['code_challenge_method', 'plain'],
      ['code_challenge', ''],
      ['client_id', 'unknown'],
    ];
    for (const [name, value] of variants) {
      const url = new URL(good);
      url.searchParams.set(name, value);
      const page = await fetch(url, { redirect: 'manual' });
      expect(page.status, `${name}=${value}`).toBe(400);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await page.text()).toMatch(/<p>.+<\/p>/);
    }
  });

  it('a code expires 5 minutes after Allow', async () => {
    const clock = manualClock();
    const s = await setup({ now: clock.now });
    const client = await registerPkceClient(s);
    const verifier = newVerifier();
    const fresh = (await decide(s, authorizeUrl(s, client.clientId, verifier), 'allow')).searchParams.get('code')!;
    const stale = (await decide(s, authorizeUrl(s, client.clientId, verifier), 'allow')).searchParams.get('code')!;
    clock.advance(5 * 60_000 - 1);
    await expect(exchange(s, client, fresh, verifier)).resolves.toHaveProperty('accessToken');
    clock.advance(1);
    const expired = await rejectionOf(exchange(s, client, stale, verifier));
    expect(expired.name).toBe('InvalidGrantException');
    expect(expired.error_description).toMatch(/expired/);
  });

  it('a wrong or missing verifier burns the code, and a code of another client is refused', async () => {
    const s = await setup();
    const client = await registerPkceClient(s);
    const verifier = newVerifier();
    const code = (await decide(s, authorizeUrl(s, client.clientId, verifier), 'allow')).searchParams.get('code')!;
    expect((await rejectionOf(exchange(s, client, code, newVerifier()))).name).toBe('InvalidGrantException');
    const burnt = await rejectionOf(exchange(s, client, code, verifier)); // RFC 7636: no second guess
    expect(burnt.name).toBe('InvalidGrantException');
    expect(burnt.error_description).toMatch(/already been used/);

    const noVerifier = (await decide(s, authorizeUrl(s, client.clientId, verifier), 'allow')).searchParams.get('code')!;
    const missing = await rejectionOf(
      s.oidc.send(
        new CreateTokenCommand({ ...client, grantType: 'authorization_code', code: noVerifier, redirectUri: 'http://127.0.0.1:54321/oauth/callback' }),
      ),
    );
    expect(missing.name).toBe('InvalidGrantException');
    expect((await rejectionOf(exchange(s, client, noVerifier, verifier))).name).toBe('InvalidGrantException');

    const other = await registerPkceClient(s);
    const mine = (await decide(s, authorizeUrl(s, client.clientId, verifier), 'allow')).searchParams.get('code')!;
    expect((await rejectionOf(exchange(s, other, mine, verifier))).name).toBe('InvalidGrantException');
  });

  it('a code is redeemed only at the loopback port it was issued for', async () => {
    const s = await setup();
    const client = await registerPkceClient(s);
    const verifier = newVerifier();
    const back = await decide(s, authorizeUrl(s, client.clientId, verifier, 'http://127.0.0.1:1234/oauth/callback'), 'allow');
    expect(back.port).toBe('1234');
    const code = back.searchParams.get('code')!;
    const elsewhere = await rejectionOf(exchange(s, client, code, verifier)); // at port 54321
    expect(elsewhere.name).toBe('InvalidGrantException');
    expect(elsewhere.error_description).toMatch(/redirect URI/);
  });

  it('accepts any loopback port, but refuses on the page (no redirect) a redirect_uri the registration does not list', async () => {
    const s = await setup();
    const client = await registerPkceClient(s); // registered: http://127.0.0.1/oauth/callback
    const open = (redirectUri: string) => fetch(authorizeUrl(s, client.clientId, newVerifier(), redirectUri), { redirect: 'manual' });
    for (const port of [1, 1234, 65535]) {
      expect((await open(`http://127.0.0.1:${port}/oauth/callback`)).status, `port ${port}`).toBe(200);
    }
    for (const uri of [
      'http://127.0.0.1:1234/other',
      'http://127.0.0.1:1234/oauth/callback?x=1',
      'http://localhost:1234/oauth/callback',
      'http://[::1]:1234/oauth/callback',
      'https://127.0.0.1:1234/oauth/callback',
      'http://example.com:1234/oauth/callback',
    ]) {
      const page = await open(uri);
      expect(page.status, uri).toBe(400);
      expect(page.headers.get('location'), uri).toBeNull();
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    }
    expect(s.emulator.calls.filter((c) => c.op === 'Authorize').map((c) => c.status)).toEqual([200, 200, 200, 400, 400, 400, 400, 400, 400]);
  });

  it('refuses code_challenge_method=plain, and a missing method, even with a valid challenge', async () => {
    const s = await setup();
    const client = await registerPkceClient(s);
    const verifier = newVerifier();
    for (const method of ['plain', null]) {
      const url = new URL(authorizeUrl(s, client.clientId, verifier));
      if (method === null) url.searchParams.delete('code_challenge_method');
      else url.searchParams.set('code_challenge_method', method);
      const page = await fetch(url, { redirect: 'manual' });
      expect(page.status, String(method)).toBe(400);
      expect(page.headers.get('location')).toBeNull();
      expect(await page.text()).toContain('code_challenge_method must be S256');
    }
  });

  it('Deny carries no state when none was sent, and the request cannot be answered twice', async () => {
    const s = await setup();
    const client = await registerPkceClient(s);
    const url = new URL(authorizeUrl(s, client.clientId, newVerifier()));
    url.searchParams.delete('state');
    const page = await fetch(url);
    const requestId = /name="request_id" value="([^"]+)"/.exec(await page.text())![1]!;
    const click = (decision: string) =>
      fetch(`${s.emulator.url}/authorize/decision`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ request_id: requestId, decision }).toString(),
        redirect: 'manual',
      });
    const denied = await click('deny');
    expect(denied.status).toBe(302);
    const back = new URL(denied.headers.get('location')!);
    expect(`${back.origin}${back.pathname}`).toBe('http://127.0.0.1:54321/oauth/callback');
    expect(back.searchParams.get('error')).toBe('access_denied');
    expect(back.searchParams.has('state')).toBe(false);
    expect(back.searchParams.has('code')).toBe(false);
    const again = await click('allow');
    expect(again.status).toBe(400);
    expect(again.headers.get('location')).toBeNull();
  });

  it('refresh tokens from the code flow rotate and are single use', async () => {
    const s = await setup();
    const client = await registerPkceClient(s);
    const verifier = newVerifier();
    const code = (await decide(s, authorizeUrl(s, client.clientId, verifier), 'allow')).searchParams.get('code')!;
    const first = await exchange(s, client, code, verifier);
    const refresh = (refreshToken: string, as = client) => s.oidc.send(new CreateTokenCommand({ ...as, grantType: 'refresh_token', refreshToken }));

    const other = await registerPkceClient(s);
    expect((await rejectionOf(refresh(first.refreshToken!, other))).name).toBe('InvalidGrantException');
    const second = await refresh(first.refreshToken!);
    expect(second.refreshToken).toMatch(/^\S{40,}$/);
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(second.accessToken).not.toBe(first.accessToken);
    expect((await rejectionOf(refresh(first.refreshToken!))).name).toBe('InvalidGrantException');
    const third = await refresh(second.refreshToken!);
    expect((await rejectionOf(refresh(second.refreshToken!))).name).toBe('InvalidGrantException');
    await expect(s.sso.send(new ListAccountsCommand({ accessToken: third.accessToken! }))).resolves.toHaveProperty('accountList');
  });

  it('with autoApprove, /authorize redirects at once', async () => {
    const s = await setup({ autoApprove: true });
    const client = await registerPkceClient(s);
    const verifier = newVerifier();
    const page = await fetch(authorizeUrl(s, client.clientId, verifier), { redirect: 'manual' });
    expect(page.status).toBe(302);
    const code = new URL(page.headers.get('location')!).searchParams.get('code')!;
    await expect(exchange(s, client, code, verifier)).resolves.toHaveProperty('accessToken');
  });
});

describe('refresh tokens', () => {
  it('rotate: each is single use and yields a new access and refresh token', async () => {
    const s = await setup();
    const { client, token } = await signIn(s, [DEVICE_GRANT, 'refresh_token']);
    const refresh = (refreshToken: string) => s.oidc.send(new CreateTokenCommand({ ...client, grantType: 'refresh_token', refreshToken }));

    const second = await refresh(token.refreshToken!);
    expect(second.accessToken).not.toBe(token.accessToken);
    expect(second.refreshToken).not.toBe(token.refreshToken);
    expect((await rejectionOf(refresh(token.refreshToken!))).name).toBe('InvalidGrantException');
    await expect(refresh(second.refreshToken!)).resolves.toHaveProperty('refreshToken');
    await expect(s.sso.send(new ListAccountsCommand({ accessToken: second.accessToken! }))).resolves.toHaveProperty('accountList');
  });

  it('are refused for another client', async () => {
    const s = await setup();
    const { token } = await signIn(s, [DEVICE_GRANT, 'refresh_token']);
    const other = await registerDeviceClient(s, [DEVICE_GRANT, 'refresh_token']);
    const error = await rejectionOf(s.oidc.send(new CreateTokenCommand({ ...other, grantType: 'refresh_token', refreshToken: token.refreshToken! })));
    expect(error.name).toBe('InvalidGrantException');
  });
});

describe('access portal', () => {
  const bigOrg: Organisation = {
    startUrl: 'https://d-1234567890.awsapps.com/start',
    region: 'us-east-1',
    user: { userName: 'hanako' },
    accounts: Array.from({ length: 5 }, (_, i) => ({
      accountId: String(100000000000 + i),
      accountName: `Account ${i}`,
      emailAddress: `a${i}@example.com`,
      roles: ['Admin', 'Dev', 'ReadOnly'],
    })),
  };

  it('pages ListAccounts by pageSize; paginateListAccounts collects every account', async () => {
    const s = await setup({ org: bigOrg, pageSize: 1 });
    const { token } = await signIn(s);
    const accounts = [];
    for await (const page of paginateListAccounts({ client: s.sso, pageSize: 100 }, { accessToken: token.accessToken! })) {
      expect(page.accountList).toHaveLength(1);
      accounts.push(...page.accountList!);
    }
    expect(accounts.map((a) => a.accountId)).toEqual(bigOrg.accounts.map((a) => a.accountId));
    expect(accounts[0]).toEqual({ accountId: '100000000000', accountName: 'Account 0', emailAddress: 'a0@example.com' });
    expect(s.emulator.calls.filter((c) => c.op === 'ListAccounts' && c.status === 200)).toHaveLength(5);
  });

  it('pages ListAccountRoles by min(max_result, pageSize)', async () => {
    const s = await setup({ org: bigOrg, pageSize: 2 });
    const { token } = await signIn(s);
    const pages = [];
    for await (const page of paginateListAccountRoles({ client: s.sso, pageSize: 5 }, { accessToken: token.accessToken!, accountId: '100000000003' })) {
      pages.push(page.roleList!.map((r) => `${r.accountId}/${r.roleName}`));
    }
    expect(pages).toEqual([['100000000003/Admin', '100000000003/Dev'], ['100000000003/ReadOnly']]);
  });

  it('rejects max_result outside 1..100, a made-up next token and a missing account id', async () => {
    const s = await setup();
    const { token } = await signIn(s);
    const accessToken = token.accessToken!;
    for (const maxResults of [0, 101]) {
      const error = await rejectionOf(s.sso.send(new ListAccountsCommand({ accessToken, maxResults })));
      expect(error.name).toBe('InvalidRequestException');
      expect(error.$metadata.httpStatusCode).toBe(400);
    }
    const badToken = await rejectionOf(s.sso.send(new ListAccountsCommand({ accessToken, nextToken: 'made/up+token=' })));
    expect(badToken.name).toBe('InvalidRequestException');
    const first = await s.sso.send(new ListAccountsCommand({ accessToken, maxResults: 1 }));
    const roles = await rejectionOf(s.sso.send(new ListAccountRolesCommand({ accessToken, accountId: '111122223333', nextToken: first.nextToken })));
    expect(roles.name).toBe('InvalidRequestException'); // a token of another listing
    const raw = await fetch(`${s.emulator.url}/assignment/roles`, { headers: { 'x-amz-sso_bearer_token': accessToken } });
    expect(raw.status).toBe(400);
    expect(await raw.json()).toEqual({ message: 'Missing required parameter: account_id' });
  });

  it('answers 401 for an unknown token, an expired one, and after Logout', async () => {
    const clock = manualClock();
    const s = await setup({ now: clock.now, accessTokenTtlSeconds: 3600 });
    const unknown = await rejectionOf(s.sso.send(new ListAccountsCommand({ accessToken: 'made-up' })));
    expect(unknown.name).toBe('UnauthorizedException');
    expect(unknown.message).toBe('Session token not found or invalid');
    expect(unknown.$metadata.httpStatusCode).toBe(401);

    const { token } = await signIn(s, [DEVICE_GRANT, 'refresh_token']);
    await s.sso.send(new LogoutCommand({ accessToken: token.accessToken! }));
    const after = await rejectionOf(s.sso.send(new ListAccountsCommand({ accessToken: token.accessToken! })));
    expect(after.name).toBe('UnauthorizedException');
    expect((await rejectionOf(s.sso.send(new LogoutCommand({ accessToken: token.accessToken! })))).name).toBe('UnauthorizedException');

    const client = (await startDeviceFlow(s)).client;
    const refresh = await rejectionOf(
      s.oidc.send(new CreateTokenCommand({ ...client, grantType: 'refresh_token', refreshToken: token.refreshToken! })),
    );
    expect(refresh.name).toMatch(/InvalidGrantException|UnauthorizedClientException/);

    const fresh = await signIn(s);
    clock.advance(3600_000);
    expect((await rejectionOf(s.sso.send(new ListAccountsCommand({ accessToken: fresh.token.accessToken! })))).name).toBe('UnauthorizedException');
  });

  it('Logout also ends the refresh token of that sign-in', async () => {
    const s = await setup();
    const { client, token } = await signIn(s, [DEVICE_GRANT, 'refresh_token']);
    await s.sso.send(new LogoutCommand({ accessToken: token.accessToken! }));
    const error = await rejectionOf(s.oidc.send(new CreateTokenCommand({ ...client, grantType: 'refresh_token', refreshToken: token.refreshToken! })));
    expect(error.name).toBe('InvalidGrantException');
  });

  it('answers 403 ForbiddenException for an account or role not assigned to the user', async () => {
    const s = await setup();
    const { token } = await signIn(s);
    const accessToken = token.accessToken!;
    const account = await rejectionOf(s.sso.send(new ListAccountRolesCommand({ accessToken, accountId: '999999999999' })));
    expect(account.name).toBe('ForbiddenException');
    expect(account.$metadata.httpStatusCode).toBe(403);
    const role = await rejectionOf(s.sso.send(new GetRoleCredentialsCommand({ accessToken, accountId: '444455556666', roleName: 'AdministratorAccess' })));
    expect(role.name).toBe('ForbiddenException');
  });
});

describe('role credentials and STS', () => {
  /** An STS client signing with role credentials as GetRoleCredentials returned them. */
  function stsWith(s: Setup, rc: RoleCredentials): STSClient {
    const sts = new STSClient({
      region: REGION,
      endpoint: s.emulator.url,
      maxAttempts: 1,
      credentials: { accessKeyId: rc.accessKeyId!, secretAccessKey: rc.secretAccessKey!, sessionToken: rc.sessionToken! },
    });
    destroyers.push(() => sts.destroy());
    return sts;
  }

  it('GetRoleCredentials returns credentials that STS GetCallerIdentity knows', async () => {
    const clock = manualClock();
    const s = await setup({ now: clock.now });
    const { token } = await signIn(s);
    const { roleCredentials: rc } = await s.sso.send(
      new GetRoleCredentialsCommand({ accessToken: token.accessToken!, accountId: '111122223333', roleName: 'ReadOnlyAccess' }),
    );
    expect(rc!.accessKeyId).toMatch(/^ASIA[A-Z0-9]{16}$/);
    expect(rc!.secretAccessKey).toHaveLength(40);
    expect(rc!.sessionToken!.length).toBeGreaterThan(100);
    expect(rc!.expiration).toBe(clock.now() + 3600_000); // epoch milliseconds

    const sts = stsWith(s, rc!);
    const identity = await sts.send(new GetCallerIdentityCommand({}));
    expect(identity.Account).toBe('111122223333');
    expect(identity.Arn).toMatch(/^arn:aws:sts::111122223333:assumed-role\/AWSReservedSSO_ReadOnlyAccess_[0-9a-f]{16}\/taro\.yamada$/);
    expect(identity.UserId).toMatch(/^AROA[A-Z0-9]{16}:taro\.yamada$/);
    expect(identity.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);

    // The same role always has the same identifiers; another role does not.
    const again = await s.sso.send(new GetRoleCredentialsCommand({ accessToken: token.accessToken!, accountId: '111122223333', roleName: 'ReadOnlyAccess' }));
    const identity2 = await stsWith(s, again.roleCredentials!).send(new GetCallerIdentityCommand({}));
    expect(identity2.Arn).toBe(identity.Arn);
    expect(identity2.UserId).toBe(identity.UserId);

    clock.advance(3600_000);
    const expired = await rejectionOf(sts.send(new GetCallerIdentityCommand({})));
    expect(expired.name).toBe('ExpiredToken');
    expect(expired.$metadata.httpStatusCode).toBe(400);
  });

  it('STS refuses made-up credentials with InvalidClientTokenId', async () => {
    const s = await setup();
    const sts = stsWith(s, { accessKeyId: 'ASIAAAAAAAAAAAAAAAAA', secretAccessKey: 'x'.repeat(40), sessionToken: 'token' });
    const error = await rejectionOf(sts.send(new GetCallerIdentityCommand({})));
    expect(error.name).toBe('InvalidClientTokenId');
    expect(error.$metadata.httpStatusCode).toBe(403);
    expect(s.emulator.calls.at(-1)).toEqual({ op: 'GetCallerIdentity', status: 403, errorType: 'InvalidClientTokenId' });
  });

  it('STS answers InvalidAction for other actions and MissingAuthenticationToken without a signature', async () => {
    const s = await setup();
    const { token } = await signIn(s);
    const { roleCredentials: rc } = await s.sso.send(
      new GetRoleCredentialsCommand({ accessToken: token.accessToken!, accountId: '444455556666', roleName: 'ReadOnlyAccess' }),
    );
    const post = (headers: Record<string, string>, body: string) =>
      fetch(s.emulator.url + '/', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body });
    const signed = {
      authorization: `AWS4-HMAC-SHA256 Credential=${rc!.accessKeyId}/20261125/us-east-1/sts/aws4_request, SignedHeaders=host, Signature=00`,
      'x-amz-security-token': rc!.sessionToken!,
    };
    const other = await post(signed, 'Action=AssumeRole&Version=2011-06-15');
    expect(other.status).toBe(400);
    expect(await other.text()).toContain('<Code>InvalidAction</Code>');
    const unsigned = await post({}, 'Action=GetCallerIdentity&Version=2011-06-15');
    expect(unsigned.status).toBe(403);
    expect(await unsigned.text()).toContain('<Code>MissingAuthenticationToken</Code>');
  });
});

describe('fault injection', () => {
  it('failNext answers the next calls of an operation with the given error', async () => {
    const s = await setup();
    const { token } = await signIn(s);
    s.emulator.failNext('ListAccounts', { status: 429, errorType: 'TooManyRequestsException', message: 'Slow down', count: 2 });
    for (let i = 0; i < 2; i++) {
      const error = await rejectionOf(s.sso.send(new ListAccountsCommand({ accessToken: token.accessToken! })));
      expect(error.name).toBe('TooManyRequestsException');
      expect(error.message).toBe('Slow down');
      expect(error.$metadata.httpStatusCode).toBe(429);
    }
    await expect(s.sso.send(new ListAccountsCommand({ accessToken: token.accessToken! }))).resolves.toHaveProperty('accountList');
    expect(s.emulator.calls.filter((c) => c.op === 'ListAccounts')).toEqual([
      { op: 'ListAccounts', status: 429, errorType: 'TooManyRequestsException' },
      { op: 'ListAccounts', status: 429, errorType: 'TooManyRequestsException' },
      { op: 'ListAccounts', status: 200 },
    ]);
  });

  it('injects OIDC errors in the OIDC format and refuses unknown operation names', async () => {
    const s = await setup();
    s.emulator.failNext('RegisterClient', { status: 500, errorType: 'InternalServerException' });
    const error = await rejectionOf(registerDeviceClient(s));
    expect(error.name).toBe('InternalServerException');
    expect(error.error).toBe('server_error');
    expect(error.$metadata.httpStatusCode).toBe(500);
    await expect(registerDeviceClient(s)).resolves.toHaveProperty('clientId');
    expect(() => s.emulator.failNext('ListAccount', { status: 500, errorType: 'X' })).toThrow(/unknown operation/);
  });
});

describe('approval pages', () => {
  it('/device shows the code with Allow and Deny; a code can be decided once', async () => {
    const s = await setup();
    const { auth, poll } = await startDeviceFlow(s);
    const page = await fetch(auth.verificationUriComplete!);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('Authorize request');
    expect(html).toContain(`value="${auth.userCode}"`);
    expect(html).toContain('<form method="post" action="/device/decision">');
    expect(html).toMatch(/<button[^>]*value="allow"[^>]*>Allow<\/button>/);
    expect(html).toMatch(/<button[^>]*value="deny"[^>]*>Deny<\/button>/);

    const click = (decision: string) =>
      fetch(`${s.emulator.url}/device/decision`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ user_code: auth.userCode!, decision }).toString(),
      });
    const allowed = await click('allow');
    expect(allowed.status).toBe(200);
    expect(await allowed.text()).toContain('Request approved. You can close this window.');
    expect((await click('deny')).status).toBe(400);
    await expect(poll()).resolves.toHaveProperty('accessToken');
  });

  it('/device without a code asks for one; an unknown code is a 400 page', async () => {
    const s = await setup();
    const blank = await fetch(`${s.emulator.url}/device`);
    expect(blank.status).toBe(200);
    expect(await blank.text()).toContain('name="user_code" value=""');
    const unknown = await fetch(`${s.emulator.url}/device?user_code=BBBB-CCCC`);
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain('not valid');
  });
});

describe('approve-browser.mjs', () => {
  it('clicks Allow on the device page', async () => {
    const s = await setup();
    const { auth, poll } = await startDeviceFlow(s);
    const result = await runApproveBrowser(auth.verificationUriComplete!);
    expect(result).toEqual({ code: 0, stderr: '' });
    await expect(poll()).resolves.toHaveProperty('accessToken');
    expect(s.emulator.calls.map((c) => c.op)).toEqual(['RegisterClient', 'StartDeviceAuthorization', 'ApprovalPage', 'Approve', 'CreateToken']);
  });

  it('clicks Deny when EMULATOR_BROWSER_ACTION=deny', async () => {
    const s = await setup();
    const { auth, poll } = await startDeviceFlow(s);
    expect((await runApproveBrowser(auth.verificationUriComplete!, { EMULATOR_BROWSER_ACTION: 'deny' })).code).toBe(0);
    expect((await rejectionOf(poll())).name).toBe('AccessDeniedException');
  });

  it('clicks Allow on the /authorize page and follows the redirect to the loopback callback', async () => {
    const s = await setup();
    const received: URL[] = [];
    const callback = createServer((req, res) => {
      received.push(new URL(req.url!, 'http://127.0.0.1'));
      res.end('signed in');
    });
    await new Promise<void>((resolve) => callback.listen(0, '127.0.0.1', resolve));
    destroyers.push(() => callback.close());
    const redirectUri = `http://127.0.0.1:${(callback.address() as AddressInfo).port}/oauth/callback`;

    const reg = await s.oidc.send(
      new RegisterClientCommand({
        clientName: 'botocore-client-x',
        clientType: 'public',
        grantTypes: ['authorization_code', 'refresh_token'],
        redirectUris: ['http://127.0.0.1/oauth/callback'],
      }),
    );
    const verifier = newVerifier();
    const query = new URLSearchParams({
      response_type: 'code',
      client_id: reg.clientId!,
      redirect_uri: redirectUri,
      state: 'st',
      code_challenge_method: 'S256',
      scopes: 'sso:account:access',
      code_challenge: s256(verifier),
    });
    const result = await runApproveBrowser(`${s.emulator.url}/authorize?${query}`);
    expect(result).toEqual({ code: 0, stderr: '' });
    expect(received).toHaveLength(1);
    expect(received[0]!.pathname).toBe('/oauth/callback');
    expect(received[0]!.searchParams.get('state')).toBe('st');
    const token = await s.oidc.send(
      new CreateTokenCommand({
        clientId: reg.clientId!,
        clientSecret: reg.clientSecret!,
        grantType: 'authorization_code',
        code: received[0]!.searchParams.get('code')!,
        redirectUri,
        codeVerifier: verifier,
      }),
    );
    expect(token.refreshToken).toBeDefined();
  });

  it('fails (exit 1) without printing the URL when there is nothing to approve', async () => {
    const s = await setup();
    const result = await runApproveBrowser(`${s.emulator.url}/device?user_code=BBBB-CCCC`);
    expect(result.code).toBe(1);
    expect(result.stderr).not.toContain('BBBB');
  });
});

describe('the server', () => {
  it('answers unknown paths with 404 UnknownOperationException', async () => {
    const s = await setup();
    const response = await fetch(`${s.emulator.url}/nothing/here`);
    expect(response.status).toBe(404);
    expect(response.headers.get('x-amzn-errortype')).toBe('UnknownOperationException');
    expect(s.emulator.calls).toEqual([{ op: 'UnknownOperation', status: 404, errorType: 'UnknownOperationException' }]);
  });

  it('lists every secret it issued', async () => {
    const s = await setup();
    const { client, auth, token } = await signIn(s, [DEVICE_GRANT, 'refresh_token']);
    const { roleCredentials: rc } = await s.sso.send(
      new GetRoleCredentialsCommand({ accessToken: token.accessToken!, accountId: '111122223333', roleName: 'AdministratorAccess' }),
    );
    const secrets = s.emulator.issuedSecrets();
    for (const secret of [client.clientSecret, auth.deviceCode, token.accessToken, token.refreshToken, rc!.secretAccessKey, rc!.sessionToken]) {
      expect(secrets).toContain(secret);
    }
    expect(secrets).not.toContain(client.clientId);
  });

  it('binds to 127.0.0.1 and close() ends keep-alive connections too', async () => {
    const s = await setup();
    expect(s.emulator.url).toBe(`http://127.0.0.1:${s.emulator.port}`);
    await signIn(s); // the SDK clients keep their sockets open
    const started = Date.now();
    await s.emulator.close();
    expect(Date.now() - started).toBeLessThan(1000);
    await expect(fetch(`${s.emulator.url}/device`)).rejects.toThrow();
    emulator = undefined;
  });
});
