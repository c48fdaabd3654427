import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';
import ts from 'typescript';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cachePath, createBundleLoader, loadBundle, wrap } from '../../src/bundle-loader.js';

/**
 * The loader of the CLI bundle (src/bundle-loader.ts) on a small bundle of its shape: CommonJS
 * files requiring each other by relative path and built-ins by name, an `import()` lowered the
 * way esbuild lowers it (scripts/build.mjs), a cycle. It must give what Node's own `require`
 * gives, and use a code cache only as a cache.
 *
 * What V8 does with a cache is seen in a new process each time, as the CLI runs: within one
 * process V8 finds a source it compiled before in its own compilation cache and never looks
 * at the cache it is given.
 */

let dir: string;
let main: string;

const files: Record<string, string> = {
  'main.cjs': [
    '"use strict";',
    'const { twice } = require("./chunks/math.cjs");',
    'const { sep } = require("node:path");',
    'const cycle = require("./chunks/cycle-a.cjs");',
    'exports.value = twice(21);',
    'exports.sep = sep;',
    'exports.cycle = cycle.describe();',
    'exports.self = this === module.exports;',
    'exports.where = [__filename, __dirname];',
    // esbuild's lowering of import("./chunks/later.cjs") and of import("node:os").
    'exports.later = () => Promise.resolve().then(() => require("./chunks/later.cjs")).then((m) => m.later);',
    'exports.builtin = () => Promise.resolve().then(() => require("node:os")).then((os) => typeof os.tmpdir);',
  ].join('\n'),
  'chunks/math.cjs': '"use strict";\nmodule.exports = { twice: (n) => 2 * n };\n',
  'chunks/later.cjs': '"use strict";\nexports.later = "loaded later";\n',
  'chunks/cycle-a.cjs': '"use strict";\nexports.name = "a";\nconst b = require("./cycle-b.cjs");\nexports.describe = () => `a sees ${b.name}, b saw ${b.sawA}`;\n',
  'chunks/cycle-b.cjs': '"use strict";\nconst a = require("./cycle-a.cjs");\nexports.name = "b";\nexports.sawA = a.name;\n',
};

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'sso-setup-bundle-'));
  await mkdir(path.join(dir, 'chunks'));
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
  main = path.join(dir, 'main.cjs');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

interface Exports {
  value: number;
  sep: string;
  cycle: string;
  self: boolean;
  where: [string, string];
  later(): Promise<string>;
  builtin(): Promise<string>;
}

async function observed(exports: unknown) {
  const m = exports as Exports;
  return { value: m.value, sep: m.sep, cycle: m.cycle, self: m.self, where: m.where, later: await m.later(), builtin: await m.builtin() };
}

/**
 * Loads the bundle in a new node process with src/bundle-loader.ts (transpiled), as the entry
 * does; returns what the bundle exported and what V8 did with each file's cache. `write`:
 * then write the caches, as the build's training runs do.
 */
function loadInNewProcess(write = false): { exported: unknown; caches: Record<string, string> } {
  const loader = path.join(dir, 'loader.mjs');
  if (!existsSync(loader)) {
    const source = readFileSync(path.resolve(import.meta.dirname, '../../src/bundle-loader.ts'), 'utf8');
    const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
    writeFileSync(loader, js);
  }
  const runner = `
    import vm from 'node:vm';
    import path from 'node:path';
    import { createRequire } from 'node:module';
    import { createBundleLoader } from ${JSON.stringify(pathToFileURL(loader).href)};
    const [main, write] = process.argv.slice(1); // node -e: no script name
    const caches = {};
    const Script = vm.Script;
    vm.Script = class extends Script {
      constructor(code, options) {
        super(code, options);
        caches[path.relative(path.dirname(main), options.filename)] = options.cachedData === undefined ? 'none' : this.cachedDataRejected ? 'rejected' : 'accepted';
      }
    };
    const loader = createBundleLoader(createRequire(main));
    const m = loader.load(main);
    const exported = { value: m.value, cycle: m.cycle, later: await m.later(), builtin: await m.builtin() };
    if (write === 'write') loader.writeCaches();
    process.stdout.write(JSON.stringify({ exported, caches }));`;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', runner, main, write ? 'write' : ''], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(child.stderr);
  return JSON.parse(child.stdout) as { exported: unknown; caches: Record<string, string> };
}

/** What `observed` gives, in the shape loadInNewProcess reports. */
const expected = { value: 42, cycle: 'a sees b, b saw a', later: 'loaded later', builtin: 'function' };
const names = Object.keys(files).map((f) => path.normalize(f)).sort();
const every = (use: string) => Object.fromEntries(names.map((f) => [f, use]));

describe('the bundle loader', () => {
  it("loads the files as Node's require does", async () => {
    const nodeRequire = createRequire(main);
    const loaded = await observed(createBundleLoader(nodeRequire).load(main));
    expect(loaded).toEqual({
      value: 42,
      sep: path.sep,
      cycle: 'a sees b, b saw a',
      self: true,
      where: [main, dir],
      later: 'loaded later',
      builtin: 'function',
    });
    expect(loaded).toEqual(await observed(nodeRequire(main)));
  });

  it('runs each file once, however often it is required', async () => {
    await writeFile(path.join(dir, 'chunks', 'math.cjs'), '"use strict";\nglobalThis.__mathRuns = (globalThis.__mathRuns ?? 0) + 1;\nmodule.exports = { twice: (n) => 2 * n };\n');
    await writeFile(path.join(dir, 'chunks', 'later.cjs'), '"use strict";\nrequire("./math.cjs");\nexports.later = "loaded later";\n');
    const g = globalThis as { __mathRuns?: number };
    delete g.__mathRuns;
    const loader = createBundleLoader(createRequire(main));
    await (loader.load(main) as Exports).later();
    loader.load(path.join(dir, 'chunks', 'math.cjs'));
    expect(g.__mathRuns).toBe(1);
    delete g.__mathRuns;
  });

  it('writes the cache of every file it loaded, and the next run is given it and V8 takes it', () => {
    const first = loadInNewProcess(true);
    expect(first).toEqual({ exported: expected, caches: every('none') });
    for (const file of names) expect(existsSync(cachePath(path.join(dir, file))), file).toBe(true);
    expect(cachePath(main)).toBe(path.join(dir, 'main.cache'));
    expect(loadInNewProcess()).toEqual({ exported: expected, caches: every('accepted') });
  });

  it('compiles a file whose cache does not fit (another file’s, damaged, the source longer), with the same result', async () => {
    loadInNewProcess(true);
    await writeFile(cachePath(path.join(dir, 'chunks', 'later.cjs')), await readFile(cachePath(main)));
    await writeFile(cachePath(path.join(dir, 'chunks', 'cycle-b.cjs')), 'not a code cache');
    await writeFile(path.join(dir, 'chunks', 'math.cjs'), '"use strict";\nmodule.exports = { twice: (n) => n + n + 0 };\n');
    expect(loadInNewProcess()).toEqual({
      exported: expected,
      caches: { ...every('accepted'), [path.join('chunks', 'later.cjs')]: 'rejected', [path.join('chunks', 'cycle-b.cjs')]: 'rejected', [path.join('chunks', 'math.cjs')]: 'rejected' },
    });
  });

  it("with source maps on, leaves the bundle to Node's require (it reads the maps)", () => {
    const compiled: string[] = [];
    const Script = vm.Script;
    vm.Script = class extends Script {
      constructor(code: string, options: vm.ScriptOptions) {
        super(code, options);
        compiled.push(options.filename ?? '');
      }
    };
    try {
      const result = loadBundle(pathToFileURL(main), { sourceMaps: true });
      expect((result as Exports).value).toBe(42);
      expect(createRequire(main).cache[main]?.exports).toBe(result);
      expect(compiled).toEqual([]);
      // …and the same call without source maps goes through vm.Script (what the check above can tell apart).
      loadBundle(pathToFileURL(main));
      expect(compiled).toContain(main);
    } finally {
      vm.Script = Script;
    }
  });

  it('wraps a file as Node does, on its first line', () => {
    expect(wrap('a;\nb;').split('\n')).toEqual(['(function (exports, require, module, __filename, __dirname) { a;', 'b;', '})']);
  });
});
