import jsqr from 'jsqr';

// jsqr is CommonJS with an `export default` in its typings: under NodeNext the default import
// is `module.exports`, and the function sits on its `.default` (also true at run time).
const jsQR = jsqr.default;

export const ANSI_SGR = /\x1b\[[0-9;]*m/g;
const HALVES: Record<string, [boolean, boolean]> = { '█': [true, true], '▀': [true, false], '▄': [false, true], ' ': [false, false] };

/** Visible lines of a rendering: ANSI stripped, split on the mandatory trailing '\n'. */
export function visibleLines(rendered: string): string[] {
  if (!rendered.endsWith('\n')) throw new Error('a QR rendering ends with a newline');
  return rendered.replace(ANSI_SGR, '').slice(0, -1).split('\n');
}

/** Module grid, `true` = light, two module rows per text line. */
export function modules(rendered: string): boolean[][] {
  const rows: boolean[][] = [];
  for (const line of visibleLines(rendered)) {
    const top: boolean[] = [];
    const bottom: boolean[] = [];
    for (const ch of line) {
      const halves = HALVES[ch];
      if (!halves) throw new Error(`unexpected character ${JSON.stringify(ch)}`);
      top.push(halves[0]);
      bottom.push(halves[1]);
    }
    rows.push(top, bottom);
  }
  return rows;
}

/** Decode with jsQR: each module scaled to 4×4 RGBA pixels, dark black, light white. */
export function decode(rendered: string): string | null {
  const grid = modules(rendered);
  const scale = 4;
  const width = grid[0]!.length * scale;
  const height = grid.length * scale;
  const pixels = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = grid[Math.floor(y / scale)]![Math.floor(x / scale)] ? 255 : 0;
      pixels.set([v, v, v, 255], (y * width + x) * 4);
    }
  }
  return jsQR(pixels, width, height, { inversionAttempts: 'dontInvert' })?.data ?? null;
}

/**
 * The QR code printed somewhere in a transcript: the run of lines made only of block
 * characters (with or without colour codes), decoded; null when there is none.
 */
export function decodeFromTranscript(text: string): string | null {
  const lines = text.replace(ANSI_SGR, '').split(/\r?\n/);
  const start = lines.findIndex((line) => /^[█▀▄]{21,}$/.test(line));
  if (start < 0) return null;
  let end = start;
  while (end < lines.length && /^[█▀▄ ]+$/.test(lines[end]!) && lines[end]!.length === lines[start]!.length) end++;
  return decode(lines.slice(start, end).join('\n') + '\n');
}
