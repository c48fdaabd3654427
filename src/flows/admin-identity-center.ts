/**
 * The IAM Identity Center administration calls `sso-setup admin` makes (SSO Admin,
 * Identity Store, Organizations, IAM), each behind one shared rate limiter with retries
 * (src/portal/rate-limit.ts): Identity Center's administration APIs allow about 20
 * requests per second. Reads here never change anything; the writes are the `create*`,
 * `attach*`, `provision*` and `assign*` functions, called only after the plan is complete.
 */
import {
  AttachManagedPolicyToPermissionSetCommand,
  CreateAccountAssignmentCommand,
  CreatePermissionSetCommand,
  DescribeAccountAssignmentCreationStatusCommand,
  DescribePermissionSetCommand,
  DescribePermissionSetProvisioningStatusCommand,
  ListAccountAssignmentsCommand,
  ListInstancesCommand,
  ListManagedPoliciesInPermissionSetCommand,
  ListPermissionSetsCommand,
  ProvisionPermissionSetCommand,
  type InstanceMetadata,
  type PermissionSet,
} from '@aws-sdk/client-sso-admin';
import {
  CreateGroupCommand,
  CreateGroupMembershipCommand,
  CreateUserCommand,
  DescribeUserCommand,
  GetGroupIdCommand,
  GetUserIdCommand,
  ListGroupMembershipsCommand,
  type DescribeUserCommandOutput,
} from '@aws-sdk/client-identitystore';
import { ListAccountsCommand, type Account } from '@aws-sdk/client-organizations';
import { GetPolicyCommand } from '@aws-sdk/client-iam';
import type { AdminClients } from '../clients.js';
import type { Clock } from '../ports.js';
import { RateLimiter, withRetries } from '../portal/rate-limit.js';
import { errorName } from '../service-errors.js';

/** Identity Center's administration APIs: about 20 requests per second per account. */
export const ADMIN_RATE = 20;
/** CreateAccountAssignment: at most 15 outstanding requests. */
export const ASSIGNMENT_CONCURRENCY = 15;
/** How often an in-progress assignment or provisioning is asked about, and for how long. */
export const POLL_INTERVAL_MS = 1000;
export const POLL_LIMIT_MS = 5 * 60_000;
/** What provision and assign return when the request is still in progress after POLL_LIMIT_MS. */
export const TIMED_OUT = 'TIMED_OUT';

export class IdentityCenter {
  private readonly limiter: RateLimiter;

  constructor(
    private readonly clients: AdminClients,
    private readonly clock: Clock,
    rate = ADMIN_RATE,
  ) {
    this.limiter = new RateLimiter(rate, clock);
  }

  private call<T>(fn: () => Promise<T>): Promise<T> {
    return withRetries(fn, this.limiter, this.clock);
  }

  async instances(): Promise<InstanceMetadata[]> {
    const all: InstanceMetadata[] = [];
    let NextToken: string | undefined;
    do {
      const page = await this.call(() => this.clients.ssoAdmin.send(new ListInstancesCommand({ NextToken })));
      all.push(...(page.Instances ?? []));
      NextToken = page.NextToken;
    } while (NextToken);
    return all;
  }

  async accounts(): Promise<Account[]> {
    const all: Account[] = [];
    let NextToken: string | undefined;
    do {
      const page = await this.call(() => this.clients.organizations.send(new ListAccountsCommand({ NextToken })));
      all.push(...(page.Accounts ?? []));
      NextToken = page.NextToken;
    } while (NextToken);
    return all;
  }

  /**
   * The AWS managed policies (by name) that IAM does not know. Without iam:GetPolicy
   * (AccessDenied) nothing is reported here and AttachManagedPolicyToPermissionSet checks the
   * name itself.
   */
  async unknownManagedPolicies(arns: ReadonlyMap<string, string>): Promise<string[]> {
    const unknown: string[] = [];
    for (const [name, arn] of arns) {
      try {
        await this.call(() => this.clients.iam.send(new GetPolicyCommand({ PolicyArn: arn })));
      } catch (error) {
        if (errorName(error) === 'NoSuchEntityException' || errorName(error) === 'NoSuchEntity') unknown.push(name);
        else if (errorName(error) === 'AccessDeniedException' || errorName(error) === 'AccessDenied') return [];
        else throw error;
      }
    }
    return unknown;
  }

  async findUser(identityStoreId: string, userName: string): Promise<DescribeUserCommandOutput | undefined> {
    let userId: string;
    try {
      ({ UserId: userId = '' } = await this.call(() =>
        this.clients.identityStore.send(
          new GetUserIdCommand({
            IdentityStoreId: identityStoreId,
            AlternateIdentifier: { UniqueAttribute: { AttributePath: 'userName', AttributeValue: userName } },
          }),
        ),
      ));
    } catch (error) {
      if (errorName(error) === 'ResourceNotFoundException') return undefined;
      throw error;
    }
    return this.call(() => this.clients.identityStore.send(new DescribeUserCommand({ IdentityStoreId: identityStoreId, UserId: userId })));
  }

  async findGroupId(identityStoreId: string, displayName: string): Promise<string | undefined> {
    try {
      const { GroupId } = await this.call(() =>
        this.clients.identityStore.send(
          new GetGroupIdCommand({
            IdentityStoreId: identityStoreId,
            AlternateIdentifier: { UniqueAttribute: { AttributePath: 'displayName', AttributeValue: displayName } },
          }),
        ),
      );
      return GroupId;
    } catch (error) {
      if (errorName(error) === 'ResourceNotFoundException') return undefined;
      throw error;
    }
  }

  async isMember(identityStoreId: string, groupId: string, userId: string): Promise<boolean> {
    let NextToken: string | undefined;
    do {
      const page = await this.call(() =>
        this.clients.identityStore.send(new ListGroupMembershipsCommand({ IdentityStoreId: identityStoreId, GroupId: groupId, NextToken })),
      );
      const memberIds = (page.GroupMemberships ?? []).map((g) => (g.MemberId as { UserId?: string } | undefined)?.UserId);
      if (memberIds.includes(userId)) return true;
      NextToken = page.NextToken;
    } while (NextToken);
    return false;
  }

  async findPermissionSet(instanceArn: string, name: string): Promise<PermissionSet | undefined> {
    let NextToken: string | undefined;
    do {
      const page = await this.call(() => this.clients.ssoAdmin.send(new ListPermissionSetsCommand({ InstanceArn: instanceArn, NextToken })));
      for (const arn of page.PermissionSets ?? []) {
        const { PermissionSet: set } = await this.call(() =>
          this.clients.ssoAdmin.send(new DescribePermissionSetCommand({ InstanceArn: instanceArn, PermissionSetArn: arn })),
        );
        if (set?.Name === name) return set;
      }
      NextToken = page.NextToken;
    } while (NextToken);
    return undefined;
  }

  async managedPolicyArns(instanceArn: string, permissionSetArn: string): Promise<Set<string>> {
    const arns = new Set<string>();
    let NextToken: string | undefined;
    do {
      const page = await this.call(() =>
        this.clients.ssoAdmin.send(
          new ListManagedPoliciesInPermissionSetCommand({ InstanceArn: instanceArn, PermissionSetArn: permissionSetArn, NextToken }),
        ),
      );
      for (const p of page.AttachedManagedPolicies ?? []) if (p.Arn) arns.add(p.Arn);
      NextToken = page.NextToken;
    } while (NextToken);
    return arns;
  }

  async isAssigned(instanceArn: string, permissionSetArn: string, accountId: string, userId: string): Promise<boolean> {
    let NextToken: string | undefined;
    do {
      const page = await this.call(() =>
        this.clients.ssoAdmin.send(
          new ListAccountAssignmentsCommand({ InstanceArn: instanceArn, PermissionSetArn: permissionSetArn, AccountId: accountId, NextToken }),
        ),
      );
      if ((page.AccountAssignments ?? []).some((a) => a.PrincipalType === 'USER' && a.PrincipalId === userId)) return true;
      NextToken = page.NextToken;
    } while (NextToken);
    return false;
  }

  async createUser(
    identityStoreId: string,
    user: { userName: string; email: string; givenName: string; familyName: string; displayName: string },
  ): Promise<string> {
    const { UserId } = await this.call(() =>
      this.clients.identityStore.send(
        new CreateUserCommand({
          IdentityStoreId: identityStoreId,
          UserName: user.userName,
          DisplayName: user.displayName,
          Name: { GivenName: user.givenName, FamilyName: user.familyName },
          Emails: [{ Value: user.email, Type: 'work', Primary: true }],
        }),
      ),
    );
    return UserId!;
  }

  async createGroup(identityStoreId: string, displayName: string): Promise<string> {
    const { GroupId } = await this.call(() =>
      this.clients.identityStore.send(new CreateGroupCommand({ IdentityStoreId: identityStoreId, DisplayName: displayName })),
    );
    return GroupId!;
  }

  async addMember(identityStoreId: string, groupId: string, userId: string): Promise<void> {
    await this.call(() =>
      this.clients.identityStore.send(
        new CreateGroupMembershipCommand({ IdentityStoreId: identityStoreId, GroupId: groupId, MemberId: { UserId: userId } }),
      ),
    );
  }

  async createPermissionSet(instanceArn: string, set: { name: string; description: string; sessionDuration: string }): Promise<string> {
    const { PermissionSet: created } = await this.call(() =>
      this.clients.ssoAdmin.send(
        new CreatePermissionSetCommand({
          InstanceArn: instanceArn,
          Name: set.name,
          SessionDuration: set.sessionDuration,
          ...(set.description ? { Description: set.description } : {}),
        }),
      ),
    );
    return created!.PermissionSetArn!;
  }

  async attachManagedPolicy(instanceArn: string, permissionSetArn: string, policyArn: string): Promise<void> {
    await this.call(() =>
      this.clients.ssoAdmin.send(
        new AttachManagedPolicyToPermissionSetCommand({ InstanceArn: instanceArn, PermissionSetArn: permissionSetArn, ManagedPolicyArn: policyArn }),
      ),
    );
  }

  /** Provisions the permission set in one account and waits; the failure reason, if it failed. */
  async provision(instanceArn: string, permissionSetArn: string, accountId: string): Promise<string | undefined> {
    let { PermissionSetProvisioningStatus: status } = await this.call(() =>
      this.clients.ssoAdmin.send(
        new ProvisionPermissionSetCommand({ InstanceArn: instanceArn, PermissionSetArn: permissionSetArn, TargetType: 'AWS_ACCOUNT', TargetId: accountId }),
      ),
    );
    const started = this.clock.now();
    while (status?.Status === 'IN_PROGRESS') {
      if (this.clock.now() - started > POLL_LIMIT_MS) return TIMED_OUT;
      await this.clock.sleep(POLL_INTERVAL_MS);
      const requestId = status.RequestId;
      ({ PermissionSetProvisioningStatus: status } = await this.call(() =>
        this.clients.ssoAdmin.send(
          new DescribePermissionSetProvisioningStatusCommand({ InstanceArn: instanceArn, ProvisionPermissionSetRequestId: requestId }),
        ),
      ));
    }
    return status?.Status === 'FAILED' ? (status.FailureReason ?? 'FAILED') : undefined;
  }

  /** Assigns the user and waits for the creation status; the failure reason, if it failed. */
  async assign(instanceArn: string, permissionSetArn: string, accountId: string, userId: string): Promise<string | undefined> {
    let { AccountAssignmentCreationStatus: status } = await this.call(() =>
      this.clients.ssoAdmin.send(
        new CreateAccountAssignmentCommand({
          InstanceArn: instanceArn,
          PermissionSetArn: permissionSetArn,
          TargetType: 'AWS_ACCOUNT',
          TargetId: accountId,
          PrincipalType: 'USER',
          PrincipalId: userId,
        }),
      ),
    );
    const started = this.clock.now();
    while (status?.Status === 'IN_PROGRESS') {
      if (this.clock.now() - started > POLL_LIMIT_MS) return TIMED_OUT;
      await this.clock.sleep(POLL_INTERVAL_MS);
      const requestId = status.RequestId;
      ({ AccountAssignmentCreationStatus: status } = await this.call(() =>
        this.clients.ssoAdmin.send(
          new DescribeAccountAssignmentCreationStatusCommand({ InstanceArn: instanceArn, AccountAssignmentCreationRequestId: requestId }),
        ),
      ));
    }
    return status?.Status === 'FAILED' ? (status.FailureReason ?? 'FAILED') : undefined;
  }
}
