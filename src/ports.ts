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

/** The signals a terminal or a supervisor sends to stop a program. */
export type StopSignal = 'SIGINT' | 'SIGTERM' | 'SIGHUP';

/**
 * Stop signals. By default (src/cli.ts) each one exits at once (130 for Ctrl-C); while a
 * handler is trapped it gets them instead, for commands that must stop something first
 * (`exec` forwards them to its child, `serve` closes its server).
 */
export interface Signals {
  /** Sends SIGINT, SIGTERM and SIGHUP to `handler` until the returned function is called. */
  trap(handler: (signal: StopSignal) => void): () => void;
}

/** The process's signals, as src/cli.ts routes them: `dispatch` is its handlers' first call. */
export function createSignalRouter(): Signals & { dispatch(signal: StopSignal): boolean } {
  const handlers: Array<(signal: StopSignal) => void> = [];
  return {
    trap(handler) {
      handlers.push(handler);
      return () => {
        const at = handlers.indexOf(handler);
        if (at >= 0) handlers.splice(at, 1);
      };
    },
    /** Gives the signal to the newest trap; false when nothing is trapped (the caller exits). */
    dispatch(signal) {
      const handler = handlers.at(-1);
      handler?.(signal);
      return handler !== undefined;
    },
  };
}

/** The one router for this process's signals (src/cli.ts installs the listeners). */
export const processSignals = createSignalRouter();

/**
 * Named points of a run, for the benchmark's phase table (`npm run bench`, bench/README.md):
 * with SSO_SETUP_PHASES set to a file, each mark records the process's CPU time so far
 * (`process.cpuUsage()`) and its wall time (a User Timing mark), and the CLI writes them to
 * that file at exit. Unset (always, outside the bench), a mark does nothing.
 */
export interface Phases {
  mark(name: string): void;
}

export const PHASES_VARIABLE = 'SSO_SETUP_PHASES';
/** The User Timing marks' prefix: the entry and the CLI are separate bundles; the marks are the process's. */
export const PHASE_MARK_PREFIX = 'sso-setup:';

export function markPhase(env: NodeJS.ProcessEnv, name: string): void {
  if (env[PHASES_VARIABLE]) performance.mark(PHASE_MARK_PREFIX + name, { detail: process.cpuUsage() });
}

export function createPhases(env: NodeJS.ProcessEnv): Phases {
  return { mark: (name) => markPhase(env, name) };
}
