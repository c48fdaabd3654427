import {
  GetRoleCredentialsCommand,
  ListAccountRolesCommand,
  ListAccountsCommand,
  LogoutCommand,
  type SSOClient,
} from '@aws-sdk/client-sso';
import type { Messages } from '../ui/messages/index.js';
import { printable } from '../ui/terminal-text.js';

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

/** How a listing sends each request: directly, or (populate) behind a rate limiter with retries. */
export type PortalCall = <T>(request: () => Promise<T>) => Promise<T>;
const direct: PortalCall = (request) => request();

/** Every item of a paginated portal listing: page after page until no nextToken comes back. */
async function allPages<P extends { nextToken?: string }, T>(
  call: PortalCall,
  fetchPage: (nextToken: string | undefined, maxResults: number) => Promise<P>,
  items: (page: P) => T[],
): Promise<T[]> {
  const all: T[] = [];
  let nextToken: string | undefined;
  do {
    const page = await call(() => fetchPage(nextToken, PAGE_SIZE));
    all.push(...items(page));
    nextToken = page.nextToken || undefined;
  } while (nextToken);
  return all;
}

/** Every account the token gives access to, all pages. */
export function listAccounts(sso: SSOClient, accessToken: string, call: PortalCall = direct): Promise<Account[]> {
  return allPages(
    call,
    (nextToken, maxResults) => sso.send(new ListAccountsCommand({ accessToken, maxResults, nextToken })),
    (page) =>
      (page.accountList ?? []).flatMap((a) =>
        a.accountId ? [{ accountId: a.accountId, accountName: a.accountName || undefined, emailAddress: a.emailAddress || undefined }] : [],
      ),
  );
}

/** Every role name the token gives in one account, all pages. */
export function listAccountRoles(sso: SSOClient, accessToken: string, accountId: string, call: PortalCall = direct): Promise<string[]> {
  return allPages(
    call,
    (nextToken, maxResults) => sso.send(new ListAccountRolesCommand({ accessToken, accountId, maxResults, nextToken })),
    (page) => (page.roleList ?? []).flatMap((r) => (r.roleName ? [r.roleName] : [])),
  );
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
  // Names come from the server: shown without control characters or escape sequences.
  const label = [account.accountName, account.emailAddress].filter(Boolean).map((text) => printable(text!)).join(', ');
  return label ? `${label} (${printable(account.accountId)})` : printable(account.accountId);
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
