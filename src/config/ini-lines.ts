/**
 * The lines of an INI file as the config editor reads them: split with each line's own
 * ending kept (joinLines(splitLines(s)) === s), and each classified (blank, comment, header,
 * option, other) in one pass. Pure.
 */

// ---------------------------------------------------------------------------------------
// Lines

export const BOM = '\uFEFF';

export type LineEnding = '' | '\n' | '\r\n';

export interface Line {
  /** The line without its line ending. */
  text: string;
  /** '' only for a last line without a final newline. */
  eol: LineEnding;
}

/** CRLF if the file's first line ending is \r\n, else LF (also for a file without any). */
export function detectLineEnding(body: string): '\n' | '\r\n' {
  const newline = body.indexOf('\n');
  return newline > 0 && body[newline - 1] === '\r' ? '\r\n' : '\n';
}

/** Splits on \n, keeping each line's own ending; joinLines(splitLines(s)) === s. */
export function splitLines(body: string): Line[] {
  if (body === '') return [];
  const parts = body.split('\n');
  const last = parts.pop() ?? '';
  const lines: Line[] = parts.map((part) =>
    part.endsWith('\r') ? { text: part.slice(0, -1), eol: '\r\n' } : { text: part, eol: '\n' },
  );
  if (last !== '') lines.push({ text: last, eol: '' });
  return lines;
}

export function joinLines(lines: readonly Line[]): string {
  return lines.map((line) => line.text + line.eol).join('');
}

// ---------------------------------------------------------------------------------------
// Classifying lines

export type LineKind =
  | { kind: 'blank' }
  | { kind: 'comment' }
  /** Any line starting with `[` ends the previous section (as in the AWS CLI and the SDK). */
  | { kind: 'header' }
  /**
   * A `key = value` or `key: value` line, possibly indented: whether an indented one is an
   * option or the continuation of the option above depends on that line (editExistingSection).
   */
  | { kind: 'option'; indent: string; key: string; separator: string; value: string }
  /** Anything else (a line without `=` or `:`); not an option. */
  | { kind: 'other'; indent: string };

/**
 * The brief's option rule, `^([^\s:=][^:=]*?)\s*([:=])\s*(.*)$`, applied after the line's
 * indentation: the key runs up to the first `:` or `=` (less its trailing whitespace), the
 * value is the rest, trimmed. Scanned once rather than matched with that regex, whose lazy
 * key and `\s*` backtrack quadratically on a long line of spaces (a 40 KB line took 3.4 s).
 */
export function classify(text: string): LineKind {
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'blank' };
  if (trimmed.startsWith('#') || trimmed.startsWith(';')) return { kind: 'comment' };
  if (trimmed.startsWith('[')) return { kind: 'header' };
  const indent = /^\s*/.exec(text)?.[0] ?? '';
  const rest = text.slice(indent.length);
  const at = rest.search(/[:=]/);
  // No separator, or one before any key (`= value`): not an option.
  if (at <= 0) return { kind: 'other', indent };
  return { kind: 'option', indent, key: rest.slice(0, at).trimEnd(), separator: rest[at]!, value: rest.slice(at + 1).trim() };
}

export function normaliseKey(key: string): string {
  return key.toLowerCase();
}
