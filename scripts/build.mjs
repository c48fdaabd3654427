#!/usr/bin/env node
/**
 * Bundles the CLI with esbuild: bin/sso-setup.js runs dist/sso-setup.mjs. Every dependency
 * is bundled (only Node built-ins stay imports); source maps are linked (.map files). tsc
 * stays for type checking and for dist/src, dist/test/emulator and dist/scripts, which the
 * demo, the emulator, the benchmarks and the training run below use.
 *
 * Output:
 *   dist/sso-setup.mjs        the entry (an ES module): --help and --version from embedded
 *                             text; anything else loads dist/cli.cjs through
 *                             src/bundle-loader.ts, which is in the entry
 *   dist/cli.cjs              the CLI, commander, the context
 *   dist/chunks/*.cjs         the commands, the AWS SDK, the prompt library, `open`: each
 *                             loaded by the (lowered) `import()` that needs it, when a command runs
 *   dist/cli.cache, dist/chunks/*.cache
 *                             the V8 code cache of each .cjs file, for the Node version that built it
 *   dist/sso-setup.meta.json  esbuild's metafile: which sources went into which file
 *                             (test/e2e/startup.test.ts reads it)
 *
 * Why chunks and not one file: without code splitting esbuild inlines every `import()`
 * into the one file. The lazily imported modules are then not *run* at start-up, but all
 * ~1.3 MB of them are still read and compiled, and the Node built-ins they import
 * (http, http2, https, crypto…) are hoisted to the top and loaded: `--help` took ~3.5× as
 * long as `node -e 0`, against ~2.1× split (bench/README.md has the measurements).
 *
 * Why CommonJS-shaped chunks with a code cache: compiling the ~40 files `configure` loads
 * (~900 KiB) cost about 40 ms of CPU a run, and Node 20 keeps no compile cache of its own
 * (`module.enableCompileCache` is Node 22) nor takes `cachedData` for an ES module. So the
 * build does it: (1) esbuild's split ES module bundle, as before; (2) each file converted to
 * CommonJS (esbuild transform: `import()` lowered to require(), `import.meta.url` bound, the
 * source map chained); (3) a V8 code cache next to each file, made in the build (never at
 * run time: the install directory may be read-only, and a cache under $HOME would leave
 * every new user cold), first by compiling every file, then by training: the built CLI runs
 * configure, login, status and the other everyday commands against the emulator and writes,
 * at exit, the cache of each file it loaded with every function it compiled (the compiled-only
 * cache alone saved little: most of the code is in functions V8 compiles when first called).
 * At run time src/bundle-loader.ts compiles each file as a `vm.Script` with its cache; V8
 * rejects one that doesn't fit (another Node version, other V8 flags) and compiles the
 * source: slower, never an error. Measurements and the alternatives weighed:
 * bench/README.md, "Why the bundle is split".
 */
import { build, transform } from 'esbuild';
import { chmod, copyFile, mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { execFileSync, spawn } from 'node:child_process';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const chunks = path.join(dist, 'chunks');

await rm(chunks, { recursive: true, force: true }); // chunk names carry hashes: no stale ones
await mkdir(dist, { recursive: true });
for (const stale of ['cli.mjs', 'cli.mjs.map', 'cli.cjs', 'cli.cjs.map', 'cli.cache']) await rm(path.join(dist, stale), { force: true });

// Step 1: the split ES module bundle, in memory. Its files are named .cjs already: step 2
// converts each in place, and the names the chunks import each other by stay right.
// Bundled CommonJS modules may read __filename or __dirname: they get private names that
// the converted file binds to its own (an ES module in the bundle may declare a top-level
// `__dirname` of its own: `open` does).
const result = await build({
  absWorkingDir: root,
  entryPoints: { cli: path.join(root, 'src', 'cli.ts') },
  outdir: dist,
  outExtension: { '.js': '.cjs' },
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'external',
  write: false,
  define: { __filename: '__ssoBundleFilename', __dirname: '__ssoBundleDirname' },
  // The ES module build of packages that ship both (the AWS SDK's dist-es): with code
  // splitting, `import()` of a CommonJS module yields only a default export, so
  // `const { SSOClient } = await import('@aws-sdk/client-sso')` would get undefined.
  mainFields: ['module', 'main'],
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
  plugins: [
    {
      // The prompt library's AsyncLocalStorage, made one the terminal prompter can disable
      // after a menu (src/ui/prompt-async-hooks.ts says why).
      name: 'prompt-async-hooks',
      setup(b) {
        const library = `${path.sep}node_modules${path.sep}@inquirer${path.sep}core${path.sep}`;
        b.onResolve({ filter: /^node:async_hooks$/ }, (args) =>
          args.importer.includes(library) ? { path: path.join(root, 'src', 'ui', 'prompt-async-hooks.ts') } : undefined,
        );
      },
    },
    {
      // The AWS SDK's partition data (src/flows/regions.ts): @aws-sdk/core's exports map
      // offers only its partition() lookup, so the module is named by path (as tsconfig.json
      // and vitest.config.ts do), and lands in the chunk of the import() that loads it.
      name: 'aws-partitions',
      setup(b) {
        b.onResolve({ filter: /^#aws-partitions$/ }, () => ({
          path: path.join(root, 'node_modules/@aws-sdk/core/dist-es/submodules/client/util-endpoints/lib/aws/partitions.js'),
        }));
      },
    },
  ],
});

// Step 2: each file to a CommonJS module, so that it can be compiled as a script with a V8
// code cache (src/bundle-loader.ts). `import … from './chunk.cjs'` becomes require(), the
// exports module.exports, and every `import()` a require() behind a promise (esbuild's own
// lowering), so no file needs the ES module loader. The source maps are chained: a converted
// file still maps to src/ and node_modules/. Still strict mode, as the ES modules were.
const written = new Map(); // path → bytes
const maps = new Map(result.outputFiles.filter((f) => f.path.endsWith('.map')).map((f) => [f.path, f.text]));
for (const file of result.outputFiles.filter((f) => f.path.endsWith('.cjs'))) {
  const name = path.basename(file.path);
  const uses = (word) => file.text.includes(word);
  const aliases = [
    uses('__ssoBundleFilename') && 'var __ssoBundleFilename = __filename;',
    uses('__ssoBundleDirname') && 'var __ssoBundleDirname = __dirname;',
    uses('import.meta') && 'var __ssoImportMetaUrl = require("node:url").pathToFileURL(__filename).href;',
  ].filter(Boolean);
  const inputMap = Buffer.from(maps.get(`${file.path}.map`)).toString('base64');
  const converted = await transform(`${file.text}\n//# sourceMappingURL=data:application/json;base64,${inputMap}\n`, {
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    loader: 'js',
    sourcefile: name,
    sourcemap: 'external',
    supported: { 'dynamic-import': false },
    define: { 'import.meta.url': '__ssoImportMetaUrl' },
    banner: ['"use strict";', ...aliases].join('\n'),
    logLevel: 'warning',
  });
  // import.meta.url is the only one the bundle uses; any other would be `undefined` now.
  if (converted.code.includes('import.meta')) throw new Error(`${name}: import.meta other than import.meta.url cannot be converted`);
  // esbuild lowers every import(). One left would fail whenever V8 takes the file's code
  // cache (Node 20's V8 drops what import() needs when it serializes a script).
  if (/\bimport\s*\(/.test(converted.code)) throw new Error(`${name} has an import() left: it would fail with the code cache`);
  // The wrapper's parameters: a top-level declaration of one would replace what the loader passes.
  for (const reserved of ['require', 'module', 'exports', '__filename']) {
    if (new RegExp(`^(var|let|const|function|class) ${reserved}\\b`, 'm').test(converted.code)) throw new Error(`${name} declares ${reserved} at its top level`);
  }
  const code = `${converted.code}//# sourceMappingURL=${name}.map\n`;
  await mkdir(path.dirname(file.path), { recursive: true });
  await writeFile(file.path, code);
  await writeFile(`${file.path}.map`, converted.map);
  written.set(file.path, Buffer.byteLength(code));
  result.metafile.outputs[path.relative(root, file.path).split(path.sep).join('/')].bytes = Buffer.byteLength(code);
}

// `sso-setup --help` is answered by the entry (src/entry.ts) from this text: the full CLI's
// own help, generated here by running it (the tsc output), in each language, at the width it
// uses when its output is not a terminal. Embedded in the entry, so it reads no file.
const helpTexts = {};
for (const [lang, locale] of [['en', 'C.UTF-8'], ['ja', 'ja_JP.UTF-8']]) {
  const script = `import(${JSON.stringify(pathToFileURL(path.join(dist, 'src', 'cli.js')).href)}).then((cli) => cli.main(['--help']))`;
  const help = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    env: { PATH: process.env.PATH, LANG: locale, LC_ALL: '', LC_MESSAGES: '' },
    encoding: 'utf8',
  });
  if (!help.includes('sso-setup')) throw new Error(`Generating the ${lang} help failed:\n${help}`);
  helpTexts[lang] = help;
}

// The entry, dist/sso-setup.mjs: src/entry.ts and src/bundle-loader.ts, in one small ES
// module that shares no chunk with the CLI, so `--help` and `--version` read one file.
// Everything else goes on to dist/cli.cjs (the converted bundle above), through the loader;
// the entry's `import('./cli.js')`, for tsc output, is dead code here and left out.
const entry = await build({
  absWorkingDir: root,
  entryPoints: { 'sso-setup': path.join(root, 'src', 'entry.ts') },
  outdir: dist,
  outExtension: { '.js': '.mjs' },
  banner: { js: '#!/usr/bin/env node' }, // package.json's bin: no shim module in between
  define: { __SSO_SETUP_HELP__: JSON.stringify(helpTexts), __SSO_SETUP_BUNDLE__: JSON.stringify('./cli.cjs') },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  metafile: true,
  logLevel: 'warning',
  plugins: [
    {
      // esbuild resolves imports before it drops dead code: not to be bundled, ./cli.js is external.
      name: 'cli-is-the-converted-bundle',
      setup(b) {
        b.onResolve({ filter: /^\.\/cli\.js$/ }, () => ({ path: './cli.js', external: true }));
      },
    },
  ],
});
const entryImports = entry.metafile.outputs['dist/sso-setup.mjs'].imports.filter((i) => !i.path.startsWith('node:'));
if (entryImports.length > 0) throw new Error(`dist/sso-setup.mjs imports ${entryImports.map((i) => i.path).join(', ')}: the import() of ./cli.js was not left out`);
await chmod(path.join(dist, 'sso-setup.mjs'), 0o755);
const metafile = {
  inputs: { ...result.metafile.inputs, ...entry.metafile.inputs },
  outputs: { ...result.metafile.outputs, ...entry.metafile.outputs },
};
await writeFile(path.join(dist, 'sso-setup.meta.json'), JSON.stringify(metafile, null, 1) + '\n');

// The failure mainFields avoids, caught at build time rather than when a command runs.
const defaultOnly = Object.values(result.metafile.outputs).filter(
  (output) => output.entryPoint && result.metafile.inputs[output.entryPoint]?.format === 'cjs',
);
if (defaultOnly.length > 0) {
  throw new Error(
    `import() of a CommonJS module gives only a default export in the split bundle: ${defaultOnly.map((o) => o.entryPoint).join(', ')}. ` +
      'Import its ES module build, or a module of ours that imports it statically.',
  );
}

// `open` runs the xdg-open script it ships next to itself when the system has none. In the
// bundle "next to itself" is the chunk `open` went into, so the script goes there too.
const openChunk = Object.entries(result.metafile.outputs).find(([, output]) => 'node_modules/open/index.js' in output.inputs);
if (openChunk) {
  const target = path.join(root, path.dirname(openChunk[0]), 'xdg-open');
  await copyFile(path.join(root, 'node_modules', 'open', 'xdg-open'), target);
  await chmod(target, 0o755);
}

// Step 3: the V8 code cache of every file, next to it (`x.cjs` → `x.cache`), which
// src/bundle-loader.ts hands to V8 at run time. A cache holds the bytecode of the functions
// compiled when it was made, so it is made in two passes, each in a clean `node` (no
// NODE_OPTIONS: V8 rejects a cache made under other V8 flags):
//  (a) every file compiled, nothing run: its top level and whatever V8 compiles eagerly.
//  (b) training: the built CLI runs a representative workload against the emulator
//      (configure answered at a terminal as the benchmark does, configure with every answer
//      as a flag, login twice, status, export-credentials, exec, whoami, console --print,
//      logout) with the loader's TRAINING_VARIABLE set: each run starts from the caches so
//      far and rewrites the cache of every file it loaded at exit, now with the functions
//      it compiled on the way.
// A cache fits only the Node version that made it (V8's version and flags are checked);
// under any other the loader compiles the source as before.
const { cachePath, TRAINING_VARIABLE } = await import(pathToFileURL(path.join(dist, 'src', 'bundle-loader.js')).href);
const bundleFiles = [...written.keys()];
const cleanEnv = (extra = {}) => ({ PATH: process.env.PATH, LANG: 'C.UTF-8', ...extra });
const compileCaches = `
  import { readFileSync, writeFileSync } from 'node:fs';
  import vm from 'node:vm';
  const { wrap, cachePath } = await import(process.argv[1]);
  for (const file of process.argv.slice(2)) {
    const script = new vm.Script(wrap(readFileSync(file, 'utf8')), { filename: file });
    writeFileSync(cachePath(file), script.createCachedData());
  }`;
execFileSync(process.execPath, ['--input-type=module', '-e', compileCaches, pathToFileURL(path.join(dist, 'src', 'bundle-loader.js')).href, ...bundleFiles], {
  env: cleanEnv(),
  stdio: 'inherit',
});
const compiledBytes = await cacheBytes();

const trained = await train();
const trainedBytes = await cacheBytes();

/** Runs the built CLI against the emulator with the training variable set; returns the files it trained. */
async function train() {
  const { startEmulator } = await import(pathToFileURL(path.join(dist, 'test', 'emulator', 'server.js')).href);
  const emulator = await startEmulator({ autoApprove: true });
  const home = await mkdtemp(path.join(os.tmpdir(), 'sso-setup-build-'));
  await mkdir(path.join(home, '.aws'));
  const before = new Map(await Promise.all(bundleFiles.map(async (f) => [f, (await stat(cachePath(f))).mtimeMs])));
  try {
    const { startUrl, region, accounts } = emulator.org;
    const account = accounts.find((a) => a.roles.length > 0);
    const workload = [
      ['configure', '--sso-session', 'build', '--start-url', startUrl, '--sso-region', region, '--account-id', account.accountId,
        '--role-name', account.roles[0], '--region', region, '--output', 'json', '--profile', 'build'],
      ['login', '--profile', 'build'],
      ['login', '--force', '--profile', 'build'],
      ['status'],
      ['status', '--check', '--profile', 'build'],
      // What other programs run often: the AWS CLI (credential_process), scripts.
      ['export-credentials', '--profile', 'build'],
      ['exec', '--profile', 'build', '--', process.execPath, '-e', '0'],
      ['whoami', '--profile', 'build'],
      ['console', '--print', '--profile', 'build'],
      ['logout'],
    ];
    const env = cleanEnv({
      HOME: home,
      USERPROFILE: home,
      AWS_ENDPOINT_URL: emulator.url,
      // A scripted browser: follows the emulator's approval to the loopback callback.
      BROWSER: path.join(root, 'test', 'emulator', 'approve-browser.mjs'),
      [TRAINING_VARIABLE]: '1',
    });
    // First configure as a person does, at a terminal: the prompts and menus are code the
    // flag-only runs below never load. It needs @lydell/node-pty (a devDependency, which
    // the tests and the benchmark use too); where it can't load, that code stays cached as
    // compiled only.
    let configureInTerminal;
    try {
      ({ configureInTerminal } = await import('./configure-in-terminal.mjs'));
    } catch (error) {
      process.stdout.write(`code cache: no pseudo-terminal (${error.message}): the prompts are not trained\n`);
    }
    await configureInTerminal?.([path.join(dist, 'sso-setup.mjs')], env, { org: emulator.org, session: 'build-terminal', profile: 'build-terminal', cwd: home });
    for (const args of workload) {
      const { code, output } = await runNode([path.join(dist, 'sso-setup.mjs'), ...args], env);
      if (code !== 0) throw new Error(`Training the code cache: sso-setup ${args.join(' ')} exited with ${code}:\n${output}`);
    }
  } finally {
    await emulator.close();
    await rm(home, { recursive: true, force: true });
  }
  const after = await Promise.all(bundleFiles.map(async (f) => [f, (await stat(cachePath(f))).mtimeMs]));
  return after.filter(([f, mtime]) => mtime !== before.get(f)).map(([f]) => f);
}

/** Runs node without blocking this process (the emulator answers from here). */
function runNode(args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

async function cacheBytes() {
  const sizes = await Promise.all(bundleFiles.map(async (f) => (await stat(cachePath(f))).size));
  return sizes.reduce((a, b) => a + b, 0);
}

const kib = (bytes) => `${(bytes / 1024).toFixed(0)} KiB`;
const entryBytes = metafile.outputs['dist/sso-setup.mjs']?.bytes ?? 0;
const bundleBytes = [...written.values()].reduce((a, b) => a + b, 0);
process.stdout.write(
  `esbuild: dist/sso-setup.mjs ${kib(entryBytes)} + dist/cli.cjs and ${bundleFiles.length - 1} chunks in dist/chunks ${kib(bundleBytes)}\n` +
    `code cache: ${kib(compiledBytes)} compiled, ${kib(trainedBytes)} after training (${trained.length} of ${bundleFiles.length} files trained)\n`,
);
