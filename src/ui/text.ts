/** Text as a terminal shows it: user values quoted safely, widths in columns. */

// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

/** A user's value shown safely in a message: quoted, control characters escaped, long values cut. */
export function quote(value: string): string {
  const shown = value.length > 80 ? `${value.slice(0, 60)}…(${value.length} characters)` : value;
  // JSON escapes C0 controls (ESC among them); C1 controls (a one-byte CSI) and invisible or
  // bidirectional format characters are escaped as visibly.
  return JSON.stringify(shown).replace(INVISIBLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Columns a text takes in a terminal: East Asian wide and fullwidth characters take two. */
export function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    const wide =
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf && c !== 0x303f) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      (c >= 0x1f300 && c <= 0x1faff) ||
      (c >= 0x20000 && c <= 0x3fffd);
    width += wide ? 2 : 1;
  }
  return width;
}
