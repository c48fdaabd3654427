#!/usr/bin/env node
/**
 * `npm run bench` (builds first): start-up and end-to-end benchmarks of the built CLI, in one
 * run, so every ratio compares numbers taken on the same machine at the same time.
 *
 *   node bench/run.mjs [--runs 15] [--warmup 2] [--only startup,configure,login,edit,populate] [--no-save]
 *
 * Prints medians (and ratios) and writes everything to bench/results/<timestamp>.json.
 * See bench/README.md for what each number means. Nothing here is a test: no number fails
 * the build; the targets are printed with the measured values next to them.
 */
import { spawn, spawnSync } from 'node:child_process';
import http from 'node:http';
import https from 'node:https';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { configureInTerminal } from '../scripts/configure-in-terminal.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const rusageHook = path.join(root, 'bench', 'rusage.cjs');
const floorScript = path.join(root, 'bench', 'floor.mjs');
const dist = (...parts) => pathToFileURL(path.join(root, 'dist', ...parts)).href;

const TARGETS = { helpRatio: 1.3, configureRssMiB: 100, longLineMs: 100 };
const CONFIG_PROFILES = 10_000;
const RUSAGE_RUNS = 5;

const { values: options } = parseArgs({
  options: {
    runs: { type: 'string', default: '15' },
    warmup: { type: 'string', default: '2' },
    only: { type: 'string' },
    'no-save': { type: 'boolean', default: false },
    'cpu-prof': { type: 'string' },
  },
});
const runs = Number(options.runs);
const warmup = Number(options.warmup);
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(warmup) || warmup < 0) {
  throw new Error('--runs must be a positive whole number and --warmup a whole number');
}
const only = new Set((options.only ?? 'startup,configure,login,edit,populate').split(','));

if (!existsSync(path.join(root, 'dist', 'sso-setup.mjs')) || !existsSync(path.join(root, 'dist', 'src', 'config', 'edit.js'))) {
  throw new Error('The build is missing: run `npm run bench` (it builds first) or `npm run build`.');
}

// The CLI runs from a copy of what the package publishes (package.json "files"), as if
// installed, through its "bin": a rebuild in the work tree while the bench runs can't swap
// chunks under it.
const installed = await mkdtemp(path.join(os.tmpdir(), 'sso-setup-bench-cli-'));
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
for (const item of ['package.json', ...pkg.files]) {
  await cp(path.join(root, item), path.join(installed, item), { recursive: true });
}
process.on('exit', () => rmSync(installed, { recursive: true, force: true }));
const cliPath = path.join(installed, pkg.bin['sso-setup']);

// ---------------------------------------------------------------------------------------
// Helpers

function summary(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * (sorted.length - 1) + 0.5))];
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted.at(-1), p25: at(0.25), p75: at(0.75), n: sorted.length };
}

const round = (n, digits = 1) => (n === undefined ? undefined : Number(n.toFixed(digits)));
const mib = (kib) => kib / 1024;

/** A clean environment: nothing from the developer's own AWS set-up leaks into the runs. */
function cleanEnv(home, extra = {}) {
  const env = {};
  for (const k of ['PATH', 'LANG', 'TMPDIR', 'SYSTEMROOT']) if (process.env[k]) env[k] = process.env[k];
  return { ...env, HOME: home, USERPROFILE: home, ...extra };
}

async function scratchHome() {
  const home = await mkdtemp(path.join(os.tmpdir(), 'sso-setup-bench-'));
  await mkdir(path.join(home, '.aws'), { recursive: true });
  return home;
}

async function readRusage(file) {
  const usage = JSON.parse(await readFile(file, 'utf8'));
  await rm(file, { force: true });
  return { cpuMs: usage.userMs + usage.systemMs, userMs: usage.userMs, systemMs: usage.systemMs, maxRssKiB: usage.maxRssKiB };
}

/** Runs a command to completion, its output going to /dev/null (as hyperfine does). */
function timeSync(argv, env) {
  const started = process.hrtime.bigint();
  const result = spawnSync(argv[0], argv.slice(1), { env, cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`${argv.join(' ')} exited with ${result.status}: ${result.stderr}`);
  return ms;
}

/** Runs a command to completion without blocking this process (the emulator runs here). */
function timeAsync(argv, env) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(argv[0], argv.slice(1), { env, cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (code !== 0) reject(new Error(`${argv.join(' ')} exited with ${code}:\n${output}`));
      else resolve({ ms, output });
    });
  });
}

const PROFILE = 'bench-profile';
/** The TLS runs: an HTTPS proxy in front of the emulator, with the tests' loopback certificate. */
const tlsKey = path.join(root, 'test', 'fixtures', 'loopback-test.key');
const tlsCertificate = path.join(root, 'test', 'fixtures', 'loopback-test.pem');
/** approve-browser.mjs trusting that certificate (as a browser trusts a real one). */
const tlsBrowser = path.join(root, 'bench', 'tls-browser.sh');

/** An HTTPS proxy to the emulator, as AWS's endpoints are HTTPS; the CLI trusts it through AWS_CA_BUNDLE. */
async function startTlsProxy(emulator) {
  const target = new URL(emulator.url);
  const server = https.createServer({ key: readFileSync(tlsKey), cert: readFileSync(tlsCertificate) }, (req, res) => {
    const upstream = http.request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `https://127.0.0.1:${server.address().port}`, close: () => new Promise((resolve) => server.close(resolve)) };
}
/** A scripted browser: opens the sign-in page and follows the emulator's automatic approval to the loopback callback. */
const approveBrowser = path.join(root, 'test', 'emulator', 'approve-browser.mjs');

/** `sso-setup configure`, every prompt answered like a person following a guide would (scripts/configure-in-terminal.mjs). */
async function configureOnce(emulator, home, tls) {
  const rusageFile = path.join(home, 'rusage.json');
  const phasesFile = path.join(home, 'phases.json');
  const endpoint = tls
    ? { AWS_ENDPOINT_URL: tls.url, AWS_CA_BUNDLE: tlsCertificate, BROWSER: tlsBrowser, BENCH_TLS_CA: tlsCertificate }
    : { AWS_ENDPOINT_URL: emulator.url, BROWSER: approveBrowser };
  const env = cleanEnv(home, { ...endpoint, BENCH_RUSAGE_FILE: rusageFile, SSO_SETUP_PHASES: phasesFile });
  const profile = options['cpu-prof'] ? path.resolve(options['cpu-prof'], `configure-${tls ? 'tls' : 'http'}-${++profileCount}.cpuprofile`) : undefined;
  const profiling = profile ? ['--cpu-prof', '--cpu-prof-dir', path.dirname(profile), '--cpu-prof-name', path.basename(profile)] : [];
  const wallMs = await configureInTerminal([...profiling, '--require', rusageHook, cliPath], env, { org: emulator.org, session: 'bench-sso', profile: PROFILE, cwd: root });
  const marks = JSON.parse(await readFile(phasesFile, 'utf8'));
  if (profile) profiles.push({ file: profile, marks });
  return { wallMs, ...(await readRusage(rusageFile)), phases: phaseCpu(marks) };
}

/** `sso-setup login`: with `--force` a new PKCE sign-in in the (scripted) browser, without it the refresh-token path. */
async function loginOnce(emulator, home, flags) {
  const rusageFile = path.join(home, 'rusage.json');
  const env = cleanEnv(home, { AWS_ENDPOINT_URL: emulator.url, BROWSER: approveBrowser, BENCH_RUSAGE_FILE: rusageFile });
  const { ms, output } = await timeAsync([process.execPath, '--require', rusageHook, cliPath, 'login', ...flags, '--profile', PROFILE], env);
  if (!/Successfully logged into Start URL/i.test(output)) throw new Error(`login printed no success message:\n${output}`);
  const refreshed = /Refreshed the sign-in/.test(output);
  if (refreshed !== !flags.includes('--force')) throw new Error(`login ${flags.join(' ')} took the wrong path:\n${output}`);
  return { wallMs: ms, ...(await readRusage(rusageFile)) };
}

function aggregate(samples) {
  const keys = Object.keys(samples[0]).filter((k) => k !== 'phases');
  const result = Object.fromEntries(keys.map((k) => [k, summary(samples.map((s) => s[k]))]));
  if (samples[0].phases) {
    result.phases = CONFIGURE_PHASES.map(([, to, label]) => ({ to, label, cpuMs: summary(samples.map((s) => s.phases[to])) }));
    result.phaseTotalMs = summary(samples.map((s) => s.phases.total));
  }
  return result;
}

/**
 * configure's phases, between the marks the CLI records when SSO_SETUP_PHASES names a file
 * (src/ports.ts; the marks are in src/entry.ts, src/cli.ts, src/flows/configure.ts):
 * [from, to, what happens in between]. `start` is the process's start (CPU 0).
 */
const CONFIGURE_PHASES = [
  ['start', 'node', 'node start, before our first line'],
  ['node', 'cli', 'loading the CLI (dist/cli.cjs)'],
  ['cli', 'ready', 'configure, its modules and the config, to the first prompt'],
  ['ready', 'sso-answered', 'the SSO prompts (session, start URL, region, scopes)'],
  ['sso-answered', 'signed-in', 'sign-in: RegisterClient, browser, CreateToken'],
  ['signed-in', 'account-chosen', 'portal: accounts and roles, two menus'],
  ['account-chosen', 'answered', 'region, output and profile name prompts'],
  ['answered', 'saved', 'saving the registration, token and config'],
  ['saved', 'verified', 'verification (STS GetCallerIdentity)'],
  ['verified', 'exit', 'to exit'],
];

let profileCount = 0;
/** With --cpu-prof: each configure run's profile and phase marks. */
const profiles = [];

/**
 * With --cpu-prof: the functions with the most self time in each phase, over all the runs'
 * profiles (a mark's `monotonicUs` is on the profile's clock). Profiled runs are slower.
 */
function profileByPhase(top = 6) {
  const byPhase = new Map(CONFIGURE_PHASES.map(([, to]) => [to, new Map()]));
  for (const { file, marks } of profiles) {
    const profile = JSON.parse(readFileSync(file, 'utf8'));
    const nodes = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
    const ends = CONFIGURE_PHASES.map(([, to]) => [to, marks.find((m) => m.name === to)?.monotonicUs ?? Infinity]);
    let t = profile.startTime;
    profile.samples.forEach((id, i) => {
      t += profile.timeDeltas[i];
      const frame = nodes.get(id);
      if (frame.functionName === '(idle)' || frame.functionName === '(program)') return;
      const phase = ends.find(([, end]) => t <= end)?.[0] ?? 'exit';
      const key = `${frame.functionName || '(anonymous)'} ${frame.url.replace(/^.*\/(dist|node_modules)\//, '')}${frame.lineNumber >= 0 ? `:${frame.lineNumber + 1}` : ''}`;
      const self = byPhase.get(phase);
      self.set(key, (self.get(key) ?? 0) + profile.timeDeltas[i] / 1000);
    });
  }
  say();
  say(`where each phase's CPU goes (--cpu-prof: self time per run, the top ${top}; profiling slows everything down)`);
  for (const [, to, label] of CONFIGURE_PHASES) {
    const self = [...byPhase.get(to)].sort((a, b) => b[1] - a[1]);
    const total = self.reduce((sum, [, ms]) => sum + ms, 0) / profiles.length;
    say(`  ${label} (${total.toFixed(0)} ms)`);
    for (const [key, ms] of self.slice(0, top)) say(`    ${(ms / profiles.length).toFixed(1).padStart(6)}  ${key}`);
  }
}

/** CPU ms spent in each phase of one run, from its marks (cumulative CPU at each). */
function phaseCpu(marks) {
  const at = new Map([['start', 0], ...marks.map((m) => [m.name, m.cpuMs])]);
  const phases = Object.fromEntries(
    CONFIGURE_PHASES.map(([from, to]) => {
      if (!at.has(from) || !at.has(to)) throw new Error(`configure recorded no "${at.has(from) ? to : from}" phase mark: ${JSON.stringify(marks)}`);
      return [to, at.get(to) - at.get(from)];
    }),
  );
  return { ...phases, total: at.get('exit') };
}

// ---------------------------------------------------------------------------------------
// Benchmarks

const results = {};
const lines = [];
const say = (line = '') => {
  lines.push(line);
  process.stdout.write(line + '\n');
};
const cell = (value, width, digits = 1) => (value === undefined ? '' : value.toFixed(digits)).padStart(width);

const loadStart = os.loadavg();
say(`sso-setup bench: node ${process.version}, ${process.platform} ${process.arch}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}`);
say(`load average at start ${loadStart.map((n) => n.toFixed(2)).join(' ')}; ${runs} runs after ${warmup} warm-ups each; medians`);

/** Variables of the caller that change how fast any `node` starts; the start-up runs leave them out. */
const NODE_STARTUP_VARIABLES = ['NODE_OPTIONS', 'NODE_EXTRA_CA_CERTS', 'NODE_COMPILE_CACHE', 'NODE_V8_COVERAGE'];

/**
 * A home signed in to one sso-session, for `status --check`: the config and a token cached
 * for 8 hours (botocore's format, written by our own cache module), so the check passes.
 */
async function signedInHome(home) {
  const startUrl = 'https://d-9067c0ab12.awsapps.com/start';
  await writeFile(
    path.join(home, '.aws', 'config'),
    `[profile dev]\nsso_session = corp\nsso_account_id = 111122223333\nsso_role_name = ReadOnlyAccess\n` +
      `[sso-session corp]\nsso_start_url = ${startUrl}\nsso_region = ap-northeast-1\n`,
  );
  const { SsoCache, tokenCacheKey } = await import(dist('src', 'sso', 'cache.js'));
  await new SsoCache(path.join(home, '.aws', 'sso', 'cache')).writeToken(tokenCacheKey({ sessionName: 'corp', startUrl }), {
    startUrl,
    region: 'ap-northeast-1',
    accessToken: 'aoa-bench',
    expiresAt: new Date(Date.now() + 8 * 3_600_000),
  });
}

async function startup() {
  const home = await scratchHome();
  await signedInHome(home);
  const env = cleanEnv(home);
  const commands = {
    'node -e 0': [process.execPath, '-e', '0'],
    'floor: ESM, prints a line': [process.execPath, floorScript],
    'sso-setup --help': [process.execPath, cliPath, '--help'],
    'sso-setup --version': [process.execPath, cliPath, '--version'],
    // What a shell prompt runs before each prompt: config and cache read, no SDK client loaded.
    'sso-setup status --check': [process.execPath, cliPath, 'status', '--check', '--min-remaining', '30m', '--profile', 'dev'],
  };
  const envOf = Object.fromEntries(Object.keys(commands).map((name) => [name, env]));
  // The caller's own environment too, when it holds something that slows every node down
  // (NODE_EXTRA_CA_CERTS makes node read and parse a certificate bundle before anything else).
  const inherited = NODE_STARTUP_VARIABLES.filter((k) => process.env[k]);
  if (inherited.length > 0) {
    const yours = { ...process.env, HOME: home, USERPROFILE: home };
    commands['node -e 0 (your env)'] = commands['node -e 0'];
    commands['sso-setup --help (your env)'] = commands['sso-setup --help'];
    envOf['node -e 0 (your env)'] = yours;
    envOf['sso-setup --help (your env)'] = yours;
  }
  const names = Object.keys(commands);
  const wall = Object.fromEntries(names.map((n) => [n, []]));
  // Interleaved, the order rotating each round, so that a busy moment hits every command alike.
  for (let i = 0; i < warmup + runs; i++) {
    for (let j = 0; j < names.length; j++) {
      const name = names[(i + j) % names.length];
      const ms = timeSync(commands[name], envOf[name]);
      if (i >= warmup) wall[name].push(ms);
    }
  }
  // CPU and peak RSS come from separate runs with bench/rusage.cjs preloaded (it costs a little).
  const usage = Object.fromEntries(names.map((n) => [n, []]));
  const rusageFile = path.join(home, 'rusage.json');
  for (let i = 0; i < RUSAGE_RUNS; i++) {
    for (const name of names) {
      const [node, ...rest] = commands[name];
      timeSync([node, '--require', rusageHook, ...rest], { ...envOf[name], BENCH_RUSAGE_FILE: rusageFile });
      usage[name].push(await readRusage(rusageFile));
    }
  }
  await rm(home, { recursive: true, force: true });
  results.startup = { environment: 'PATH, LANG, TMPDIR and a scratch HOME only', callerVariablesLeftOut: inherited, commands: {} };
  say();
  say(`start-up, in a clean environment (PATH, LANG, TMPDIR, scratch HOME${inherited.length ? `; your ${inherited.join(', ')} left out` : ''}); output to /dev/null`);
  say(`wall = spawn to exit. CPU (user+sys) and peak RSS: medians of ${RUSAGE_RUNS} more runs with bench/rusage.cjs preloaded`);
  say(`${''.padEnd(30)}${'wall ms'.padStart(9)}${'× node -e 0'.padStart(13)}${'p25–p75 ms'.padStart(13)}${'CPU ms'.padStart(9)}${'peak RSS MiB'.padStart(14)}`);
  for (const name of names) {
    const base = summary(wall[name.endsWith('(your env)') ? 'node -e 0 (your env)' : 'node -e 0']).median;
    const w = summary(wall[name]);
    const u = aggregate(usage[name]);
    results.startup.commands[name] = { wallMs: w, ratioToNode: round(w.median / base, 3), cpuMs: u.cpuMs, maxRssKiB: u.maxRssKiB };
    say(
      `${name.padEnd(30)}${cell(w.median, 9)}${cell(w.median / base, 13, 2)}${`${w.p25.toFixed(0)}–${w.p75.toFixed(0)}`.padStart(13)}` +
        `${cell(u.cpuMs.median, 9)}${cell(mib(u.maxRssKiB.median), 14)}`,
    );
  }
}

async function endToEnd() {
  const { startEmulator } = await import(dist('test', 'emulator', 'server.js'));
  const emulator = await startEmulator({ autoApprove: true, interval: 1 });
  say();
  say(`end to end against the emulator (127.0.0.1, approval automatic through a scripted browser process, PKCE: the browser's start-up is in every wall time)`);
  say(`${''.padEnd(24)}${'wall ms'.padStart(9)}${'CPU ms'.padStart(9)}${'user'.padStart(8)}${'sys'.padStart(8)}${'peak RSS MiB'.padStart(14)}${'max'.padStart(8)}`);
  const row = (name, s) =>
    say(
      `${name.padEnd(24)}${cell(s.wallMs.median, 9, 0)}${cell(s.cpuMs.median, 9, 0)}${cell(s.userMs.median, 8, 0)}${cell(s.systemMs.median, 8, 0)}` +
        `${cell(mib(s.maxRssKiB.median), 14)}${cell(mib(s.maxRssKiB.max), 8)}`,
    );
  const homes = [];
  try {
    let loginHome;
    if (only.has('configure')) {
      // Over HTTP and over TLS (an HTTPS proxy in front of the emulator), alternating.
      const proxy = await startTlsProxy(emulator);
      const samples = [];
      const tlsSamples = [];
      try {
        for (let i = 0; i < warmup + runs; i++) {
          for (const [tls, list] of [[undefined, samples], [proxy, tlsSamples]]) {
            const home = await scratchHome();
            homes.push(home);
            const sample = await configureOnce(emulator, home, tls);
            if (i >= warmup) list.push(sample);
            if (!tls) loginHome = home;
          }
        }
      } finally {
        await proxy.close();
      }
      results.configure = {
        description: 'sso-setup configure in a pseudo-terminal, prompts answered by a script as they appear; sign-in, account and role menus, write, STS verification',
        ...aggregate(samples),
      };
      results.configureTls = {
        description: 'the same over TLS: an HTTPS proxy in front of the emulator, trusted through AWS_CA_BUNDLE (so without the parse of Node\'s built-in root certificates that a real endpoint costs)',
        ...aggregate(tlsSamples),
      };
      row('configure (pty, prompts)', results.configure);
      row('configure over TLS', results.configureTls);
      say();
      say(`configure CPU by phase (ms, medians; the phases' medians need not add up to the total's)`);
      say(`  ${''.padEnd(62)}${'HTTP'.padStart(7)}${'TLS'.padStart(7)}`);
      results.configure.phases.forEach((phase, i) =>
        say(`  ${phase.label.padEnd(62)}${cell(phase.cpuMs.median, 7, 0)}${cell(results.configureTls.phases[i].cpuMs.median, 7, 0)}`),
      );
      say(`  ${'total at the exit mark'.padEnd(62)}${cell(results.configure.phaseTotalMs.median, 7, 0)}${cell(results.configureTls.phaseTotalMs.median, 7, 0)}`);
      if (profiles.length > 0) profileByPhase();
    }
    if (only.has('login')) {
      if (!loginHome) {
        loginHome = await scratchHome();
        homes.push(loginHome);
        await configureOnce(emulator, loginHome);
      }
      for (const [key, flags, description] of [
        ['login', ['--force'], 'sso-setup login --force --profile: registration reused, a new PKCE sign-in (loopback server, scripted browser, CreateToken) every time'],
        ['loginRefresh', [], 'sso-setup login --profile: the refresh-token path (one CreateToken with the refresh_token grant, no browser)'],
      ]) {
        const samples = [];
        for (let i = 0; i < warmup + runs; i++) {
          const sample = await loginOnce(emulator, loginHome, flags);
          if (i >= warmup) samples.push(sample);
        }
        results[key] = { description, ...aggregate(samples) };
      }
      row('login --force (PKCE)', results.login);
      row('login (refresh token)', results.loginRefresh);
    }
  } finally {
    await emulator.close();
    for (const home of homes) await rm(home, { recursive: true, force: true });
  }
}

async function configEdit() {
  const { updateSection } = await import(dist('src', 'config', 'edit.js'));
  const { updateFile } = await import(dist('src', 'config', 'write.js'));
  const { findConfigProblem } = await import(dist('src', 'config', 'read.js'));
  const parts = ['[sso-session corp]\nsso_start_url = https://d-1234567890.awsapps.com/start\nsso_region = us-east-1\nsso_registration_scopes = sso:account:access\n'];
  for (let i = 0; i < CONFIG_PROFILES; i++) {
    const account = String(100000000000 + i * 7919).slice(0, 12);
    parts.push(
      `\n# team ${i % 97}\n[profile app-${String(i).padStart(5, '0')}]\nsso_session = corp\nsso_account_id = ${account}\n` +
        `sso_role_name = ${i % 3 ? 'ReadOnlyAccess' : 'AdministratorAccess'}\nregion = ${i % 2 ? 'eu-west-1' : 'us-east-1'}\noutput = json\n`,
    );
  }
  const text = parts.join('');
  const middle = `profile app-${String(CONFIG_PROFILES / 2).padStart(5, '0')}`;
  // One 1 MiB line of spaces inside the edited section: the old option regex backtracked
  // quadratically on it (40 KB took 3.4 s); parsing must stay linear.
  const longLine = `[profile long]\na${' '.repeat(1024 * 1024)}b\nregion = us-east-1\n`;
  const longLineBytes = Buffer.from(longLine);
  const home = await scratchHome();
  const file = path.join(home, '.aws', 'config');
  await writeFile(file, text);
  const time = async (fn) => {
    const started = process.hrtime.bigint();
    await fn();
    return Number(process.hrtime.bigint() - started) / 1e6;
  };
  const cases = {
    'updateSection, a profile in the middle': (i) => () => updateSection(text, middle, [['region', i % 2 ? 'ap-northeast-1' : 'eu-central-1']]),
    'updateSection, a new profile at the end': () => () =>
      updateSection(text, 'profile bench-new', [['sso_session', 'corp'], ['sso_account_id', '111122223333'], ['sso_role_name', 'ReadOnlyAccess'], ['region', 'us-east-1'], ['output', 'json']]),
    'updateSection, a section with a 1 MiB line': (i) => () => updateSection(longLine, 'profile long', [['region', i % 2 ? 'ap-northeast-1' : 'eu-central-1']]),
    'findConfigProblem, a file with a 1 MiB line': () => () => findConfigProblem(longLineBytes),
    'updateFile (lock, read, edit, atomic write + fsync)': (i) => () =>
      updateFile(file, (current) => updateSection(current, middle, [['region', i % 2 ? 'ap-northeast-1' : 'eu-central-1']])),
  };
  results.configEdit = { profiles: CONFIG_PROFILES, bytes: Buffer.byteLength(text), cases: {} };
  say();
  say(`config edit: ~/.aws/config with ${CONFIG_PROFILES.toLocaleString('en')} profiles (${mib(Buffer.byteLength(text) / 1024).toFixed(1)} MiB), in this process, from dist/src/config`);
  for (const [name, make] of Object.entries(cases)) {
    const samples = [];
    for (let i = 0; i < warmup + runs; i++) {
      const ms = await time(make(i));
      if (i >= warmup) samples.push(ms);
    }
    const s = summary(samples);
    results.configEdit.cases[name] = { ms: s };
    say(`  ${name.padEnd(52)}${cell(s.median, 8, 2)} ms  (p25–p75 ${s.p25.toFixed(2)}–${s.p75.toFixed(2)})`);
  }
  await rm(home, { recursive: true, force: true });
}

if (only.has('startup')) await startup();
if (only.has('configure') || only.has('login')) await endToEnd();
if (only.has('edit')) await configEdit();

if (only.has('populate')) {
  // bench/populate.mjs: 2,000 accounts × 3 roles against the emulator throttled at 20/s
  // (about 3.5 minutes: two runs of ~101 s). `--only startup,…` leaves it out.
  say();
  const populate = spawnSync(process.execPath, [path.join(root, 'bench', 'populate.mjs')], { encoding: 'utf8' });
  say(populate.stdout.trimEnd());
  if (populate.status !== 0) say(populate.stderr);
  const ratio = /wall ÷ floor\s+([\d.]+)/.exec(populate.stdout)?.[1];
  results.populate = { output: populate.stdout, wallOverFloor: ratio === undefined ? null : Number(ratio) };
}

const loadEnd = os.loadavg();
const targets = {};
say();
say('targets');
if (results.startup) {
  const { commands } = results.startup;
  const ratio = commands['sso-setup --help'].ratioToNode;
  const floor = commands['floor: ESM, prints a line'].ratioToNode;
  targets.helpRatio = { target: TARGETS.helpRatio, measured: ratio, met: ratio <= TARGETS.helpRatio, floor };
  say(
    `  sso-setup --help median wall ≤ ${TARGETS.helpRatio} × node -e 0: ${ratio.toFixed(2)} ×  ${ratio <= TARGETS.helpRatio ? 'met' : 'NOT met'}` +
      ` (the floor, an ES module printing a line: ${floor.toFixed(2)} ×)`,
  );
  const yours = commands['sso-setup --help (your env)'];
  if (yours) {
    targets.helpRatioYourEnv = { measured: yours.ratioToNode, met: yours.ratioToNode <= TARGETS.helpRatio };
    say(`    with your environment (${results.startup.callerVariablesLeftOut.join(', ')} set): ${yours.ratioToNode.toFixed(2)} ×`);
  }
}
if (results.configure) {
  const peak = mib(results.configure.maxRssKiB.max);
  targets.configureRssMiB = { target: TARGETS.configureRssMiB, measured: round(peak), met: peak <= TARGETS.configureRssMiB };
  say(`  configure peak RSS ≤ ${TARGETS.configureRssMiB} MiB (the highest of its runs): ${peak.toFixed(1)} MiB  ${peak <= TARGETS.configureRssMiB ? 'met' : 'NOT met'}`);
}
const longLineCase = results.configEdit?.cases['updateSection, a section with a 1 MiB line'];
if (longLineCase) {
  const ms = longLineCase.ms.median;
  targets.longLineMs = { target: TARGETS.longLineMs, measured: round(ms, 2), met: ms <= TARGETS.longLineMs };
  say(`  updateSection with a 1 MiB line ≤ ${TARGETS.longLineMs} ms: ${ms.toFixed(2)} ms  ${ms <= TARGETS.longLineMs ? 'met' : 'NOT met'}`);
}
if (results.populate?.wallOverFloor != null) {
  const r = results.populate.wallOverFloor;
  targets.populateOverFloor = { target: 1.15, measured: r, met: r <= 1.15 };
  say(`  populate 2,000 accounts wall ≤ 1.15 × the throttle's floor: ${r.toFixed(3)} ×  ${r <= 1.15 ? 'met' : 'NOT met'}`);
}
say(`load average at end ${loadEnd.map((n) => n.toFixed(2)).join(' ')}`);

if (!options['no-save']) {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const out = path.join(root, 'bench', 'results', `${stamp}.json`);
  await mkdir(path.dirname(out), { recursive: true });
  const machine = { node: process.version, platform: process.platform, arch: process.arch, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryMiB: Math.round(os.totalmem() / 2 ** 20), loadavgStart: loadStart, loadavgEnd: loadEnd };
  await writeFile(out, JSON.stringify({ date: new Date().toISOString(), machine, runs, warmup, targets, results, printed: lines }, null, 2) + '\n');
  say(`results: ${path.relative(root, out)}`);
}
