import { describe, expect, it } from 'vitest';
import { renderQr } from '../../src/ui/qr.js';
import { ANSI_SGR, decode, modules, visibleLines } from '../helpers/qr.js';

const LONG_URL =
  'https://oidc.eu-west-1.amazonaws.com/authorize?response_type=code' +
  '&client_id=Xk3vP9qLm2RtW8yZ1aBcDeFgHiJkLmNoPqRsTuVwXyZ0-ZXUtd2VzdC0x' +
  '&redirect_uri=http%3A%2F%2F127.0.0.1%3A8400%2Foauth%2Fcallback' +
  '&state=3f2c9a1e-7b4d-4e8a-9c1f-2d6b8e0a5f73' +
  '&code_challenge_method=S256&scopes=sso%3Aaccount%3Aaccess' +
  '&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';
const DEVICE_URL = 'https://device.sso.us-east-1.amazonaws.com/?user_code=ABCD-EFGH';

const ANSI = ANSI_SGR;
const QUIET = 4;

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
