import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinModules, SourceMap } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { cachePath } from '../../src/bundle-loader.js';
import { SsoCache, tokenCacheKey } from '../../src/sso/cache.js';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeHome } from '../helpers/sandbox.js';
import { childEnv, cliPath, repoRoot, requireBuiltCli, run } from '../helpers/cli.js';

/**
 * Start-up stays as cheap as the command needs: `--help` and `--version` load neither the
 * AWS SDK nor the prompt library; commands import them when they run. Nothing here is
 * timed (`npm run bench` measures): the test looks at *which code is loaded*.
 *
 * How: the bundle is split by esbuild (scripts/build.mjs) into the entry, dist/sso-setup.mjs
 * (an ES module), and dist/cli.cjs with chunks that only a lowered `import()` loads (through
 * src/bundle-loader.ts, as `vm.Script`s with their V8 code cache). The CLI runs with
 * test/fixtures/record-loads.mjs preloaded, which records every ES module file the process
 * loads (a loader hook), every script compiled through `vm.Script` and the Node built-ins it
 * loaded. esbuild's metafile (dist/sso-setup.meta.json) says which sources each output file
 * holds, so "the files loaded" become "the sources loaded". A file that is never loaded is
 * never compiled or run, so its code is certainly not evaluated. `logout` with nothing
 * cached is the control: it needs the SDK, and the same recorder must see the SDK's code
 * being loaded there, or the checks above prove nothing.
 *
 * The code cache: every file of the bundle has one, V8 accepts it, and one that does not fit
 * (or none) only means compiling the source. Nothing here is timed either.
 */

interface MetaOutput {
  bytes: number;
  entryPoint?: string;
  inputs: Record<string, { bytesInOutput: number }>;
  imports: Array<{ path: string; kind: string; external?: boolean }>;
}

/** Sources whose loading at start-up the issue rules out: the AWS SDK (and its Smithy runtime) and the prompt library. */
const HEAVY = /^node_modules\/(@aws-sdk|@smithy|@inquirer)\//;
/**
 * For commands that read files but call nothing (`status`): the SDK's clients and HTTP stack
 * and the prompt library. The SDK's own INI loader is allowed (it lives in @smithy/core/config, which brings the small
 * transport helpers along in the same chunk): config/read.ts uses it on purpose.
 */
const CLIENTS = /^node_modules\/(@aws-sdk\/|@smithy\/(?!shared-ini-file-loader\/|types\/|core\/dist-es\/submodules\/(config|transport)\/)|@inquirer\/)/;
/** Node built-ins only the SDK's HTTP stack needs. */
const NETWORK_BUILTINS = ['http', 'https', 'http2', 'tls'];
const ENTRY = 'dist/sso-setup.mjs';
const recorder = path.join(repoRoot, 'test', 'fixtures', 'record-loads.mjs');

let outputs: Record<string, MetaOutput>;
let home: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  requireBuiltCli();
  const metafile = path.join(repoRoot, 'dist', 'sso-setup.meta.json');
  if (!existsSync(metafile)) throw new Error('dist/sso-setup.meta.json is missing: run `npm run build`.');
  outputs = (JSON.parse(readFileSync(metafile, 'utf8')) as { outputs: Record<string, MetaOutput> }).outputs;
  ({ home, cleanup } = await makeHome());
});

afterAll(async () => {
  await cleanup?.();
});

const code = () => Object.entries(outputs).filter(([file]) => file.endsWith('.mjs') || file.endsWith('.cjs'));
/** The CLI bundle: dist/cli.cjs and its chunks, loaded by src/bundle-loader.ts with their code cache. */
const bundle = () => code().filter(([file]) => file.endsWith('.cjs'));
const heavySources = (files: Iterable<string>, pattern = HEAVY) =>
  [...files].flatMap((file) => Object.keys(outputs[file]?.inputs ?? {}).filter((input) => pattern.test(input)));

type CacheUse = 'accepted' | 'rejected' | 'none';

interface Loaded {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Output files of the bundle that were loaded, relative to the repository: 'dist/sso-setup.mjs'… */
  bundleFiles: string[];
  /** Every other module file loaded (file: URLs only). */
  otherFiles: string[];
  builtins: string[];
  /** What V8 did with the code cache of each file compiled as a `vm.Script`, by file (relative to `root`). */
  scripts: Map<string, CacheUse>;
}

/** `file:` URL → path relative to `root`, with forward slashes. */
const relative = (url: string, root: string) => path.relative(root, fileURLToPath(url)).split(path.sep).join('/');

/**
 * Runs the built CLI with the recorder preloaded; returns what it loaded. `root`: where the
 * package is (a copy, for the tests that change its files), `nodeArgs`: options for node.
 */
async function runRecorded(args: string[], { root = repoRoot, nodeArgs = [] as string[] } = {}): Promise<Loaded> {
  const log = path.join(home, `loads-${args.join('_').replace(/\W/g, '') || 'none'}-${Date.now()}.txt`);
  const bin = path.join(root, ENTRY);
  const result = await run(process.execPath, [...nodeArgs, '--import', recorder, bin, ...args], childEnv(home, { RECORD_LOADS_FILE: log }));
  const lines = existsSync(log) ? (await readFile(log, 'utf8')).split('\n').filter(Boolean) : [];
  const scripts = new Map<string, CacheUse>();
  for (const line of lines.filter((l) => l.startsWith('script '))) {
    const [, cache, url] = line.split(' ');
    scripts.set(relative(url!, root), cache as CacheUse);
  }
  const files = lines.filter((line) => line.startsWith('module file:')).map((line) => relative(line.slice('module '.length), root));
  const unique = [...new Set([...files, ...scripts.keys()])];
  return {
    ...result,
    bundleFiles: unique.filter((file) => file in outputs),
    otherFiles: unique.filter((file) => !(file in outputs)),
    builtins: lines.filter((line) => line.startsWith('builtin ')).map((line) => line.slice('builtin '.length)),
    scripts,
  };
}

describe('the bundle (esbuild metafile)', () => {
  it('bundles every dependency: the files import nothing but Node built-ins and each other', () => {
    const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
    for (const [file, output] of code()) {
      // (The entry imports no file of the CLI bundle: src/bundle-loader.ts loads dist/cli.cjs by path.)
      const foreign = output.imports.filter((i) => i.external && !builtins.has(i.path)).map((i) => i.path);
      expect(foreign, `${file} imports packages at run time`).toEqual([]);
    }
  });

  it('holds the AWS SDK and the prompt library, outside the entry and everything it imports statically', () => {
    // What `node bin/sso-setup.js` loads before any command runs: the entry and its static imports.
    const startUp = new Set<string>([ENTRY]);
    for (const file of startUp) {
      for (const i of outputs[file]?.imports ?? []) if (i.kind === 'import-statement' && !i.external) startUp.add(i.path);
    }
    expect(heavySources(startUp)).toEqual([]);
    const all = heavySources(code().map(([file]) => file));
    for (const pkg of ['@aws-sdk/client-sso-oidc', '@aws-sdk/client-sso', '@aws-sdk/client-sts', '@inquirer/core']) {
      expect(all.some((input) => input.startsWith(`node_modules/${pkg}/`)), `${pkg} is bundled`).toBe(true);
    }
  });

  it('gives the prompt library the AsyncLocalStorage the terminal prompter disables after a menu', () => {
    // src/ui/prompt-async-hooks.ts: with Node's own, its promise hooks would stay on after the first menu.
    const meta = JSON.parse(readFileSync(path.join(repoRoot, 'dist', 'sso-setup.meta.json'), 'utf8')) as {
      inputs: Record<string, { imports: Array<{ path: string; original?: string }> }>;
    };
    const library = Object.entries(meta.inputs).filter(([input]) => input.startsWith('node_modules/@inquirer/core/'));
    const asyncHooks = library.flatMap(([, input]) => input.imports.filter((i) => i.original === 'node:async_hooks').map((i) => i.path));
    expect(asyncHooks.length).toBeGreaterThan(0);
    expect(new Set(asyncHooks)).toEqual(new Set(['src/ui/prompt-async-hooks.ts']));
  });

  it('gives every import() an ES module: one of a CommonJS module would have only a default export', () => {
    // With code splitting esbuild turns `import('cjs-package')` into a chunk that exports
    // only `default`, and `const { SSOClient } = await import(…)` gets undefined at run time.
    const meta = JSON.parse(readFileSync(path.join(repoRoot, 'dist', 'sso-setup.meta.json'), 'utf8')) as {
      inputs: Record<string, { format?: string }>;
    };
    const cjs = code()
      .map(([, output]) => output.entryPoint)
      .filter((entry): entry is string => entry !== undefined && meta.inputs[entry]?.format === 'cjs');
    expect(cjs).toEqual([]);
  });

  it('keeps linked source maps', () => {
    for (const [file] of code()) {
      expect(outputs[`${file}.map`], `${file}.map`).toBeDefined();
      expect(readFileSync(path.join(repoRoot, file), 'utf8')).toContain(`//# sourceMappingURL=${path.basename(file)}.map`);
    }
  });

  it('is the published bin, and what bin/sso-setup.js runs from a checkout', () => {
    const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { bin: Record<string, string>; files: string[] };
    expect(pkg.bin['sso-setup']).toBe(ENTRY);
    expect(readFileSync(path.join(repoRoot, ENTRY), 'utf8')).toMatch(/^#!\/usr\/bin\/env node\n/);
    expect(pkg.files).toEqual(expect.arrayContaining([ENTRY, 'dist/cli.cjs', 'dist/cli.cache', 'dist/chunks']));
    expect(readFileSync(cliPath, 'utf8')).toMatch(/import '\.\.\/dist\/sso-setup\.mjs'/);
  });
});

describe('start-up loads only what the command needs', () => {
  it('the control: `logout` (nothing cached) loads the AWS SDK, and the recorder sees it', async () => {
    const loaded = await runRecorded(['logout']);
    expect(loaded.code, loaded.stderr).toBe(0);
    expect(heavySources(loaded.bundleFiles).some((input) => input.startsWith('node_modules/@aws-sdk/client-sso/'))).toBe(true);
    expect(loaded.builtins).toEqual(expect.arrayContaining(['https']));
  });

  it.each([[['--help']], [['--version']], [['admin', '--help']], [['help']], [['configure', '--help']], [['login', '--help']], [['status', '--help']], [['exec', '--help']], [['serve', '--help']]])(
    'sso-setup %j loads neither the AWS SDK nor the prompt library',
    async (args) => {
      const loaded = await runRecorded(args);
      expect(loaded.code, loaded.stderr).toBe(0);
      expect(loaded.stdout).not.toBe('');
      expect(loaded.bundleFiles).toContain(ENTRY); // the recorder worked
      expect(heavySources(loaded.bundleFiles)).toEqual([]);
      // Dependencies are bundled: nothing is loaded from node_modules at all.
      expect(loaded.otherFiles.filter((file) => file.includes('node_modules/'))).toEqual([]);
      expect(loaded.builtins.filter((name) => NETWORK_BUILTINS.includes(name))).toEqual([]);
    },
  );

  // `status` reads files and calls nothing, so it must not load the SDK's clients either.
  it('sso-setup status loads neither the AWS SDK clients nor the prompt library', async () => {
    const loaded = await runRecorded(['status']);
    expect(loaded.code, loaded.stderr).toBe(0);
    expect(loaded.bundleFiles).toContain(ENTRY);
    expect(heavySources(loaded.bundleFiles, CLIENTS)).toEqual([]);
    expect(loaded.builtins.filter((name) => NETWORK_BUILTINS.includes(name))).toEqual([]);
  });

  // `status --check` runs in shell prompts: with a session signed in (config and a cached
  // token), it answers from the files alone and loads no SDK client (npm run bench times it).
  it('sso-setup status --check loads neither the AWS SDK clients nor the prompt library', async () => {
    await writeFile(
      path.join(home, '.aws', 'config'),
      '[profile dev]\nsso_session = corp\n[sso-session corp]\nsso_start_url = https://d-9067c0ab12.awsapps.com/start\nsso_region = ap-northeast-1\n',
    );
    const cache = new SsoCache(path.join(home, '.aws', 'sso', 'cache'));
    const startUrl = 'https://d-9067c0ab12.awsapps.com/start';
    await cache.writeToken(tokenCacheKey({ sessionName: 'corp', startUrl }), {
      startUrl, region: 'ap-northeast-1', accessToken: 'aoa-startup-test', expiresAt: new Date(Date.now() + 3_600_000),
    });
    try {
      for (const args of [['status', '--check'], ['status', '--check', '--min-remaining', '30m', '--profile', 'dev']]) {
        const loaded = await runRecorded(args);
        expect(loaded.code, loaded.stderr).toBe(0);
        expect(loaded.bundleFiles).toContain(ENTRY);
        expect(heavySources(loaded.bundleFiles, CLIENTS)).toEqual([]);
        expect(loaded.builtins.filter((name) => NETWORK_BUILTINS.includes(name))).toEqual([]);
      }
      // …and the check is real: asking for more time than the token has fails.
      expect((await runRecorded(['status', '--check', '--min-remaining', '2h'])).code).toBe(3);
    } finally {
      await rm(path.join(home, '.aws'), { recursive: true, force: true });
      await mkdir(path.join(home, '.aws'));
    }
  });

  // `completion` prints a script and `__complete` reads the config file while someone
  // types: neither may load the SDK's clients or the prompt library.
  it.each([[['completion', 'bash']], [['__complete', '--', 'login', '--profile', '']]])(
    'sso-setup %j loads neither the AWS SDK clients nor the prompt library',
    async (args) => {
      const loaded = await runRecorded(args);
      expect(loaded.code, loaded.stderr).toBe(0);
      expect(loaded.bundleFiles).toContain(ENTRY);
      expect(heavySources(loaded.bundleFiles, CLIENTS)).toEqual([]);
      expect(loaded.builtins.filter((name) => NETWORK_BUILTINS.includes(name))).toEqual([]);
    },
  );
});

describe('the code cache (src/bundle-loader.ts, written by scripts/build.mjs)', () => {
  it('is next to every file of the CLI bundle, and in the package', () => {
    const files = bundle().map(([file]) => file);
    expect(files).toContain('dist/cli.cjs');
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const cache = cachePath(path.join(repoRoot, file));
      expect(existsSync(cache) && readFileSync(cache).length > 0, `${file}'s cache`).toBe(true);
    }
    // package.json "files": dist/cli.cache by name, the chunks' caches with dist/chunks.
    const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { files: string[] };
    for (const file of files) {
      const cache = path.relative(repoRoot, cachePath(path.join(repoRoot, file))).split(path.sep).join('/');
      expect(pkg.files.some((entry) => cache === entry || cache.startsWith(`${entry}/`)), `${cache} is published`).toBe(true);
    }
  });

  it.each([[['logout']], [['status']]])('is accepted by V8 for every file `sso-setup %j` loads', async (args) => {
    const loaded = await runRecorded(args);
    expect(loaded.code, loaded.stderr).toBe(0);
    const files = [...loaded.scripts.keys()];
    expect(files).toContain('dist/cli.cjs');
    expect(files.every((file) => file in outputs), files.join(', ')).toBe(true);
    expect(Object.fromEntries(loaded.scripts)).toEqual(Object.fromEntries(files.map((file) => [file, 'accepted'])));
  });

  describe('one that does not fit, or none, means compiling the source: the CLI works the same and writes nothing', () => {
    let installed: string;
    /** Every file of the copy with its size and modification time. */
    const listing = async () => {
      const entries = await readdir(installed, { recursive: true, withFileTypes: true });
      const files = entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
      return Object.fromEntries(await Promise.all(files.map(async (f) => [f, `${(await stat(f)).size} ${(await stat(f)).mtimeMs}`])));
    };
    const caches = async () => (await readdir(path.join(installed, 'dist'), { recursive: true })).filter((f) => f.endsWith('.cache'));

    beforeAll(async () => {
      // What the package publishes (package.json "files"), as an install has it.
      installed = await mkdtemp(path.join(tmpdir(), 'sso-setup-installed-'));
      const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { files: string[] };
      for (const item of ['package.json', ...pkg.files]) await cp(path.join(repoRoot, item), path.join(installed, item), { recursive: true });
    });
    afterAll(async () => {
      await rm(installed, { recursive: true, force: true });
    });

    const expectSameRun = async (args: string[], use: CacheUse, nodeArgs: string[] = []) => {
      const reference = await runRecorded(args);
      const before = await listing();
      const loaded = await runRecorded(args, { root: installed, nodeArgs });
      expect(loaded.code, loaded.stderr).toBe(0);
      expect(loaded.stdout).toBe(reference.stdout);
      expect(loaded.stderr).toBe(reference.stderr);
      expect([...loaded.scripts.keys()].sort()).toEqual([...reference.scripts.keys()].sort());
      expect(new Set(loaded.scripts.values())).toEqual(new Set([use]));
      expect(await listing()).toEqual(before);
    };

    it('under other V8 flags (as under another Node version), V8 rejects every cache', async () => {
      await expectSameRun(['logout'], 'rejected', ['--max-old-space-size=512']);
    });

    it('a damaged cache is rejected', async () => {
      for (const cache of await caches()) await writeFile(path.join(installed, 'dist', cache), 'not a V8 code cache');
      await expectSameRun(['logout'], 'rejected');
      await expectSameRun(['status'], 'rejected');
    });

    it('without caches, the files are compiled', async () => {
      for (const cache of await caches()) await rm(path.join(installed, 'dist', cache));
      expect(await caches()).toEqual([]);
      await expectSameRun(['logout'], 'none');
    });
  });

  it('gives way to Node’s require under --enable-source-maps, and the chained source maps lead back to src/', async () => {
    // Node 20 reads no source map for a vm.Script: with source maps on, Node's require loads the bundle.
    const loaded = await runRecorded(['status'], { nodeArgs: ['--enable-source-maps'] });
    expect(loaded.code, loaded.stderr).toBe(0);
    expect(loaded.stdout).toBe((await runRecorded(['status'])).stdout);
    expect(loaded.scripts.size).toBe(0);
    // The map of dist/cli.cjs (ES module bundle, then converted) still points into src/cli.ts.
    const cli = readFileSync(path.join(repoRoot, 'dist', 'cli.cjs'), 'utf8').split('\n');
    const line = cli.findIndex((text) => text.startsWith('function ownArguments('));
    expect(line).toBeGreaterThan(0);
    const map = new SourceMap(JSON.parse(readFileSync(path.join(repoRoot, 'dist', 'cli.cjs.map'), 'utf8')));
    const entry = map.findEntry(line, 'function '.length) as { originalSource?: string; originalLine?: number };
    expect(entry.originalSource).toBe('../src/cli.ts');
    const source = readFileSync(path.join(repoRoot, 'src', 'cli.ts'), 'utf8').split('\n');
    expect(source[entry.originalLine!]).toMatch(/^function ownArguments\(/);
  });
});
