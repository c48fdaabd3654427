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
  createExclusive,
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

/** What writeFileAtomic and replaceFile take besides the file system overrides. */
export interface ReplaceOptions extends FileSystemOptions {
  messages?: Messages;
  /**
   * Creates the missing folder of the file (default: `mkdir -p`), called only when the temp
   * file can't be created because the folder isn't there: an existing folder costs nothing.
   */
  makeDirectory?: (dir: string) => Promise<void>;
  /**
   * False: leave the folder unsynced, because the caller writes another file into the same
   * folder next and its sync makes both renames durable. Default true.
   */
  syncDirectory?: boolean;
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
  options?: ReplaceOptions & { mode?: number; exactMode?: number },
): Promise<void> {
  const fs = resolveFs(options);
  const { target, existing } = await resolveTarget(fs, file, options?.messages ?? catalogue('en'));
  // exactMode (secrets: cache files) always applies; otherwise an existing file keeps its mode.
  const mode = options?.exactMode ?? (existing ? existing.mode & 0o7777 : (options?.mode ?? DEFAULT_NEW_FILE_MODE));
  await replaceFile(fs, target, data, mode, existing, options);
}

/**
 * The atomic part of writeFileAtomic: temp file, write, fsync, chmod, owner of `owner`
 * (when root), rename over `target` (which is replaced, not followed, if it is a link), and
 * the folder synced.
 */
export async function replaceFile(
  fs: FsPromises,
  target: string,
  data: string | Uint8Array,
  mode: number,
  owner: Stats | undefined,
  options?: ReplaceOptions,
): Promise<void> {
  const platform = options?.platform ?? process.platform;
  const dir = path.dirname(target);

  const temp = tempFileFor(target);
  inFlight.add(temp);
  try {
    await writeAndSync(fs, temp, data, options?.makeDirectory);
    await fs.chmod(temp, mode);
    if (owner) await keepOwner(fs, temp, owner, platform);
    const delays = options?.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
    try {
      await renameWithRetry(fs, temp, target, platform, delays);
    } catch (error) {
      const code = errorCode(error) ?? '';
      if (platform !== 'win32' || !RETRYABLE_RENAME_ERRORS.has(code)) throw error;
      // Windows: another program (an editor, an antivirus scan, a sync client) holds the file.
      const seconds = delays.reduce((a, b) => a + b, 0) / 1000;
      throw new CliError((options?.messages ?? catalogue('en')).config.replaceBusy(target, code, seconds));
    }
  } catch (error) {
    await fs.unlink(temp).catch(() => undefined);
    throw error;
  } finally {
    inFlight.delete(temp);
  }
  if (options?.syncDirectory !== false) await syncDirectory(fs, dir, platform);
}

/**
 * The file to replace and what it is now: the path itself (a new file, or a file that is no
 * link: one lstat), else the file a symlink points to (its real path and stat). A link to
 * nothing is refused.
 */
async function resolveTarget(fs: FsPromises, file: string, m: Messages): Promise<{ target: string; existing?: Stats }> {
  let stats: Stats;
  try {
    stats = await fs.lstat(file);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return { target: file };
    throw error;
  }
  if (!stats.isSymbolicLink()) return { target: file, existing: stats };
  let target: string;
  try {
    target = await fs.realpath(file);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') throw new CliError(m.config.danglingLink(file));
    throw error;
  }
  return { target, existing: await fs.stat(target) };
}

/** The temp file written and fsynced; its folder made (makeDirectory, default mkdir -p) only when it is missing. */
async function writeAndSync(fs: FsPromises, temp: string, data: string | Uint8Array, makeDirectory?: (dir: string) => Promise<void>): Promise<void> {
  const handle = await createExclusive(fs, temp, makeDirectory);
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

