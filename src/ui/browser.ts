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

/** A spawn that runs a batch file through cmd.exe, its arguments passed literally. */
export interface BatchSpawn {
  file: string;
  args: string[];
  /** Variables to add to the child's environment: the arguments themselves. */
  env: Record<string, string>;
  windowsVerbatimArguments: true;
}

/** The environment variable that carries argument `i` (from 1) to cmd.exe. */
export const batchArgumentVariable = (i: number) => `SSO_SETUP_BROWSER_ARG${i}`;

/**
 * How to start a `.cmd` or `.bat` file on Windows, which Node refuses to spawn without a
 * shell since CVE-2024-27980 (EINVAL): `cmd.exe /d /v:on /s /c ""<file>" "!VAR1!" …"`, each
 * argument in an environment variable, none of it on the command line.
 * - cmd.exe reads a command line in phases: `%VAR%` expansion first, then the operators
 *   (`&`, `|`, `<`, `>`, `^`, quotes), and only then, with /v:on, `!VAR!` expansion. The
 *   text of a `!VAR!` is never parsed as syntax: a URL's `&`, `=`, `;` and `%3A` sequences
 *   reach the batch file as they are. `^`-escaping the URL on the command line instead (the
 *   cross-spawn way) cannot escape `%` reliably: `^%PATH^%` stays literal on Windows only
 *   because no variable is named `PATH^`, and Wine's cmd.exe expands it. (Wine's cmd.exe
 *   also expands a defined `%NAME%` or `!NAME!` inside the text of a `!VAR!` again, and
 *   `%3`-like sequences inside a batch file's `%1`; Windows' cmd.exe expands each text once.
 *   A URL's `%XX` escapes never name a defined variable, so the URL arrives whole there too.)
 * - `"…"` around each `!VAR!` makes it one `%1` for the batch file, whatever spaces, `,`
 *   and `;` it holds; the batch file's own path (the user's BROWSER setting) is in plain
 *   quotes too, which hold its spaces (a path cannot contain `"`; a `!` in it would be
 *   expanded, as it is for any command run with /v:on).
 * - /d skips AutoRun commands from the registry; /s strips exactly the outer quotes; the
 *   line goes to cmd.exe verbatim (windowsVerbatimArguments), not re-quoted by Node.
 * What the batch file does with `%1` afterwards is its own business: `%~1` unquoted in it
 * exposes the `&` to its own parser, as with any argument any program passes it.
 */
export function batchSpawn(command: string, args: string[], comspec = 'cmd.exe'): BatchSpawn {
  const env: Record<string, string> = {};
  const words = [`"${path.win32.normalize(command)}"`];
  args.forEach((arg, i) => {
    env[batchArgumentVariable(i + 1)] = arg;
    words.push(`"!${batchArgumentVariable(i + 1)}!"`);
  });
  return { file: comspec, args: ['/d', '/v:on', '/s', '/c', `"${words.join(' ')}"`], env, windowsVerbatimArguments: true };
}

/** Whether `command` names a batch file, which Windows runs only through cmd.exe. */
export function isBatchFile(command: string): boolean {
  return /\.(cmd|bat)$/i.test(command.trim());
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
  spawn?: (
    command: string,
    args: string[],
    options: { stdio: 'ignore'; detached: true; windowsVerbatimArguments?: true; env?: NodeJS.ProcessEnv },
  ) => BrowserChild;
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

/** %ComSpec% (Windows' own cmd.exe path), whatever the case of its name in `env`. */
function comspec(env: NodeJS.ProcessEnv): string {
  const key = Object.keys(env).find((k) => k.toLowerCase() === 'comspec');
  return (key && env[key]) || 'cmd.exe';
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
          // A batch file on Windows can only run through cmd.exe: every argument quoted for it.
          if (platform === 'win32' && isBatchFile(command!)) {
            const batch = batchSpawn(command!, args, comspec(env));
            const childEnv = { ...process.env, ...batch.env };
            child = spawnChild(batch.file, batch.args, { stdio: 'ignore', detached: true, windowsVerbatimArguments: true, env: childEnv });
          } else {
            child = spawnChild(command!, args, { stdio: 'ignore', detached: true });
          }
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
