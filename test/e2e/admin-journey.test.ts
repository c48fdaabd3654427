import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ListInstancesCommand, SSOAdminClient } from '@aws-sdk/client-sso-admin';
import { CreateAccountCommand, CreateOrganizationCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { startEmulator, type Emulator } from '../emulator/server.js';
import { makeHome } from '../helpers/sandbox.js';
import { approveBrowser, childEnv, requireBuiltCli, runCli, Terminal } from '../helpers/cli.js';
import { startMoto, type Moto } from '../helpers/moto.js';
import { organisationFromMoto } from '../../scripts/seed-from-moto.js';

/**
 * Issue 16, item 4: the whole journey of the guide, both halves, with the built CLI.
 * The administrator runs `sso-setup admin` against moto (an independent emulator of IAM
 * Identity Center's administration APIs); what moto then holds, read back through the AWS
 * SDK (scripts/seed-from-moto.ts), seeds the embedded emulator; the user then runs
 * `sso-setup configure` in a terminal and `whoami` with the profile it wrote.
 */
const REGION = 'us-east-1';
const credentials = { accessKeyId: 'testing', secretAccessKey: 'testing' };
const PROFILE = 'workday';

let moto: Moto;
let emulator: Emulator | undefined;
let home: string;
let cleanup: () => Promise<void>;
let accountId: string;
let managementAccountId: string;
let storeId: string;

beforeAll(async () => {
  requireBuiltCli();
  moto = await startMoto();
  ({ home, cleanup } = await makeHome());
  // "Identity Center is enabled" in an organization with one workload account: the guide's starting point.
  const config = { region: REGION, endpoint: moto.url, credentials };
  const organizations = new OrganizationsClient(config);
  const org = await organizations.send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
  managementAccountId = org.Organization!.MasterAccountId!;
  const created = await organizations.send(new CreateAccountCommand({ AccountName: 'workloads', Email: 'workloads@example.com' }));
  accountId = created.CreateAccountStatus!.AccountId!;
  const [instance] = (await new SSOAdminClient(config).send(new ListInstancesCommand({}))).Instances!;
  storeId = instance!.IdentityStoreId!;
}, 60_000);

afterAll(async () => {
  await emulator?.close();
  await moto?.stop();
  await cleanup?.();
});

describe("the guide's whole journey: admin on moto, then configure and whoami as the user it created", () => {
  let startUrl: string;

  it('the administrator: sso-setup admin creates workday_worker, S3DynamoDBAccess and the assignment', async () => {
    const env = childEnv(home, { AWS_ACCESS_KEY_ID: credentials.accessKeyId, AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey, AWS_ENDPOINT_URL: moto.url });
    const result = await runCli(
      [
        'admin', '--region', REGION, '--yes',
        '--user-name', 'workday_worker', '--email', 'hogehoge@example.ne.jp',
        '--permission-set', 'S3DynamoDBAccess',
        '--managed-policy', 'AmazonDynamoDBFullAccess', '--managed-policy', 'AmazonS3FullAccess',
        '--account-id', accountId,
      ],
      env,
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    // What the administrator hands the user.
    const printed = /AWS access portal URL: (\S+)/.exec(result.stdout);
    expect(printed).not.toBeNull();
    startUrl = printed![1]!;
    expect(startUrl).toBe(`https://${storeId}.awsapps.com/start`);
  });

  it('moto, read through the SDK, holds exactly one account for workday_worker with the role S3DynamoDBAccess', async () => {
    const org = await organisationFromMoto({ endpoint: moto.url, region: REGION, userName: 'workday_worker', credentials });
    expect(org).toEqual({
      startUrl,
      region: REGION,
      user: { userName: 'workday_worker' },
      accounts: [{ accountId, accountName: 'workloads', emailAddress: 'workloads@example.com', roles: ['S3DynamoDBAccess'] }],
    });
    // The management account exists in moto but nothing was assigned there.
    expect(org.accounts.map((a) => a.accountId)).not.toContain(managementAccountId);
    // A user with no assignment sees nothing (the seeding reads assignments, not accounts).
    await expect(organisationFromMoto({ endpoint: moto.url, region: REGION, userName: 'nobody', credentials })).rejects.toThrow(/no user nobody/);
    emulator = await startEmulator({ org, interval: 1 });
  });

  it('the user: configure in a terminal lists exactly that account and role and writes the profile; whoami works', async () => {
    const env = childEnv(home, { AWS_ENDPOINT_URL: emulator!.url, BROWSER: approveBrowser });
    const term = new Terminal(['configure'], env);
    try {
      let at = await term.answer('SSO session name (Recommended): ', 'workday', 0);
      at = await term.answer('SSO start URL [None]: ', startUrl, at);
      at = await term.answer('SSO region [None]: ', REGION, at);
      at = await term.answer('SSO registration scopes [sso:account:access]: ', '', at);
      at = await term.waitFor(`The only AWS account available to you is: ${accountId}`, at);
      at = await term.waitFor(`Using the account ID ${accountId}`, at);
      at = await term.waitFor('The only role available to you is: S3DynamoDBAccess', at);
      at = await term.waitFor('Using the role name "S3DynamoDBAccess"', at);
      at = await term.answer('Default client Region [None]: ', REGION, at);
      at = await term.answer('CLI default output format (json if not specified) [None]: ', 'json', at);
      at = await term.answer(`Profile name [S3DynamoDBAccess-${accountId}]: `, PROFILE, at);
      await term.waitFor(`aws sts get-caller-identity --profile ${PROFILE}`, at);
      expect(await term.exited).toBe(0);
    } finally {
      term.kill();
    }
    expect(emulator!.calls.map((c) => c.op)).toContain('Approve');
    expect(await readFile(path.join(home, '.aws', 'config'), 'utf8')).toBe(
      `[profile ${PROFILE}]\nsso_session = workday\nsso_account_id = ${accountId}\nsso_role_name = S3DynamoDBAccess\n` +
        `region = ${REGION}\noutput = json\n` +
        `[sso-session workday]\nsso_start_url = ${startUrl}\nsso_region = ${REGION}\nsso_registration_scopes = sso:account:access\n`,
    );

    const whoami = await runCli(['whoami', '--profile', PROFILE, '--json'], env);
    expect(whoami.stderr).toBe('');
    expect(whoami.code).toBe(0);
    expect(JSON.parse(whoami.stdout)).toMatchObject({
      Account: accountId,
      Arn: expect.stringMatching(new RegExp(`^arn:aws:sts::${accountId}:assumed-role/AWSReservedSSO_S3DynamoDBAccess_[0-9a-f]{16}/workday_worker$`)),
    });
  }, 60_000);
});
