import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { makeHome } from '../helpers/sandbox.js';
import { childEnv, cliPath, requireBuiltCli, runCli } from '../helpers/cli.js';

/**
 * `export-credentials` for any profile the SDK's chain resolves, as `aws configure
 * export-credentials` (docs/compat.md §D5): the built CLI in a child process, so the loop
 * guard's environment variable really reaches a credential_process child. IMDS is switched off
 * (AWS_EC2_METADATA_DISABLED) so "nothing found" does not wait on a metadata service.
 */
let home: string;
let cleanup: () => Promise<void>;
const EXPIRES = '2099-01-02T03:04:05Z';

beforeAll(async () => {
  requireBuiltCli();
  ({ home, cleanup } = await makeHome());
  const processScript = path.join(home, 'creds.mjs');
  await writeFile(
    processScript,
    `console.log(JSON.stringify({ Version: 1, AccessKeyId: 'ASIAPROCESS', SecretAccessKey: 'proc-secret', SessionToken: 'proc-token', Expiration: '${EXPIRES}' }));\n`,
  );
  await writeFile(
    path.join(home, '.aws', 'config'),
    `[profile proc]\ncredential_process = ${process.execPath} ${processScript}\n` +
      `[profile loop]\ncredential_process = ${process.execPath} ${cliPath} export-credentials --profile loop\n` +
      `[profile hop]\ncredential_process = ${process.execPath} ${cliPath} export-credentials --profile proc\n` +
      `[profile plain]\nregion = us-east-1\n`,
  );
  await writeFile(path.join(home, '.aws', 'credentials'), '[static]\naws_access_key_id = AKIASTATIC\naws_secret_access_key = static-secret\n');
});
afterAll(async () => {
  await cleanup?.();
});

const env = (extra: Record<string, string> = {}) => childEnv(home, { AWS_EC2_METADATA_DISABLED: 'true', ...extra });

describe('export-credentials beyond SSO profiles', () => {
  it('static keys in ~/.aws/credentials: no session token, no expiration (as the AWS CLI prints long-term keys)', async () => {
    const result = await runCli(['export-credentials', '--profile', 'static'], env());
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toBe('{\n  "Version": 1,\n  "AccessKeyId": "AKIASTATIC",\n  "SecretAccessKey": "static-secret"\n}\n');
  });

  it('a credential_process profile, its token and expiration passed through', async () => {
    const result = await runCli(['export-credentials', '--profile', 'proc', '--format', 'env-no-export'], env());
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toBe(
      'AWS_ACCESS_KEY_ID=ASIAPROCESS\nAWS_SECRET_ACCESS_KEY=proc-secret\nAWS_SESSION_TOKEN=proc-token\nAWS_CREDENTIAL_EXPIRATION=2099-01-02T03:04:05+00:00\n',
    );
  });

  it('a credential_process that calls sso-setup for another profile: one level of the chain, allowed', async () => {
    const result = await runCli(['export-credentials', '--profile', 'hop'], env());
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(result.stdout)).toMatchObject({ AccessKeyId: 'ASIAPROCESS', SessionToken: 'proc-token' });
  });

  it('environment variables without --profile; --profile wins over them, as in botocore', async () => {
    const keys = { AWS_ACCESS_KEY_ID: 'AKIAENV', AWS_SECRET_ACCESS_KEY: 'env-secret', AWS_SESSION_TOKEN: 'env-token' };
    const fromEnv = await runCli(['export-credentials', '--format', 'env'], env(keys));
    expect(fromEnv).toMatchObject({ code: 0, stderr: '' });
    expect(fromEnv.stdout).toBe('export AWS_ACCESS_KEY_ID=AKIAENV\nexport AWS_SECRET_ACCESS_KEY=env-secret\nexport AWS_SESSION_TOKEN=env-token\n');
    const fromProfile = await runCli(['export-credentials', '--format', 'env', '--profile', 'static'], env(keys));
    expect(fromProfile.stdout).toBe('export AWS_ACCESS_KEY_ID=AKIASTATIC\nexport AWS_SECRET_ACCESS_KEY=static-secret\n');
  });

  it('a profile whose credential_process calls sso-setup for itself: the loop is named, exit 253', async () => {
    const result = await runCli(['export-credentials', '--profile', 'loop'], env());
    expect(result.code).toBe(253);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^\nUnable to retrieve credentials: Command failed: /);
    expect(result.stderr).toContain('Credential process resolution detected an infinite loop, profile cycle: loop -> loop');
  });

  it('a chain already four profiles deep (the AWS CLI variable) is refused before anything runs', async () => {
    const result = await runCli(['export-credentials', '--profile', 'static'], env({ _AWS_CLI_PROFILE_CHAIN: 'a,b,c,d' }));
    expect(result).toMatchObject({ code: 253, stdout: '' });
    expect(result.stderr).toBe('\nMaximum recursive credential process resolution reached (4).\nProfiles seen: a -> b -> c -> d\n');
  });

  it('nothing resolves: the AWS CLI message and exit 253', async () => {
    const result = await runCli(['export-credentials'], env());
    expect(result).toMatchObject({ code: 253, stdout: '', stderr: '\nUnable to retrieve credentials: no credentials found\n' });
  });

  it('a profile with no credentials in it: the SDK reason, exit 253', async () => {
    const result = await runCli(['export-credentials', '--profile', 'plain'], env());
    expect(result).toMatchObject({ code: 253, stdout: '' });
    expect(result.stderr).toBe('\nUnable to retrieve credentials: Could not resolve credentials using profile: [plain] in configuration/credentials file(s).\n');
  });
});
