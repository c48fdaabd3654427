/**
 * Issue 12, item 10: a run stopped in the middle of a write (Ctrl-C, `kill`, a closed
 * terminal) must not leave its temp file, which may hold refresh tokens, next to the cache
 * file. A real child process is stopped with a real signal between writing the temp file
 * and renaming it.
 */
import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import * as fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/cli.js';

const distDir = path.join(repoRoot, 'dist');
const writerScript = path.join(repoRoot, 'test', 'fixtures', 'interrupted-writer.mjs');

beforeAll(() => {
  // The writer imports the build output: `npm test` builds first (pretest).
  for (const module of ['cli', 'config/atomic-write']) {
    const built = path.join(distDir, 'src', `${module}.js`);
    const source = path.join(repoRoot, 'src', `${module}.ts`);
    if (!existsSync(built) || statSync(built).mtimeMs < statSync(source).mtimeMs) {
      throw new Error(`${built} is missing or older than ${source}: run \`npm run build\` (npm test does it for you).`);
    }
  }
});

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'interrupted-write-'));
  file = path.join(dir, '0123456789abcdef0123456789abcdef01234567.json');
  await fsp.writeFile(file, '{"refreshToken": "old-secret"}', { mode: 0o600 });
});
afterEach(async () => {
  await fsp.rm(dir, { recursive: true, force: true });
});

/** Starts the writer, stops it with `signal` once its temp file is written, and reports. */
async function interruptWrite(signal: NodeJS.Signals) {
  const child = spawn(process.execPath, [writerScript, distDir, file], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let tempSeen: string[] = [];
  child.stderr.on('data', (data) => (stderr += data));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, sig) => resolve({ code, signal: sig }));
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', async (data) => {
      stdout += data;
      if (!stdout.includes('\n')) return;
      tempSeen = (await fsp.readdir(dir)).filter((name) => name.endsWith('.tmp'));
      child.kill(signal);
      resolve();
    });
    void exit.then(() => reject(new Error(`the writer exited before writing: ${stderr}`)));
  });
  return { ...(await exit), stdout, stderr, tempSeen };
}

describe.skipIf(process.platform === 'win32')('a write stopped by a signal', () => {
  it.each([
    ['SIGTERM', 143],
    ['SIGINT', 130],
    ['SIGHUP', 129],
  ] as const)('%s mid-write: exit %i, the temp file is removed and the file is as it was', async (signal, exitCode) => {
    const result = await interruptWrite(signal);
    // The temp file was there, holding the new content, when the signal came.
    expect(result.tempSeen, result.stderr).toHaveLength(1);
    expect(result.stdout).toMatch(new RegExp(`^writing ${dir}/\\.${path.basename(file)}\\.[0-9a-f]{12}\\.tmp\\n$`));
    expect(result).toMatchObject({ code: exitCode, signal: null });
    expect(await fsp.readdir(dir)).toEqual([path.basename(file)]);
    expect(await fsp.readFile(file, 'utf8')).toBe('{"refreshToken": "old-secret"}');
  });
});
