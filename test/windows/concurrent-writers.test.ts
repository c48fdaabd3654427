/**
 * The lock and atomic-write suite on win32 (issue 14 item 5): separate node.exe processes
 * under Wine update one config file through the built updateFile at the same moment, as
 * test/integration/concurrent-writers.test.ts does with Linux Node, and a process that died
 * holding the lock does not block the next one, nor make the many that find its lock at once
 * lose an update. On Windows a rename over a file another
 * process has open fails (EPERM/EACCES/EBUSY) and the writer retries: here that happens for
 * real, between the writers.
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import { repoRoot, requireBuiltCli } from '../helpers/cli.js';
import { createPrefix, type RunResult, type WinePrefix } from './wine.js';

const WRITERS = 8;
const toWindows = (p: string) => `Z:${p.replaceAll('/', '\\')}`;
const distDir = toWindows(path.join(repoRoot, 'dist'));
const writerScript = toWindows(path.join(repoRoot, 'test', 'fixtures', 'concurrent-writer.mjs'));

/** Hand-written content, CRLF as a Windows editor saves it: the writers must keep it byte for byte. */
const HAND_WRITTEN = (
  '# %USERPROFILE%\\.aws\\config, kept by hand\n' +
  '[default]\n' +
  'region = us-east-1  # home\n' +
  '\n' +
  '[profile dev]\n' +
  'sso_session = corp\n' +
  'sso_account_id = 123456789012\n'
).replace(/\n/g, '\r\n');

/** What the writer for profile `name` appends (test/fixtures/concurrent-writer.mjs), in the file's line endings. */
function block(name: string): string {
  const number = name.replace(/\D/g, '').padStart(2, '0');
  return `[profile ${name}]\r\nsso_session = session-${name}\r\nsso_account_id = 1111222233${number}\r\nregion = eu-west-1\r\n`;
}

let wine: WinePrefix;
const dirWin = 'C:\\concurrent';
const fileWin = `${dirWin}\\config`;
const signalsWin = 'C:\\signals';
let dir: string;
let file: string;
let signals: string;

beforeAll(async () => {
  requireBuiltCli();
  wine = await createPrefix();
  dir = wine.unixPath(dirWin);
  file = wine.unixPath(fileWin);
  signals = wine.unixPath(signalsWin);
});
afterAll(async () => {
  await wine?.close();
});
beforeEach(async () => {
  for (const d of [dir, signals]) {
    await rm(d, { recursive: true, force: true });
    await mkdir(d, { recursive: true });
  }
  await writeFile(file, HAND_WRITTEN);
});

const ok = (result: RunResult) => {
  expect(result.code, `stdout:\n${result.stdout}\nstderr:\n${result.stderr}`).toBe(0);
  return result;
};

async function waitFor(condition: () => boolean, what: string, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Writers for `names`, started together: each waits for the go file once its modules are loaded. */
async function runWriters(names: string[]): Promise<RunResult[]> {
  const go = path.join(signals, 'go');
  const goEnv = { CONCURRENT_WRITER_GO_FILE: `${signalsWin}\\go` };
  const runs = names.map((name) => wine.exec([wine.nodeExe, writerScript, distDir, fileWin, name], goEnv));
  await waitFor(() => names.every((name) => existsSync(`${go}.${name}.ready`)), 'every writer to be ready');
  await writeFile(go, '');
  return Promise.all(runs);
}

/** The hand-written content first, byte for byte; then exactly the writers' blocks, whole, in some order. */
async function expectEveryBlock(names: string[]): Promise<void> {
  const text = await readFile(file, 'utf8');
  expect(text.startsWith(HAND_WRITTEN)).toBe(true);
  const appended = text.slice(HAND_WRITTEN.length).split(/(?=^\[)/m);
  expect([...appended].sort()).toEqual(names.map(block).sort());
}

describe('concurrent writers on win32 under Wine', () => {
  it(`${WRITERS} node.exe processes adding a profile each at the same moment: every profile is there, the rest byte-identical, no lock or temp file left`, async () => {
    const names = Array.from({ length: WRITERS }, (_, i) => `p${i}`);
    const results = await runWriters(names);
    for (const result of results) expect(ok(result).stdout).toBe('{"changed":true}\n');

    await expectEveryBlock(names);

    const { configFile } = await loadSharedConfigFiles({ configFilepath: file, filepath: path.join(dir, 'none'), ignoreCache: true });
    for (const name of names) {
      expect(configFile[name]).toEqual({ sso_session: `session-${name}`, sso_account_id: expect.stringMatching(/^1111222233\d\d$/), region: 'eu-west-1' });
    }
    expect(configFile.default).toEqual({ region: 'us-east-1' });
    expect(await readdir(dir)).toEqual(['config']); // no lock, no temp file
  });

  it('a node.exe that died holding the lock does not block the next one', async () => {
    const crashed = await wine.exec([wine.nodeExe, writerScript, distDir, fileWin, 'unused', 'crash-holding-lock']);
    expect(crashed.code).not.toBe(0);
    const abandoned = JSON.parse(await readFile(`${file}.lock`, 'utf8'));
    expect(abandoned).toMatchObject({ pid: expect.any(Number), hostname: expect.any(String) });

    const [result] = await runWriters(['p7']);
    expect(ok(result!).stdout).toBe('{"changed":true}\n');
    expect(await readFile(file, 'utf8')).toBe(HAND_WRITTEN + block('p7'));
    expect(await readdir(dir)).toEqual(['config']);
  });

  it(`${WRITERS} node.exe processes finding the lock of one that died at the same moment: one breaks it, and no update is lost`, async () => {
    const crashed = await wine.exec([wine.nodeExe, writerScript, distDir, fileWin, 'unused', 'crash-holding-lock']);
    expect(crashed.code).not.toBe(0);
    const names = Array.from({ length: WRITERS }, (_, i) => `p${i}`);
    const results = await runWriters(names);
    for (const result of results) expect(ok(result).stdout).toBe('{"changed":true}\n');

    await expectEveryBlock(names);
    expect(await readdir(dir)).toEqual(['config']); // the dead one's lock, the claim: none left
  });
});
