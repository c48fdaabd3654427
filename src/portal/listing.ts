import { ListAccountRolesCommand, ListAccountsCommand, type SSOClient } from '@aws-sdk/client-sso';
import type { Clock } from '../context.js';
import type { Account } from './accounts.js';
import { mapWithConcurrency, withRetries, type RateLimiter, type RetryPolicy } from './rate-limit.js';
import { describeServiceError } from '../sso/oidc-errors.js';

/** Everything one user may use: accounts with their roles, and the accounts that could not be listed. */
export interface Access {
  accounts: Array<{ account: Account; roles: string[] }>;
  failures: Array<{ account: Account; reason: string }>;
  retries: number;
}

export interface ListingOptions {
  limiter: RateLimiter;
  clock: Clock;
  concurrency: number;
  retry?: RetryPolicy;
  /** Called after each account's roles are in (or failed). */
  onProgress?: (done: number, total: number) => void;
  /** Called when the service asked to wait longer than we do (see MAX_RETRY_AFTER_MS). */
  onRetryAfterCapped?: (askedMs: number, waitMs: number) => void;
}

const PAGE_SIZE = 100;

/**
 * Lists every account, then every account's roles with bounded concurrency, all behind one
 * rate limiter. An account whose roles cannot be listed after the retries is reported in
 * `failures`, never dropped silently.
 */
export async function listAccess(sso: SSOClient, accessToken: string, options: ListingOptions): Promise<Access> {
  let retries = 0;
  const onRetry = () => void retries++;
  const call = <T>(fn: () => Promise<T>) =>
    withRetries(fn, options.limiter, options.clock, options.retry, onRetry, options.onRetryAfterCapped);

  const accounts: Account[] = [];
  let nextToken: string | undefined;
  do {
    const page = await call(() => sso.send(new ListAccountsCommand({ accessToken, maxResults: PAGE_SIZE, nextToken })));
    for (const a of page.accountList ?? []) {
      if (a.accountId) accounts.push({ accountId: a.accountId, accountName: a.accountName || undefined, emailAddress: a.emailAddress || undefined });
    }
    nextToken = page.nextToken || undefined;
  } while (nextToken);

  let done = 0;
  const failures: Access['failures'] = [];
  const results = await mapWithConcurrency(accounts, options.concurrency, async (account) => {
    const roles: string[] = [];
    try {
      let token: string | undefined;
      do {
        const page = await call(() =>
          sso.send(new ListAccountRolesCommand({ accessToken, accountId: account.accountId, maxResults: PAGE_SIZE, nextToken: token })),
        );
        for (const r of page.roleList ?? []) if (r.roleName) roles.push(r.roleName);
        token = page.nextToken || undefined;
      } while (token);
      return { account, roles };
    } catch (error) {
      failures.push({ account, reason: describeServiceError(error) });
      return undefined;
    } finally {
      options.onProgress?.(++done, accounts.length);
    }
  });
  return { accounts: results.filter((r): r is { account: Account; roles: string[] } => r !== undefined), failures, retries };
}
