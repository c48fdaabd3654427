/** An AWS SDK error as the tests look at it. */
export interface AwsError extends Error {
  $metadata: { httpStatusCode?: number; requestId?: string; attempts?: number };
  $response?: { statusCode: number; headers: Record<string, string> };
  code?: string;
  error?: string;
  error_description?: string;
}

/** The rejection of `promise`; fails the test when it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<AwsError> {
  try {
    await promise;
  } catch (error) {
    return error as AwsError;
  }
  throw new Error('expected the call to fail');
}

/** A clock the test moves by hand. */
export function manualClock(start = Date.UTC(2026, 10, 25, 9, 0, 0)) {
  let now = start;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
}
