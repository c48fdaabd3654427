import { PassThrough, Writable } from 'node:stream';
import xtermHeadless from '@xterm/headless';
import { describe, expect, it } from 'vitest';
import { InterruptedError } from '../../src/errors.js';
import { displayPosition } from '../../src/ui/line-prompt.js';
import type { InputQuestion } from '../../src/ui/prompter.js';
import { createTerminalPrompter } from '../../src/ui/terminal-prompter.js';

/**
 * The text prompt in a fake terminal: keys go in through a PassThrough that says it is a
 * TTY (and records raw mode), what is written out goes to a headless xterm.js screen of the
 * same width, and the tests look at the screen, as a person would.
 */
class FakeTerminal {
  readonly input = Object.assign(new PassThrough(), {
    isTTY: true,
    isRaw: false,
    setRawMode(this: { isRaw: boolean }, mode: boolean) {
      this.isRaw = mode;
      return this;
    },
  });
  readonly output: Writable & { columns: number };
  /** How many writes reached the terminal. */
  writes = 0;
  private readonly screen: InstanceType<typeof xtermHeadless.Terminal>;
  /** Resolves once everything written so far is on the screen. */
  private parsed = Promise.resolve();

  constructor(columns = 80) {
    // convertEol: a terminal turns \n into \r\n (ONLCR), raw mode or not.
    this.screen = new xtermHeadless.Terminal({ cols: columns, rows: 24, convertEol: true, allowProposedApi: true });
    const write = (text: string) => (this.writes++, this.parsed = new Promise<void>((resolve) => this.screen.write(text, resolve)));
    this.output = Object.assign(
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          void write(chunk.toString());
          done();
        },
      }),
      { columns },
    );
  }

  /** Asks `question`; resolves once the prompt is on the screen. */
  async ask(question: InputQuestion): Promise<{ answer: Promise<string> }> {
    const prompter = createTerminalPrompter({ input: this.input, output: this.output });
    await this.parsed;
    const [, row] = this.cursor;
    const answer = prompter.input(question);
    answer.catch(() => {}); // a test that expects a rejection awaits it later
    // Drawn (and listening: the prompt draws, then takes keys) on the cursor's row.
    await this.until(() => this.lines[row] === `${question.message}:`);
    return { answer };
  }

  /**
   * Types `keys` (several keys in one write, as a paste or a fast typist sends them). Keys
   * after a cursor movement go in their own write: readline appends the characters of a
   * paste at the end of the line whatever the cursor (its paste mode), in this prompt as in
   * the prompt library's before.
   */
  async type(keys: string): Promise<void> {
    this.input.write(keys);
    await new Promise((resolve) => setImmediate(resolve));
    await this.parsed;
  }

  async until(condition: () => boolean): Promise<void> {
    for (let i = 0; i < 100 && !condition(); i++) {
      await new Promise((resolve) => setImmediate(resolve));
      await this.parsed;
    }
    expect(condition(), `the screen shows:\n${this.lines.join('\n')}`).toBe(true);
  }

  /** The screen's rows (as the terminal wrapped them), trailing spaces and trailing empty rows left out. */
  get lines(): string[] {
    const buffer = this.screen.buffer.active;
    const rows: string[] = [];
    for (let i = 0; i < buffer.length; i++) rows.push(buffer.getLine(i)!.translateToString(true).trimEnd());
    while (rows.length > 0 && rows.at(-1) === '') rows.pop();
    return rows;
  }

  /** The cursor as [column, row]. */
  get cursor(): [number, number] {
    const buffer = this.screen.buffer.active;
    return [buffer.cursorX, buffer.baseY + buffer.cursorY];
  }
}

const START_URL = 'https://d-9067c0ab12.awsapps.com/start';
const startUrl: InputQuestion = { message: 'SSO start URL [None]' };
const LEFT = '\u001b[D';
const BACKSPACE = '\u007f';

describe('the text prompt (node:readline)', { timeout: 10_000 }, () => {
  it('shows the AWS CLI prompt line with no marker, echoes the answer after it and moves to the next line', async () => {
    const term = new FakeTerminal();
    const { answer } = await term.ask(startUrl);
    expect(term.lines).toEqual(['SSO start URL [None]:']);
    expect(term.cursor).toEqual([22, 0]); // after the trailing space
    for (const ch of START_URL.slice(0, 10)) await term.type(ch); // one key at a time
    await term.type(START_URL.slice(10)); // the rest at once, as pasted
    expect(term.lines).toEqual([`SSO start URL [None]: ${START_URL}`]);
    expect(term.cursor).toEqual([22 + START_URL.length, 0]);
    await term.type('\r');
    expect(await answer).toBe(START_URL);
    expect(term.lines).toEqual([`SSO start URL [None]: ${START_URL}`]);
    expect(term.cursor).toEqual([0, 1]);
  });

  it('answers a pasted line that ends in Enter, trimmed', async () => {
    const term = new FakeTerminal();
    const { answer } = await term.ask(startUrl);
    await term.type(`  ${START_URL}  \r`);
    expect(await answer).toBe(START_URL);
    expect(term.lines).toEqual([`SSO start URL [None]: ${START_URL}`]);
  });

  it('gives the default for an empty or blank answer, and shows nothing after the prompt', async () => {
    const term = new FakeTerminal();
    const region = { message: 'SSO region [us-east-1]', default: 'us-east-1' };
    const first = await term.ask(region);
    await term.type('\r');
    expect(await first.answer).toBe('us-east-1');
    const second = await term.ask(region);
    await term.type('   \r');
    expect(await second.answer).toBe('us-east-1');
    const third = await term.ask({ message: 'CLI default output format (json if not specified) [None]' });
    await term.type('\r');
    expect(await third.answer).toBe('');
    expect(term.lines).toEqual(['SSO region [us-east-1]:', 'SSO region [us-east-1]:', 'CLI default output format (json if not specified) [None]:']);
    expect(term.cursor).toEqual([0, 3]);
  });

  it('edits with backspace and the cursor keys', async () => {
    const term = new FakeTerminal();
    const { answer } = await term.ask({ message: 'Profile name [dev]' });
    await term.type('abcd');
    await term.type(BACKSPACE);
    await term.type(BACKSPACE);
    expect(term.lines).toEqual(['Profile name [dev]: ab']);
    await term.type(LEFT);
    await term.type('X');
    expect(term.lines).toEqual(['Profile name [dev]: aXb']);
    expect(term.cursor).toEqual([22, 0]); // after the X, before the b
    await term.type('\u0005'); // Ctrl-E: to the end
    expect(term.cursor).toEqual([23, 0]);
    await term.type('\r');
    expect(await answer).toBe('aXb');
  });

  it('draws wide (Japanese) characters two columns wide, and backspace removes a whole one', async () => {
    const term = new FakeTerminal();
    const { answer } = await term.ask({ message: 'プロファイル名 [dev]' });
    expect(term.cursor).toEqual([22, 0]); // プロファイル名 is 14 columns
    await term.type('日本語');
    expect(term.lines).toEqual(['プロファイル名 [dev]: 日本語']);
    expect(term.cursor).toEqual([28, 0]);
    await term.type(BACKSPACE);
    expect(term.lines).toEqual(['プロファイル名 [dev]: 日本']);
    expect(term.cursor).toEqual([26, 0]);
    await term.type(LEFT);
    await term.type('x');
    await term.type('\r');
    expect(await answer).toBe('日x本');
  });

  it('completes the last word with Tab (docs/compat.md §A10), and Tab without completions changes nothing', async () => {
    const term = new FakeTerminal();
    const regions = ['ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3', 'us-east-1'];
    const first = await term.ask({ message: 'SSO region [None]', completions: regions });
    await term.type('ap-northe');
    await term.type('\t');
    expect(term.lines).toEqual(['SSO region [None]: ap-northeast-']);
    expect(term.cursor).toEqual([32, 0]);
    await term.type('3\r');
    expect(await first.answer).toBe('ap-northeast-3');

    // With the cursor inside the word, Tab still completes the whole line and goes to its end.
    const second = await term.ask({ message: 'SSO session name', completions: ['development', 'production'] });
    await term.type(`dev${LEFT}${LEFT}`);
    await term.type('\t');
    expect(term.lines.at(-1)).toBe('SSO session name: development');
    await term.type('\r');
    expect(await second.answer).toBe('development');

    const third = await term.ask({ message: 'Profile name [dev]' });
    await term.type('a\tb\r');
    expect(await third.answer).toBe('ab'); // no tab character in the answer
    expect(term.lines.at(-1)).toBe('Profile name [dev]: ab');
  });

  it('shows a validation error on the line below, keeps the text for correcting, and removes the error at the next key', async () => {
    const term = new FakeTerminal();
    const validate = (value: string) => (value.startsWith('https://') ? true : `Not a valid Start URL: "${value}".`);
    const { answer } = await term.ask({ message: 'SSO start URL [None]', validate });
    await term.type('ftp://x\r');
    expect(term.lines).toEqual(['SSO start URL [None]: ftp://x', 'Not a valid Start URL: "ftp://x".']);
    expect(term.cursor).toEqual([29, 0]); // back on the prompt line, after the text
    await term.type(`\u0001${'\u001b[3~'.repeat(3)}`); // Ctrl-A, then Delete three times
    expect(term.lines).toEqual(['SSO start URL [None]: ://x']);
    expect(term.cursor).toEqual([22, 0]);
    for (const ch of 'https') await term.type(ch);
    await term.type('\r');
    expect(await answer).toBe('https://x');
    expect(term.lines).toEqual(['SSO start URL [None]: https://x']);
    expect(term.cursor).toEqual([0, 1]);
  });

  it('wraps a long answer and its error over several rows, and puts the cursor where readline has it', async () => {
    const term = new FakeTerminal(30);
    const validate = (value: string) => (value.endsWith('/start') ? true : 'Expected a URL that ends in /start, like the one in the portal.');
    const { answer } = await term.ask({ message: 'SSO start URL [None]', validate });
    await term.type(`${START_URL}/x\r`);
    const typed = `SSO start URL [None]: ${START_URL}/x`;
    const error = 'Expected a URL that ends in /start, like the one in the portal.';
    const rows = (text: string) => text.match(/.{1,30}/g)!;
    expect(term.lines).toEqual([...rows(typed), ...rows(error)]);
    expect(term.cursor).toEqual([typed.length % 30, 2]);
    await term.type(BACKSPACE);
    await term.type(BACKSPACE);
    expect(term.lines).toEqual(rows(`SSO start URL [None]: ${START_URL}`));
    expect(term.cursor).toEqual([0, 2]); // the line fills two rows exactly: the cursor waits on the third
    await term.type('\r');
    expect(await answer).toBe(START_URL);
    expect(term.lines).toEqual(rows(`SSO start URL [None]: ${START_URL}`));
    expect(term.cursor).toEqual([0, 3]);
  });

  it('Ctrl-C rejects with InterruptedError and leaves what was typed on the screen', async () => {
    const term = new FakeTerminal();
    const { answer } = await term.ask(startUrl);
    await term.type('abc');
    await term.type('\u0003');
    await expect(answer).rejects.toBeInstanceOf(InterruptedError);
    expect(term.lines).toEqual(['SSO start URL [None]: abc']);
    expect(term.cursor).toEqual([0, 1]);
  });

  it('Ctrl-C under a validation error moves below the error', async () => {
    const term = new FakeTerminal();
    const { answer } = await term.ask({ message: 'SSO start URL [None]', validate: () => 'Not valid.' });
    await term.type('x\r');
    await term.type('\u0003');
    await expect(answer).rejects.toBeInstanceOf(InterruptedError);
    expect(term.lines).toEqual(['SSO start URL [None]: x', 'Not valid.']);
    expect(term.cursor).toEqual([0, 2]);
  });

  it('Ctrl-D deletes the character under the cursor, and on an empty line interrupts', async () => {
    const term = new FakeTerminal();
    const first = await term.ask({ message: 'Profile name [dev]' });
    await term.type(`abc${LEFT}${LEFT}`);
    await term.type('\u0004');
    expect(term.lines).toEqual(['Profile name [dev]: ac']);
    await term.type('\r');
    expect(await first.answer).toBe('ac');
    const second = await term.ask(startUrl);
    await term.type('\u0004');
    await expect(second.answer).rejects.toBeInstanceOf(InterruptedError);
    expect(term.cursor).toEqual([0, 2]);
  });

  it('the input ending interrupts the prompt', async () => {
    const term = new FakeTerminal();
    const { answer } = await term.ask(startUrl);
    term.input.end();
    await expect(answer).rejects.toBeInstanceOf(InterruptedError);
  });

  it('leaves raw mode and pauses the input when it ends, and the next prompt takes the terminal again', async () => {
    const term = new FakeTerminal();
    const first = await term.ask(startUrl);
    expect(term.input.isRaw).toBe(true);
    await term.type('a\r');
    await first.answer;
    expect(term.input.isRaw).toBe(false);
    expect(term.input.isPaused()).toBe(true);
    expect(term.input.listenerCount('keypress')).toBe(0);
    const second = await term.ask({ message: 'SSO region [None]' });
    expect(term.input.isRaw).toBe(true);
    await term.type('b\u0003');
    await expect(second.answer).rejects.toBeInstanceOf(InterruptedError);
    expect(term.input.isRaw).toBe(false);
    expect(term.input.isPaused()).toBe(true);
    expect(term.input.listenerCount('keypress')).toBe(0);
    expect(term.lines).toEqual(['SSO start URL [None]: a', 'SSO region [None]: b']);
  });

  it('draws a pasted answer once, not once a character', async () => {
    const term = new FakeTerminal();
    const first = await term.ask(startUrl);
    const before = term.writes;
    await term.type('https://d-9067c0ab12.awsapps.com/start');
    await term.until(() => term.lines[0] === 'SSO start URL [None]: https://d-9067c0ab12.awsapps.com/start');
    expect(term.writes - before).toBe(1);
    await term.type('\r');
    expect(await first.answer).toBe('https://d-9067c0ab12.awsapps.com/start');
  });

  it('drops the keys after Enter in the same write: they belong to no prompt', async () => {
    const term = new FakeTerminal();
    const first = await term.ask(startUrl);
    await term.type('a\rb');
    expect(await first.answer).toBe('a');
    const second = await term.ask({ message: 'SSO region [None]' });
    await term.type('c\r');
    expect(await second.answer).toBe('c');
  });
});

describe('displayPosition: where the cursor is after text, as readline counts it', () => {
  it('counts wide characters as two columns and moves one that would straddle the edge to the next row', () => {
    expect(displayPosition('abc', 80)).toEqual({ rows: 0, cols: 3 });
    expect(displayPosition('日本語', 80)).toEqual({ rows: 0, cols: 6 });
    expect(displayPosition('abcd日', 5)).toEqual({ rows: 1, cols: 2 });
    expect(displayPosition('abcde', 5)).toEqual({ rows: 1, cols: 0 });
    expect(displayPosition('ab\ncd', 80)).toEqual({ rows: 1, cols: 2 });
  });
});
