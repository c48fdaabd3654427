import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SSOAdminClient, ListInstancesCommand, ListPermissionSetsCommand, DescribePermissionSetCommand, ListManagedPoliciesInPermissionSetCommand, ListAccountAssignmentsCommand } from '@aws-sdk/client-sso-admin';
import {
  IdentitystoreClient,
  CreateUserCommand,
  DescribeUserCommand,
  GetGroupIdCommand,
  GetUserIdCommand,
  ListGroupMembershipsCommand,
  ListUsersCommand,
} from '@aws-sdk/client-identitystore';
import { OrganizationsClient, CreateAccountCommand, CreateOrganizationCommand } from '@aws-sdk/client-organizations';
import { childEnv, requireBuiltCli, runCli, Terminal } from '../helpers/cli.js';
import { makeHome } from '../helpers/sandbox.js';
import { startMoto, type Moto } from '../helpers/moto.js';

/**
 * `sso-setup admin` (the built CLI) against moto, an independent emulator of IAM Identity
 * Center's administration APIs (test/helpers/moto.ts). Every result is read back through
 * the AWS SDK from moto itself, never through our code.
 */

const REGION = 'us-east-1';
const credentials = { accessKeyId: 'testing', secretAccessKey: 'testing' };

let moto: Moto;
let home: string;
let cleanup: () => Promise<void>;
let ssoAdmin: SSOAdminClient;
let identityStore: IdentitystoreClient;
let instanceArn: string;
let storeId: string;
let accountId: string;

const env = () => childEnv(home, { AWS_ACCESS_KEY_ID: credentials.accessKeyId, AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey, AWS_ENDPOINT_URL: moto.url });
const admin = (args: string[]) => runCli(['admin', '--region', REGION, '--yes', ...args], env());

/** The guide's section 1: workday_worker, S3DynamoDBAccess with the two AWS managed policies. */
const scenario = () => [
  '--user-name', 'workday_worker',
  '--email', 'hogehoge@example.ne.jp',
  '--permission-set', 'S3DynamoDBAccess',
  '--managed-policy', 'AmazonDynamoDBFullAccess',
  '--managed-policy', 'AmazonS3FullAccess',
  '--account-id', accountId,
];

async function permissionSets(): Promise<Array<{ Name?: string; PermissionSetArn?: string; SessionDuration?: string; Description?: string }>> {
  const { PermissionSets = [] } = await ssoAdmin.send(new ListPermissionSetsCommand({ InstanceArn: instanceArn }));
  return Promise.all(PermissionSets.map(async (arn) => (await ssoAdmin.send(new DescribePermissionSetCommand({ InstanceArn: instanceArn, PermissionSetArn: arn }))).PermissionSet!));
}

async function userNames(): Promise<string[]> {
  const { Users = [] } = await identityStore.send(new ListUsersCommand({ IdentityStoreId: storeId }));
  return Users.map((u) => u.UserName!).sort();
}

beforeAll(async () => {
  requireBuiltCli();
  moto = await startMoto();
  ({ home, cleanup } = await makeHome());
  const config = { region: REGION, endpoint: moto.url, credentials };
  ssoAdmin = new SSOAdminClient(config);
  identityStore = new IdentitystoreClient(config);
  const organizations = new OrganizationsClient(config);
  await organizations.send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
  const created = await organizations.send(new CreateAccountCommand({ AccountName: 'workloads', Email: 'workloads@example.com' }));
  accountId = created.CreateAccountStatus!.AccountId!;
  const [instance] = (await ssoAdmin.send(new ListInstancesCommand({}))).Instances!;
  instanceArn = instance!.InstanceArn!;
  storeId = instance!.IdentityStoreId!;
}, 60_000);

afterAll(async () => {
  await moto?.stop();
  await cleanup?.();
});

describe('sso-setup admin against moto', () => {
  it('--dry-run prints the plan and changes nothing', async () => {
    const result = await admin([...scenario(), '--dry-run']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('+ create user workday_worker <hogehoge@example.ne.jp>');
    expect(result.stdout).toContain('+ attach AWS managed policy AmazonS3FullAccess to S3DynamoDBAccess');
    expect(result.stdout).toContain(`+ assign workday_worker with S3DynamoDBAccess to account ${accountId}`);
    expect(result.stdout).toContain('Dry run: nothing was changed.');
    expect(await userNames()).toEqual([]);
    expect(await permissionSets()).toEqual([]);
  });

  it("the guide's scenario: user, permission set with both policies, assignment, and what to give the user", async () => {
    const result = await admin(scenario());
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);

    const { UserId } = await identityStore.send(
      new GetUserIdCommand({ IdentityStoreId: storeId, AlternateIdentifier: { UniqueAttribute: { AttributePath: 'userName', AttributeValue: 'workday_worker' } } }),
    );
    const user = await identityStore.send(new DescribeUserCommand({ IdentityStoreId: storeId, UserId }));
    expect(user.Emails?.map((e) => e.Value)).toEqual(['hogehoge@example.ne.jp']);

    const sets = await permissionSets();
    expect(sets.map((s) => [s.Name, s.SessionDuration])).toEqual([['S3DynamoDBAccess', 'PT1H']]);
    const setArn = sets[0]!.PermissionSetArn!;
    const { AttachedManagedPolicies = [] } = await ssoAdmin.send(new ListManagedPoliciesInPermissionSetCommand({ InstanceArn: instanceArn, PermissionSetArn: setArn }));
    expect(AttachedManagedPolicies.map((p) => p.Arn).sort()).toEqual([
      'arn:aws:iam::aws:policy/AmazonDynamoDBFullAccess',
      'arn:aws:iam::aws:policy/AmazonS3FullAccess',
    ]);
    const { AccountAssignments = [] } = await ssoAdmin.send(new ListAccountAssignmentsCommand({ InstanceArn: instanceArn, AccountId: accountId, PermissionSetArn: setArn }));
    expect(AccountAssignments.map((a) => [a.PrincipalType, a.PrincipalId])).toEqual([['USER', UserId]]);

    const startUrl = `https://${storeId}.awsapps.com/start`;
    expect(result.stdout).toContain(`AWS access portal URL: ${startUrl}`);
    expect(result.stdout).toContain(`SSO region:            ${REGION}`);
    expect(result.stdout).toContain(`sso-setup configure --start-url ${startUrl} --sso-region ${REGION} --account-id ${accountId} --role-name S3DynamoDBAccess`);
    expect(result.stdout).toContain('gets no invitation email');
    expect(result.stdout).toContain('Forgot password');
  });

  it('a second run with the same answers changes nothing and says so', async () => {
    const result = await admin(scenario());
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Nothing to change');
    expect(result.stdout).not.toMatch(/^ {2}\+ /m);
    expect(result.stdout).not.toContain('invitation email');
    expect(await userNames()).toEqual(['workday_worker']);
    const sets = await permissionSets();
    expect(sets).toHaveLength(1);
    // moto records every CreateAccountAssignment, duplicates too: one means none was repeated.
    const { AccountAssignments = [] } = await ssoAdmin.send(
      new ListAccountAssignmentsCommand({ InstanceArn: instanceArn, AccountId: accountId, PermissionSetArn: sets[0]!.PermissionSetArn! }),
    );
    expect(AccountAssignments).toHaveLength(1);
  });

  it('an existing user with a different e-mail is reported, not overwritten, and nothing changes', async () => {
    await identityStore.send(
      new CreateUserCommand({
        IdentityStoreId: storeId,
        UserName: 'sato',
        DisplayName: 'Sato Hanako',
        Name: { GivenName: 'Hanako', FamilyName: 'Sato' },
        Emails: [{ Value: 'sato@example.com', Primary: true }],
      }),
    );
    const result = await admin(['--user-name', 'sato', '--email', 'other@example.com', '--permission-set', 'ReadOnly', '--account-id', accountId]);
    expect(result.code).toBe(255);
    expect(result.stderr).toContain('user sato has the email address sato@example.com, not other@example.com');
    expect(result.stderr).toContain('Nothing was changed');
    expect((await permissionSets()).map((s) => s.Name)).toEqual(['S3DynamoDBAccess']);
  });

  it('a different name for an existing user is noted and left as it is', async () => {
    const result = await admin([...scenario(), '--given-name', 'Jiro']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Note: user workday_worker has first name "workday_worker", not "Jiro"; left as it is.');
    const { UserId } = await identityStore.send(
      new GetUserIdCommand({ IdentityStoreId: storeId, AlternateIdentifier: { UniqueAttribute: { AttributePath: 'userName', AttributeValue: 'workday_worker' } } }),
    );
    expect((await identityStore.send(new DescribeUserCommand({ IdentityStoreId: storeId, UserId }))).Name?.GivenName).toBe('workday_worker');
  });

  it('a permission set with a different session duration is a conflict', async () => {
    const result = await admin([...scenario(), '--session-duration', 'PT8H']);
    expect(result.code).toBe(255);
    expect(result.stderr).toContain('permission set S3DynamoDBAccess has the session duration PT1H, not PT8H');
  });

  it('a group is created once and the user added to it', async () => {
    for (let i = 0; i < 2; i++) {
      const result = await admin([...scenario(), '--group', 'developers']);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(i === 0 ? '+ add workday_worker to group developers' : '= workday_worker is in group developers (unchanged)');
    }
    const { GroupId } = await identityStore.send(
      new GetGroupIdCommand({ IdentityStoreId: storeId, AlternateIdentifier: { UniqueAttribute: { AttributePath: 'displayName', AttributeValue: 'developers' } } }),
    );
    const { GroupMemberships = [] } = await identityStore.send(new ListGroupMembershipsCommand({ IdentityStoreId: storeId, GroupId }));
    expect(GroupMemberships).toHaveLength(1);
  });

  it('bad input is refused before anything changes: unknown policy, bad account ID, bad e-mail, bad duration', async () => {
    const base = ['--user-name', 'newcomer', '--permission-set', 'NewSet'];
    const cases: Array<[string[], RegExp]> = [
      [[...base, '--email', 'n@example.com', '--account-id', accountId, '--managed-policy', 'AmazonS3FullAcess'], /do not exist: AmazonS3FullAcess\. Nothing was changed/],
      [[...base, '--email', 'n@example.com', '--account-id', '12345'], /account-id/],
      [[...base, '--email', 'not-an-address', '--account-id', accountId], /Invalid email address: not-an-address/],
      [[...base, '--email', 'n@example.com', '--account-id', accountId, '--session-duration', '8h'], /Invalid session duration: 8h/],
      [[...base, '--email', 'n@example.com', '--account-id', accountId, '--managed-policy', 'Amazon S3'], /Invalid AWS managed policy name/],
    ];
    for (const [args, message] of cases) {
      const result = await admin(args);
      expect(result.code, result.stderr).toBe(252);
      expect(result.stderr).toMatch(message);
    }
    expect(await userNames()).not.toContain('newcomer');
    expect((await permissionSets()).map((s) => s.Name)).not.toContain('NewSet');
  });

  it('without --account-id and no terminal, the organization\'s accounts are listed in the error', async () => {
    const result = await admin(['--user-name', 'newcomer', '--email', 'n@example.com', '--permission-set', 'NewSet']);
    expect(result.code).toBe(252);
    expect(result.stderr).toContain(accountId);
    expect(await userNames()).not.toContain('newcomer');
  });

  it('the wizard asks like configure and picks the account from the organization', async () => {
    const term = new Terminal(['admin', '--region', REGION], env());
    try {
      let at = await term.answer('User name [None]: ', 'wizard_user');
      at = await term.answer('Email address [None]: ', 'wizard@example.com', at);
      at = await term.answer('First name [wizard_user]: ', 'Hanako', at);
      at = await term.answer('Last name [wizard_user]: ', 'Suzuki', at);
      at = await term.answer('Display name [Hanako Suzuki]: ', '', at);
      at = await term.answer('Group (optional) [None]: ', '', at);
      at = await term.answer('Permission set name [None]: ', 'S3DynamoDBAccess', at);
      at = await term.answer('Permission set description (optional) [None]: ', '', at);
      at = await term.answer('Session duration (ISO 8601, PT1H to PT12H) [PT1H]: ', '', at);
      at = await term.answer('AWS managed policies, comma-separated (e.g. AmazonS3FullAccess) [None]: ', 'AmazonS3FullAccess', at);
      at = await term.waitFor('There are 2 AWS accounts in the organization.', at);
      // A short menu is the bare list, as the AWS CLI shows it (no title line).
      // Sorted by name: master (the management account), then workloads.
      await term.waitFor(`workloads (${accountId})`, at);
      term.type('\u001b[B');
      await term.waitFor(`❯ workloads (${accountId})`, at);
      term.type('\r');
      at = await term.waitFor(`+ assign wizard_user with S3DynamoDBAccess to account ${accountId}`, at);
      expect(await term.exited).toBe(0);
      expect(term.text.slice(at)).toContain(`--account-id ${accountId} --role-name S3DynamoDBAccess`);
    } finally {
      term.kill();
    }
    const { UserId } = await identityStore.send(
      new GetUserIdCommand({ IdentityStoreId: storeId, AlternateIdentifier: { UniqueAttribute: { AttributePath: 'userName', AttributeValue: 'wizard_user' } } }),
    );
    const user = await identityStore.send(new DescribeUserCommand({ IdentityStoreId: storeId, UserId }));
    expect([user.Name?.GivenName, user.Name?.FamilyName, user.DisplayName]).toEqual(['Hanako', 'Suzuki', 'Hanako Suzuki']);
  }, 60_000);

  it('in Japanese', async () => {
    const result = await runCli(['admin', '--lang', 'ja', '--region', REGION, '--yes', ...scenario()], env());
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('変更はありません');
    expect(result.stdout).toContain('AWS アクセスポータルの URL');
  });
});

describe('sso-setup admin without an Identity Center instance', () => {
  let bare: Moto;
  beforeAll(async () => {
    bare = await startMoto({ noInstance: true });
  }, 60_000);
  afterAll(async () => {
    await bare?.stop();
  });

  it('says how to enable Identity Center, and why the organization instance, then stops', async () => {
    const result = await runCli(
      ['admin', '--region', 'ap-northeast-1', '--yes', '--user-name', 'workday_worker', '--email', 'hogehoge@example.ne.jp', '--permission-set', 'S3DynamoDBAccess', '--account-id', '111122223333'],
      childEnv(home, { AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing', AWS_ENDPOINT_URL: bare.url }),
    );
    expect(result.code).toBe(255);
    expect(result.stderr).toContain('There is no IAM Identity Center instance in ap-northeast-1.');
    expect(result.stderr).toContain('Enable with AWS Organizations');
    expect(result.stderr).toContain('An account instance');
    const check = new IdentitystoreClient({ region: 'ap-northeast-1', endpoint: bare.url, credentials });
    expect((await new SSOAdminClient({ region: 'ap-northeast-1', endpoint: bare.url, credentials }).send(new ListInstancesCommand({})))).toMatchObject({ Instances: [] });
    check.destroy();
  });
});

/**
 * A loopback proxy in front of moto that answers the first `throttled` calls of each
 * operation with Identity Center's ThrottlingException (HTTP 400, as the service sends it; IAM's Throttling in its XML)
 * and forwards everything else; it records when each request arrived.
 */
async function throttlingProxy(upstream: string, throttled: number) {
  const seen = new Map<string, number>();
  const arrivals: Array<{ operation: string; at: number; throttled: boolean }> = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const body = Buffer.concat(chunks);
      const amzTarget = req.headers['x-amz-target'];
      // JSON protocols (SSO Admin, Identity Store, Organizations) name the operation in a header; IAM's query protocol in the body.
      const operation = amzTarget ? String(amzTarget).split('.').pop()! : (new URLSearchParams(body.toString()).get('Action') ?? req.url!);
      const count = (seen.get(operation) ?? 0) + 1;
      seen.set(operation, count);
      const throttle = count <= throttled;
      arrivals.push({ operation, at: performance.now(), throttled: throttle });
      if (throttle) {
        if (amzTarget) {
          res.writeHead(400, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-errortype': 'ThrottlingException' });
          res.end(JSON.stringify({ __type: 'ThrottlingException', message: 'Rate exceeded' }));
        } else {
          res.writeHead(400, { 'content-type': 'text/xml' });
          res.end('<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error><RequestId>1</RequestId></ErrorResponse>');
        }
        return;
      }
      const headers = Object.fromEntries(Object.entries(req.headers).filter(([k]) => k !== 'host' && k !== 'content-length')) as Record<string, string>;
      const answer = await fetch(`${upstream}${req.url}`, { method: req.method, headers, body: req.method === 'GET' ? undefined : body });
      res.writeHead(answer.status, Object.fromEntries([...answer.headers].filter(([k]) => k !== 'content-encoding' && k !== 'content-length' && k !== 'transfer-encoding')));
      res.end(Buffer.from(await answer.arrayBuffer()));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    arrivals,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('sso-setup admin when Identity Center throttles', () => {
  it('retries ThrottlingException behind the shared limiter (about 20 requests per second) and finishes the job', async () => {
    const proxy = await throttlingProxy(moto.url, 2);
    try {
      const args = ['--user-name', 'throttled_user', '--email', 't@example.com', '--permission-set', 'Throttled', '--managed-policy', 'AmazonS3ReadOnlyAccess', '--account-id', accountId];
      const result = await runCli(['admin', '--region', REGION, '--yes', ...args], childEnv(home, {
        AWS_ACCESS_KEY_ID: credentials.accessKeyId,
        AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
        AWS_ENDPOINT_URL: proxy.url,
      }));
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      // Every operation was refused twice and then went through.
      const operations = new Set(proxy.arrivals.map((a) => a.operation));
      expect(operations).toContain('CreateAccountAssignment');
      expect(operations).toContain('GetPolicy');
      for (const operation of operations) {
        expect(proxy.arrivals.filter((a) => a.operation === operation && !a.throttled).length, operation).toBeGreaterThan(0);
        expect(proxy.arrivals.filter((a) => a.operation === operation && a.throttled).length, operation).toBe(2);
      }
      // The limiter spaces requests 50 ms apart at least (a lower bound: a slow machine only adds to it).
      const span = proxy.arrivals.at(-1)!.at - proxy.arrivals[0]!.at;
      expect(span).toBeGreaterThanOrEqual((proxy.arrivals.length - 2) * 50);
    } finally {
      await proxy.close();
    }
    const { UserId } = await identityStore.send(
      new GetUserIdCommand({ IdentityStoreId: storeId, AlternateIdentifier: { UniqueAttribute: { AttributePath: 'userName', AttributeValue: 'throttled_user' } } }),
    );
    const set = (await permissionSets()).find((s) => s.Name === 'Throttled')!;
    const { AccountAssignments = [] } = await ssoAdmin.send(new ListAccountAssignmentsCommand({ InstanceArn: instanceArn, AccountId: accountId, PermissionSetArn: set.PermissionSetArn! }));
    expect(AccountAssignments.map((a) => a.PrincipalId)).toEqual([UserId]);
  }, 60_000);
});
