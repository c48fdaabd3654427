import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { appendFile, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fromIni } from '@aws-sdk/credential-providers';
import { STSClient, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { startEmulator, type Emulator } from '../emulator/server.js';
import { makeHome } from '../helpers/sandbox.js';
import {
  approveBrowser,
  childEnv,
  cliPath,
  requireBuiltCli,
  requirePythonTools,
  run,
  runCli,
  Terminal,
  type RunResult,
} from '../helpers/cli.js';

/**
 * The user's journey from the guides, with the real built CLI in a pseudo-terminal, a
 * scripted "person" clicking Allow on the emulator's page, and then the real AWS tools
 * (AWS CLI v1, botocore, the JS SDK) using only what sso-setup wrote.
 */
const START_URL = 'https://d-9067c0ab12.awsapps.com/start';
const PROFILE = 'my-dev-profile';
const ARN = /arn:aws:sts::111122223333:assumed-role\/AWSReservedSSO_ReadOnlyAccess_[0-9a-f]{16}\/taro\.yamada/;

let emulator: Emulator;
let home: string;
let cleanup: () => Promise<void>;
let env: Record<string, string>;
const transcripts: string[] = [];

beforeAll(async () => {
  requireBuiltCli();
  requirePythonTools();
  emulator = await startEmulator({ interval: 1 });
  ({ home, cleanup } = await makeHome());
  env = childEnv(home, { AWS_ENDPOINT_URL: emulator.url, BROWSER: approveBrowser });
});

afterAll(async () => {
  await emulator?.close();
  await cleanup?.();
});

/** The four SSO prompts of a new session, answered as the guides do; returns where the terminal is. */
async function answerSsoPrompts(term: Terminal): Promise<number> {
  let at = await term.answer('SSO session name (Recommended): ', 'my-sso');
  at = await term.answer('SSO start URL [None]: ', START_URL, at);
  at = await term.answer('SSO region [None]: ', 'ap-northeast-1', at);
  return term.answer('SSO registration scopes [sso:account:access]: ', '', at);
}

const record = (result: RunResult) => {
  transcripts.push(result.stdout, result.stderr);
  return result;
};
const awsCli = async (...args: string[]) => record(await run('aws', args, env));

describe('sso-setup journey', () => {
  it('Ctrl-C at a prompt exits 130 and writes nothing', async () => {
    const term = new Terminal(['configure'], env);
    try {
      const at = await term.answer('SSO session name (Recommended): ', 'my-sso');
      await term.waitFor('SSO start URL [None]: ', at);
      term.type('\u0003');
      expect(await term.exited).toBe(130);
    } finally {
      transcripts.push(term.text);
      term.kill();
    }
    expect(await readdir(path.join(home, '.aws'))).toEqual([]);
  });

  it.each([
    ['the browser flow (PKCE)', [], /authorize\?response_type=code&client_id=\S+/],
    ['the device code flow', ['--use-device-code'], /Then enter the code:\s+\S+/],
  ])('Ctrl-C while waiting for the sign-in to be approved in %s exits 130 and writes nothing', async (_name, flags, waiting) => {
    const term = new Terminal(['configure', ...flags], { ...env, BROWSER: 'true' }); // a browser that never approves
    try {
      const at = await answerSsoPrompts(term);
      await term.waitFor(waiting, at);
      term.type('\u0003');
      expect(await term.exited).toBe(130);
    } finally {
      transcripts.push(term.text);
      term.kill();
    }
    expect(await readdir(path.join(home, '.aws'))).toEqual([]);
  });

  it('configure: a person answers every prompt in a terminal', async () => {
    const term = new Terminal(['configure'], env);
    try {
      let at = await answerSsoPrompts(term);
      at = await term.waitFor('Attempting to open your default browser.', at);
      at = await term.waitFor('There are 2 AWS accounts available to you.', at);
      at = await term.waitFor('Development, dev@example.com (111122223333)', at);
      term.type('\r'); // the first account, Development
      at = await term.waitFor('There are 2 roles available to you.', at);
      at = await term.waitFor('ReadOnlyAccess', at);
      term.type('\u001b[B'); // arrow down to ReadOnlyAccess
      await new Promise((r) => setTimeout(r, 200));
      term.type('\r');
      at = await term.waitFor('Using the role name "ReadOnlyAccess"', at);
      at = await term.answer('Default client Region [None]: ', 'ap-northeast-1', at);
      at = await term.answer('CLI default output format (json if not specified) [None]: ', 'json', at);
      at = await term.answer('Profile name [ReadOnlyAccess-111122223333]: ', PROFILE, at);
      at = await term.waitFor(`aws sts get-caller-identity --profile ${PROFILE}`, at);
      await term.waitFor(ARN, at);
      expect(await term.exited).toBe(0);
    } finally {
      transcripts.push(term.text);
      term.kill();
    }
    expect(term.text).toContain('Using the account ID 111122223333');
    // The AWS CLI's layout: the closing message right under the last answer, short menus
    // without a title or key hints (aws-cli sso_commands.py _print_conclusion, selectmenu.py).
    expect(term.text).toContain(
      `Profile name [ReadOnlyAccess-111122223333]: ${PROFILE}\nTo use this profile, specify the profile name using --profile, as shown:\n\naws sts get-caller-identity --profile ${PROFILE}\n`,
    );
    expect(term.text).toContain('There are 2 AWS accounts available to you.\n');
    expect(term.text).not.toContain('Select an account');
    expect(term.text).not.toContain('navigate');
    expect(await readFile(path.join(home, '.aws', 'config'), 'utf8')).toBe(
      `[profile ${PROFILE}]\nsso_session = my-sso\nsso_account_id = 111122223333\nsso_role_name = ReadOnlyAccess\n` +
        'region = ap-northeast-1\noutput = json\n' +
        `[sso-session my-sso]\nsso_start_url = ${START_URL}\nsso_region = ap-northeast-1\nsso_registration_scopes = sso:account:access\n`,
    );
    // The approval went through the emulator's HTML page, as a browser would.
    expect(emulator.calls.map((c) => c.op)).toContain('Approve');
  });

  it('the AWS CLI v1 runs `aws sts get-caller-identity --profile my-dev-profile` with those files', async () => {
    const result = await awsCli('sts', 'get-caller-identity', '--profile', PROFILE);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ Account: '111122223333', Arn: expect.stringMatching(ARN) });
  });

  it('botocore resolves credentials for the profile and calls STS', async () => {
    const script = [
      'import json, botocore.session',
      `s = botocore.session.Session(profile=${JSON.stringify(PROFILE)})`,
      'c = s.get_credentials().get_frozen_credentials()',
      "sts = s.create_client('sts')",
      "print(json.dumps({'akid': c.access_key, 'arn': sts.get_caller_identity()['Arn']}))",
    ].join('\n');
    const result = record(await run('python3', ['-c', script], env));
    expect(result.stderr).toBe('');
    const { akid, arn } = JSON.parse(result.stdout) as { akid: string; arn: string };
    expect(akid).toMatch(/^ASIA/);
    expect(arn).toMatch(ARN);
  });

  it("the JS SDK's fromIni resolves the same profile", async () => {
    vi.stubEnv('HOME', home);
    vi.stubEnv('USERPROFILE', home);
    vi.stubEnv('AWS_ENDPOINT_URL', emulator.url);
    vi.stubEnv('AWS_CONFIG_FILE', path.join(home, '.aws', 'config'));
    try {
      const credentials = fromIni({ profile: PROFILE, ignoreCache: true });
      const sts = new STSClient({ region: 'ap-northeast-1', credentials });
      const identity = await sts.send(new GetCallerIdentityCommand({}));
      expect(identity.Arn).toMatch(ARN);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('login --profile refreshes the session with its refresh token: no browser, no new registration', async () => {
    const registrations = emulator.calls.filter((c) => c.op === 'RegisterClient').length;
    const approvals = emulator.calls.filter((c) => c.op === 'Approve').length;
    const result = record(await runCli(['--debug', 'login', '--profile', PROFILE], env));
    expect(result.code).toBe(0);
    // --debug shows the SDK's requests (the secrets in them are redacted: see the last test).
    expect(result.stderr).toMatch(/\[debug\] .*CreateTokenCommand.*"grantType":"refresh_token"/);
    expect(result.stderr).toMatch(/\[debug\] sign-in: token from refresh, expires/);
    expect(result.stdout).toBe(
      'Refreshed the sign-in of "my-sso" with its refresh token; no browser needed (--force signs in anew).\n' +
        `Successfully logged into Start URL: ${START_URL}\n`,
    );
    expect(emulator.calls.filter((c) => c.op === 'RegisterClient')).toHaveLength(registrations);
    expect(emulator.calls.filter((c) => c.op === 'Approve')).toHaveLength(approvals);
    expect((await awsCli('sts', 'get-caller-identity', '--profile', PROFILE)).code).toBe(0);
  });

  it('login --force signs in anew in the browser (PKCE); the registration is reused', async () => {
    const registrations = emulator.calls.filter((c) => c.op === 'RegisterClient').length;
    const result = record(await runCli(['--debug', 'login', '--force', '--profile', PROFILE], env));
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('Sign-in method: browser (authorization code with PKCE), because it is the default for sso-session "my-sso".');
    expect(result.stderr).toMatch(/\[debug\] sign-in: token from pkce, expires/);
    expect(result.stdout).toMatch(/^Attempting to open your default browser\. If the browser does not open, open the following URL\.\n/);
    expect(result.stdout).toContain(`Successfully logged into Start URL: ${START_URL}`);
    expect(emulator.calls.filter((c) => c.op === 'RegisterClient')).toHaveLength(registrations);
    expect((await awsCli('sts', 'get-caller-identity', '--profile', PROFILE)).code).toBe(0);
  });

  it('login and the AWS CLI honour the per-service endpoint variables (AWS_ENDPOINT_URL_SSO_OIDC, _SSO, _STS)', async () => {
    const { AWS_ENDPOINT_URL: _unused, ...rest } = env;
    const perService = {
      ...rest,
      AWS_ENDPOINT_URL_SSO_OIDC: emulator.url,
      AWS_ENDPOINT_URL_SSO: emulator.url,
      AWS_ENDPOINT_URL_STS: emulator.url,
    };
    const before = emulator.calls.length;
    const result = record(await runCli(['login', '--sso-session', 'my-sso'], perService));
    expect(result.code).toBe(0);
    expect(emulator.calls.slice(before).map((c) => c.op)).toContain('CreateToken');
    const aws = record(await run('aws', ['sts', 'get-caller-identity', '--profile', PROFILE], perService));
    expect(aws.code).toBe(0);
  });

  it('export-credentials works as credential_process for the AWS CLI v1', async () => {
    const config = path.join(home, '.aws', 'config');
    const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(cliPath)} export-credentials --profile ${PROFILE}`;
    await appendFile(config, `[profile via-process]\ncredential_process = ${command}\nregion = ap-northeast-1\n`);
    const result = await awsCli('sts', 'get-caller-identity', '--profile', 'via-process');
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toMatchObject({ Arn: expect.stringMatching(ARN) });
    const status = record(await runCli(['status', '--json'], env));
    expect(JSON.parse(status.stdout).sessions[0]).toMatchObject({ name: 'my-sso', signedIn: true, refreshable: true, profiles: [PROFILE] });
  });

  it('a script with no terminal configures a working profile in one command', async () => {
    const result = record(
      await runCli(
        [
          'configure', '--sso-session', 'scripted', '--start-url', START_URL, '--sso-region', 'ap-northeast-1',
          '--account-id', '444455556666', '--role-name', 'ReadOnlyAccess', '--region', 'ap-northeast-1', '--output', 'json',
          '--profile', 'scripted-prod',
        ],
        env,
      ),
    );
    expect(result.stderr).toBe('Sign-in method: browser (authorization code with PKCE), because it is the default for sso-session "scripted".\n');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/"Arn": "arn:aws:sts::444455556666:assumed-role\/AWSReservedSSO_ReadOnlyAccess_/);
    const aws = await awsCli('sts', 'get-caller-identity', '--profile', 'scripted-prod');
    expect(JSON.parse(aws.stdout)).toMatchObject({ Account: '444455556666' });
  });

  it('login with a missing profile exits 255 and one without SSO settings exits 253', async () => {
    const missing = record(await runCli(['login', '--profile', 'nope'], env));
    expect(missing.code).toBe(255);
    expect(missing.stderr).toContain('The config profile (nope) could not be found');
    const noSession = record(await runCli(['login', '--sso-session', 'nope'], env));
    expect(noSession.code).toBe(253);
    expect(noSession.stderr).toContain('The specified sso-session does not exist: "nope"');
  });

  it('logout revokes and removes the tokens; the AWS CLI then asks for a new sign-in', async () => {
    const result = record(await runCli(['logout'], env));
    expect(result.code).toBe(0);
    const cacheDir = path.join(home, '.aws', 'sso', 'cache');
    for (const f of await readdir(cacheDir)) {
      expect(JSON.parse(await readFile(path.join(cacheDir, f), 'utf8'))).not.toHaveProperty('accessToken');
    }
    const after = await awsCli('sts', 'get-caller-identity', '--profile', PROFILE);
    expect(after.code).not.toBe(0);
    expect(after.stderr).toMatch(/sso login|SSO/i);
  });

  it('no secret the emulator issued appeared in any transcript', () => {
    const secrets = emulator.issuedSecrets();
    expect(secrets.length).toBeGreaterThan(5);
    const everything = transcripts.join('\n');
    const leaked = secrets.filter((s) => everything.includes(s));
    expect(leaked).toEqual([]);
  });
});
