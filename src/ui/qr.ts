/**
 * Terminal QR code, so a user on a remote machine can scan a sign-in URL with a phone.
 *
 * Two module rows make one text line (Unicode half blocks). LIGHT modules and the quiet
 * zone are drawn as filled blocks, DARK modules as spaces, which reads correctly on the
 * usual dark terminal background; with `color`, every line also sets bright white on
 * black (SGR 97;40) so it is correct on light terminals too.
 *
 * Size: byte mode, error correction L (boosted when free), 4-module quiet zone. A 350-char
 * IAM Identity Center authorize URL is version 12 (65 modules), i.e. 73 columns × 37 lines;
 * a device URL (`https://device.sso.us-east-1.amazonaws.com/?user_code=ABCD-EFGH`) is
 * version 4, 41 columns × 21 lines. Level M would push the 350-char URL to 81 columns.
 */
import { encode } from 'uqr';

const QUIET_ZONE = 4;

/** One string per text line, without colour or newline; all lines have the same width. */
export function qrLines(text: string): string[] {
  // uqr: `true` = dark module. The border it adds is light (false).
  const { data, size } = encode(text, { ecc: 'L', boostEcc: true, border: QUIET_ZONE });
  const light = (y: number, x: number): boolean => y >= size || !data[y]?.[x];
  const lines: string[] = [];
  for (let y = 0; y < size; y += 2) {
    let line = '';
    for (let x = 0; x < size; x++) {
      const top = light(y, x);
      const bottom = light(y + 1, x); // past the last row counts as quiet zone
      line += top ? (bottom ? '█' : '▀') : bottom ? '▄' : ' ';
    }
    lines.push(line);
  }
  return lines;
}

export function renderQr(text: string, options: { color: boolean }): string {
  return qrLines(text)
    .map((line) => (options.color ? `\x1b[97;40m${line}\x1b[0m\n` : `${line}\n`))
    .join('');
}
