import jsqr from 'jsqr';
import { describe, expect, it } from 'vitest';
import { renderQr } from '../../src/ui/qr.js';

// jsqr is CommonJS with an `export default` in its typings: under NodeNext the default import
// is `module.exports`, and the function sits on its `.default` (also true at run time).
const jsQR = jsqr.default;

const LONG_URL =
  'https://oidc.eu-west-1.amazonaws.com/authorize?response_type=code' +
  '&client_id=Xk3vP9qLm2RtW8yZ1aBcDeFgHiJkLmNoPqRsTuVwXyZ0-ZXUtd2VzdC0x' +
  '&redirect_uri=http%3A%2F%2F127.0.0.1%3A8400%2Foauth%2Fcallback' +
  '&state=3f2c9a1e-7b4d-4e8a-9c1f-2d6b8e0a5f73' +
  '&code_challenge_method=S256&scopes=sso%3Aaccount%3Aaccess' +
  '&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';
const DEVICE_URL = 'https://device.sso.us-east-1.amazonaws.com/?user_code=ABCD-EFGH';

const ANSI = /\x1b\[[0-9;]*m/g;
const QUIET = 4;

/** Visible lines of a rendering: ANSI stripped, split on the mandatory trailing '\n'. */
function visibleLines(rendered: string): string[] {
  expect(rendered.endsWith('\n')).toBe(true);
  return rendered.replace(ANSI, '').slice(0, -1).split('\n');
}

/** Module grid, `true` = light, two module rows per text line. */
function modules(rendered: string): boolean[][] {
  const rows: boolean[][] = [];
  for (const line of visibleLines(rendered)) {
    const top: boolean[] = [];
    const bottom: boolean[] = [];
    for (const ch of line) {
      const halves = { '█': [true, true], '▀': [true, false], '▄': [false, true], ' ': [false, false] }[ch];
      if (!halves) throw new Error(`unexpected character ${JSON.stringify(ch)}`);
      top.push(halves[0]!);
      bottom.push(halves[1]!);
    }
    rows.push(top, bottom);
  }
  return rows;
}

/** Decode with jsQR: each module scaled to 4×4 RGBA pixels, dark black, light white. */
function decode(rendered: string): string | null {
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

/** Flips columns [from, to) of the rendering (light ↔ dark for both halves). */
function flipColumns(rendered: string, from: number, to: number): string {
  const flip: Record<string, string> = { '█': ' ', ' ': '█', '▀': '▄', '▄': '▀' };
  return visibleLines(rendered)
    .map((line) => [...line].map((ch, x) => (x >= from && x < to ? flip[ch]! : ch)).join('') + '\n')
    .join('');
}

describe('renderQr', () => {
  it('uses a realistic ~350-character authorize URL', () => {
    expect(LONG_URL.length).toBeGreaterThanOrEqual(340);
    expect(LONG_URL.length).toBeLessThanOrEqual(360);
  });

  for (const [name, url, maxWidth] of [
    ['authorize URL', LONG_URL, 80],
    ['device URL', DEVICE_URL, 45],
  ] as const) {
    for (const color of [false, true]) {
      it(`${name}, color ${color}: decodes back to the URL`, () => {
        const rendered = renderQr(url, { color });
        expect(decode(rendered)).toBe(url);
      });

      it(`${name}, color ${color}: square, equal widths, light quiet zone, fits ${maxWidth} columns`, () => {
        const rendered = renderQr(url, { color });
        const lines = visibleLines(rendered);
        const width = [...lines[0]!].length;
        for (const line of lines) expect([...line].length).toBe(width);
        expect(width).toBeLessThanOrEqual(maxWidth);
        expect(lines.length).toBe(Math.ceil(width / 2));

        const grid = modules(rendered);
        for (let y = 0; y < width; y++) {
          for (let x = 0; x < width; x++) {
            const quiet = y < QUIET || y >= width - QUIET || x < QUIET || x >= width - QUIET;
            if (quiet) expect(grid[y]![x], `module ${x},${y}`).toBe(true);
          }
        }
        // The finder pattern's outer ring, just inside the quiet zone, is dark.
        expect(grid[QUIET]![QUIET]).toBe(false);

        if (color) {
          for (const line of rendered.slice(0, -1).split('\n')) {
            expect(line.startsWith('\x1b[97;40m')).toBe(true);
            expect(line.endsWith('\x1b[0m')).toBe(true);
          }
        } else {
          expect(rendered).not.toMatch(ANSI);
        }
      });
    }
  }

  it('a corrupted rendering does not decode to the URL', () => {
    const rendered = renderQr(LONG_URL, { color: false });
    const width = [...visibleLines(rendered)[0]!].length;
    const mid = Math.floor(width / 2);
    // The untouched copy round-trips through the parser, so flipColumns itself is sound.
    expect(decode(flipColumns(rendered, 0, 0))).toBe(LONG_URL);
    // Error correction (level L, ~7%) repairs one flipped column of this version-12 symbol
    // (it does so up to 5 columns): proof the decoder reads real modules, not a lucky guess.
    expect(decode(flipColumns(rendered, mid, mid + 1))).toBe(LONG_URL);
    // A band of 10 flipped columns (~15% of the symbol) is beyond repair.
    expect(decode(flipColumns(rendered, mid - 5, mid + 5))).not.toBe(LONG_URL);
    // Flipping the top-left finder pattern leaves nothing to locate.
    expect(decode(flipColumns(rendered, QUIET, QUIET + 7))).toBeNull();
  });
});
