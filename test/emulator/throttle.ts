/** Rate limiting like IAM Identity Center's: a token bucket per operation on the emulator's clock. */
import { ServiceError } from './http.js';
import type { ThrottleOptions } from './types.js';

export const DEFAULT_THROTTLED_OPERATIONS: readonly string[] = ['ListAccounts', 'ListAccountRoles', 'GetRoleCredentials'];

export interface ThrottleSettings {
  ratePerSecond: number;
  burst: number;
  operations: ReadonlySet<string>;
}

/** ThrottleOptions with defaults applied; throws for nonsense. */
export function throttleSettings(options: ThrottleOptions, known: ReadonlySet<string>): ThrottleSettings {
  const { ratePerSecond } = options;
  if (!(Number.isFinite(ratePerSecond) && ratePerSecond > 0)) throw new Error('throttle.ratePerSecond must be a positive number');
  const burst = options.burst ?? Math.max(1, Math.ceil(ratePerSecond));
  if (!Number.isInteger(burst) || burst < 1) throw new Error('throttle.burst must be a whole number of at least 1');
  const operations = options.operations ?? DEFAULT_THROTTLED_OPERATIONS;
  const unknown = operations.find((op) => !known.has(op));
  if (unknown !== undefined) throw new Error(`throttle.operations: unknown operation "${unknown}"`);
  return { ratePerSecond, burst, operations: new Set(operations) };
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/** One token bucket per throttled operation; O(1) per call. */
export class Throttle {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly settings: ThrottleSettings,
    private readonly now: () => number,
  ) {}

  /** Takes a token for a call of `op`, or throws 429 TooManyRequestsException with Retry-After. */
  admit(op: string): void {
    if (!this.settings.operations.has(op)) return;
    const bucket = this.refilled(op);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return;
    }
    const seconds = Math.max(1, Math.ceil((1 - bucket.tokens) / this.settings.ratePerSecond));
    throw new ServiceError('TooManyRequestsException', 'Rate exceeded', 429, { 'Retry-After': String(seconds) });
  }

  private refilled(op: string): Bucket {
    const now = this.now();
    const bucket = this.buckets.get(op);
    if (!bucket) {
      const full = { tokens: this.settings.burst, updatedAt: now };
      this.buckets.set(op, full);
      return full;
    }
    const elapsed = Math.max(0, now - bucket.updatedAt);
    bucket.tokens = Math.min(this.settings.burst, bucket.tokens + (elapsed * this.settings.ratePerSecond) / 1000);
    bucket.updatedAt = now;
    return bucket;
  }
}
