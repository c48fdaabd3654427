import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { mkdir, readFile, symlink } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_ORG } from '../emulator/server.js';
import { makeHome } from '../helpers/sandbox.js';
import { childEnv, repoRoot, requireBuiltCli, requirePythonTools, run, Terminal } from '../helpers/cli.js';
import { requireMoto } from '../helpers/moto.js';

/**
 * `npm run demo` as a new user runs it: the hints say "press Enter" for the client region, and
 * the demo's last step (the AWS CLI v1 on the files sso-setup wrote) must still succeed.
 */
const demoScript = path.join(repoRoot, 'dist', 'scripts', 'demo.js');

let home: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  requireBuiltCli();
  requirePythonTools();
  if (!existsSync(demoScript)) throw new Error(`${demoScript} is missing: run \`npm run build\``);
  ({ home, cleanup } = await makeHome());
});
afterAll(async () => {
  await cleanup?.();
});

describe('npm run demo (issue 12, item 16)', () => {
  it('Enter at every prompt the hints allow it: the final aws sts get-caller-identity succeeds', async () => {
    const demoHome = path.join(home, 'demo');
    // No DISPLAY: the demo's scripted browser clicks Allow.
    const term = new Terminal([], childEnv(home, { SSO_SETUP_DEMO_HOME: demoHome }), demoScript);
    try {
      let at = await term.waitFor('press Enter or type your own');
      at = await term.answer('SSO session name (Recommended): ', 'my-sso', at);
      at = await term.answer('SSO start URL [None]: ', DEFAULT_ORG.startUrl, at);
      at = await term.answer('SSO region [None]: ', DEFAULT_ORG.region, at);
      at = await term.answer('SSO registration scopes [sso:account:access]: ', '', at);
      at = await term.waitFor('There are 2 AWS accounts available to you.', at);
      await term.waitFor('Development, dev@example.com (111122223333)', at);
      term.type('\r');
      at = await term.waitFor('There are 2 roles available to you.', at);
      await term.waitFor('ReadOnlyAccess', at);
      term.type('\r');
      at = await term.answer('Default client Region [None]: ', '', at); // the hint: press Enter
      at = await term.answer('CLI default output format (json if not specified) [None]: ', '', at);
      at = await term.answer('Profile name [AdministratorAccess-111122223333]: ', 'my-dev-profile', at);
      at = await term.waitFor('aws sts get-caller-identity --profile my-dev-profile', at);
      // sso-setup's own closing hint: the AWS CLI needs a region for this profile.
      at = await term.waitFor(`The profile has no default Region, so AWS CLI commands with it need --region (or AWS_REGION), for example: --region ${DEFAULT_ORG.region}`, at);
      at = await term.waitFor(`$ aws sts get-caller-identity --profile my-dev-profile --region ${DEFAULT_ORG.region}`, at);
      await term.waitFor(/"Arn": "arn:aws:sts::111122223333:assumed-role\/AWSReservedSSO_AdministratorAccess_/, at, 60_000);
      expect(await term.exited).toBe(0);
    } finally {
      term.kill();
    }
    expect(term.text).not.toContain('You must specify a region');
    // The bytes written are the AWS CLI's: no region was invented for the profile.
    expect(await readFile(path.join(demoHome, '.aws', 'config'), 'utf8')).not.toMatch(/^region/m);
  }, 120_000);

  it('--admin: admin on moto with the guide\'s values (the command shown), the emulator seeded from moto, then configure as workday_worker', async () => {
    requireMoto();
    const demoHome = path.join(home, 'demo-admin');
    const term = new Terminal(['--admin'], childEnv(home, { SSO_SETUP_DEMO_HOME: demoHome }), demoScript);
    try {
      let at = await term.waitFor(/\$ sso-setup admin --region us-east-1 --yes --user-name workday_worker --email hogehoge@example\.ne\.jp --permission-set S3DynamoDBAccess --managed-policy AmazonDynamoDBFullAccess --managed-policy AmazonS3FullAccess --account-id (\d{12})/, 0, 60_000);
      const accountId = /--account-id (\d{12})/.exec(term.text)![1]!;
      at = await term.waitFor(/AWS access portal URL: (\S+)/, at, 60_000);
      const startUrl = /AWS access portal URL: (\S+)/.exec(term.text)![1]!;
      at = await term.waitFor(`What moto now holds for workday_worker (read through the AWS SDK): ${accountId}: S3DynamoDBAccess.`, at, 30_000);
      at = await term.waitFor(`SSO start URL:     ${startUrl}`, at);
      at = await term.waitFor('SSO region:        us-east-1', at);
      at = await term.answer('SSO session name (Recommended): ', 'my-sso', at);
      at = await term.answer('SSO start URL [None]: ', startUrl, at);
      at = await term.answer('SSO region [None]: ', 'us-east-1', at);
      at = await term.answer('SSO registration scopes [sso:account:access]: ', '', at);
      at = await term.waitFor(`The only AWS account available to you is: ${accountId}`, at);
      at = await term.waitFor('The only role available to you is: S3DynamoDBAccess', at);
      at = await term.answer('Default client Region [None]: ', 'us-east-1', at);
      at = await term.answer('CLI default output format (json if not specified) [None]: ', '', at);
      at = await term.answer(`Profile name [S3DynamoDBAccess-${accountId}]: `, 'my-dev-profile', at);
      at = await term.waitFor('$ aws sts get-caller-identity --profile my-dev-profile', at);
      await term.waitFor(new RegExp(`"Arn": "arn:aws:sts::${accountId}:assumed-role/AWSReservedSSO_S3DynamoDBAccess_[0-9a-f]{16}/workday_worker"`), at, 60_000);
      expect(await term.exited).toBe(0);
    } finally {
      term.kill();
    }
  }, 180_000);

  it('--admin without moto fails with a message naming moto', async () => {
    // A PATH with node only: python3, and so moto, is missing.
    const bin = path.join(home, 'node-only');
    await mkdir(bin, { recursive: true });
    await symlink(process.execPath, path.join(bin, 'node'));
    const result = await run(process.execPath, [demoScript, '--admin'], childEnv(home, { SSO_SETUP_DEMO_HOME: path.join(home, 'demo-nomoto'), PATH: bin }));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("demo failed: npm run demo -- --admin runs the administrator's half against moto. This needs moto");
    expect(result.stderr).toContain('python3 -m pip install "moto[server]"');
  });
});
