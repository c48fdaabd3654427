/**
 * Replacing a file without ever leaving a damaged one: a temp file next to it, written,
 * fsynced and renamed over the target, keeping the target's mode and owner, and following
 * a symlinked config (dotfile managers) so the link itself stays a link.
 *
 * The AWS CLI rewrites the file in place (`open(path, 'w')`), so a crash can leave it
 * truncated; a rename is all or nothing.
 */
import { unlinkSync, type Stats } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { CliError } from '../errors.js';
import { catalogue, type Messages } from '../ui/messages/index.js';
import {
  DEFAULT_NEW_FILE_MODE,
  errorCode,
  resolveFs,
  sleep,
  type FileSystemOptions,
  type FsPromises,
} from './file-system.js';

const DEFAULT_RETRY_DELAYS_MS = [10, 50, 100, 200, 500, 1000];

/**
 * Temp files of the writes in progress in this process. They may hold tokens, so the CLI
 * removes them when it is stopped mid-write (Ctrl-C, SIGTERM): removeInFlightTempFiles.
 */
const inFlight = new Set<string>();

/**
 * Removes the temp files of writes still in progress; their targets are untouched (the
 * rename hasn't happened). Synchronous, for a process 'exit' handler; errors are ignored (a
 * temp file renamed or removed meanwhile is already gone).
 */
export function removeInFlightTempFiles(): void {
  for (const temp of inFlight) {
    try {
      unlinkSync(temp);
    } catch {
      // renamed into place or removed meanwhile
    }
  }
  inFlight.clear();
}

/** `.<name>.<12 hex>.tmp`: the temp file next to `<name>` while it is being replaced. */
export function tempFileFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
}

/** Whether a file name is one of our temp files (left behind only by a process that was killed). */
export function isTempFileName(name: string): boolean {
  return /^\..+\.[0-9a-f]{12}\.tmp$/.test(name);
}

/**
 * Writes atomically: a temp file in the same directory (random suffix, created 0600 with
 * 'wx'), write, fsync, close, chmod to `exactMode` if given, else the existing file's mode
 * (or `mode` for a new file, default 0600),
 * rename over the target. On Windows a rename failing with EPERM/EBUSY/EACCES (virus
 * scanners, indexers holding the file) is retried. On failure the temp file is removed.
 * The parent directory is created if missing. A symlinked target is followed: the file
 * it points to is replaced and the link is kept.
 */
export async function writeFileAtomic(
  file: string,
  data: string | Uint8Array,
  options?: FileSystemOptions & { mode?: number; exactMode?: number; messages?: Messages },
): Promise<void> {
  const fs = resolveFs(options);
  const target = await resolveTarget(fs, file, options?.messages ?? catalogue('en'));
  const existing = await statIfExists(fs, target);
  // exactMode (secrets: cache files) always applies; otherwise an existing file keeps its mode.
  const mode = options?.exactMode ?? (existing ? existing.mode & 0o7777 : (options?.mode ?? DEFAULT_NEW_FILE_MODE));
  await replaceFile(fs, target, data, mode, existing, options);
}

/**
 * The atomic part of writeFileAtomic: temp file, write, fsync, chmod, owner of `owner`
 * (when root), rename over `target` (which is replaced, not followed, if it is a link).
 */
export async function replaceFile(
  fs: FsPromises,
  target: string,
  data: string | Uint8Array,
  mode: number,
  owner: Stats | undefined,
  options?: FileSystemOptions,
): Promise<void> {
  const platform = options?.platform ?? process.platform;
  const dir = path.dirname(target);
  await fs.mkdir(dir, { recursive: true });

  const temp = tempFileFor(target);
  inFlight.add(temp);
  try {
    await writeAndSync(fs, temp, data);
    await fs.chmod(temp, mode);
    if (owner) await keepOwner(fs, temp, owner, platform);
    await renameWithRetry(fs, temp, target, platform, options?.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS);
  } catch (error) {
    await fs.unlink(temp).catch(() => undefined);
    throw error;
  } finally {
    inFlight.delete(temp);
  }
  await syncDirectory(fs, dir, platform);
}

/** The real path of an existing file (through symlinks); the path itself for a new file. */
async function resolveTarget(fs: FsPromises, file: string, m: Messages): Promise<string> {
  try {
    return await fs.realpath(file);
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') throw error;
  }
  const link = await fs.lstat(file).catch(() => undefined);
  if (link?.isSymbolicLink()) {
    throw new CliError(m.config.danglingLink(file));
  }
  return file;
}

async function statIfExists(fs: FsPromises, file: string): Promise<Stats | undefined> {
  try {
    return await fs.stat(file);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined;
    throw error;
  }
}

async function writeAndSync(fs: FsPromises, temp: string, data: string | Uint8Array): Promise<void> {
  const handle = await fs.open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** When run as root on someone else's file (sudo -E), give the new file back to its owner. */
async function keepOwner(fs: FsPromises, temp: string, existing: Stats, platform: NodeJS.Platform): Promise<void> {
  if (platform === 'win32' || process.getuid?.() !== 0) return;
  if (existing.uid === 0 && existing.gid === 0) return;
  await fs.chown(temp, existing.uid, existing.gid).catch(() => undefined);
}

const RETRYABLE_RENAME_ERRORS = new Set(['EPERM', 'EBUSY', 'EACCES']);

async function renameWithRetry(
  fs: FsPromises,
  from: string,
  to: string,
  platform: NodeJS.Platform,
  delaysMs: readonly number[],
): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await fs.rename(from, to);
      return;
    } catch (error) {
      const delay = delaysMs[attempt];
      const retryable = platform === 'win32' && RETRYABLE_RENAME_ERRORS.has(errorCode(error) ?? '');
      if (!retryable || delay === undefined) throw error;
      await sleep(delay);
    }
  }
}

/** Makes the rename itself durable (POSIX only; best effort). */
async function syncDirectory(fs: FsPromises, dir: string, platform: NodeJS.Platform): Promise<void> {
  if (platform === 'win32') return;
  try {
    const handle = await fs.open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Some file systems can't fsync a directory; the data itself is already synced.
  }
}

