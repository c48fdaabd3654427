import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { check } from 'recheck';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The class of defect behind "a 40 KB config line takes 3.4 s": a regular expression whose
 * backtracking makes matching quadratic (or worse) in the length of its input. Every regex
 * in src/ reads text that may come from someone else (a config file, a cache file, a server,
 * a flag), so none may backtrack super-linearly. recheck (a ReDoS checker) proves it for each
 * literal without timing anything: it either finds an attack string or shows there is none.
 */
const SRC = path.resolve(import.meta.dirname, '../../src');

interface Found {
  where: string;
  source: string;
  flags: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** Every regex literal, and every `new RegExp('…')` / `RegExp('…')` with a literal pattern. */
function regexesIn(file: string): Found[] {
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: Found[] = [];
  const where = (node: ts.Node) => `${path.relative(SRC, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node: ts.Node) => {
    if (ts.isRegularExpressionLiteral(node)) {
      const last = node.text.lastIndexOf('/');
      found.push({ where: where(node), source: node.text.slice(1, last), flags: node.text.slice(last + 1) });
    } else if (
      (ts.isNewExpression(node) || ts.isCallExpression(node)) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'RegExp'
    ) {
      const [pattern, flags] = node.arguments ?? [];
      // A pattern built at run time can't be checked here: there must be none.
      expect(pattern && ts.isStringLiteralLike(pattern), `${where(node)}: RegExp with a computed pattern`).toBe(true);
      found.push({ where: where(node), source: (pattern as ts.StringLiteralLike).text, flags: flags && ts.isStringLiteralLike(flags) ? flags.text : '' });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/**
 * Regexes recheck cannot decide (its automaton gives up on their size, and its fuzzer's verdict
 * is not sound for them), each checked here instead against the attack strings that made
 * their earlier forms quadratic. Keyed by source; keep this list short.
 */
const DECIDED_BY_HAND = new Map<string, string[]>([
  [
    "^error: option '([^'\\n]*)' argument '(.*)' is invalid\\. Allowed choices are ([^'\\n.]*)\\.",
    ["error: option '" + "' argument 'l".repeat(200_000)],
  ],
  [
    "^error: command-argument value '(.*)' is invalid for argument '([^'\\n]*)'\\. Allowed choices are ([^'\\n.]*)\\.",
    ["error: command-argument value '" + "' is invalid for argument 't".repeat(200_000)],
  ],
]);

describe('regular expressions in src/', () => {
  const all = sourceFiles(SRC).flatMap(regexesIn);

  it('finds the regexes (the scan itself works)', () => {
    expect(all.length).toBeGreaterThan(20);
    expect(all.some((r) => r.where.startsWith(`config${path.sep}edit.ts`))).toBe(true);
  });

  it('none backtracks super-linearly on any input (checked by recheck, not timed)', async () => {
    const checked = all.filter((r) => !DECIDED_BY_HAND.has(r.source));
    // A fixed seed: the fuzzer (used for lookarounds) gives the same verdict every run.
    const results = await Promise.all(checked.map((r) => check(r.source, r.flags, { timeout: 90_000, randomSeed: 1 })));
    const vulnerable = checked.flatMap((r, i) => {
      const result = results[i]!;
      if (result.status === 'safe') return [];
      const detail =
        result.status === 'vulnerable'
          ? `${result.complexity.type}${result.complexity.type === 'polynomial' ? ` degree ${result.complexity.degree}` : ''}, e.g. ${result.attack.pattern}`
          : `${result.status}: ${String(result.error?.kind ?? '')}`;
      return [`${r.where} /${r.source}/${r.flags}: ${detail}`];
    });
    expect(vulnerable).toEqual([]);
  }, 300_000);

  it('the few it cannot decide run the attacks on their old forms (a smoke check under the test timeout)', () => {
    const inSrc = new Set(all.map((r) => r.source));
    for (const [source, attacks] of DECIDED_BY_HAND) {
      expect(inSrc.has(source), `no longer in src/: ${source}`).toBe(true);
      // 200,000 characters: a quadratic regex would take minutes; these take milliseconds.
      for (const attack of attacks) new RegExp(source, 'm').test(attack);
    }
  });
});
