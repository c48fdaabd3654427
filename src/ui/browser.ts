import { spawn } from 'node:child_process';
import path from 'node:path';
import { printable } from './terminal-text.js';

/**
 * Opens a URL in the user's browser. Never rejects: a browser that cannot be launched is a
 * result, and the sign-in goes on with the URL the user opens themselves.
 */
export type BrowserOpener = (url: string) => Promise<BrowserOpenResult>;

/**
 * Splits one BROWSER entry into words, honouring single and double quotes, like
 * Python's shlex.split which the AWS CLI's `webbrowser` module uses.
 */
export function splitCommand(command: string): string[] {
  const words: string[] = [];
  let current = '';
  let quote: '"' | "'" | undefined;
  let inWord = false;
  for (const ch of command) {
    if (quote) {
      if (ch === quote) quote = undefined;
      else current += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      inWord = true;
    } else if (/\s/.test(ch)) {
      if (inWord) words.push(current);
      current = '';
      inWord = false;
    } else {
      current += ch;
      inWord = true;
    }
  }
  if (inWord) words.push(current);
  return words;
}

/**
 * The commands the BROWSER variable names, as Python's webbrowser reads it: entries
 * separated by the platform's path delimiter; `%s` is replaced by the URL, otherwise the
 * URL is appended.
 */
export function browserCommands(browserEnv: string, url: string, platform: NodeJS.Platform): string[][] {
  const delimiter = platform === 'win32' ? path.win32.delimiter : path.posix.delimiter;
  return browserEnv
    .split(delimiter)
    .map((entry) => splitCommand(entry.trim()))
    .filter((words) => words.length > 0)
    .map((words) => (words.some((w) => w.includes('%s')) ? words.map((w) => w.replaceAll('%s', url)) : [...words, url]));
}

/** Why one way of opening the browser failed. */
export type BrowserFailure =
  /** It could not be started: Node's error code (ENOENT, E2BIG, EINVAL for a .cmd on Windows…) or message. */
  | { command?: string; error: string }
  /** It started and failed at once (xdg-open exits 3 or 4 when it finds no browser). */
  | { command: string; exitCode: number | null; signal: string | null };

export type BrowserOpenResult = { opened: true } | { opened: false; failures: BrowserFailure[] };

/** The part of a ChildProcess the opener uses (tests inject their own). */
export interface BrowserChild {
  exitCode: number | null;
  signalCode: string | null;
  spawnfile?: string;
  on(event: 'error', listener: (error: Error) => void): unknown;
  once(event: 'exit', listener: (code: number | null, signal: string | null) => void): unknown;
  off(event: 'exit', listener: (code: number | null, signal: string | null) => void): unknown;
  unref(): void;
}

export interface BrowserOpenerDeps {
  spawn?: (command: string, args: string[], options: { stdio: 'ignore'; detached: true }) => BrowserChild;
  /** The `open` package (used when BROWSER is not set). */
  open?: (url: string) => Promise<BrowserChild>;
  /**
   * How long to watch a started opener for an exit with an error; one still running then
   * (a browser started in the foreground) counts as opened.
   */
  watchMs?: number;
}

/** Long enough for xdg-open, open or PowerShell to report a failure; a browser itself may run on. */
export const BROWSER_WATCH_MS = 2000;

function errorText(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return printable(typeof code === 'string' ? code : error instanceof Error ? error.message : String(error));
}

/**
 * Resolves to the failure of a started child, or undefined when it exits 0 or is still
 * running after `watchMs`. An 'error' event at any time, even after that, is handled (it
 * would otherwise crash the process).
 */
function watch(child: BrowserChild, command: string, watchMs: number): Promise<BrowserFailure | undefined> {
  return new Promise((resolve) => {
    let timer: NodeJS.Timeout | undefined;
    const done = (failure: BrowserFailure | undefined) => {
      clearTimeout(timer);
      child.off('exit', onExit);
      child.unref();
      resolve(failure);
    };
    const onExit = (code: number | null, signal: string | null) =>
      done(code === 0 ? undefined : { command, exitCode: code, signal });
    child.on('error', (error) => done({ command, error: errorText(error) }));
    if (child.exitCode !== null || child.signalCode !== null) {
      onExit(child.exitCode, child.signalCode); // `open` on Windows resolves after PowerShell has exited
      return;
    }
    child.once('exit', onExit);
    timer = setTimeout(() => done(undefined), watchMs);
  });
}

export function createBrowserOpener(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, deps: BrowserOpenerDeps = {}): BrowserOpener {
  const spawnChild = deps.spawn ?? ((command, args, options) => spawn(command, args, options));
  const watchMs = deps.watchMs ?? BROWSER_WATCH_MS;
  return async (url) => {
    const failures: BrowserFailure[] = [];
    const commands = env.BROWSER ? browserCommands(env.BROWSER, url, platform) : [];
    if (commands.length > 0) {
      // Like Python's webbrowser: each entry in turn, until one starts and does not fail.
      for (const [command, ...args] of commands) {
        const name = printable(command!);
        let child: BrowserChild;
        try {
          // Never through a shell: the URL would be shell syntax (`&` in a query string).
          child = spawnChild(command!, args, { stdio: 'ignore', detached: true });
        } catch (error) {
          // Thrown, not emitted: E2BIG, EINVAL (a .cmd or .bat on Windows since CVE-2024-27980), bad arguments.
          failures.push({ command: name, error: errorText(error) });
          continue;
        }
        const failure = await watch(child, name, watchMs);
        if (!failure) return { opened: true };
        failures.push(failure);
      }
      return { opened: false, failures };
    }
    let child: BrowserChild;
    try {
      child = deps.open ? await deps.open(url) : await (await import('open')).default(url);
    } catch (error) {
      return { opened: false, failures: [{ error: errorText(error) }] };
    }
    const failure = await watch(child, printable(path.win32.basename(child.spawnfile ?? 'open')), watchMs);
    return failure ? { opened: false, failures: [failure] } : { opened: true };
  };
}
