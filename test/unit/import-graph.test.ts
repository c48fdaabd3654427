import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The shape of src/, measured from the source: no import cycle (type-only imports, re-exports
 * and dynamic `import()` count), and no import upward between the layers that
 * docs/architecture.md lists between its `<!-- layers -->` markers (top to bottom; a file may
 * import its own layer and any layer below; the folders of one line are siblings and import
 * nothing from each other).
 */

const root = path.resolve(import.meta.dirname, '../..');
const src = path.join(root, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** Every relative module a file names: `import … from`, `export … from`, `import('…')`, `import '…'`. */
export function importsOf(text: string): string[] {
  const specifiers = new Set<string>();
  const patterns = [/\bfrom\s+['"]([^'"]+)['"]/g, /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g, /^\s*import\s+['"]([^'"]+)['"]/gm];
  for (const pattern of patterns) for (const match of text.matchAll(pattern)) specifiers.add(match[1]!);
  return [...specifiers].filter((s) => s.startsWith('.'));
}

const files = sourceFiles(src);
const rel = (file: string) => path.relative(root, file).split(path.sep).join('/');
const graph = new Map<string, string[]>(
  files.map((file) => [
    rel(file),
    importsOf(readFileSync(file, 'utf8')).map((s) => rel(path.resolve(path.dirname(file), s.replace(/\.js$/, '.ts')))),
  ]),
);

/** Strongly connected components with more than one file, or a file importing itself (Tarjan). */
function cycles(g: Map<string, string[]>): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    indices.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of g.get(v) ?? []) {
      if (!g.has(w)) continue;
      if (!indices.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, indices.get(w)!));
    }
    if (low.get(v) === indices.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (g.get(v) ?? []).includes(v)) found.push(component.sort());
    }
  };
  for (const v of g.keys()) if (!indices.has(v)) visit(v);
  return found;
}

/** The layers of docs/architecture.md: `N. name: path, path` lines between the markers, top first. */
function layers(): Array<{ name: string; paths: string[] }> {
  const doc = readFileSync(path.join(root, 'docs', 'architecture.md'), 'utf8');
  const block = doc.slice(doc.indexOf('<!-- layers -->'), doc.indexOf('<!-- /layers -->'));
  return [...block.matchAll(/^\d+\.\s+([^:]+):\s+(.+)$/gm)].map((m) => ({
    name: m[1]!.trim(),
    paths: m[2]!.split(',').map((p) => p.trim().replace(/^`|`$/g, '')),
  }));
}

function layerOf(file: string, table: ReturnType<typeof layers>): { level: number; path: string } | undefined {
  for (const [level, layer] of table.entries()) {
    const owner = layer.paths.find((p) => (p.endsWith('/') ? file.startsWith(p) : file === p));
    if (owner) return { level, path: owner };
  }
  return undefined;
}

describe('the import graph of src/', () => {
  it('has no cycle', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('places every file in a layer of docs/architecture.md', () => {
    const table = layers();
    expect(table.length).toBeGreaterThan(5);
    expect([...graph.keys()].filter((file) => !layerOf(file, table))).toEqual([]);
  });

  it('imports only downward (or within a folder), never between siblings', () => {
    const table = layers();
    const violations: string[] = [];
    for (const [file, imports] of graph) {
      const from = layerOf(file, table)!;
      for (const target of imports) {
        const to = layerOf(target, table);
        if (!to) continue;
        if (to.level < from.level || (to.level === from.level && to.path !== from.path)) {
          violations.push(`${file} → ${target} (${table[from.level]!.name} → ${table[to.level]!.name})`);
        }
      }
    }
    expect(violations).toEqual([]);
  });

  it('the checks can fail: a made-up cycle and its imports are found', () => {
    expect(importsOf("import type { A } from './a.js';\nexport { b } from \"../b.js\";\nconst c = await import('./c.js');")).toEqual([
      './a.js',
      '../b.js',
      './c.js',
    ]);
    const made = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
    ]);
    expect(cycles(made)).toEqual([['a', 'b', 'c']]);
  });
});
