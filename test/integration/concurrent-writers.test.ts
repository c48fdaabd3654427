/**
 * Concurrency across processes: separate Node processes (as separate `sso-setup configure`
 * runs would be) update the same config file through the built updateFile at the same
 * moment, and a process that crashed holding the lock doesn't block the next one.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import * as fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import { repoRoot } from '../helpers/cli.js';

const distDir = path.join(repoRoot, 'dist');
const writerScript = path.join(repoRoot, 'test', 'fixtures', 'concurrent-writer.mjs');
const WRITERS = 20;

/** Hand-written content the writers must leave byte for byte as it is. */
const HAND_WRITTEN =
  '# ~/.aws/config, kept by hand\n' +
  '; do not remove\n' +
  '[default]\n' +
  'region = us-east-1  # home\n' +
  's3 =\n' +
  '  max_concurrent_requests = 10\n' +
  '\n' +
  '[profile dev]\n' +
  'sso_session = corp\n' +
  'sso_account_id = 123456789012\n' +
  '\n' +
  '[sso-session corp]\n' +
  'sso_start_url = https://d-1234567890.awsapps.com/start\n' +
  'sso_region = us-east-1\n';

/** What the writer for profile `name` appends (test/fixtures/concurrent-writer.mjs). */
function block(name: string): string {
  const number = name.replace(/\D/g, '').padStart(2, '0');
  return `[profile ${name}]\nsso_session = session-${name}\nsso_account_id = 1111222233${number}\nregion = eu-west-1\n`;
}

interface Writer {
  child: ChildProcessWithoutNullStreams;
  ready: Promise<void>;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

function startWriter(file: string, profile: string, mode: 'write' | 'crash-holding-lock' = 'write'): Writer {
  const child = spawn(process.execPath, [writerScript, distDir, file, profile, mode], { cwd: repoRoot });
  let stdout = '';
  let stderr = '';
  let onReady!: () => void;
  const ready = new Promise<void>((resolve) => (onReady = resolve));
  child.stdout.on('data', (data) => {
    stdout += data;
    if (stdout.startsWith('ready\n')) onReady();
  });
  child.stderr.on('data', (data) => (stderr += data));
  const exit = new Promise<Awaited<Writer['exit']>>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, ready, exit };
}

let dir: string;
let file: string;

beforeAll(() => {
  // The writers import the build output: `npm test` builds first (pretest).
  for (const module of ['write', 'lock', 'atomic-write', 'file-system', 'edit']) {
    const built = path.join(distDir, 'src', 'config', `${module}.js`);
    const source = path.join(repoRoot, 'src', 'config', `${module}.ts`);
    if (!existsSync(built) || statSync(built).mtimeMs < statSync(source).mtimeMs) {
      throw new Error(`${built} is missing or older than ${source}: run \`npm run build\` (npm test does it for you).`);
    }
  }
});
beforeEach(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'concurrent-writers-'));
  file = path.join(dir, 'config');
  await fsp.writeFile(file, HAND_WRITTEN);
  await fsp.chmod(file, 0o640);
});
afterEach(async () => {
  await fsp.rm(dir, { recursive: true, force: true });
});

const readSdk = async () =>
  (await loadSharedConfigFiles({ configFilepath: file, filepath: path.join(dir, 'none'), ignoreCache: true })).configFile;

/** Writers for `names`, started together once all are ready; each must report a change. */
async function runTogether(names: string[]): Promise<void> {
  const writers = names.map((name) => startWriter(file, name));
  try {
    await Promise.all(writers.map((writer) => writer.ready));
    for (const writer of writers) writer.child.stdin.write('go\n');
    const results = await Promise.all(writers.map((writer) => writer.exit));
    for (const result of results) {
      expect(result, result.stderr).toMatchObject({ code: 0, stdout: 'ready\n{"changed":true}\n' });
    }
  } finally {
    for (const writer of writers) writer.child.kill();
  }
}

/** Hand-written content first, byte for byte; then exactly the writers' blocks, whole, in some order. */
async function expectEveryBlock(names: string[]): Promise<void> {
  const text = await fsp.readFile(file, 'utf8');
  expect(text.startsWith(HAND_WRITTEN)).toBe(true);
  const appended = text.slice(HAND_WRITTEN.length).split(/(?=^\[)/m);
  expect([...appended].sort()).toEqual(names.map(block).sort());
}

describe('concurrent writers in separate processes', () => {
  it('20 processes adding a profile each at the same moment: every profile is there, the rest byte-identical', async () => {
    const names = Array.from({ length: WRITERS }, (_, i) => `p${i}`);
    await runTogether(names);

    await expectEveryBlock(names);

    const config = await readSdk();
    for (const name of names) {
      expect(config[name]).toEqual({
        sso_session: `session-${name}`,
        sso_account_id: expect.stringMatching(/^1111222233\d\d$/),
        region: 'eu-west-1',
      });
    }
    expect(config.default).toEqual({ region: 'us-east-1', 's3.max_concurrent_requests': '10' });
    expect(config.dev).toEqual({ sso_session: 'corp', sso_account_id: '123456789012' });

    expect(await fsp.readdir(dir)).toEqual(['config']); // no lock, no temp file
    if (process.platform !== 'win32') expect((await fsp.stat(file)).mode & 0o777).toBe(0o640);
  });

  it('a process that crashed holding the lock does not block the next one', async () => {
    const crashed = await startWriter(file, 'unused', 'crash-holding-lock').exit;
    expect(crashed.signal ?? crashed.code).toBe(process.platform === 'win32' ? 1 : 'SIGKILL');
    const abandoned = JSON.parse(await fsp.readFile(`${file}.lock`, 'utf8'));
    expect(abandoned).toMatchObject({ pid: expect.any(Number), hostname: os.hostname() });

    const started = Date.now();
    const writer = startWriter(file, 'p7');
    await writer.ready;
    writer.child.stdin.write('go\n');
    const result = await writer.exit;
    expect(result, result.stderr).toMatchObject({ code: 0, stdout: 'ready\n{"changed":true}\n' });
    // Well under the 30 s after which any lock counts as abandoned: its holder is gone.
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await fsp.readFile(file, 'utf8')).toBe(HAND_WRITTEN + block('p7'));
    expect(await fsp.readdir(dir)).toEqual(['config']);
  });

  it('20 processes finding the lock of a crashed one at the same moment: one breaks it, and no update is lost', async () => {
    const crashed = await startWriter(file, 'unused', 'crash-holding-lock').exit;
    expect(crashed.signal ?? crashed.code).toBe(process.platform === 'win32' ? 1 : 'SIGKILL');
    const names = Array.from({ length: WRITERS }, (_, i) => `p${i}`);
    await runTogether(names);

    await expectEveryBlock(names);
    expect(await fsp.readdir(dir)).toEqual(['config']); // the crashed one's lock, the claim: none left
  });
});
