/**
 * Text that comes from outside (a redirect's query string, an error message naming a
 * user's BROWSER command) made safe to print on a terminal line or in a page: escape
 * sequences (CSI, OSC and other ESC/C1 sequences) are removed whole, other control
 * characters become spaces, bidirectional and invisible format characters are removed,
 * and the result is at most `max` characters (code points), ending in `…` when cut.
 */
/* eslint-disable no-control-regex */
const STRING_SEQUENCE = /(?:\u001b[\]PX^_]|[\u0090\u0098\u009d\u009e\u009f])[\s\S]*?(?:\u0007|\u001b\\|\u009c|$)/g;
const CSI_SEQUENCE = /(?:\u001b\[|\u009b)[0-?]*[ -/]*[@-~]?/g;
const ESC_SEQUENCE = /\u001b[ -/]*[0-~]?/g;
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
const FORMAT = /[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;
/* eslint-enable no-control-regex */

export function printable(text: string, max = 200): string {
  const stripped = text
    .slice(0, max * 16) // bounds the work for a huge value; what is kept is far shorter
    .replace(/[\ud800-\udbff]$/, '') // half a character, cut by the slice
    .replace(STRING_SEQUENCE, '')
    .replace(CSI_SEQUENCE, '')
    .replace(ESC_SEQUENCE, '')
    .replace(CONTROL, ' ')
    .replace(FORMAT, '');
  const chars = Array.from(stripped);
  return chars.length <= max ? stripped : `${chars.slice(0, max - 1).join('')}…`;
}
