import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createHash } from 'node:crypto';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fromIni } from '@aws-sdk/credential-providers';
import { STSClient, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { startEmulator, type Emulator } from '../emulator/server.js';
import { makeHome } from '../helpers/sandbox.js';
import { approveBrowser, childEnv, requireBuiltCli, requirePythonTools, run, runCli, type RunResult } from '../helpers/cli.js';

/**
 * A PKCE sign-in made by sso-setup, then refreshed by the real AWS tools as independent
 * clients (botocore's SSOTokenProvider, the JS SDK's fromSso), and each tool reading what the
 * other wrote back: docs/compat.md "SSOTokenProvider" and B5. Every request goes through a small
 * recording proxy in front of the emulator, which notes each CreateToken's grant type and the
 * SHA-256 of the tokens sent and returned (never the tokens), so the tests can tell which
 * refresh token went out and which came back.
 */
const START_URL = 'https://d-9067c0ab12.awsapps.com/start';
const SESSION = 's';
const PROFILE = 'p';
const ARN = /^arn:aws:sts::111122223333:assumed-role\/AWSReservedSSO_ReadOnlyAccess_[0-9a-f]{16}\/taro\.yamada$/;
const TOKEN_KEYS = ['startUrl', 'region', 'accessToken', 'expiresAt', 'clientId', 'clientSecret', 'registrationExpiresAt', 'refreshToken'];
const PYTHON_DATE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;
const HOUR_MS = 60 * 60 * 1000;

const digest = (value: unknown): string | undefined =>
  typeof value === 'string' ? createHash('sha256').update(value).digest('hex') : undefined;

// ---- Python's json.dumps (default separators, ensure_ascii), for checking file formats ----

const pyString = (s: string) =>
  JSON.stringify(s).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

function pyDumps(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(pyDumps).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value).map(([k, v]) => `${pyString(k)}: ${pyDumps(v)}`).join(', ')}}`;
  }
  return typeof value === 'string' ? pyString(value) : JSON.stringify(value);
}

/** `%Y-%m-%dT%H:%M:%SZ`, as botocore and the AWS CLI write datetimes. */
const pythonDate = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

// ---- a recording proxy in front of the emulator ---------------------------------------

/** One POST /token as it went over the wire; tokens only as SHA-256 hex. */
interface TokenCall {
  grantType?: string;
  status: number;
  sentRefreshToken?: string;
  returnedAccessToken?: string;
  returnedRefreshToken?: string;
}

interface RecordingProxy {
  url: string;
  tokenCalls: TokenCall[];
  close(): Promise<void>;
}

function parseJson(buffer: Buffer): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(buffer.toString('utf8'));
    return parsed !== null && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

async function startRecordingProxy(target: string): Promise<RecordingProxy> {
  const tokenCalls: TokenCall[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const url = new URL(req.url ?? '/', target);
      const upstream = httpRequest(url, { method: req.method, headers: req.headers }, (answer) => {
        const parts: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => parts.push(chunk));
        answer.on('end', () => {
          const reply = Buffer.concat(parts);
          const status = answer.statusCode ?? 502;
          if (req.method === 'POST' && url.pathname === '/token') {
            const sent = parseJson(body);
            const got = status === 200 ? parseJson(reply) : {};
            tokenCalls.push({
              ...(typeof sent.grantType === 'string' ? { grantType: sent.grantType } : {}),
              status,
              ...(sent.refreshToken !== undefined ? { sentRefreshToken: digest(sent.refreshToken) } : {}),
              ...(got.accessToken !== undefined ? { returnedAccessToken: digest(got.accessToken) } : {}),
              ...(got.refreshToken !== undefined ? { returnedRefreshToken: digest(got.refreshToken) } : {}),
            });
          }
          res.writeHead(status, answer.headers);
          res.end(reply);
        });
        answer.on('error', () => res.destroy());
      });
      upstream.on('error', () => res.destroy());
      upstream.end(body);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    tokenCalls,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

// ---- fixtures --------------------------------------------------------------------------

let emulator: Emulator;
let proxy: RecordingProxy;
let home: string;
let cleanup: () => Promise<void>;
let env: Record<string, string>;
let cacheDir: string;
let tokenFile: string;
const transcripts: string[] = [];

beforeAll(async () => {
  requireBuiltCli();
  requirePythonTools();
  emulator = await startEmulator({ interval: 1 });
  proxy = await startRecordingProxy(emulator.url);
  ({ home, cleanup } = await makeHome());
  env = childEnv(home, { AWS_ENDPOINT_URL: proxy.url, BROWSER: approveBrowser, DISPLAY: ':0' });
  cacheDir = path.join(home, '.aws', 'sso', 'cache');
  tokenFile = path.join(cacheDir, `${createHash('sha1').update(SESSION).digest('hex')}.json`);
});

afterAll(async () => {
  await proxy?.close();
  await emulator?.close();
  await cleanup?.();
});

const record = (result: RunResult) => {
  transcripts.push(result.stdout, result.stderr);
  return result;
};

type Json = Record<string, unknown>;

async function readToken(): Promise<{ text: string; json: Json }> {
  const text = await readFile(tokenFile, 'utf8');
  return { text, json: JSON.parse(text) as Json };
}

/** Sets the token's expiresAt, keeping everything else, in the compact format Python writes. */
async function expireTokenAt(when: Date): Promise<Json> {
  const { text, json } = await readToken();
  expect(text).toBe(pyDumps(json)); // it is in botocore's format before we touch it
  json.expiresAt = pythonDate(when);
  await writeFile(tokenFile, pyDumps(json));
  return json;
}

/** The calls the emulator answered since `from`, by operation. */
/** Exactly one POST /token since `from`: a successful refresh_token grant that sent `refreshToken`. */
function expectOneRefresh(from: number, refreshToken: unknown): TokenCall {
  expect(proxy.tokenCalls.slice(from)).toEqual([
    {
      grantType: 'refresh_token',
      status: 200,
      sentRefreshToken: digest(refreshToken),
      returnedAccessToken: expect.any(String),
      returnedRefreshToken: expect.any(String),
    },
  ]);
  return proxy.tokenCalls[from]!;
}

/**
 * A token file written back after the refresh `refresh`: the new access and refresh tokens
 * that came back (not the old ones), the registration fields copied verbatim, startUrl and
 * region from the session config.
 */
function expectWrittenBack(json: Json, before: Json, refresh: TokenCall): void {
  expect(digest(json.accessToken)).not.toBe(digest(before.accessToken));
  expect(digest(json.accessToken)).toBe(refresh.returnedAccessToken);
  expect(digest(json.refreshToken)).not.toBe(digest(before.refreshToken));
  expect(digest(json.refreshToken)).toBe(refresh.returnedRefreshToken);
  expect(json).toMatchObject({
    startUrl: START_URL,
    region: 'ap-northeast-1',
    clientId: before.clientId,
    clientSecret: before.clientSecret,
    registrationExpiresAt: before.registrationExpiresAt,
  });
}

const opsSince = (from: number) => emulator.calls.slice(from).map((c) => c.op);
const succeeded = (from: number, op: string) => emulator.calls.slice(from).filter((c) => c.op === op && c.status === 200).length;

/** botocore's own checks of a token file it wrote or will read. */
function expectBotocoreFormat(text: string, json: Json): void {
  expect(text).toBe(pyDumps(json));
  expect(Object.keys(json)).toEqual(TOKEN_KEYS);
  expect(json.expiresAt).toMatch(PYTHON_DATE);
}

describe('a PKCE sign-in refreshed by botocore and the JS SDK', () => {
  it('configure signs in with the authorization code flow (PKCE) and caches a refreshable token', async () => {
    const result = record(
      await runCli(
        [
          'configure', '--sso-session', SESSION, '--start-url', START_URL, '--sso-region', 'ap-northeast-1',
          '--account-id', '111122223333', '--role-name', 'ReadOnlyAccess', '--region', 'ap-northeast-1', '--output', 'json',
          '--profile', PROFILE,
        ],
        env,
      ),
    );
    expect(result.stderr).toBe(`Sign-in method: browser (authorization code with PKCE), because it is the default for sso-session "${SESSION}".\n`);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Attempting to open your default browser\. If the browser does not open, open the following URL\.\n/);
    expect(result.stdout).toMatch(/\/authorize\?response_type=code&client_id=\S+&code_challenge_method=S256/);
    expect(result.stdout).toMatch(/"Arn": "arn:aws:sts::111122223333:assumed-role\/AWSReservedSSO_ReadOnlyAccess_/);

    // The browser went through /authorize and clicked Allow; no device code was involved.
    const ops = opsSince(0);
    expect(ops).toContain('RegisterClient');
    expect(ops).toContain('Authorize');
    expect(ops).toContain('Approve');
    expect(ops).not.toContain('StartDeviceAuthorization');
    expect(proxy.tokenCalls).toEqual([
      { grantType: 'authorization_code', status: 200, returnedAccessToken: expect.any(String), returnedRefreshToken: expect.any(String) },
    ]);

    const { text, json } = await readToken();
    expectBotocoreFormat(text, json);
    expect(json).toMatchObject({ startUrl: START_URL, region: 'ap-northeast-1' });
    expect(digest(json.accessToken)).toBe(proxy.tokenCalls[0]!.returnedAccessToken);
    expect(digest(json.refreshToken)).toBe(proxy.tokenCalls[0]!.returnedRefreshToken);
    expect(json.registrationExpiresAt).toMatch(PYTHON_DATE);

    const files = await readdir(cacheDir);
    expect(files).toHaveLength(2);
    const registrationName = files.find((f) => f !== path.basename(tokenFile))!;
    // Named as the AWS CLI v2 names it, so `aws sso login` would reuse this registration.
    const registrationKey = pyDumps({ region: 'ap-northeast-1', scopes: ['sso:account:access'], session_name: SESSION, startUrl: START_URL, tool: 'botocore' });
    expect(registrationName).toBe(`${createHash('sha1').update(registrationKey).digest('hex')}.json`);
    const registrationText = await readFile(path.join(cacheDir, registrationName), 'utf8');
    const registration = JSON.parse(registrationText) as Json;
    expect(registrationText).toBe(pyDumps(registration));
    expect(Object.keys(registration)).toEqual(['clientId', 'clientSecret', 'expiresAt', 'scopes', 'grantTypes']);
    expect(registration.grantTypes).toEqual(['authorization_code', 'refresh_token']);
    expect(registration).toMatchObject({ clientId: json.clientId, clientSecret: json.clientSecret, expiresAt: json.registrationExpiresAt });
  });

  it("botocore's SSOTokenProvider refreshes the token within 10 minutes of expiry and writes it back", async () => {
    const before = await expireTokenAt(new Date(Date.now() + 5 * 60 * 1000));
    const calls = emulator.calls.length;
    const tokenCalls = proxy.tokenCalls.length;
    const script = [
      'import hashlib, json, botocore.session',
      'from botocore.tokens import SSOTokenProvider',
      `s = botocore.session.Session(profile=${JSON.stringify(PROFILE)})`,
      't = SSOTokenProvider(s).load_token().get_frozen_token()',
      // get_caller_identity resolves credentials through a second SSOTokenProvider, which reads the refreshed file.
      "arn = s.create_client('sts').get_caller_identity()['Arn']",
      "print(json.dumps({'token': hashlib.sha256(t.token.encode()).hexdigest(), 'expiration': t.expiration.isoformat(), 'arn': arn}))",
    ].join('\n');
    const result = record(await run('python3', ['-c', script], env));
    // A failed refresh would show here: botocore logs "SSO token refresh attempt failed" as a warning.
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const out = JSON.parse(result.stdout) as { token: string; expiration: string; arn: string };
    expect(out.arn).toMatch(ARN);

    // Exactly one refresh went out, with the refresh token sso-setup stored, and it succeeded.
    const refresh = expectOneRefresh(tokenCalls, before.refreshToken);
    expect(opsSince(calls)).not.toContain('RegisterClient');
    expect(opsSince(calls)).not.toContain('Authorize');
    expect(succeeded(calls, 'GetRoleCredentials')).toBe(1);
    expect(succeeded(calls, 'GetCallerIdentity')).toBe(1);

    const { text, json } = await readToken();
    expectBotocoreFormat(text, json);
    expectWrittenBack(json, before, refresh);
    expect(digest(json.accessToken)).toBe(out.token);
    const expiresAt = Date.parse(json.expiresAt as string);
    expect(expiresAt).toBeGreaterThan(Date.now() + 7 * HOUR_MS);
    expect(Math.abs(Date.parse(out.expiration) - expiresAt)).toBeLessThan(1000);
    expect((await readdir(cacheDir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('sso-setup status reads what botocore wrote back', async () => {
    const { json } = await readToken();
    const status = record(await runCli(['status', '--json'], env));
    expect(status.code).toBe(0);
    expect(JSON.parse(status.stdout).sessions).toEqual([
      expect.objectContaining({
        type: 'sso-session',
        name: SESSION,
        profiles: [PROFILE],
        signedIn: true,
        refreshable: true,
        expiresAt: new Date(json.expiresAt as string).toISOString(),
      }),
    ]);
  });

  it("the JS SDK's fromIni refreshes a token with under 5 minutes left and writes it back", async () => {
    const before = await expireTokenAt(new Date(Date.now() + 2 * 60 * 1000));
    const calls = emulator.calls.length;
    const tokenCalls = proxy.tokenCalls.length;
    vi.stubEnv('HOME', home);
    vi.stubEnv('USERPROFILE', home);
    vi.stubEnv('AWS_ENDPOINT_URL', proxy.url);
    vi.stubEnv('AWS_CONFIG_FILE', path.join(home, '.aws', 'config'));
    vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', path.join(home, '.aws', 'credentials'));
    try {
      const credentials = fromIni({ profile: PROFILE, ignoreCache: true });
      const sts = new STSClient({ region: 'ap-northeast-1', credentials });
      const identity = await sts.send(new GetCallerIdentityCommand({}));
      expect(identity.Arn).toMatch(ARN);
    } finally {
      vi.unstubAllEnvs();
    }

    const refresh = expectOneRefresh(tokenCalls, before.refreshToken);
    expect(succeeded(calls, 'GetRoleCredentials')).toBe(1);

    // The SDK writes its own format: the old fields spread, 2-space JSON, expiresAt with milliseconds.
    const { text, json } = await readToken();
    expect(text).toBe(JSON.stringify(json, null, 2));
    expect(Object.keys(json)).toEqual(TOKEN_KEYS);
    expect(json.expiresAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(Date.parse(json.expiresAt as string)).toBeGreaterThan(Date.now() + 7 * HOUR_MS);
    expectWrittenBack(json, before, refresh);
  });

  it("sso-setup reads the SDK's write-back, refreshes with the refresh token it stored, and the AWS CLI v1 works", async () => {
    const before = (await readToken()).json;
    const status = record(await runCli(['status', '--json'], env));
    expect(status.code).toBe(0);
    expect(JSON.parse(status.stdout).sessions).toEqual([
      expect.objectContaining({
        name: SESSION,
        profiles: [PROFILE],
        signedIn: true,
        refreshable: true,
        expiresAt: new Date(before.expiresAt as string).toISOString(),
      }),
    ]);

    const calls = emulator.calls.length;
    const tokenCalls = proxy.tokenCalls.length;
    const login = record(await runCli(['login', '--sso-session', SESSION], env));
    expect(login.code).toBe(0);
    expect(login.stdout.startsWith(`Refreshed the sign-in of "${SESSION}"`)).toBe(true);
    expect(login.stdout).toContain(`Successfully logged into Start URL: ${START_URL}`);
    const refresh = expectOneRefresh(tokenCalls, before.refreshToken);
    for (const op of ['RegisterClient', 'Authorize', 'Approve', 'StartDeviceAuthorization']) expect(opsSince(calls)).not.toContain(op);

    // sso-setup writes botocore's format again, over the SDK's.
    const { text, json } = await readToken();
    expectBotocoreFormat(text, json);
    expectWrittenBack(json, before, refresh);

    // Without cached role credentials the AWS CLI v1 has to use the token sso-setup just stored.
    await rm(path.join(home, '.aws', 'cli', 'cache'), { recursive: true, force: true });
    const awsCalls = emulator.calls.length;
    const aws = record(await run('aws', ['sts', 'get-caller-identity', '--profile', PROFILE], env));
    expect(aws.stderr).toBe('');
    expect(aws.code).toBe(0);
    expect(JSON.parse(aws.stdout)).toMatchObject({ Account: '111122223333', Arn: expect.stringMatching(ARN) });
    expect(succeeded(awsCalls, 'GetRoleCredentials')).toBe(1);
    expect(opsSince(awsCalls)).not.toContain('CreateToken');
  });

  it('a session with sso_use_device_code (written by --remember) is still read and used by botocore, the AWS CLI v1 and the JS SDK', async () => {
    const login = record(await runCli(['login', '--sso-session', SESSION, '--force', '--use-device-code', '--remember'], env));
    expect(login.code).toBe(0);
    expect(login.stdout).toContain(`Saved sso_use_device_code = true in [sso-session ${SESSION}]`);
    expect(await readFile(path.join(home, '.aws', 'config'), 'utf8')).toMatch(/\[sso-session s\]\n(?:.+\n)*sso_use_device_code = true\n/);
    await rm(path.join(home, '.aws', 'cli', 'cache'), { recursive: true, force: true });

    const aws = record(await run('aws', ['sts', 'get-caller-identity', '--profile', PROFILE], env));
    expect(aws.stderr).toBe('');
    expect(JSON.parse(aws.stdout)).toMatchObject({ Arn: expect.stringMatching(ARN) });
    const script = [
      'import botocore.session',
      `s = botocore.session.Session(profile=${JSON.stringify(PROFILE)})`,
      "print(s.create_client('sts').get_caller_identity()['Arn'])",
    ].join('\n');
    const boto = record(await run('python3', ['-c', script], env));
    expect(boto.stderr).toBe('');
    expect(boto.stdout.trim()).toMatch(ARN);
    vi.stubEnv('HOME', home);
    vi.stubEnv('USERPROFILE', home);
    vi.stubEnv('AWS_ENDPOINT_URL', proxy.url);
    vi.stubEnv('AWS_CONFIG_FILE', path.join(home, '.aws', 'config'));
    try {
      const sts = new STSClient({ region: 'ap-northeast-1', credentials: fromIni({ profile: PROFILE, ignoreCache: true }) });
      expect((await sts.send(new GetCallerIdentityCommand({}))).Arn).toMatch(ARN);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('sso-setup export-credentials refreshes an expired token as botocore does, and botocore reads it', async () => {
    const before = await expireTokenAt(new Date(Date.now() - 60 * 1000));
    await rm(path.join(home, '.aws', 'cli', 'cache'), { recursive: true, force: true });
    const tokenCalls = proxy.tokenCalls.length;
    const calls = emulator.calls.length;
    const result = await runCli(['export-credentials', '--profile', PROFILE, '--format', 'process'], env);
    transcripts.push(result.stderr); // stdout is the role credentials, by request: not a transcript
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ Version: 1, AccessKeyId: expect.stringMatching(/^ASIA/) });
    const refresh = expectOneRefresh(tokenCalls, before.refreshToken);
    expect(succeeded(calls, 'GetRoleCredentials')).toBe(1);

    // Written back as botocore writes it after its own refresh (the test above).
    const { text, json } = await readToken();
    expectBotocoreFormat(text, json);
    expectWrittenBack(json, before, refresh);

    // botocore takes the file as it is: no refresh of its own, the same access token.
    const script = [
      'import hashlib, botocore.session',
      'from botocore.tokens import SSOTokenProvider',
      `s = botocore.session.Session(profile=${JSON.stringify(PROFILE)})`,
      't = SSOTokenProvider(s).load_token().get_frozen_token()',
      'print(hashlib.sha256(t.token.encode()).hexdigest())',
    ].join('\n');
    const boto = record(await run('python3', ['-c', script], env));
    expect(boto.stderr).toBe('');
    expect(boto.stdout.trim()).toBe(digest(json.accessToken));
    expect(proxy.tokenCalls.length).toBe(tokenCalls + 1);
  });

  it('no secret the emulator issued appeared in any transcript', () => {
    const secrets = emulator.issuedSecrets();
    expect(secrets.length).toBeGreaterThan(5);
    const everything = transcripts.join('\n');
    expect(secrets.filter((s) => everything.includes(s))).toEqual([]);
  });
});
