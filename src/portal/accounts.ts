import {
  GetRoleCredentialsCommand,
  LogoutCommand,
  paginateListAccountRoles,
  paginateListAccounts,
  type SSOClient,
} from '@aws-sdk/client-sso';
import type { Messages } from '../ui/messages/index.js';

/** An AWS account the signed-in user may use, as ListAccounts returns it. */
export interface Account {
  accountId: string;
  accountName?: string;
  emailAddress?: string;
}

export interface RoleCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: Date;
}

const PAGE_SIZE = 100;

/** Every account the token gives access to, all pages. */
export async function listAccounts(sso: SSOClient, accessToken: string): Promise<Account[]> {
  const accounts: Account[] = [];
  for await (const page of paginateListAccounts({ client: sso, pageSize: PAGE_SIZE }, { accessToken })) {
    for (const account of page.accountList ?? []) {
      if (account.accountId) {
        accounts.push({
          accountId: account.accountId,
          accountName: account.accountName || undefined,
          emailAddress: account.emailAddress || undefined,
        });
      }
    }
  }
  return accounts;
}

/** Every role name the token gives in one account, all pages. */
export async function listAccountRoles(sso: SSOClient, accessToken: string, accountId: string): Promise<string[]> {
  const roles: string[] = [];
  for await (const page of paginateListAccountRoles({ client: sso, pageSize: PAGE_SIZE }, { accessToken, accountId })) {
    for (const role of page.roleList ?? []) if (role.roleName) roles.push(role.roleName);
  }
  return roles;
}

/**
 * The AWS CLI's account order: by name, else email, else ID, case-insensitively, with
 * accounts that have only an ID last.
 */
export function sortAccounts(accounts: readonly Account[]): Account[] {
  const key = (a: Account) => (a.accountName ?? a.emailAddress ?? a.accountId).toLowerCase();
  const idOnly = (a: Account) => (a.accountName || a.emailAddress ? 0 : 1);
  return [...accounts].sort((a, b) => idOnly(a) - idOnly(b) || compare(key(a), key(b)));
}

/** Roles case-insensitively, as the AWS CLI lists them. */
export function sortRoles(roles: readonly string[]): string[] {
  return [...roles].sort((a, b) => compare(a.toLowerCase(), b.toLowerCase()));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `Name, email (id)` / `Name (id)` / `email (id)` / `id`, as the AWS CLI's menu shows accounts. */
export function displayAccount(account: Account): string {
  const label = [account.accountName, account.emailAddress].filter(Boolean).join(', ');
  return label ? `${label} (${account.accountId})` : account.accountId;
}

export async function getRoleCredentials(
  sso: SSOClient,
  accessToken: string,
  accountId: string,
  roleName: string,
  m: Messages,
): Promise<RoleCredentials> {
  const { roleCredentials: c } = await sso.send(new GetRoleCredentialsCommand({ accessToken, accountId, roleName }));
  if (!c?.accessKeyId || !c.secretAccessKey || !c.sessionToken || c.expiration === undefined) {
    throw new Error(m.credentials.incompleteRoleCredentials);
  }
  return {
    accessKeyId: c.accessKeyId,
    secretAccessKey: c.secretAccessKey,
    sessionToken: c.sessionToken,
    expiration: new Date(c.expiration),
  };
}

/** Signs the token out at the access portal (revokes it). */
export async function logout(sso: SSOClient, accessToken: string): Promise<void> {
  await sso.send(new LogoutCommand({ accessToken }));
}
