import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fromContainerMetadata, fromHttp } from '@aws-sdk/credential-providers';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { startEmulator, type Emulator } from '../emulator/server.js';
import { makeHome } from '../helpers/sandbox.js';
import { approveBrowser, childEnv, cliPath, requireBuiltCli, requirePythonTools, run, runCli, Terminal } from '../helpers/cli.js';

/**
 * `sso-setup serve` with the built CLI, judged by the container providers of botocore, the
 * AWS CLI v1 and the JS SDK (fromHttp, fromContainerMetadata). The emulator issues role
 * credentials for 15 minutes and 5 seconds, so the server renews them a few seconds after
 * it starts (it renews whenever those it holds have under 15 minutes left).
 */
const START_URL = 'https://d-9067c0ab12.awsapps.com/start';
const ARN = /arn:aws:sts::111122223333:assumed-role\/AWSReservedSSO_ReadOnlyAccess_[0-9a-f]{16}\/taro\.yamada/;

let emulator: Emulator;
let home: string;
let cleanup: () => Promise<void>;
let env: Record<string, string>;
let server: ChildProcess;
let stdout = '';
let stderr = '';
let url: string;
let token: string;
let clientEnv: Record<string, string>;

/** Waits until `text` holds `pattern`, for up to `ms`. */
async function until(read: () => string, pattern: RegExp, ms = 30_000): Promise<RegExpMatchArray> {
  const deadline = Date.now() + ms;
  for (;;) {
    const match = read().match(pattern);
    if (match) return match;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${pattern}:\n${read()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(async () => {
  requireBuiltCli();
  requirePythonTools();
  emulator = await startEmulator({ interval: 1, roleCredentialTtlSeconds: 15 * 60 + 5 });
  ({ home, cleanup } = await makeHome());
  await writeFile(
    path.join(home, '.aws', 'config'),
    `[profile dev]\nsso_session = corp\nsso_account_id = 111122223333\nsso_role_name = ReadOnlyAccess\n` +
      `[sso-session corp]\nsso_start_url = ${START_URL}\nsso_region = ap-northeast-1\nsso_registration_scopes = sso:account:access\n`,
  );
  env = childEnv(home, { AWS_ENDPOINT_URL: emulator.url, BROWSER: approveBrowser });
  const login = await runCli(['login', '--profile', 'dev'], env);
  expect(login.code, login.stderr).toBe(0);
  server = spawn(process.execPath, [cliPath, 'serve', '--profile', 'dev'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  server.stdout!.on('data', (d) => (stdout += d));
  server.stderr!.on('data', (d) => (stderr += d));
  url = (await until(() => stdout, /export AWS_CONTAINER_CREDENTIALS_FULL_URI=(\S+)\n/))[1]!;
  token = (await until(() => stdout, /export AWS_CONTAINER_AUTHORIZATION_TOKEN=(\S+)\n/))[1]!;
  // The clients know only the endpoint and the token: no profile, no SSO cache of their own.
  clientEnv = childEnv(home, {
    AWS_ENDPOINT_URL: emulator.url,
    AWS_CONTAINER_CREDENTIALS_FULL_URI: url,
    AWS_CONTAINER_AUTHORIZATION_TOKEN: token,
    AWS_REGION: 'ap-northeast-1',
    AWS_DEFAULT_REGION: 'ap-northeast-1', // botocore (and so the AWS CLI v1) reads this one
    AWS_CONFIG_FILE: path.join(home, 'no-config'),
  });
}, 60_000);

afterAll(async () => {
  server?.kill('SIGKILL');
  await emulator?.close();
  await cleanup?.();
});

const botocoreScript = [
  'import json, time, botocore.session',
  's = botocore.session.Session()',
  'c = s.get_credentials()',
  "sts = s.create_client('sts')",
  "first = c.get_frozen_credentials().access_key, sts.get_caller_identity()['Arn']",
  "print(json.dumps({'method': c.method, 'akid': first[0], 'arn': first[1]}))",
].join('\n');

describe('sso-setup serve', () => {
  it('prints the URL on 127.0.0.1, the export and docker lines, and the token exactly once', () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(stdout.split(token)).toHaveLength(2);
    expect(stdout).toContain('docker run --network host -e AWS_CONTAINER_CREDENTIALS_FULL_URI -e AWS_CONTAINER_AUTHORIZATION_TOKEN -e AWS_REGION -e AWS_DEFAULT_REGION IMAGE');
    expect(stdout).toContain('export AWS_REGION=ap-northeast-1 AWS_DEFAULT_REGION=ap-northeast-1');
  });

  it('answers a missing token 401, a wrong one 403, other methods and paths 405/404, as JSON {code, message}', async () => {
    const missing = await fetch(url);
    expect(missing.status).toBe(401);
    expect(await missing.json()).toMatchObject({ code: 'Unauthorized', message: expect.stringContaining('AWS_CONTAINER_AUTHORIZATION_TOKEN') });
    const wrong = await fetch(url, { headers: { authorization: `${token.slice(0, -1)}x` } });
    expect(wrong.status).toBe(403);
    expect(await wrong.json()).toMatchObject({ code: 'Forbidden' });
    expect((await fetch(url, { method: 'POST', headers: { authorization: token } })).status).toBe(405);
    expect((await fetch(new URL('/other', url), { headers: { authorization: token } })).status).toBe(404);
  });

  it('serves the role credentials (never an SSO token) with the token', async () => {
    const response = await fetch(url, { headers: { authorization: token } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    const body = (await response.json()) as Record<string, string>;
    expect(Object.keys(body).sort()).toEqual(['AccessKeyId', 'AccountId', 'Expiration', 'SecretAccessKey', 'Token']);
    expect(body.AccessKeyId).toMatch(/^ASIA/);
    expect(body.AccountId).toBe('111122223333');
    expect(JSON.stringify(body)).not.toMatch(/aoa|aor|accessToken|refreshToken/);
  });

  it('botocore (ContainerProvider) gets credentials from it and calls STS', async () => {
    const result = await run('python3', ['-c', botocoreScript], clientEnv);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ method: 'container-role', akid: expect.stringMatching(/^ASIA/), arn: expect.stringMatching(ARN) });
  });

  it('the AWS CLI v1 runs `aws sts get-caller-identity` with it', async () => {
    const result = await run('aws', ['sts', 'get-caller-identity'], clientEnv);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ Account: '111122223333', Arn: expect.stringMatching(ARN) });
  });

  it("the JS SDK's fromHttp and fromContainerMetadata get credentials from it; fromHttp sees a wrong token's code", async () => {
    const viaHttp = await fromHttp({ awsContainerCredentialsFullUri: url, awsContainerAuthorizationToken: token })();
    expect(viaHttp.accessKeyId).toMatch(/^ASIA/);
    expect(viaHttp.expiration!.getTime()).toBeGreaterThan(Date.now());
    vi.stubEnv('AWS_CONTAINER_CREDENTIALS_FULL_URI', url);
    vi.stubEnv('AWS_CONTAINER_AUTHORIZATION_TOKEN', token);
    try {
      const viaMetadata = await fromContainerMetadata()();
      expect(viaMetadata.accessKeyId).toMatch(/^ASIA/);
      const sts = new STSClient({ region: 'ap-northeast-1', endpoint: emulator.url, credentials: fromContainerMetadata() });
      expect((await sts.send(new GetCallerIdentityCommand({}))).Arn).toMatch(ARN);
    } finally {
      vi.unstubAllEnvs();
    }
    const refused = await fromHttp({ awsContainerCredentialsFullUri: url, awsContainerAuthorizationToken: 'not-the-token', maxRetries: 0 })().then(
      () => undefined,
      (e: unknown) => e as { Code?: string; message: string },
    );
    expect(refused?.message).toContain('403');
    expect(refused?.Code).toBe('Forbidden');
  });

  it('keeps serving across a renewal: new credentials a few seconds in, which work', async () => {
    const get = async () => ((await (await fetch(url, { headers: { authorization: token } })).json()) as { AccessKeyId: string }).AccessKeyId;
    const first = await get();
    const from = stderr.length;
    await until(() => stderr.slice(from), /Got role credentials that expire \S+Z\.\n/, 20_000);
    const second = await get();
    expect(second).not.toBe(first);
    expect(emulator.calls.filter((c) => c.op === 'GetRoleCredentials').length).toBeGreaterThanOrEqual(2);
    const result = await run('python3', ['-c', botocoreScript], clientEnv);
    expect(result.code, result.stderr).toBe(0);
    // (renewals come every few seconds here, so botocore may already hold a later set than `second`)
    expect(JSON.parse(result.stdout)).toMatchObject({ akid: expect.not.stringMatching(first), arn: expect.stringMatching(ARN) });
  });

  it('logs one line per request, without the token or any credential', () => {
    const lines = stderr.split('\n').filter((line) => / GET | POST /.test(line));
    expect(lines.length).toBeGreaterThanOrEqual(8);
    for (const line of lines) expect(line).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z (GET|POST) \/\S* \d{3}$/);
    expect(stderr).not.toContain(token);
    expect(stderr).not.toMatch(/ASIA|SecretAccessKey/);
  });

  it('SIGTERM closes the server: exit 143, nothing listens any more', async () => {
    const exited = new Promise<number | null>((resolve) => server.on('close', resolve));
    server.kill('SIGTERM');
    expect(await exited).toBe(143);
    expect(stderr).toContain('Stopped: the server is closed.');
    await expect(fetch(url, { headers: { authorization: token } })).rejects.toThrow();
  });

  it('Ctrl-C in a terminal shuts it down cleanly (exit 130)', async () => {
    const term = new Terminal(['serve', '--profile', 'dev'], env);
    try {
      await term.waitFor('The authorization token is shown only this once.');
      const served = term.text.match(/export AWS_CONTAINER_CREDENTIALS_FULL_URI=(\S+)/)![1]!;
      term.type('\u0003');
      expect(await term.exited).toBe(130);
      expect(term.text).toContain('Stopped: the server is closed.');
      await expect(fetch(served)).rejects.toThrow();
    } finally {
      term.kill();
    }
  });
});
