#!/usr/bin/env node
/**
 * `npm run bench:populate`: `sso-setup populate` for 2,000 accounts × 3 roles against the
 * emulator throttled at 20 requests per second per operation, as IAM Identity Center is.
 * Prints the wall time next to the floor the throttle allows (calls ÷ 20), the 429s, the
 * failures and the CLI's peak RSS; then the second run, which must change 0 bytes.
 * Options: --accounts N (default 2000), --rate N (default 20).
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { startEmulator, generateOrganisation } = await import(path.join(root, 'dist', 'test', 'emulator', 'server.js'));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const accounts = arg('accounts', 2000);
const rate = arg('rate', 20);
const START_URL = 'https://d-9067c0ab12.awsapps.com/start';

const org = generateOrganisation({ accounts, minRoles: 3, maxRoles: 3, seed: 2026, startUrl: START_URL, region: 'us-east-1' });
// Pages of 100, the most IAM Identity Center returns.
const emulator = await startEmulator({ org, autoApprove: true, interval: 1, pageSize: 100, throttle: { ratePerSecond: rate } });
const home = await mkdtemp(path.join(os.tmpdir(), 'sso-setup-bench-populate-'));
await mkdir(path.join(home, '.aws'), { recursive: true });
const config = path.join(home, '.aws', 'config');
await writeFile(config, `# hand-written\n[sso-session corp]\nsso_start_url = ${START_URL}\nsso_region = us-east-1\nsso_registration_scopes = sso:account:access\n`);
const env = {
  PATH: process.env.PATH, HOME: home, USERPROFILE: home, LANG: 'C.UTF-8',
  AWS_ENDPOINT_URL: emulator.url, BROWSER: path.join(root, 'test', 'emulator', 'approve-browser.mjs'), AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
};

function run(args, extraEnv = {}) {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, ['--require', path.join(root, 'bench', 'rusage.cjs'), path.join(root, 'bin', 'sso-setup.js'), ...args], {
      env: { ...env, ...extraEnv },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => resolve({ code, out, wallMs: Number(process.hrtime.bigint() - started) / 1e6 }));
  });
}

const login = await run(['login', '--sso-session', 'corp']);
if (login.code !== 0) throw new Error(`login failed:\n${login.out}`);
const before = emulator.stats();
const rusageFile = path.join(home, 'rusage.json');
const first = await run(['populate', '--sso-session', 'corp', '--rate', String(rate)], { BENCH_RUSAGE_FILE: rusageFile });
const usage = JSON.parse(await readFile(rusageFile, 'utf8'));
const after = emulator.stats();
const calls = (after.requests.ListAccounts ?? 0) - (before.requests.ListAccounts ?? 0) + (after.requests.ListAccountRoles ?? 0) - (before.requests.ListAccountRoles ?? 0);
const throttled = Object.values(after.throttled).reduce((a, b) => a + b, 0) - Object.values(before.throttled).reduce((a, b) => a + b, 0);
const floorMs = ((calls - 1) / rate) * 1000;
const text = await readFile(config, 'utf8');
const profiles = (text.match(/^\[profile /gm) ?? []).length;
const second = await run(['populate', '--sso-session', 'corp', '--rate', String(rate)]);
const unchanged = (await readFile(config, 'utf8')) === text;

const line = (label, value) => console.log(`  ${label.padEnd(34)} ${value}`);
console.log(`populate: ${accounts} accounts × 3 roles, emulator throttled at ${rate} requests/s per operation, client --rate ${rate}`);
line('exit code', first.code);
line('wall', `${(first.wallMs / 1000).toFixed(1)} s`);
line('floor (calls ÷ rate)', `${(floorMs / 1000).toFixed(1)} s for ${calls} ListAccounts + ListAccountRoles calls`);
line('wall ÷ floor', `${(first.wallMs / floorMs).toFixed(3)} × (target ≤ 1.15 ×)`);
line('429 answers', throttled);
line('failures', (first.out.match(/could not be listed/) ? first.out.split('\n').filter((l) => /^\s+\d{12}/.test(l)).length : 0));
line('profiles written', `${profiles} (expected ${accounts * 3})`);
line('CPU (user + sys)', `${((usage.userMs + usage.systemMs) / 1000).toFixed(1)} s`);
line('peak RSS', `${(usage.maxRssKiB / 1024).toFixed(1)} MiB`);
line('second run', `exit ${second.code}, ${(second.wallMs / 1000).toFixed(1)} s, config ${unchanged ? 'unchanged (0 bytes)' : 'CHANGED'}`);
console.log(first.out.split('\n').filter((l) => l.startsWith('Profiles')).join('\n'));
await emulator.close();
await rm(home, { recursive: true, force: true });
