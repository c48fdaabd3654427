/**
 * The small shapes every layer may use to reach the outside world, at the bottom of the
 * import graph: this module imports nothing. `Context` (src/context.ts) bundles the
 * production ones; tests pass their own.
 */

/** Somewhere text goes: process.stdout / process.stderr, or a test's buffer. */
export interface Output {
  write(text: string): void;
}

/** Time: read and waited on through here, so tests can move it. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};
