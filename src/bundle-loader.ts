/**
 * Loads the CLI bundle (dist/cli.cjs and dist/chunks/*.cjs) with the V8 code cache that
 * scripts/build.mjs wrote next to each file (`<name>.cache`), so V8 deserializes the code a
 * command runs instead of compiling it. Node 20 has no compile cache of its own
 * (`module.enableCompileCache` came in Node 22) and an ES module takes no `cachedData`, so the
 * build turns esbuild's split ES modules into CommonJS-shaped files and this loads each one as
 * a `vm.Script`, the way Node's CommonJS loader would, with the cache as `cachedData`.
 *
 * - A cache that does not fit (another Node version, other V8 flags, a missing or changed
 *   file) is rejected by V8, which then compiles the source as usual: slower, never an error.
 * - Nothing is written while the CLI runs (the install directory may be read-only), except
 *   in the build's training runs (`train`), which write every loaded file's cache at exit.
 * - With `--enable-source-maps` the bundle is loaded by Node's own `require` instead, which
 *   reads the files' source maps (for a `vm.Script` Node 20 reads none): no cache then.
 *
 * The files are real CommonJS modules (they run under Node's `require` too): a file requires
 * the others by relative path and Node built-ins by name; nothing else. V8 checks a cache
 * against the length of the source only: a file edited in place needs its `.cache` deleted
 * (the build writes both together).
 */
import type { Script } from 'node:vm';

/**
 * The Node built-ins this needs, fetched when the bundle loads rather than imported: the
 * entry holds this module, and an ES module that imports a built-in pays for the built-in's
 * module (its ES module facade, `vm` itself) before it runs, `--help` included.
 */
function builtins() {
  return {
    fs: process.getBuiltinModule('node:fs'),
    module: process.getBuiltinModule('node:module'),
    path: process.getBuiltinModule('node:path'),
    url: process.getBuiltinModule('node:url'),
    vm: process.getBuiltinModule('node:vm'),
  };
}

/** The environment variable (value `1`) that makes the entry train: scripts/build.mjs sets it. */
export const TRAINING_VARIABLE = 'SSO_SETUP_TRAIN_CODE_CACHE';

/** Node's CommonJS wrapper, on the first line as Node puts it, so line numbers stay the file's. */
const HEAD = '(function (exports, require, module, __filename, __dirname) { ';
const TAIL = '\n})';

/** What V8 compiles for a file: the same text in the build (training) and at run time, or the cache won't fit. */
export function wrap(source: string): string {
  return HEAD + source + TAIL;
}

/** `dist/chunks/x.cjs` → `dist/chunks/x.cache`. */
export function cachePath(file: string): string {
  return (file.endsWith('.cjs') ? file.slice(0, -'.cjs'.length) : file) + '.cache';
}

export interface BundleOptions {
  /** Load through Node's `require`, which maps stack traces with the source maps (`process.sourceMapsEnabled`). */
  sourceMaps?: boolean;
  /** Write the code cache of every file loaded when the process exits (the build's training runs). */
  train?: boolean;
}

interface Module {
  exports: unknown;
}

type Wrapper = (this: unknown, exports: unknown, require: (specifier: string) => unknown, module: Module, filename: string, dirname: string) => void;

export interface BundleLoader {
  /** Runs a file of the bundle (an absolute path) once, as `require` would, and returns its exports. */
  load(file: string): unknown;
  /** Writes the code cache of every file loaded so far next to it, with every function compiled by now. */
  writeCaches(): void;
}

/** `nodeRequire` serves what is not a file of the bundle: Node built-ins. */
export function createBundleLoader(nodeRequire: (specifier: string) => unknown): BundleLoader {
  const { fs, path, vm } = builtins();
  const readCache = (file: string): Buffer | undefined => {
    try {
      return fs.readFileSync(cachePath(file));
    } catch {
      return undefined; // no cache (or unreadable): compile
    }
  };
  const modules = new Map<string, Module>();
  const scripts: Array<{ file: string; script: Script }> = [];
  const load = (file: string): unknown => {
    const known = modules.get(file);
    if (known) return known.exports; // a cycle, or required twice: as Node's require does
    const module: Module = { exports: {} };
    modules.set(file, module);
    // `vm.Script`, looked up on the module each time: test/fixtures/record-loads.mjs wraps it to see what loads.
    // No importModuleDynamically: no `import()` is left in the files (the build turns each into
    // a require()). On Node 20 one would fail in a script V8 took from a code cache whatever
    // the option says: V8 11 drops the script's host-defined options when it serializes it.
    const script = new vm.Script(wrap(fs.readFileSync(file, 'utf8')), { filename: file, cachedData: readCache(file) });
    scripts.push({ file, script });
    const dirname = path.dirname(file);
    const require = (specifier: string): unknown =>
      specifier.startsWith('./') || specifier.startsWith('../') ? load(path.resolve(dirname, specifier)) : nodeRequire(specifier);
    (script.runInThisContext() as Wrapper).call(module.exports, module.exports, require, module, file, dirname);
    return module.exports;
  };
  const writeCaches = () => {
    for (const { file, script } of scripts) fs.writeFileSync(cachePath(file), script.createCachedData());
  };
  return { load, writeCaches };
}

/** Runs the bundle's main file (a `file:` URL) and returns its exports. */
export function loadBundle(mainUrl: URL, options: BundleOptions = {}): unknown {
  const { module, url } = builtins();
  const main = url.fileURLToPath(mainUrl);
  const nodeRequire = module.createRequire(main);
  if (options.sourceMaps) return nodeRequire(main);
  const loader = createBundleLoader(nodeRequire);
  // At exit a cache holds every function compiled during the run, not only the top level.
  if (options.train) process.once('exit', loader.writeCaches);
  return loader.load(main);
}
