import * as fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import { updateSection } from '../../src/config/edit.js';
import { writeFileAtomic } from '../../src/config/atomic-write.js';
import { createBackupper } from '../../src/config/backup.js';
import type { FsPromises } from '../../src/config/file-system.js';
import { withFileLock } from '../../src/config/lock.js';
import { newFileLineEnding, updateFile } from '../../src/config/write.js';
import { writeConfig } from '../../src/flows/write-config.js';
import type { Context } from '../../src/context.js';
import { catalogue, loadCatalogue } from '../../src/ui/messages/index.js';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

let dir: string;
beforeEach(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'config-write-'));
});
afterEach(async () => {
  await fsp.rm(dir, { recursive: true, force: true });
});

const modeOf = async (file: string) => (await fsp.stat(file)).mode & 0o777;
const listDir = async (d = dir) => (await fsp.readdir(d)).sort();

function errnoError(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated`), { code });
}

/** A rename that fails with `code` `failures` times, then renames for real. */
function flakyRename(code: string, failures: number) {
  const calls: string[] = [];
  const rename: FsPromises['rename'] = async (from, to) => {
    calls.push(String(to));
    if (calls.length <= failures) throw errnoError(code);
    return fsp.rename(from, to);
  };
  return { rename, calls };
}

describe('writeFileAtomic', () => {
  it('creates a new file 0600, and its parent directories, leaving no temp files', async () => {
    const file = path.join(dir, 'nested', '.aws', 'config');
    await writeFileAtomic(file, '[default]\n');
    expect(await fsp.readFile(file, 'utf8')).toBe('[default]\n');
    if (process.platform !== 'win32') expect(await modeOf(file)).toBe(0o600);
    expect(await listDir(path.dirname(file))).toEqual(['config']);
  });

  it('uses the given mode for a new file', async () => {
    const file = path.join(dir, 'config');
    await writeFileAtomic(file, 'x', { mode: 0o640 });
    if (process.platform !== 'win32') expect(await modeOf(file)).toBe(0o640);
  });

  it("keeps an existing file's mode", async () => {
    const file = path.join(dir, 'config');
    await fsp.writeFile(file, 'old');
    await fsp.chmod(file, 0o644);
    await writeFileAtomic(file, new TextEncoder().encode('new'));
    expect(await fsp.readFile(file, 'utf8')).toBe('new');
    if (process.platform !== 'win32') expect(await modeOf(file)).toBe(0o644);
    expect(await listDir()).toEqual(['config']);
  });

  it('replaces the file a symlink points to and keeps the link', async () => {
    const real = path.join(dir, 'dotfiles-config');
    const link = path.join(dir, 'config');
    await fsp.writeFile(real, 'old');
    await fsp.symlink(real, link);
    await writeFileAtomic(link, 'new');
    expect((await fsp.lstat(link)).isSymbolicLink()).toBe(true);
    expect(await fsp.readFile(real, 'utf8')).toBe('new');
  });

  it('refuses to replace a dangling symlink', async () => {
    const link = path.join(dir, 'config');
    await fsp.symlink(path.join(dir, 'missing'), link);
    await expect(writeFileAtomic(link, 'new')).rejects.toThrow(/symbolic link/);
    expect((await fsp.lstat(link)).isSymbolicLink()).toBe(true);
  });

  it('retries a rename failing with EPERM/EBUSY/EACCES on win32', async () => {
    for (const code of ['EPERM', 'EBUSY', 'EACCES']) {
      const file = path.join(dir, `config-${code}`);
      await fsp.writeFile(file, 'old');
      const { rename, calls } = flakyRename(code, 3);
      await writeFileAtomic(file, 'new', { platform: 'win32', retryDelaysMs: [1, 1, 1, 1], fs: { rename } });
      expect(calls).toHaveLength(4);
      expect(await fsp.readFile(file, 'utf8')).toBe('new');
    }
    expect((await listDir()).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('gives up after the last delay on win32, removes the temp file and keeps the original', async () => {
    const file = path.join(dir, 'config');
    await fsp.writeFile(file, 'old');
    const { rename, calls } = flakyRename('EBUSY', Infinity);
    await expect(
      writeFileAtomic(file, 'new', { platform: 'win32', retryDelaysMs: [1, 2, 3], fs: { rename } }),
    ).rejects.toThrow(
      `Cannot replace ${file}: another program is using it (EBUSY, still after retrying for 0.006 s). ` +
        'Close the program that has it open (an editor, a sync or antivirus tool) and try again; the file was not changed.',
    );
    expect(calls).toHaveLength(4);
    expect(await fsp.readFile(file, 'utf8')).toBe('old');
    expect(await listDir()).toEqual(['config']);
  });

  it('names the file in the language of the run when the retries run out (EPERM, EACCES too)', async () => {
    const file = path.join(dir, 'config');
    await fsp.writeFile(file, 'old');
    for (const code of ['EPERM', 'EACCES']) {
      const { rename } = flakyRename(code, Infinity);
      await expect(
        writeFileAtomic(file, 'new', { platform: 'win32', retryDelaysMs: [1], fs: { rename }, messages: await loadCatalogue('ja') }),
      ).rejects.toThrow(`${file} を置き換えられません: 別のプログラムが使用中です (${code}、0.001 秒再試行した後も同じです)。`);
    }
    // Through updateFile, as every config write goes.
    const { rename } = flakyRename('EPERM', Infinity);
    await expect(
      updateFile(file, (t) => t + 'x', { platform: 'win32', retryDelaysMs: [1, 1], fs: { rename } }),
    ).rejects.toThrow(`Cannot replace ${file}: another program is using it (EPERM`);
    expect(await fsp.readFile(file, 'utf8')).toBe('old');
    expect(await listDir()).toEqual(['config']);
  });

  it('does not retry on other platforms or for other errors', async () => {
    const file = path.join(dir, 'config');
    await fsp.writeFile(file, 'old');
    const linux = flakyRename('EPERM', 1);
    await expect(writeFileAtomic(file, 'new', { platform: 'linux', fs: { rename: linux.rename } })).rejects.toThrow(
      /EPERM/,
    );
    expect(linux.calls).toHaveLength(1);
    const windows = flakyRename('EXDEV', 1);
    await expect(
      writeFileAtomic(file, 'new', { platform: 'win32', retryDelaysMs: [1], fs: { rename: windows.rename } }),
    ).rejects.toThrow(/EXDEV/);
    expect(windows.calls).toHaveLength(1);
    expect(await fsp.readFile(file, 'utf8')).toBe('old');
    expect(await listDir()).toEqual(['config']);
  });
});

describe('updateFile', () => {
  it('creates a missing file 0600 and reports the change', async () => {
    const file = path.join(dir, '.aws', 'config');
    const result = await updateFile(file, (text) => updateSection(text, 'default', [['region', 'us-west-2']]));
    expect(result).toEqual({ changed: true, before: '', after: '[default]\nregion = us-west-2\n' });
    expect(await fsp.readFile(file, 'utf8')).toBe(result.after);
    if (process.platform !== 'win32') expect(await modeOf(file)).toBe(0o600);
    expect(await listDir(path.dirname(file))).toEqual(['config']);
  });

  it('does not write when nothing changes', async () => {
    const file = path.join(dir, 'config');
    await fsp.writeFile(file, '[default]\r\nregion=us-west-2');
    const before = await fsp.stat(file);
    const result = await updateFile(file, (text) => updateSection(text, 'default', [['region', 'us-west-2']]));
    expect(result.changed).toBe(false);
    const after = await fsp.stat(file);
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
    expect(await listDir()).toEqual(['config']);
  });

  it('round-trips a BOM and CRLF byte for byte', async () => {
    const file = path.join(dir, 'config');
    await fsp.writeFile(file, Buffer.from('\uFEFF[default]\r\nregion = a\r\n', 'utf8'));
    await updateFile(file, (text) => updateSection(text, 'default', [['output', 'json']]));
    expect(await fsp.readFile(file)).toEqual(Buffer.from('\uFEFF[default]\r\nregion = a\r\noutput = json\r\n', 'utf8'));
  });

  it('refuses a file that is not valid UTF-8 and leaves it unchanged', async () => {
    const file = path.join(dir, 'config');
    const bytes = Buffer.from([0x5b, 0x64, 0x65, 0x66, 0x5d, 0x0a, 0x78, 0x20, 0x3d, 0x20, 0xe9, 0x0a]); // latin-1 é
    await fsp.writeFile(file, bytes);
    let called = false;
    const attempt = updateFile(file, (text) => {
      called = true;
      return text + 'x';
    });
    await expect(attempt).rejects.toThrow(`${file} is not valid UTF-8`);
    expect(called).toBe(false);
    expect(await fsp.readFile(file)).toEqual(bytes);
    expect(await listDir()).toEqual(['config']); // lock released
  });

  it('serialises 20 concurrent updates so that none is lost', async () => {
    const file = path.join(dir, 'config');
    const names = Array.from({ length: 20 }, (_, i) => `p${i}`);
    const results = await Promise.all(
      names.map((name) =>
        updateFile(file, (text) => updateSection(text, `profile ${name}`, [['region', `region-${name}`]])),
      ),
    );
    expect(results.every((result) => result.changed)).toBe(true);
    const { configFile } = await loadSharedConfigFiles({
      configFilepath: file,
      filepath: path.join(dir, 'none'),
      ignoreCache: true,
    });
    for (const name of names) expect(configFile[name]).toEqual({ region: `region-${name}` });
    const text = await fsp.readFile(file, 'utf8');
    expect(text.split('\n').filter((line) => line.startsWith('['))).toHaveLength(20);
    expect(await listDir()).toEqual(['config']);
  });
});

describe('withFileLock', () => {
  const lockInfo = (pid: number, hostname = os.hostname()) =>
    JSON.stringify({ pid, hostname, time: new Date().toISOString(), token: 'someone-else' });

  it('creates the lock file with pid, hostname and time, and removes it afterwards', async () => {
    const file = path.join(dir, 'config');
    const seen = await withFileLock(file, async () => JSON.parse(await fsp.readFile(`${file}.lock`, 'utf8')));
    expect(seen).toMatchObject({ pid: process.pid, hostname: os.hostname() });
    expect(new Date(seen.time).getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(await listDir()).toEqual([]);
  });

  it('releases the lock when fn throws', async () => {
    const file = path.join(dir, 'config');
    await expect(withFileLock(file, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await listDir()).toEqual([]);
  });

  it('removes a lock older than staleMs', async () => {
    const file = path.join(dir, 'config');
    await fsp.writeFile(`${file}.lock`, lockInfo(1, 'another-host'));
    const old = new Date(Date.now() - 60_000);
    await fsp.utimes(`${file}.lock`, old, old);
    const started = Date.now();
    await updateFile(file, (text) => updateSection(text, 'default', [['region', 'x']]));
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(await fsp.readFile(file, 'utf8')).toBe('[default]\nregion = x\n');
    expect(await listDir()).toEqual(['config']);
  });

  it('removes a fresh lock whose holder on this host has exited', async () => {
    const file = path.join(dir, 'config');
    await fsp.writeFile(`${file}.lock`, lockInfo(0x3fffffff));
    expect(await withFileLock(file, async () => 'ran')).toBe('ran');
    expect(await listDir()).toEqual([]);
  });

  it('waits for a live holder, then times out leaving its lock alone', async () => {
    const file = path.join(dir, 'config');
    await fsp.writeFile(`${file}.lock`, lockInfo(process.pid));
    let ran = false;
    const attempt = withFileLock(
      file,
      async () => {
        ran = true;
      },
      { timeoutMs: 150 },
    );
    await expect(attempt).rejects.toThrow(/Timed out .* waiting for the lock file .*config\.lock \(held by process/);
    expect(ran).toBe(false);
    expect(JSON.parse(await fsp.readFile(`${file}.lock`, 'utf8'))).toMatchObject({ token: 'someone-else' });
  });

  /** A clock whose sleep returns at once and moves time on: the lock's waits without waiting. */
  function fakeClock() {
    let elapsed = 0;
    return {
      now: () => Date.now() + elapsed,
      sleep: async (ms: number) => {
        elapsed += ms;
      },
      elapsed: () => elapsed,
    };
  }

  it('breaks an empty lock left by a crash once it is older than a short grace, within the default wait', async () => {
    const file = path.join(dir, 'config');
    await fsp.writeFile(`${file}.lock`, '');
    const clock = fakeClock();
    expect(await withFileLock(file, async () => 'ran', { clock })).toBe('ran');
    // Not at once (its holder may be writing its pid into it right now), and not after 15 s.
    expect(clock.elapsed()).toBeGreaterThan(1_500);
    expect(clock.elapsed()).toBeLessThan(15_000);
    expect(await listDir()).toEqual([]);
  });

  it('breaks a lock from another host (shared home, devcontainer) once it is stale, within the default wait', async () => {
    const file = path.join(dir, 'config');
    await fsp.writeFile(`${file}.lock`, lockInfo(4242, 'another-host'));
    const clock = fakeClock();
    expect(await withFileLock(file, async () => 'ran', { clock })).toBe('ran');
    expect(clock.elapsed()).toBeGreaterThan(9_000);
    expect(clock.elapsed()).toBeLessThan(15_000);
    expect(await listDir()).toEqual([]);
  });

  it('breaks a lock of a live process on this host (a reused pid) once it is stale, rather than failing', async () => {
    const file = path.join(dir, 'config');
    await fsp.writeFile(`${file}.lock`, lockInfo(process.ppid));
    const clock = fakeClock();
    expect(await withFileLock(file, async () => 'ran', { clock })).toBe('ran');
    expect(clock.elapsed()).toBeGreaterThan(9_000);
    expect(await listDir()).toEqual([]);
  });

  it('gives up on a lock that never gets stale, naming the file to delete and why', async () => {
    const file = path.join(dir, 'config');
    await fsp.writeFile(`${file}.lock`, lockInfo(4242, 'another-host'));
    const future = new Date(Date.now() + 3_600_000); // written by a host whose clock is an hour ahead
    await fsp.utimes(`${file}.lock`, future, future);
    const clock = fakeClock();
    const attempt = withFileLock(file, async () => 'ran', { clock });
    await expect(attempt).rejects.toThrow(
      new RegExp(
        `Timed out after 15 s waiting for the lock file .*config\\.lock \\(held by process 4242 on another-host since .*\\)\\. ` +
          `.*removed once it is 10 s old.*dated in the future.*delete ${escapeRegExp(file)}\\.lock and try again`,
      ),
    );
    expect(JSON.parse(await fsp.readFile(`${file}.lock`, 'utf8'))).toMatchObject({ token: 'someone-else' });
  });

  it('says an empty lock file is empty when it gives up on it', async () => {
    const file = path.join(dir, 'config');
    await fsp.writeFile(`${file}.lock`, '');
    const attempt = withFileLock(file, async () => 'ran', { clock: fakeClock(), timeoutMs: 1_000 });
    await expect(attempt).rejects.toThrow(/config\.lock \(empty or unreadable\)\. .*delete .*config\.lock and try again/);
  });

  it('gets the lock as soon as the holder releases it', async () => {
    const file = path.join(dir, 'config');
    const order: string[] = [];
    let release!: () => void;
    const held = withFileLock(file, async () => {
      order.push('first in');
      await new Promise<void>((resolve) => (release = resolve));
      order.push('first out');
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const second = withFileLock(file, async () => {
      order.push('second');
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(order).toEqual(['first in']);
    release();
    await Promise.all([held, second]);
    expect(order).toEqual(['first in', 'first out', 'second']);
  });

  /** A promise and the function that settles it. */
  function signal() {
    let resolve!: () => void;
    const promise = new Promise<void>((r) => (resolve = r));
    return { promise, resolve };
  }

  it('a waiter that judged a lock stale never takes away the lock another waiter took after breaking it', async () => {
    // Waiters find the lock of a holder that has exited at about the same moment. One breaks it
    // and takes the lock; the slower one, acting on what it saw, must not remove that lock:
    // another waiter would take the lock too, and of the two holders' updates one would be lost.
    const file = path.join(dir, 'config');
    const lockPath = `${file}.lock`;
    await fsp.writeFile(lockPath, lockInfo(0x3fffffff)); // its holder has exited: stale at once
    let inside = 0;
    let most = 0;
    const critical = async (until?: Promise<void>) => {
      most = Math.max(most, ++inside);
      await until;
      inside--;
    };

    const slowHasRead = signal();
    const slowGoesOn = signal();
    const slowSawFirst = signal();
    const firstHolds = signal();
    const firstLeaves = signal();
    let firstToken: string | undefined;
    let firstInside = false;
    let third: Promise<void> | undefined;
    // The slow waiter stops once it has read the exited holder's lock, until the first waiter holds the lock.
    const seen = async (file: string, text: string) => {
      if (file !== lockPath) return;
      if (text.includes('someone-else') && firstToken === undefined) {
        slowHasRead.resolve();
        await slowGoesOn.promise;
      } else if (firstToken !== undefined && text.includes(firstToken)) {
        slowSawFirst.resolve();
      }
    };
    // After each change the slow waiter makes: while the first waiter holds the lock, is its lock
    // file still there? If not, a third waiter comes and gets the lock.
    const changed = async () => {
      if (!firstInside || third) return;
      const text = await fsp.readFile(lockPath, 'utf8').catch(() => '');
      if (!text.includes(firstToken!)) await (third = withFileLock(file, () => critical()));
    };
    const slowFs: Partial<FsPromises> = {
      readFile: (async (file: string, options: BufferEncoding) => {
        const text = await fsp.readFile(file, options);
        await seen(file, String(text));
        return text;
      }) as FsPromises['readFile'],
      open: (async (file: string, flags: string, mode?: number) => {
        const handle = await fsp.open(file, flags, mode);
        if (flags !== 'r') {
          await changed();
          return handle;
        }
        const readFile = handle.readFile.bind(handle);
        return Object.assign(handle, {
          readFile: async (options: BufferEncoding) => {
            const text = await readFile(options);
            await seen(file, String(text));
            return text;
          },
        });
      }) as FsPromises['open'],
      rename: async (from, to) => {
        await fsp.rename(from, to);
        await changed();
      },
      link: async (existing, to) => {
        await fsp.link(existing, to);
        await changed();
      },
      unlink: async (file) => {
        await fsp.unlink(file);
        await changed();
      },
    };

    const slow = withFileLock(file, () => critical(), { fs: slowFs });
    await slowHasRead.promise;
    const first = withFileLock(file, async () => {
      firstToken = JSON.parse(await fsp.readFile(lockPath, 'utf8')).token;
      firstInside = true;
      firstHolds.resolve();
      await critical(firstLeaves.promise);
      firstInside = false;
    });
    await firstHolds.promise;
    slowGoesOn.resolve();
    await slowSawFirst.promise; // the slow waiter is waiting for the first one now
    firstLeaves.resolve();
    await Promise.all([slow, first, third]);
    expect(most).toBe(1);
    expect(await listDir()).toEqual([]);
  });

  it('leaves a stale lock to the waiter breaking it', async () => {
    const file = path.join(dir, 'config');
    await fsp.writeFile(`${file}.lock`, lockInfo(0x3fffffff));
    await fsp.writeFile(`${file}.lock.break`, lockInfo(process.pid)); // a live waiter is breaking it
    const attempt = withFileLock(file, async () => 'ran', { clock: fakeClock(), timeoutMs: 1_000 });
    await expect(attempt).rejects.toThrow(/Timed out/);
    expect(JSON.parse(await fsp.readFile(`${file}.lock`, 'utf8'))).toMatchObject({ pid: 0x3fffffff });
  });

  it('breaks a stale lock whose breaker exited while breaking it', async () => {
    const file = path.join(dir, 'config');
    await fsp.writeFile(`${file}.lock`, lockInfo(0x3fffffff));
    await fsp.writeFile(`${file}.lock.break`, lockInfo(0x3ffffffe));
    expect(await withFileLock(file, async () => 'ran')).toBe('ran');
    expect(await listDir()).toEqual([]);
  });

  it('frees the lock path at once on release, also where a deleted file keeps its name while another process has it open (Windows)', async () => {
    // Windows, Wine: a file deleted while a waiter is reading it stays, under its name, until the
    // waiter closes it. Here deletions stay pending until the end of the test.
    const file = path.join(dir, 'config');
    const pending: string[] = [];
    const unlink: FsPromises['unlink'] = async (file) => {
      pending.push(String(file));
    };
    expect(await withFileLock(file, async () => 'first', { fs: { unlink } })).toBe('first');
    expect(await listDir()).not.toContain('config.lock');
    expect(await withFileLock(file, async () => 'second', { fs: { unlink }, timeoutMs: 0 })).toBe('second');
    for (const file of pending) await fsp.unlink(file);
    expect(await listDir()).toEqual([]);
  });
});

describe('createBackupper', () => {
  it('copies the file once per run, with its mode, and returns the backup path', async () => {
    const file = path.join(dir, 'config');
    await fsp.writeFile(file, '[default]\r\nregion = a\r\n');
    await fsp.chmod(file, 0o640);
    const backupper = createBackupper();
    expect(await backupper.backup(file)).toBe(`${file}.sso-setup.bak`);
    expect(await fsp.readFile(`${file}.sso-setup.bak`, 'utf8')).toBe('[default]\r\nregion = a\r\n');
    if (process.platform !== 'win32') expect(await modeOf(`${file}.sso-setup.bak`)).toBe(0o640);

    await fsp.writeFile(file, 'changed by this run');
    expect(await backupper.backup(file)).toBeUndefined();
    expect(await backupper.backup(path.join(dir, '.', 'config'))).toBeUndefined(); // same file, other spelling
    expect(await fsp.readFile(`${file}.sso-setup.bak`, 'utf8')).toBe('[default]\r\nregion = a\r\n');
    expect(await listDir()).toEqual(['config', 'config.sso-setup.bak']);
  });

  it("replaces an older run's backup; each run (backupper) backs up once", async () => {
    const file = path.join(dir, 'config');
    await fsp.writeFile(`${file}.sso-setup.bak`, 'from an older run');
    await fsp.chmod(`${file}.sso-setup.bak`, 0o600);
    await fsp.writeFile(file, 'first');
    await fsp.chmod(file, 0o644);
    expect(await createBackupper().backup(file)).toBe(`${file}.sso-setup.bak`);
    expect(await fsp.readFile(`${file}.sso-setup.bak`, 'utf8')).toBe('first');
    if (process.platform !== 'win32') expect(await modeOf(`${file}.sso-setup.bak`)).toBe(0o644);
    await fsp.writeFile(file, 'second');
    expect(await createBackupper().backup(file)).toBe(`${file}.sso-setup.bak`);
    expect(await fsp.readFile(`${file}.sso-setup.bak`, 'utf8')).toBe('second');
  });

  it('makes no backup of a missing or empty file, and none later in the same run', async () => {
    const missing = path.join(dir, 'missing');
    const empty = path.join(dir, 'empty');
    await fsp.writeFile(empty, '');
    const backupper = createBackupper();
    expect(await backupper.backup(missing)).toBeUndefined();
    expect(await backupper.backup(empty)).toBeUndefined();
    await fsp.writeFile(missing, 'written by this run');
    await fsp.writeFile(empty, 'written by this run');
    expect(await backupper.backup(missing)).toBeUndefined();
    expect(await backupper.backup(empty)).toBeUndefined();
    expect(await listDir()).toEqual(['empty', 'missing']);
  });

  it('gives concurrent calls for one path a single backup', async () => {
    const file = path.join(dir, 'config');
    await fsp.writeFile(file, 'x');
    const backupper = createBackupper();
    const results = await Promise.all([backupper.backup(file), backupper.backup(file), backupper.backup(file)]);
    expect(results.filter((result) => result !== undefined)).toEqual([`${file}.sso-setup.bak`]);
  });

  it('tries again after a failed copy, leaving no temp file', async () => {
    const file = path.join(dir, 'config');
    await fsp.writeFile(file, 'x');
    const { rename } = flakyRename('ENOSPC', 1);
    const backupper = createBackupper({ fs: { rename } });
    const [first, second] = await Promise.allSettled([backupper.backup(file), backupper.backup(file)]);
    expect(first).toMatchObject({ status: 'rejected', reason: { code: 'ENOSPC' } });
    expect(second).toEqual({ status: 'fulfilled', value: `${file}.sso-setup.bak` });
    expect(await backupper.backup(file)).toBeUndefined();
    expect(await listDir()).toEqual(['config', 'config.sso-setup.bak']);
  });

  it('backs up the content of a symlinked config next to the link, and never follows a link at the backup name', async () => {
    if (process.platform === 'win32') return;
    const real = path.join(dir, 'dotfiles-config');
    const link = path.join(dir, 'config');
    const victim = path.join(dir, 'victim');
    await fsp.writeFile(real, 'real content');
    await fsp.symlink(real, link);
    await fsp.writeFile(victim, 'not to be overwritten');
    await fsp.symlink(victim, `${link}.sso-setup.bak`);
    expect(await createBackupper().backup(link)).toBe(`${link}.sso-setup.bak`);
    expect((await fsp.lstat(`${link}.sso-setup.bak`)).isSymbolicLink()).toBe(false);
    expect(await fsp.readFile(`${link}.sso-setup.bak`, 'utf8')).toBe('real content');
    expect(await fsp.readFile(victim, 'utf8')).toBe('not to be overwritten');
    expect((await fsp.lstat(link)).isSymbolicLink()).toBe(true);
  });
});

describe('updateFile with a backup', () => {
  const setRegion = (region: string) => (text: string) => updateSection(text, 'default', [['region', region]]);

  it("backs up the file as it was before the run's first change, under the lock, before replacing it", async () => {
    const file = path.join(dir, 'config');
    await fsp.writeFile(file, '# mine\n[default]\nregion = a\n');
    const backupper = createBackupper();
    const seen: Array<{ lock: boolean; content: string }> = [];
    const backup = async (target: string) => {
      seen.push({
        lock: await fsp.stat(`${target}.lock`).then(() => true, () => false),
        content: await fsp.readFile(target, 'utf8'),
      });
      return backupper.backup(target);
    };
    const first = await updateFile(file, setRegion('b'), { backup });
    expect(first).toMatchObject({ changed: true, backupFile: `${file}.sso-setup.bak` });
    expect(seen).toEqual([{ lock: true, content: '# mine\n[default]\nregion = a\n' }]);
    const second = await updateFile(file, setRegion('c'), { backup });
    expect(second.changed).toBe(true);
    expect(second).not.toHaveProperty('backupFile');
    expect(await fsp.readFile(file, 'utf8')).toBe('# mine\n[default]\nregion = c\n');
    expect(await fsp.readFile(`${file}.sso-setup.bak`, 'utf8')).toBe('# mine\n[default]\nregion = a\n');
    expect(await listDir()).toEqual(['config', 'config.sso-setup.bak']);
  });

  it('does not call backup when nothing changes', async () => {
    const file = path.join(dir, 'config');
    await fsp.writeFile(file, '[default]\nregion = a\n');
    let calls = 0;
    const result = await updateFile(file, setRegion('a'), { backup: async () => (calls++, 'unused') });
    expect(result).toEqual({ changed: false, before: '[default]\nregion = a\n', after: '[default]\nregion = a\n' });
    expect(calls).toBe(0);
    expect(await listDir()).toEqual(['config']);
  });

  it('creates a new file without a backup, and does not back up what the run wrote', async () => {
    const file = path.join(dir, 'config');
    const backupper = createBackupper();
    const first = await updateFile(file, setRegion('a'), { backup: backupper.backup });
    const second = await updateFile(file, setRegion('b'), { backup: backupper.backup });
    expect([first.backupFile, second.backupFile]).toEqual([undefined, undefined]);
    expect(await listDir()).toEqual(['config']);
  });

  it('leaves the file unchanged and the lock released when the backup fails', async () => {
    const file = path.join(dir, 'config');
    await fsp.writeFile(file, '[default]\nregion = a\n');
    const attempt = updateFile(file, setRegion('b'), {
      backup: async () => {
        throw errnoError('ENOSPC');
      },
    });
    await expect(attempt).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(await fsp.readFile(file, 'utf8')).toBe('[default]\nregion = a\n');
    expect(await listDir()).toEqual(['config']);
  });
});

describe('line endings of the config file by platform (docs/compat.md §A9 "Line endings")', () => {
  /** Just what writeConfig reads from a Context, on an injected platform. */
  const ctxOn = (platform: NodeJS.Platform, configFile: string) =>
    ({
      platform,
      paths: { configFile },
      fsOptions: {},
      messages: catalogue('en'),
      backup: async () => undefined,
      stdout: { write: () => undefined },
    }) as unknown as Context;
  const edit = (text: string) =>
    updateSection(updateSection(text, 'profile dev', [['sso_session', 'corp'], ['region', 'ap-northeast-1']]), 'sso-session corp', [
      ['sso_start_url', 'https://d-9067c0ab12.awsapps.com/start'],
    ]);

  it('is CRLF on win32 and LF elsewhere for a new file', () => {
    expect(newFileLineEnding('win32')).toBe('\r\n');
    expect(newFileLineEnding('linux')).toBe('\n');
    expect(newFileLineEnding('darwin')).toBe('\n');
  });

  it('writes a new file on win32 as the AWS CLI for Windows does: every line CRLF', async () => {
    const file = path.join(dir, 'config');
    await writeConfig(ctxOn('win32', file), edit);
    expect(await fsp.readFile(file, 'utf8')).toBe(
      '[profile dev]\r\nsso_session = corp\r\nregion = ap-northeast-1\r\n' +
        '[sso-session corp]\r\nsso_start_url = https://d-9067c0ab12.awsapps.com/start\r\n',
    );
    const linux = path.join(dir, 'linux-config');
    await writeConfig(ctxOn('linux', linux), edit);
    expect(await fsp.readFile(linux, 'utf8')).toBe((await fsp.readFile(file, 'utf8')).replaceAll('\r\n', '\n'));
  });

  it('treats an empty file, or one line without an ending, as new on win32', async () => {
    const file = path.join(dir, 'config');
    await fsp.writeFile(file, '');
    await writeConfig(ctxOn('win32', file), edit);
    expect(await fsp.readFile(file, 'utf8')).not.toMatch(/[^\r]\n/);
    await fsp.writeFile(file, '# mine');
    await writeConfig(ctxOn('win32', file), edit);
    const text = await fsp.readFile(file, 'utf8');
    expect(text.startsWith('# mine\r\n[profile dev]\r\n')).toBe(true);
    expect(text).not.toMatch(/[^\r]\n/);
  });

  it('keeps an existing file\'s own line endings on win32 (LF stays LF, CRLF stays CRLF)', async () => {
    const lf = path.join(dir, 'lf');
    await fsp.writeFile(lf, '[default]\nregion = us-east-1\n');
    await writeConfig(ctxOn('win32', lf), edit);
    expect(await fsp.readFile(lf, 'utf8')).not.toContain('\r');
    const crlf = path.join(dir, 'crlf');
    await fsp.writeFile(crlf, '[default]\r\nregion = us-east-1\r\n');
    await writeConfig(ctxOn('linux', crlf), edit);
    expect(await fsp.readFile(crlf, 'utf8')).not.toMatch(/[^\r]\n/);
  });
});
