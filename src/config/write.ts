/**
 * Writing ~/.aws/config (and other small files) without ever leaving a damaged file:
 * read-modify-write under a lock, and atomic replacement through a temp file.
 *
 * The AWS CLI rewrites the file in place (`open(path, 'w')`), so a crash or a concurrent
 * `aws configure` can leave it truncated or lose an update. We instead write a temp file
 * next to it and rename it over the target, keeping the target's mode, and follow a
 * symlinked config (dotfile managers) so the link itself stays a link. Before a run's first
 * change, createBackupper keeps one copy of the file as it was (`config.sso-setup.bak`).
 */
import * as nodeFs from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { CliError } from '../errors.js';

/** The parts of node:fs/promises used here; tests may replace any of them. */
export type FsPromises = Pick<
  typeof nodeFs,
  'open' | 'readFile' | 'rename' | 'chmod' | 'chown' | 'stat' | 'lstat' | 'unlink' | 'mkdir' | 'realpath'
>;

export interface FileSystemOptions {
  /** Injected so the Windows branches are testable on Linux. Default: process.platform. */
  platform?: NodeJS.Platform;
  /** Delays between rename attempts on Windows. Default: [10, 50, 100, 200, 500, 1000]. */
  retryDelaysMs?: number[];
  /** Overrides for node:fs/promises functions (tests). */
  fs?: Partial<FsPromises>;
}

export interface LockOptions {
  /** How long to wait for another holder. Default 10 s. */
  timeoutMs?: number;
  /** A lock file older than this is considered abandoned and removed. Default 30 s. */
  staleMs?: number;
}

const DEFAULT_RETRY_DELAYS_MS = [10, 50, 100, 200, 500, 1000];
const DEFAULT_NEW_FILE_MODE = 0o600;

function resolveFs(options?: FileSystemOptions): FsPromises {
  return { ...nodeFs, ...options?.fs } as FsPromises;
}

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

// ---------------------------------------------------------------------------------------
// Read-modify-write

export interface UpdateFileOptions extends FileSystemOptions {
  /** Mode of a file that doesn't exist yet. Default 0600. */
  newFileMode?: number;
  lock?: LockOptions;
  /**
   * Called under the lock when the content is about to change, before the new content
   * replaces the file; returns the backup it made, if any. See createBackupper. If it
   * throws, the file is left unchanged.
   */
  backup?: (file: string) => Promise<string | undefined>;
}

export interface UpdateFileResult {
  changed: boolean;
  before: string;
  after: string;
  /** The backup `options.backup` made for this change. */
  backupFile?: string;
}

/**
 * Read-modify-write under a lock: reads the file ('' if missing), calls edit(text), and if
 * the result differs writes it atomically. A file that is not valid UTF-8 is refused
 * rather than rewritten lossily. A UTF-8 BOM is passed to `edit` as '\uFEFF'.
 */
export async function updateFile(
  file: string,
  edit: (text: string) => string,
  options?: UpdateFileOptions,
): Promise<UpdateFileResult> {
  return withFileLock(
    file,
    async () => {
      const before = await readTextFile(file, options);
      const after = edit(before);
      if (after === before) return { changed: false, before, after };
      const backupFile = await options?.backup?.(file);
      await writeFileAtomic(file, after, { ...options, mode: options?.newFileMode ?? DEFAULT_NEW_FILE_MODE });
      return backupFile === undefined ? { changed: true, before, after } : { changed: true, before, after, backupFile };
    },
    options?.lock,
  );
}

// ---------------------------------------------------------------------------------------
// Backup

export const BACKUP_SUFFIX = '.sso-setup.bak';

export interface Backupper {
  /**
   * The first call for a path in this run copies the file, if it exists and isn't empty, to
   * `${path}.sso-setup.bak` (atomically, same mode, replacing an older backup) and returns
   * the backup's path. Every later call for that path returns undefined: the backup is of
   * the file as it was before this run changed it. A copy that fails is tried again on the
   * next call.
   */
  backup(file: string): Promise<string | undefined>;
}

/** One per CLI run: pass `backupper.backup` to updateFile as `backup`. */
export function createBackupper(options?: FileSystemOptions): Backupper {
  const attempts = new Map<string, Promise<string | undefined>>();
  const backup = (file: string): Promise<string | undefined> => {
    const key = path.resolve(file);
    const earlier = attempts.get(key);
    // Waits for the first copy; if that failed (and was forgotten), tries again.
    if (earlier) return earlier.then(() => undefined, () => backup(file));
    const attempt = copyToBackup(file, options);
    attempts.set(key, attempt);
    attempt.catch(() => attempts.delete(key));
    return attempt;
  };
  return { backup };
}

async function copyToBackup(file: string, options?: FileSystemOptions): Promise<string | undefined> {
  const fs = resolveFs(options);
  let source: Stats;
  let bytes: Buffer;
  try {
    // Through a symlinked config: the backup holds the content, next to the path we were given.
    source = await fs.stat(file);
    bytes = await fs.readFile(file);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined;
    throw error;
  }
  if (bytes.length === 0) return undefined;
  const backupFile = `${file}${BACKUP_SUFFIX}`;
  // Replaces the path itself: a symlink planted at the backup's name is not followed.
  await replaceFile(fs, backupFile, bytes, source.mode & 0o7777, source, options);
  return backupFile;
}

/** The file as a string, '' if it doesn't exist; throws if it isn't valid UTF-8. */
async function readTextFile(file: string, options?: FileSystemOptions): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await resolveFs(options).readFile(file);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return '';
    throw error;
  }
  try {
    // ignoreBOM: keep a leading BOM in the string so that it is written back.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new CliError(`${file} is not valid UTF-8 text; not changing it. Fix or convert the file and try again.`);
  }
}

// ---------------------------------------------------------------------------------------
// Atomic write

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
  options?: FileSystemOptions & { mode?: number; exactMode?: number },
): Promise<void> {
  const fs = resolveFs(options);
  const target = await resolveTarget(fs, file);
  const existing = await statIfExists(fs, target);
  // exactMode (secrets: cache files) always applies; otherwise an existing file keeps its mode.
  const mode = options?.exactMode ?? (existing ? existing.mode & 0o7777 : (options?.mode ?? DEFAULT_NEW_FILE_MODE));
  await replaceFile(fs, target, data, mode, existing, options);
}

/**
 * The atomic part of writeFileAtomic: temp file, write, fsync, chmod, owner of `owner`
 * (when root), rename over `target` (which is replaced, not followed, if it is a link).
 */
async function replaceFile(
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

  const temp = path.join(dir, `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeAndSync(fs, temp, data);
    await fs.chmod(temp, mode);
    if (owner) await keepOwner(fs, temp, owner, platform);
    await renameWithRetry(fs, temp, target, platform, options?.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS);
  } catch (error) {
    await fs.unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncDirectory(fs, dir, platform);
}

/** The real path of an existing file (through symlinks); the path itself for a new file. */
async function resolveTarget(fs: FsPromises, file: string): Promise<string> {
  try {
    return await fs.realpath(file);
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') throw error;
  }
  const link = await fs.lstat(file).catch(() => undefined);
  if (link?.isSymbolicLink()) {
    throw new CliError(`${file} is a symbolic link to a file that doesn't exist; not replacing the link.`);
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

// ---------------------------------------------------------------------------------------
// Lock

interface LockInfo {
  pid: number;
  hostname: string;
  time: string;
  /** Identifies this acquisition, so we never delete a lock someone else now holds. */
  token: string;
}

/**
 * Exclusive advisory lock `${file}.lock`, created with 'wx' and containing pid, hostname and
 * time. Waits with backoff (up to timeoutMs) while another live holder has it. A lock older
 * than staleMs, or held by a process of this host that no longer exists, is removed. The
 * lock is always released, also when fn throws.
 */
export async function withFileLock<T>(file: string, fn: () => Promise<T>, options?: LockOptions): Promise<T> {
  const lockPath = `${file}.lock`;
  const token = await acquireLock(lockPath, options?.timeoutMs ?? 10_000, options?.staleMs ?? 30_000);
  try {
    return await fn();
  } finally {
    await releaseLock(lockPath, token);
  }
}

async function acquireLock(lockPath: string, timeoutMs: number, staleMs: number): Promise<string> {
  await nodeFs.mkdir(path.dirname(lockPath), { recursive: true });
  const deadline = Date.now() + timeoutMs;
  let backoffMs = 5;
  for (;;) {
    const token = await tryCreateLock(lockPath);
    if (token) return token;
    const holder = await inspectLock(lockPath);
    if (!holder) continue; // released between our attempt and the look
    if (isStale(holder, staleMs)) {
      await breakLock(lockPath, holder.stats);
      continue;
    }
    const remaining = deadline - Date.now();
    if (remaining <= 0) throw lockTimeoutError(lockPath, timeoutMs, holder.info);
    await sleep(Math.min(remaining, backoffMs * (0.5 + Math.random())));
    backoffMs = Math.min(backoffMs * 2, 250);
  }
}

/** Creates the lock file; returns its token, or undefined if somebody else has it. */
async function tryCreateLock(lockPath: string): Promise<string | undefined> {
  let handle: nodeFs.FileHandle;
  try {
    handle = await nodeFs.open(lockPath, 'wx', 0o600);
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return undefined;
    throw error;
  }
  const info: LockInfo = {
    pid: process.pid,
    hostname: os.hostname(),
    time: new Date().toISOString(),
    token: randomBytes(16).toString('hex'),
  };
  try {
    await handle.writeFile(JSON.stringify(info));
  } catch (error) {
    await handle.close().catch(() => undefined);
    await nodeFs.unlink(lockPath).catch(() => undefined);
    throw error;
  }
  await handle.close();
  return info.token;
}

interface LockHolder {
  stats: Stats;
  /** Undefined while the holder is still writing it, or if it isn't ours. */
  info?: LockInfo;
}

async function inspectLock(lockPath: string): Promise<LockHolder | undefined> {
  try {
    const stats = await nodeFs.stat(lockPath);
    return { stats, info: parseLockInfo(await nodeFs.readFile(lockPath, 'utf8')) };
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined;
    throw error;
  }
}

function parseLockInfo(text: string): LockInfo | undefined {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return undefined;
    const info = value as Partial<LockInfo>;
    if (typeof info.pid !== 'number' || typeof info.hostname !== 'string') return undefined;
    return { pid: info.pid, hostname: info.hostname, time: String(info.time), token: String(info.token) };
  } catch {
    return undefined;
  }
}

function isStale(holder: LockHolder, staleMs: number): boolean {
  if (Date.now() - holder.stats.mtimeMs > staleMs) return true;
  const info = holder.info;
  return info !== undefined && info.hostname === os.hostname() && !isProcessAlive(info.pid);
}

function isProcessAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errorCode(error) === 'EPERM'; // exists, but belongs to another user
  }
}

/**
 * Removes an abandoned lock without removing a fresh one that another waiter created in the
 * meantime: move it aside atomically, check it is the file we judged stale, and if it is
 * not, put it back (link fails rather than overwrite if yet another lock appeared).
 */
async function breakLock(lockPath: string, stale: Stats): Promise<void> {
  const aside = `${lockPath}.${randomBytes(6).toString('hex')}.stale`;
  try {
    await nodeFs.rename(lockPath, aside);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return; // someone else removed it
    throw error;
  }
  const moved = await nodeFs.stat(aside);
  if (moved.ino !== stale.ino || moved.mtimeMs !== stale.mtimeMs) {
    await nodeFs.link(aside, lockPath).catch(() => undefined);
  }
  await nodeFs.unlink(aside).catch(() => undefined);
}

async function releaseLock(lockPath: string, token: string): Promise<void> {
  const current = await nodeFs.readFile(lockPath, 'utf8').catch(() => undefined);
  if (current === undefined || parseLockInfo(current)?.token !== token) return; // not ours any more
  await nodeFs.unlink(lockPath).catch(() => undefined);
}

function lockTimeoutError(lockPath: string, timeoutMs: number, info: LockInfo | undefined): CliError {
  const holder = info ? ` (held by process ${info.pid} on ${info.hostname} since ${info.time})` : '';
  return new CliError(
    `Timed out after ${timeoutMs / 1000} s waiting for the lock file ${lockPath}${holder}. ` +
      'If no other sso-setup is running, delete that file and try again.',
  );
}
