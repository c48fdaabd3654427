import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pty from '@lydell/node-pty';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const cliPath = path.join(repoRoot, 'bin', 'sso-setup.js');
export const approveBrowser = path.join(repoRoot, 'test', 'emulator', 'approve-browser.mjs');

/** The bundled CLI (bin/sso-setup.js runs it) must exist: `npm test` builds it first (pretest). */
export function requireBuiltCli(): void {
  if (!existsSync(path.join(repoRoot, 'dist', 'sso-setup.mjs'))) {
    throw new Error('dist/sso-setup.mjs is missing: run `npm run build` (npm test does it for you).');
  }
}

/**
 * A clean environment for a child process: nothing from the developer's own AWS set-up
 * leaks in, and everything points at the emulator and a scratch home.
 */
export function childEnv(home: string, extra: Record<string, string> = {}): Record<string, string> {
  const keep = ['PATH', 'LANG', 'SYSTEMROOT', 'PYENV_ROOT', 'PYENV_VERSION', 'TMPDIR'];
  const env: Record<string, string> = {};
  for (const k of keep) if (process.env[k]) env[k] = process.env[k]!;
  return { ...env, HOME: home, USERPROFILE: home, ...extra };
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command to completion; without `input` its stdin is closed from the start. */
export function run(command: string, args: string[], env: Record<string, string>, input?: string): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    // No stdin pipe unless there is input: a child that exits before reading it (bash) would make our write fail with EPIPE.
    const child = spawn(command, args, { env, cwd: repoRoot, stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d) => (stdout += d));
    child.stderr!.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin?.end(input);
  });
}

export const runCli = (args: string[], env: Record<string, string>) => run(process.execPath, [cliPath, ...args], env);

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b[()][0-9A-B]|\u001b[=>]/g;
export const stripAnsi = (text: string) => text.replace(ANSI, '');

/** The real CLI in a pseudo-terminal, driven like a person at the keyboard. */
export class Terminal {
  private raw = '';
  private waiters: Array<() => void> = [];
  private readonly proc: pty.IPty;
  readonly exited: Promise<number>;

  /** `script`: the Node script to run, the built CLI unless told (the demo's test runs dist/scripts/demo.js). */
  constructor(args: string[], env: Record<string, string>, script = cliPath) {
    this.proc = pty.spawn(process.execPath, [script, ...args], {
      name: 'xterm-color',
      cols: 120,
      rows: 40,
      cwd: repoRoot,
      env: { ...env, TERM: 'xterm-256color' },
    });
    this.proc.onData((data) => {
      this.raw += data;
      for (const wake of this.waiters.splice(0)) wake();
    });
    this.exited = new Promise((resolve) => this.proc.onExit(({ exitCode }) => resolve(exitCode)));
  }

  /** Everything the terminal showed so far, escape sequences removed. */
  get text(): string {
    return stripAnsi(this.raw).replace(/\r/g, '');
  }

  /** Waits until `expected` appears after `from` (an index into text); returns the index after it. */
  async waitFor(expected: string | RegExp, from = 0, timeoutMs = 20_000): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const rest = this.text.slice(from);
      const index = typeof expected === 'string' ? rest.indexOf(expected) : rest.search(expected);
      if (index >= 0) {
        const length = typeof expected === 'string' ? expected.length : (rest.match(expected)?.[0].length ?? 0);
        return from + index + length;
      }
      if (Date.now() > deadline) {
        throw new Error(`Timed out waiting for ${String(expected)}. The terminal shows:\n${this.text}`);
      }
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 200);
      });
    }
  }

  type(text: string): void {
    this.proc.write(text);
  }

  /** Waits for a prompt, then types the answer and Enter. */
  async answer(prompt: string, text: string, from = 0): Promise<number> {
    const at = await this.waitFor(prompt, from);
    this.type(text + '\r');
    return at;
  }

  kill(): void {
    this.proc.kill();
  }
}

/** Python with botocore, and the AWS CLI v1, from the machine image: fail loudly if absent. */
export function requirePythonTools(): void {
  const python = spawnSync('python3', ['-c', 'import botocore, sys; print(botocore.__version__)'], { encoding: 'utf8' });
  if (python.status !== 0) {
    throw new Error(
      'The interop tests need python3 with botocore (and the AWS CLI v1), which the machine image provides. ' +
        `python3 -c "import botocore" failed: ${python.error?.message ?? python.stderr}`,
    );
  }
  const aws = spawnSync('aws', ['--version'], { encoding: 'utf8' });
  if (aws.status !== 0) {
    throw new Error(`The interop tests need the AWS CLI (\`aws\`) on PATH: ${aws.error?.message ?? aws.stderr}`);
  }
}
