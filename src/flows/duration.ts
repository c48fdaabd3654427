/** Durations as people type them on a command line (`status --check --min-remaining 30m`). Pure. */

const UNITS: Partial<Record<string, number>> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/**
 * A duration as people write it: one or more whole numbers with a unit, largest first —
 * `90s`, `30m`, `2h`, `1h30m`, `1d` — or `0`. Undefined for anything else.
 */
export function parseDuration(text: string): number | undefined {
  const value = text.trim();
  if (value === '0') return 0;
  // One pass: digits, then a unit, again and again (no regex to backtrack on a long value).
  let total = 0;
  let last = Infinity;
  let digits = '';
  for (const ch of value) {
    if (ch >= '0' && ch <= '9') {
      digits += ch;
      continue;
    }
    const size = UNITS[ch];
    if (size === undefined || digits === '') return undefined;
    if (size >= last) return undefined; // `30m2h`, `1h1h`: units in decreasing order, each once
    last = size;
    total += Number(digits) * size;
    digits = '';
  }
  if (digits !== '' || last === Infinity) return undefined; // a number without its unit, or nothing
  return Number.isSafeInteger(total) ? total : undefined;
}
