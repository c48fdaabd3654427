import type { SSOClient } from '@aws-sdk/client-sso';
import type { Clock } from '../ports.js';
import { listAccountRoles, listAccounts, type Account, type PortalCall } from './accounts.js';
import type { Messages } from '../ui/messages/index.js';
import { mapWithConcurrency, withRetries, type RateLimiter, type RetryPolicy } from './rate-limit.js';
import { describeServiceError } from '../service-errors.js';

/** Everything one user may use: accounts with their roles, and the accounts that could not be listed. */
export interface Access {
  accounts: Array<{ account: Account; roles: string[] }>;
  failures: Array<{ account: Account; reason: string }>;
  retries: number;
}

export interface ListingOptions {
  /** The texts, in the user's language (failure reasons). */
  messages: Messages;
  limiter: RateLimiter;
  clock: Clock;
  concurrency: number;
  retry?: RetryPolicy;
  /** Called after each account's roles are in (or failed). */
  onProgress?: (done: number, total: number) => void;
  /** Called when the service asked to wait longer than we do (see MAX_RETRY_AFTER_MS). */
  onRetryAfterCapped?: (askedMs: number, waitMs: number) => void;
}

/**
 * Lists every account, then every account's roles with bounded concurrency, all behind one
 * rate limiter. An account whose roles cannot be listed after the retries is reported in
 * `failures`, never dropped silently.
 */
export async function listAccess(sso: SSOClient, accessToken: string, options: ListingOptions): Promise<Access> {
  let retries = 0;
  const onRetry = () => void retries++;
  const call: PortalCall = (fn) =>
    withRetries(fn, options.limiter, options.clock, options.retry, onRetry, options.onRetryAfterCapped);

  const accounts = await listAccounts(sso, accessToken, call);

  let done = 0;
  const failures: Access['failures'] = [];
  const results = await mapWithConcurrency(accounts, options.concurrency, async (account) => {
    try {
      return { account, roles: await listAccountRoles(sso, accessToken, account.accountId, call) };
    } catch (error) {
      failures.push({ account, reason: describeServiceError(error, options.messages) });
      return undefined;
    } finally {
      options.onProgress?.(++done, accounts.length);
    }
  });
  return { accounts: results.filter((r): r is { account: Account; roles: string[] } => r !== undefined), failures, retries };
}
