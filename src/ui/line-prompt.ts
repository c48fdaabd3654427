import * as readline from 'node:readline';
import { InterruptedError } from '../errors.js';
import { completeInput, resolveAnswer, type InputQuestion } from './prompter.js';
import { textWidth } from './text.js';

/**
 * A text prompt that looks exactly like the AWS CLI's: `SSO start URL [None]: ` with no
 * marker before it, the answer typed after it, and a validation error on the line below.
 * Users follow guides that show these lines, so they must read the same.
 *
 * Built on `node:readline` alone: readline decodes the keys and edits the line (cursor
 * keys, backspace, Ctrl-A/E/U/K/W…) with no output of its own, and this module draws the
 * prompt line and the error under it, the way the prompt library the CLI used before did
 * (the same screen, byte for byte where it can be): the whole prompt is redrawn after each
 * read of keys (one key as typed, a whole pasted answer at once), so the error goes away as
 * soon as the person types. It loads nothing but readline,
 * computes widths with one table lookup a character, and leaves no async hooks behind.
 */

const CSI = '\u001b[';
const cursorUp = (rows: number) => (rows > 0 ? `${CSI}${rows}A` : '');
const cursorDown = (rows: number) => (rows > 0 ? `${CSI}${rows}B` : '');
const cursorTo = (column: number) => `${CSI}${column + 1}G`;
const CURSOR_LEFT = `${CSI}G`;
const SHOW_CURSOR = `${CSI}?25h`;
/** Erases `rows` rows, from the cursor's row up, and leaves the cursor at the start of the top one. */
const eraseRows = (rows: number) => (rows > 0 ? `${CSI}2K${`${CSI}1A${CSI}2K`.repeat(rows - 1)}${CURSOR_LEFT}` : '');

interface Position {
  /** Rows below the first one. */
  rows: number;
  /** Column, 0 at the left edge. */
  cols: number;
}

/**
 * Where the cursor is after `text` is written from the left edge of a terminal `columns`
 * wide, as readline counts it: a wide character that would straddle the edge goes to the
 * next row, and text that ends exactly at the edge puts the cursor at the start of the next
 * row (cols 0). `text` has no escape sequences.
 */
export function displayPosition(text: string, columns: number): Position {
  let rows = 0;
  let offset = 0;
  for (const ch of text) {
    if (ch === '\n') {
      rows += Math.ceil(offset / columns) || 1;
      offset = 0;
      continue;
    }
    const width = textWidth(ch);
    if (width === 2 && (offset + 1) % columns === 0) offset++;
    offset += width;
  }
  const cols = offset % columns;
  return { rows: rows + (offset - cols) / columns, cols };
}

/** How many rows `text` takes when written from the left edge (at least one). */
function rowsOf(text: string, columns: number): number {
  const end = displayPosition(text, columns);
  return end.cols === 0 && end.rows > 0 ? end.rows : end.rows + 1;
}

export interface LinePromptStreams {
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
}

/**
 * Asks for one line: Tab completes the last word (`completeInput`, docs/compat.md §A10),
 * Enter validates the answer (trimmed, the default when empty: `resolveAnswer`) and either
 * resolves with it or shows the error under the line and keeps what was typed. Ctrl-C,
 * and Ctrl-D on an empty line (or the input closing), reject with `InterruptedError`.
 * The terminal leaves raw mode and the input is paused when the prompt ends.
 */
export function linePrompt(question: InputQuestion, streams: LinePromptStreams = {}): Promise<string> {
  const input = streams.input ?? process.stdin;
  const output = streams.output ?? process.stdout;
  const prompt = `${question.message}: `;
  return new Promise<string>((resolve, reject) => {
    // No output: readline echoes nothing, this function draws everything.
    const rl = readline.createInterface({ input, terminal: true });
    /** What the prompt shows: readline's line as of the last key this prompt handled. */
    let value = '';
    let error: string | undefined;
    /** Rows of the last drawing, and how many of them are under the cursor's row. */
    let height = 0;
    let below = 0;
    let settled = false;
    let started: NodeJS.Immediate | undefined;

    const draw = (shown: string, cursor: number): void => {
      const columns = (output as { columns?: number }).columns || 80;
      const line = prompt + shown;
      const end = displayPosition(line, columns);
      const at = displayPosition(prompt + shown.slice(0, cursor), columns);
      let text = cursorDown(below) + eraseRows(height) + line;
      // Text that fills its last row leaves the terminal's cursor on that row's last column:
      // a newline puts it where the next character will go, as readline counts it.
      if (end.cols === 0) text += '\n';
      let last = end.rows;
      if (error !== undefined) {
        text += `\n${error}`;
        last += rowsOf(error, columns);
      }
      text += cursorUp(last - at.rows) + cursorTo(at.cols);
      below = last - at.rows;
      height = last + 1;
      output.write(text);
    };

    const onKeypress = (_typed: string | undefined, key: readline.Key | undefined): void => {
      if (settled) return;
      const name = key?.name;
      if (name === 'enter' || name === 'return') {
        // readline has taken the line and emptied its own; `value` is what was typed.
        const answer = resolveAnswer(value, question);
        const verdict = question.validate ? question.validate(answer) : true;
        if (verdict === true) {
          value = value.trim();
          error = undefined;
          drawPending = false;
          draw(value, value.length);
          finish(() => resolve(answer));
          return;
        }
        rl.write(value); // keep what was typed so it can be corrected
        error = verdict;
      } else if (name === 'tab') {
        // readline has put a tab character in the line; Tab completes instead (docs/compat.md §A10),
        // and a prompt without completions keeps what was typed, as the AWS CLI's does.
        const completed = completeInput(question.completions ?? [], value);
        rl.write(null, { ctrl: true, name: 'e' });
        rl.write(null, { ctrl: true, name: 'u' });
        rl.write(completed);
        value = completed;
        error = undefined;
      } else {
        value = rl.line;
        error = undefined;
      }
      drawSoon();
    };

    // One drawing for all the keys of one read: a pasted start URL arrives as one chunk of
    // keys, which readline hands over one by one in the same turn; drawn after the last.
    let drawPending = false;
    const drawSoon = (): void => {
      if (drawPending) return;
      drawPending = true;
      queueMicrotask(() => {
        drawPending = false;
        if (!settled) draw(value, Math.min(rl.cursor, value.length));
      });
    };

    const onInterrupt = (): void => finish(() => reject(new InterruptedError()));

    function finish(settle: () => void): void {
      if (settled) return;
      // Keys of this read not drawn yet (`b` then Ctrl-C in one write) are shown first.
      if (drawPending) draw(value, Math.min(rl.cursor, value.length));
      settled = true;
      if (started) clearImmediate(started);
      input.removeListener('keypress', onKeypress);
      rl.removeListener('SIGINT', onInterrupt);
      rl.removeListener('close', onInterrupt);
      // Below everything drawn, on a new line; the cursor shown (a menu before may have hidden it).
      output.write(`${cursorDown(below)}\n${CURSOR_LEFT}${SHOW_CURSOR}`);
      rl.close(); // leaves raw mode and pauses the input, so the process can exit
      settle();
    }

    rl.on('SIGINT', onInterrupt); // Ctrl-C
    rl.on('close', onInterrupt); // Ctrl-D on an empty line, or the input ended
    const start = (): void => {
      started = undefined;
      draw('', 0);
      input.on('keypress', onKeypress);
    };
    // Keys typed before the prompt appeared may be waiting in the terminal: they reach
    // readline's line in this turn of the event loop, not the prompt (as with the prompt
    // library before). Piped test input is meant for the prompt, and starts at once.
    if ('readableFlowing' in input && (input as { isTTY?: boolean }).isTTY) started = setImmediate(start);
    else start();
  });
}
