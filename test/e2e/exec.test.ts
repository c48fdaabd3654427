import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { startEmulator, type Emulator } from '../emulator/server.js';
import { makeHome } from '../helpers/sandbox.js';
import { approveBrowser, childEnv, cliPath, repoRoot, requireBuiltCli, requirePythonTools, run, runCli, Terminal, type RunResult } from '../helpers/cli.js';

/**
 * `sso-setup exec` with the built CLI: the AWS CLI v1 and botocore, run under it against the
 * emulator, find the role's identity in their environment alone; exit codes and signals pass
 * through; a missing command is exit 127.
 */
const START_URL = 'https://d-9067c0ab12.awsapps.com/start';
const ARN = /arn:aws:sts::111122223333:assumed-role\/AWSReservedSSO_ReadOnlyAccess_[0-9a-f]{16}\/taro\.yamada/;

let emulator: Emulator;
let home: string;
let cleanup: () => Promise<void>;
let env: Record<string, string>;

beforeAll(async () => {
  requireBuiltCli();
  requirePythonTools();
  emulator = await startEmulator({ interval: 1 });
  ({ home, cleanup } = await makeHome());
  await writeFile(
    path.join(home, '.aws', 'config'),
    `[profile dev]\nsso_session = corp\nsso_account_id = 111122223333\nsso_role_name = ReadOnlyAccess\n` +
      `[profile dev-tokyo]\nsso_session = corp\nsso_account_id = 111122223333\nsso_role_name = ReadOnlyAccess\nregion = eu-west-1\n` +
      `[sso-session corp]\nsso_start_url = ${START_URL}\nsso_region = ap-northeast-1\nsso_registration_scopes = sso:account:access\n`,
  );
  // AWS_PROFILE names a profile that does not exist: the child must not see it.
  env = childEnv(home, { AWS_ENDPOINT_URL: emulator.url, BROWSER: approveBrowser, AWS_PROFILE: 'does-not-exist' });
  const login = await runCli(['login', '--profile', 'dev'], env);
  expect(login.code, login.stderr).toBe(0);
}, 60_000);

afterAll(async () => {
  await emulator?.close();
  await cleanup?.();
});

const exec = (args: string[], extra: Record<string, string> = {}) => runCli(['exec', '--profile', 'dev', '--', ...args], { ...env, ...extra });
const ok = (result: RunResult) => {
  expect(result.code, result.stderr).toBe(0);
  return result;
};

describe('sso-setup exec', () => {
  it('the AWS CLI v1 runs `aws sts get-caller-identity` under it with the role credentials', async () => {
    const result = ok(await exec(['aws', 'sts', 'get-caller-identity']));
    expect(JSON.parse(result.stdout)).toMatchObject({ Account: '111122223333', Arn: expect.stringMatching(ARN) });
    expect(result.stderr).toBe('');
  });

  it('botocore finds the credentials in the environment (no profile), the region and the expiry', async () => {
    const script = [
      'import json, os, botocore.session',
      's = botocore.session.Session()',
      'c = s.get_credentials()',
      "sts = s.create_client('sts')",
      "print(json.dumps({'method': c.method, 'region': s.get_config_variable('region'), 'profile': os.environ.get('AWS_PROFILE'),",
      "  'default_profile': os.environ.get('AWS_DEFAULT_PROFILE'), 'expiration': os.environ['AWS_CREDENTIAL_EXPIRATION'],",
      "  'arn': sts.get_caller_identity()['Arn']}))",
    ].join('\n');
    // A stale AWS_SECURITY_TOKEN would win over AWS_SESSION_TOKEN in botocore: exec removes it.
    const result = ok(await exec(['python3', '-c', script], { AWS_DEFAULT_PROFILE: 'also-not', AWS_SECURITY_TOKEN: 'stale-token' }));
    const out = JSON.parse(result.stdout) as Record<string, string | null>;
    expect(out).toMatchObject({ method: 'env', region: 'ap-northeast-1', profile: null, default_profile: null, arn: expect.stringMatching(ARN) });
    expect(Date.parse(out.expiration!)).toBeGreaterThan(Date.now());
    expect(out.expiration).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it("uses the profile's region when it has one, else its SSO region", async () => {
    const result = ok(await runCli(['exec', '--profile', 'dev-tokyo', '--', 'python3', '-c', "import os; print(os.environ['AWS_REGION'], os.environ['AWS_DEFAULT_REGION'])"], env));
    expect(result.stdout).toBe('eu-west-1 eu-west-1\n');
  });

  it('passes on the exit code, and 128 + the signal when the command is killed', async () => {
    expect((await exec(['python3', '-c', 'import sys; sys.exit(7)'])).code).toBe(7);
    expect((await exec(['python3', '-c', 'import os, signal; os.kill(os.getpid(), signal.SIGTERM)'])).code).toBe(143);
  });

  it('passes its arguments as they are: no shell expands them', async () => {
    const result = ok(await exec(['python3', '-c', 'import sys, json; print(json.dumps(sys.argv[1:]))', '$HOME', '*', 'a b', '--debug']));
    expect(JSON.parse(result.stdout)).toEqual(['$HOME', '*', 'a b', '--debug']);
  });

  it('a command that does not exist is exit 127 with one line; one that cannot run is 126', async () => {
    const missing = await exec(['no-such-command-sso-setup']);
    expect(missing.code).toBe(127);
    expect(missing.stderr.trim()).toBe('sso-setup exec: no-such-command-sso-setup: command not found');
    const notExecutable = await exec([path.join(repoRoot, 'README.md')]);
    expect(notExecutable.code).toBe(126);
    expect(notExecutable.stderr).toContain('cannot run the command (EACCES)');
  });

  it('fails before running anything when there are no credentials (not signed in)', async () => {
    const other = childEnv(home, { AWS_ENDPOINT_URL: emulator.url, AWS_CONFIG_FILE: path.join(home, 'none') });
    const result = await runCli(['exec', '--profile', 'dev', '--', 'python3', '-c', 'print("ran")'], other);
    expect(result.code).not.toBe(0);
    expect(result.stdout).toBe('');
  });

  /** Runs exec on a script that traps `signal` and exits 42; sends `signal` to sso-setup alone once it is ready. */
  async function trapped(signal: 'SIGTERM' | 'SIGINT' | 'SIGHUP'): Promise<number | null> {
    const script = `import signal, sys, time\nsignal.signal(signal.${signal}, lambda *a: sys.exit(42))\nprint("ready", flush=True)\ntime.sleep(30)`;
    const child = spawn(process.execPath, [cliPath, 'exec', '--profile', 'dev', '--', 'python3', '-c', script], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    await new Promise<void>((resolve) =>
      child.stdout.on('data', (d) => {
        stdout += d;
        if (stdout.includes('ready')) resolve();
      }),
    );
    child.kill(signal); // to sso-setup only: the command gets it from sso-setup
    return new Promise<number | null>((resolve) => child.on('close', resolve));
  }

  it.each([['SIGTERM'], ['SIGINT'], ['SIGHUP']] as const)('forwards %s to the command, which traps it and exits 42', async (signal) => {
    expect(await trapped(signal)).toBe(42);
  });

  it('Ctrl-C in a terminal reaches the command once (the terminal sends it to both; sso-setup does not repeat it)', async () => {
    // Counts the SIGINTs it gets for a second after the first, then exits 40 + the count.
    const script = [
      'import signal, sys, time',
      'count = 0',
      'def on_int(*a):',
      '    global count',
      '    count += 1',
      'signal.signal(signal.SIGINT, on_int)',
      'print("ready", flush=True)',
      'while count == 0: time.sleep(0.05)',
      'time.sleep(1)',
      'sys.exit(40 + count)',
    ].join('\n');
    const term = new Terminal(['exec', '--profile', 'dev', '--', 'python3', '-c', script], env);
    try {
      await term.waitFor('ready');
      term.type('\u0003');
      expect(await term.exited).toBe(41);
    } finally {
      term.kill();
    }
  });
});
