import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { startEmulator, type Emulator } from '../emulator/server.js';
import { makeHome } from '../helpers/sandbox.js';
import { approveBrowser, childEnv, requireBuiltCli, requirePythonTools, run, runCli } from '../helpers/cli.js';

/**
 * Issue 12 item 3: a legacy profile (start URL and SSO region of another portal) moved to
 * an sso-session with the real CLI, then used by botocore (boto3's way) and the AWS CLI v1,
 * which refuse a profile whose legacy keys differ from its session's.
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
  env = childEnv(home, { AWS_ENDPOINT_URL: emulator.url, BROWSER: approveBrowser });
});

afterAll(async () => {
  await emulator?.close();
  await cleanup?.();
});

describe('a legacy profile converted to an sso-session, used by every AWS tool', () => {
  it('configure converts it and removes the stale legacy keys', async () => {
    const config = path.join(home, '.aws', 'config');
    await writeFile(
      config,
      '[profile dev]\nsso_start_url = https://d-0000000000.awsapps.com/start\nsso_region = us-east-1\n' +
        'sso_account_id = 111122223333\nsso_role_name = ReadOnlyAccess\nregion = ap-northeast-1\noutput = json\n',
    );
    const result = await runCli(
      ['configure', '--profile', 'dev', '--sso-session', 'corp', '--start-url', START_URL, '--sso-region', 'ap-northeast-1', '--yes',
        '--account-id', '111122223333', '--role-name', 'ReadOnlyAccess'],
      env,
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('"Account": "111122223333"');
    expect(await readFile(config, 'utf8')).toBe(
      '[profile dev]\nsso_account_id = 111122223333\nsso_role_name = ReadOnlyAccess\nregion = ap-northeast-1\noutput = json\n' +
        'sso_session = corp\n' +
        `[sso-session corp]\nsso_start_url = ${START_URL}\nsso_region = ap-northeast-1\nsso_registration_scopes = sso:account:access\n`,
    );
  });

  it("boto3's way (botocore Session with the profile) calls STS with it", async () => {
    const script = [
      'import json, os, botocore.session',
      "s = botocore.session.Session(profile='dev')",
      "sts = s.create_client('sts', endpoint_url=os.environ['AWS_ENDPOINT_URL'])",
      "print(json.dumps(sts.get_caller_identity()['Arn']))",
    ].join('\n');
    const result = await run('python3', ['-c', script], env);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toMatch(ARN);
  });

  it('the AWS CLI v1 runs `aws sts get-caller-identity --profile dev`', async () => {
    const result = await run('aws', ['sts', 'get-caller-identity', '--profile', 'dev'], env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ Arn: expect.stringMatching(ARN) });
  });
});
