import pty from '@lydell/node-pty';
import xtermHeadless from '@xterm/headless';
import { repoRoot } from './cli.js';

type XtermBuffer = InstanceType<typeof xtermHeadless.Terminal>['buffer']['active'];

export interface ScreenOptions {
  /** The pty's and the screen's size; default 120×50. */
  cols?: number;
  rows?: number;
  /** Rows kept above the screen once they scroll off it; default 1000. */
  scrollback?: number;
}

/**
 * A program in a pseudo-terminal, read from a terminal screen model instead of its raw
 * output: every output chunk goes into a headless xterm.js terminal of the pty's size, and
 * tests read the rendered lines, as a person sees them. For programs that draw with cursor
 * movements and in-place redraws rather than plain text (the CLI under Wine's console, whose
 * output stripped of escape sequences is not what the screen shows).
 *
 * Lines are logical lines (rows the terminal wrapped are joined) over the scrollback and the
 * screen, so text that scrolled off the screen is still found.
 */
export class ScreenTerminal {
  private readonly proc: pty.IPty;
  private readonly screen: InstanceType<typeof xtermHeadless.Terminal>;
  private waiters: Array<() => void> = [];
  /** Resolves once every chunk received so far is on the screen. */
  private parsed: Promise<void> = Promise.resolve();
  private exitCode: number | undefined;
  private disposed = false;
  /** The exit code, once the program has exited and all its output is on the screen. */
  readonly exited: Promise<number>;

  constructor(file: string, args: string[], env: Record<string, string>, options: ScreenOptions = {}) {
    const cols = options.cols ?? 120;
    const rows = options.rows ?? 50;
    this.screen = new xtermHeadless.Terminal({ cols, rows, scrollback: options.scrollback ?? 1000, allowProposedApi: true });
    this.proc = pty.spawn(file, args, { name: 'xterm-256color', cols, rows, cwd: repoRoot, env: { ...env, TERM: 'xterm-256color' } });
    this.proc.onData((data) => {
      if (this.disposed) return;
      this.parsed = new Promise<void>((resolve) => this.screen.write(data, resolve)).then(() => this.wake());
    });
    this.exited = new Promise((resolve) =>
      this.proc.onExit(({ exitCode }) => {
        void this.parsed.then(() => {
          this.exitCode = exitCode;
          this.wake();
          resolve(exitCode);
        });
      }),
    );
  }

  private wake(): void {
    for (const wake of this.waiters.splice(0)) wake();
  }

  private get buffer(): XtermBuffer {
    return this.screen.buffer.active;
  }

  /** Every logical line so far (scrollback and screen), trailing spaces trimmed, trailing empty lines left out. */
  lines(): string[] {
    const buffer = this.buffer;
    const lines: string[] = [];
    for (let i = 0; i < buffer.length; i++) {
      const row = buffer.getLine(i)!;
      // A row that the next one continues is full: it is kept whole, trailing spaces too.
      const whole = buffer.getLine(i + 1)?.isWrapped ?? false;
      const text = row.translateToString(!whole);
      if (row.isWrapped && lines.length > 0) lines[lines.length - 1] += text;
      else lines.push(text);
    }
    // (translateToString trims only cells never written; a prompt writes its trailing space.)
    const trimmed = lines.map((line) => line.trimEnd());
    while (trimmed.length > 0 && trimmed[trimmed.length - 1] === '') trimmed.pop();
    return trimmed;
  }

  /** What the terminal shows, as text: the logical lines joined with \n. */
  get text(): string {
    return this.lines().join('\n');
  }

  /** The logical line the cursor is on, trailing spaces trimmed. */
  cursorLine(): string {
    const buffer = this.buffer;
    let first = buffer.baseY + buffer.cursorY;
    while (first > 0 && buffer.getLine(first)?.isWrapped) first--;
    let text = buffer.getLine(first)?.translateToString(false) ?? '';
    for (let row = first + 1; buffer.getLine(row)?.isWrapped; row++) text += buffer.getLine(row)!.translateToString(false);
    return text.trimEnd();
  }

  /**
   * Waits until `check` returns a value other than undefined, rechecking after each output
   * chunk; fails naming `what`, with the screen, when the program exits first or `timeoutMs`
   * runs out (a guard against a hang, not a measurement).
   */
  async until<T>(what: string, check: () => T | undefined, timeoutMs = 120_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      await this.parsed;
      const found = check();
      if (found !== undefined) return found;
      if (this.exitCode !== undefined || Date.now() > deadline) {
        const why = this.exitCode !== undefined ? `The program exited (${this.exitCode})` : `Nothing for ${timeoutMs / 1000} s`;
        throw new Error(`${why} before ${what}. The terminal shows:\n${this.text}`);
      }
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 250);
      });
    }
  }

  /** Waits for a logical line that contains `expected` (a string) or matches it (a RegExp); returns that line. */
  waitFor(expected: string | RegExp, timeoutMs?: number): Promise<string> {
    const matches = (line: string) => (typeof expected === 'string' ? line.includes(expected) : expected.test(line));
    return this.until(`a line with ${String(expected)} appeared`, () => this.lines().find(matches), timeoutMs);
  }

  /**
   * Waits until the line the cursor is on ends with `prompt` (a prompt waiting for its
   * answer), then types `text` and Enter. The line, not the cursor's column: under Wine a
   * prompt can be drawn a few columns in while the cursor is where the CLI put it
   * (test/windows/wine.ts, WINE_TERMINAL_COLS), until the first key redraws the line.
   */
  async answer(prompt: string, text: string, timeoutMs?: number): Promise<void> {
    const expected = prompt.trimEnd();
    await this.until(`the prompt ${JSON.stringify(prompt)} waited on the cursor's line`, () => (this.cursorLine().endsWith(expected) ? true : undefined), timeoutMs);
    this.type(`${text}\r`);
  }

  type(text: string): void {
    this.proc.write(text);
  }

  kill(): void {
    this.proc.kill();
  }

  /** Kills the program if it still runs and frees the screen model. */
  dispose(): void {
    if (this.exitCode === undefined) {
      try {
        this.proc.kill();
      } catch {
        // it exited meanwhile
      }
    }
    this.disposed = true;
    this.screen.dispose();
  }
}
