/**
 * The bridge between the administrator's half of the journey and the user's: what
 * `sso-setup admin` left in moto (an independent emulator of Identity Center's administration
 * APIs), read back through the official AWS SDK v3 clients, becomes the organisation the
 * embedded emulator serves to `sso-setup configure`: the accounts the user is assigned to
 * (directly or through a group), each with the names of the permission sets assigned there
 * as its roles — as the real AWS access portal shows them.
 *
 * Nothing here takes our own code's return values: only moto's answers. Used by the journey
 * test (test/e2e/admin-journey.test.ts) and `npm run demo -- --admin` (scripts/demo.ts).
 */
import { SSOAdminClient, ListInstancesCommand, paginateListPermissionSets, DescribePermissionSetCommand, paginateListAccountAssignments } from '@aws-sdk/client-sso-admin';
import { IdentitystoreClient, paginateListUsers, paginateListGroupMembershipsForMember } from '@aws-sdk/client-identitystore';
import { OrganizationsClient, paginateListAccounts, DescribeAccountCommand } from '@aws-sdk/client-organizations';
import type { OrgAccount, Organisation } from '../test/emulator/types.js';

export interface SeedFromMotoOptions {
  /** moto's URL, e.g. http://127.0.0.1:5000 */
  endpoint: string;
  /** Identity Center's region, where `admin` ran. */
  region: string;
  /** The Identity Store user name whose access the emulator serves. */
  userName: string;
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

async function collect<T>(pages: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const page of pages) out.push(page);
  return out;
}

export async function organisationFromMoto(options: SeedFromMotoOptions): Promise<Organisation> {
  const config = { region: options.region, endpoint: options.endpoint, credentials: options.credentials ?? { accessKeyId: 'testing', secretAccessKey: 'testing' } };
  const ssoAdmin = new SSOAdminClient(config);
  const identityStore = new IdentitystoreClient(config);
  const organizations = new OrganizationsClient(config);
  try {
    const { Instances = [] } = await ssoAdmin.send(new ListInstancesCommand({}));
    const instance = Instances[0];
    if (!instance?.InstanceArn || !instance.IdentityStoreId) throw new Error(`moto has no IAM Identity Center instance in ${options.region}`);
    const InstanceArn = instance.InstanceArn;
    const IdentityStoreId = instance.IdentityStoreId;

    const users = (await collect(paginateListUsers({ client: identityStore }, { IdentityStoreId }))).flatMap((p) => p.Users ?? []);
    const user = users.find((u) => u.UserName === options.userName);
    if (!user?.UserId) throw new Error(`moto's identity store ${IdentityStoreId} has no user ${options.userName}`);
    const memberships = (
      await collect(paginateListGroupMembershipsForMember({ client: identityStore }, { IdentityStoreId, MemberId: { UserId: user.UserId } }))
    ).flatMap((p) => p.GroupMemberships ?? []);
    const principals = new Set([`USER:${user.UserId}`, ...memberships.map((m) => `GROUP:${m.GroupId}`)]);

    const setArns = (await collect(paginateListPermissionSets({ client: ssoAdmin }, { InstanceArn }))).flatMap((p) => p.PermissionSets ?? []);
    const sets = await Promise.all(
      setArns.map(async (PermissionSetArn) => {
        const { PermissionSet } = await ssoAdmin.send(new DescribePermissionSetCommand({ InstanceArn, PermissionSetArn }));
        return { arn: PermissionSetArn, name: PermissionSet?.Name ?? PermissionSetArn };
      }),
    );

    const accountIds = (await collect(paginateListAccounts({ client: organizations }, {}))).flatMap((p) => p.Accounts ?? []).map((a) => a.Id!);
    const accounts: OrgAccount[] = [];
    for (const AccountId of accountIds) {
      const roles: string[] = [];
      for (const set of sets) {
        const assignments = (await collect(paginateListAccountAssignments({ client: ssoAdmin }, { InstanceArn, AccountId, PermissionSetArn: set.arn }))).flatMap(
          (p) => p.AccountAssignments ?? [],
        );
        if (assignments.some((a) => principals.has(`${a.PrincipalType}:${a.PrincipalId}`))) roles.push(set.name);
      }
      if (roles.length === 0) continue;
      const { Account } = await organizations.send(new DescribeAccountCommand({ AccountId }));
      accounts.push({
        accountId: AccountId,
        ...(Account?.Name ? { accountName: Account.Name } : {}),
        ...(Account?.Email ? { emailAddress: Account.Email } : {}),
        roles: [...new Set(roles)].sort(),
      });
    }
    return {
      // The portal URL the default d-… domain gives, as `sso-setup admin` prints it.
      startUrl: `https://${IdentityStoreId}.awsapps.com/start`,
      region: options.region,
      user: { userName: options.userName },
      accounts,
    };
  } finally {
    ssoAdmin.destroy();
    identityStore.destroy();
    organizations.destroy();
  }
}
