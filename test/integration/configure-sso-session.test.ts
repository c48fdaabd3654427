import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { startEmulator, type Emulator } from '../emulator/server.js';
import { configure } from '../../src/flows/configure.js';
import { configureSsoSession } from '../../src/flows/configure-sso-session.js';
import { requirePythonTools } from '../helpers/cli.js';
import { makeHome, ScriptedPrompter, testContext } from '../helpers/sandbox.js';

/**
 * `sso-setup configure sso-session` against the AWS CLI's own writer (docs/compat.md §A7,
 * checklist 15): the same answers give the same bytes as `ConfigFileWriter.update_config` with
 * the values `aws configure sso-session` passes it (the session's keys, then the three asked).
 */

const START_URL = 'https://d-9067c0ab12.awsapps.com/start';
let emulator: Emulator;
let home: string;
let cleanup: () => Promise<void>;
const configFile = () => path.join(home, '.aws', 'config');

beforeEach(async () => {
  ({ home, cleanup } = await makeHome());
  emulator = await startEmulator();
});

afterEach(async () => {
  await emulator.close();
  await cleanup();
});

/** What the AWS CLI's ConfigFileWriter (awscli/customizations/configure/writer.py) makes of `before`. */
function awsCliWrites(before: string, section: string, values: Record<string, string>): string {
  requirePythonTools();
  const file = path.join(home, 'aws-cli-config');
  const script = [
    'import json, sys',
    'from awscli.customizations.configure.writer import ConfigFileWriter',
    'path, values = sys.argv[1], json.loads(sys.argv[2])',
    "open(path, 'w').write(sys.argv[3]) if sys.argv[3] else None",
    'ConfigFileWriter().update_config(values, path)',
    'sys.stdout.write(open(path).read())',
  ].join('\n');
  const result = spawnSync('python3', ['-c', script, file, JSON.stringify({ __section__: section, ...values }), before], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`python3 failed: ${result.stderr}`);
  return result.stdout;
}

describe('configure sso-session: the AWS CLI\'s bytes', () => {
  it('creates a session in an empty config', async () => {
    const ctx = testContext({ home, emulator, prompter: new ScriptedPrompter(['dev', START_URL, 'ap-northeast-1', 'scope-1, scope-2']) });
    await configureSsoSession(ctx, {});
    const expected = awsCliWrites('', 'sso-session dev', {
      sso_start_url: START_URL,
      sso_region: 'ap-northeast-1',
      sso_registration_scopes: 'scope-1, scope-2',
    });
    expect(await readFile(configFile(), 'utf8')).toBe(expected);
    expect(ctx.output()).toContain(
      '\nCompleted configuring SSO session: dev\nRun the following to login and refresh access token for this session:\n\nsso-setup login --sso-session dev\n',
    );
  });

  it('appends a session after other sections', async () => {
    const before = '# mine\n[default]\nregion = us-east-1\n\n[profile x]\noutput = json';
    await writeFile(configFile(), before);
    const ctx = testContext({ home, emulator, prompter: new ScriptedPrompter(['dev', START_URL, 'us-west-2', '']) });
    await configureSsoSession(ctx, {});
    const expected = awsCliWrites(before, 'sso-session dev', {
      sso_start_url: START_URL,
      sso_region: 'us-west-2',
      sso_registration_scopes: 'sso:account:access',
    });
    expect(await readFile(configFile(), 'utf8')).toBe(expected);
  });

  it('edits an existing session in place; empty answers keep the current values', async () => {
    const before =
      '[profile dev]\nsso_session = corp\n\n[sso-session corp]\nsso_start_url = https://d-1.awsapps.com/start\n' +
      'sso_region = us-east-1\nsso_registration_scopes = sso:account:access\nsso_use_device_code = true\n\n[profile z]\nregion = eu-west-1\n';
    await writeFile(configFile(), before);
    const prompter = new ScriptedPrompter(['corp', START_URL, '', '']);
    const ctx = testContext({ home, emulator, prompter });
    await configureSsoSession(ctx, {});
    expect(prompter.asked).toEqual([
      'SSO session name',
      'SSO start URL [https://d-1.awsapps.com/start]',
      'SSO region [us-east-1]',
      'SSO registration scopes [sso:account:access]',
    ]);
    const expected = awsCliWrites(before, 'sso-session corp', {
      sso_start_url: START_URL,
      sso_region: 'us-east-1',
      sso_registration_scopes: 'sso:account:access',
      sso_use_device_code: 'true',
    });
    expect(await readFile(configFile(), 'utf8')).toBe(expected);
  });

  it('every answer empty on an existing session leaves the file identical', async () => {
    const before = `[sso-session corp]\nsso_start_url = ${START_URL}\nsso_region = us-east-1\nsso_registration_scopes = a, b\n`;
    await writeFile(configFile(), before);
    const ctx = testContext({ home, emulator, prompter: new ScriptedPrompter(['corp', '', '', '']) });
    const result = await configureSsoSession(ctx, {});
    expect(result.configChanged).toBe(false);
    expect(await readFile(configFile(), 'utf8')).toBe(before);
  });

  it('flags answer every prompt; without a terminal a missing value is a usage error', async () => {
    const ctx = testContext({ home, emulator });
    await configureSsoSession(ctx, { ssoSession: 'dev', startUrl: START_URL, ssoRegion: 'eu-west-1', acceptDefaults: true, interactive: false });
    expect(await readFile(configFile(), 'utf8')).toBe(
      `[sso-session dev]\nsso_start_url = ${START_URL}\nsso_region = eu-west-1\nsso_registration_scopes = sso:account:access\n`,
    );
    await expect(configureSsoSession(testContext({ home, emulator }), { startUrl: START_URL, interactive: false })).rejects.toMatchObject({
      exitCode: 252,
    });
  });

  it('a bad start URL or region from a flag is refused and nothing is written', async () => {
    const ctx = testContext({ home, emulator });
    await expect(configureSsoSession(ctx, { ssoSession: 'dev', startUrl: 'http://x.awsapps.com/start', ssoRegion: 'us-east-1', interactive: false })).rejects.toMatchObject({ exitCode: 252 });
    await expect(readFile(configFile(), 'utf8')).rejects.toThrow();
  });
});

describe('configure with an existing session', () => {
  it('a flag asking for another start URL is a usage error that points to configure sso-session', async () => {
    const before = `[sso-session corp]\nsso_start_url = ${START_URL}\nsso_region = us-east-1\n`;
    await writeFile(configFile(), before);
    const ctx = testContext({ home, emulator });
    await expect(
      configure(ctx, { profile: 'dev', preset: { ssoSession: 'corp', startUrl: 'https://d-2.awsapps.com/start' }, interactive: false }),
    ).rejects.toMatchObject({
      exitCode: 252,
      message: expect.stringContaining('To change it, run: sso-setup configure sso-session --sso-session corp'),
    });
    expect(await readFile(configFile(), 'utf8')).toBe(before);
  });
});
