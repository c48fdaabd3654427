#!/usr/bin/env node
/**
 * Bundles the CLI with esbuild: bin/sso-setup.js runs dist/sso-setup.mjs. Every dependency
 * is bundled (only Node built-ins stay imports); source maps are linked (.map files). tsc
 * stays for type checking and for dist/src, dist/test/emulator and dist/scripts, which the
 * demo, the emulator and the benchmarks use.
 *
 * Output:
 *   dist/sso-setup.mjs        the entry: the CLI, commander, the context; what --help runs
 *   dist/chunks/*.mjs         the commands, the AWS SDK, the prompt library, `open`: each
 *                             loaded by the `import()` that needs it, when a command runs
 *   dist/sso-setup.meta.json  esbuild's metafile: which sources went into which file
 *                             (test/e2e/startup.test.ts reads it)
 *
 * Why chunks and not one file: without code splitting esbuild inlines every `import()`
 * into the one file. The lazily imported modules are then not *run* at start-up, but all
 * ~1.3 MB of them are still read and compiled, and the Node built-ins they import
 * (http, http2, https, crypto…) are hoisted to the top and loaded: `--help` took ~3.5× as
 * long as `node -e 0`, against ~2.1× split (bench/README.md has the measurements).
 */
import { build } from 'esbuild';
import { chmod, copyFile, mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { execFileSync } from 'node:child_process';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const chunks = path.join(dist, 'chunks');

// Bundled CommonJS modules call require() for Node built-ins and may read __filename or
// __dirname; ES module output has none of them, so the banner provides them. __filename
// and __dirname get private names that `define` points the free (CommonJS) uses at: an ES
// module in the bundle may declare a top-level `__dirname` of its own (`open` does), which
// a banner `const __dirname` would clash with.
const banner = [
  "import { createRequire as __ssoCreateRequire } from 'node:module';",
  "import { fileURLToPath as __ssoFileURLToPath } from 'node:url';",
  "import { dirname as __ssoDirname } from 'node:path';",
  'const require = __ssoCreateRequire(import.meta.url);',
  'const __ssoBundleFilename = __ssoFileURLToPath(import.meta.url);',
  'const __ssoBundleDirname = __ssoDirname(__ssoBundleFilename);',
].join('\n');

await rm(chunks, { recursive: true, force: true }); // chunk names carry hashes: no stale ones
await mkdir(dist, { recursive: true });

const result = await build({
  absWorkingDir: root,
  entryPoints: { cli: path.join(root, 'src', 'cli.ts') },
  outdir: dist,
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  banner: { js: banner },
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

// The entry, dist/sso-setup.mjs: src/entry.ts alone, in one small file that shares no chunk
// with the CLI, so `--help` and `--version` read one module and a text file. Everything
// else goes on to dist/cli.mjs (the split bundle above).
const entry = await build({
  absWorkingDir: root,
  entryPoints: { 'sso-setup': path.join(root, 'src', 'entry.ts') },
  outdir: dist,
  outExtension: { '.js': '.mjs' },
  banner: { js: '#!/usr/bin/env node' }, // package.json's bin: no shim module in between
  define: { __SSO_SETUP_HELP__: JSON.stringify(helpTexts) },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  metafile: true,
  logLevel: 'warning',
  plugins: [
    {
      name: 'cli-is-the-split-bundle',
      setup(b) {
        b.onResolve({ filter: /^\.\/cli\.js$/ }, () => ({ path: './cli.mjs', external: true }));
      },
    },
  ],
});
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

const kib = (bytes) => `${(bytes / 1024).toFixed(0)} KiB`;
const files = Object.entries(metafile.outputs).filter(([name]) => name.endsWith('.mjs'));
const entryBytes = metafile.outputs['dist/sso-setup.mjs']?.bytes ?? 0;
const allBytes = files.reduce((sum, [, output]) => sum + output.bytes, 0);
process.stdout.write(
  `esbuild: dist/sso-setup.mjs ${kib(entryBytes)} + ${files.length - 1} chunks in dist/chunks ${kib(allBytes - entryBytes)}\n`,
);
