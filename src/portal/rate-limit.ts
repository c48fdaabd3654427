import type { Clock } from '../ports.js';

/**
 * One rate limiter shared by every request of a run: requests are spaced evenly at `rate`
 * per second (a token bucket with room for one), so a run never bursts above IAM Identity
 * Center's throttle (about 20 requests per second) however many workers it has.
 */
export class RateLimiter {
  private nextSlot = 0;
  private readonly spacingMs: number;

  constructor(
    ratePerSecond: number,
    private readonly clock: Clock,
  ) {
    if (!(ratePerSecond > 0)) throw new RangeError(`The rate must be positive, not ${ratePerSecond}`);
    this.spacingMs = 1000 / ratePerSecond;
  }

  /** Resolves when the caller may send one request. */
  async acquire(): Promise<void> {
    const now = this.clock.now();
    const slot = Math.max(now, this.nextSlot);
    this.nextSlot = slot + this.spacingMs;
    if (slot > now) await this.clock.sleep(slot - now);
  }

  /** Holds every caller back by `ms` (after a 429: the service asked us to slow down). */
  pause(ms: number): void {
    this.nextSlot = Math.max(this.nextSlot, this.clock.now() + ms);
  }
}

export interface RetryPolicy {
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Random in [0, 1); injected so tests are deterministic. */
  random: () => number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 8, baseDelayMs: 250, maxDelayMs: 20_000, random: Math.random };

/**
 * Is this a throttling answer (HTTP 429; TooManyRequestsException from the access portal,
 * ThrottlingException from the Identity Center administration APIs, Throttling from IAM)?
 */
export function isThrottle(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === 'TooManyRequestsException' || e?.name === 'ThrottlingException' || e?.name === 'Throttling' || e?.$metadata?.httpStatusCode === 429;
}

/** A failure worth retrying: throttling, 5xx, or a network error. */
export function isRetryable(error: unknown): boolean {
  const e = error as { name?: string; code?: string; $metadata?: { httpStatusCode?: number } };
  const status = e?.$metadata?.httpStatusCode;
  return (
    isThrottle(error) ||
    (status !== undefined && status >= 500) ||
    ['ECONNRESET', 'ETIMEDOUT', 'ECONNREFUSED', 'EPIPE'].includes(e?.code ?? '') ||
    e?.name === 'TimeoutError'
  );
}

/**
 * The longest we wait on a Retry-After. IAM Identity Center throttles per second, so a longer
 * ask is a fault or a hostile answer, and obeying it could hold `populate` for hours with
 * nothing on the screen. After a minute we retry (behind the shared limiter, with backoff):
 * at worst another 429. The AWS SDK's own retries cap it lower still (backoff + 5 s).
 */
export const MAX_RETRY_AFTER_MS = 60_000;

/** Seconds from a Retry-After header, if the error carries one. */
export function retryAfterMs(error: unknown): number | undefined {
  const headers = (error as { $response?: { headers?: Record<string, string> } })?.$response?.headers;
  const value = headers?.['retry-after'] ?? headers?.['Retry-After'];
  const seconds = value === undefined ? NaN : Number(value);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

/**
 * Runs `call` behind the limiter, retrying throttling and transient failures with jittered
 * exponential backoff ("full jitter"), never sooner than a Retry-After asks. A 429 also
 * pauses the shared limiter, so the other workers back off too.
 */
export async function withRetries<T>(
  call: () => Promise<T>,
  limiter: RateLimiter,
  clock: Clock,
  policy: RetryPolicy = DEFAULT_RETRY,
  onRetry?: (error: unknown, attempt: number, delayMs: number) => void,
  /** Called when a Retry-After asked for more than MAX_RETRY_AFTER_MS, before the (capped) wait. */
  onRetryAfterCapped?: (askedMs: number, waitMs: number) => void,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    await limiter.acquire();
    try {
      return await call();
    } catch (error) {
      if (attempt >= policy.attempts || !isRetryable(error)) throw error;
      const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1)) * policy.random();
      const asked = retryAfterMs(error) ?? 0;
      const delay = Math.min(MAX_RETRY_AFTER_MS, Math.max(backoff, asked));
      if (asked > MAX_RETRY_AFTER_MS) onRetryAfterCapped?.(asked, delay);
      if (isThrottle(error)) limiter.pause(delay);
      onRetry?.(error, attempt, delay);
      await clock.sleep(delay);
    }
  }
}

/** Runs `worker` over `items` with at most `concurrency` at once; results in input order. */
export async function mapWithConcurrency<T, R>(items: readonly T[], concurrency: number, worker: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const run = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await worker(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, run));
  return results;
}
