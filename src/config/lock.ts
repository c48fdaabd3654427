/**
 * An exclusive advisory lock next to a file (`config.lock`), so that concurrent runs (two
 * terminals, a script) never lose each other's updates.
 */
import type { Stats } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { CliError } from '../errors.js';
import { catalogue, type Messages } from '../ui/messages/index.js';
import { createExclusive, errorCode, resolveFs, sleep, type FileSystemOptions, type FsPromises } from './file-system.js';

export interface LockOptions {
  /**
   * How long to wait for another holder. Default 15 s: longer than staleMs, so that a lock
   * left by a crash is always broken within one wait.
   */
  timeoutMs?: number;
  /**
   * A lock file older than this is considered abandoned and removed. Default 10 s: a lock is
   * held for the moment it takes to read, edit and replace a small file.
   */
  staleMs?: number;
  /** Time and waiting (tests). Default: Date.now and setTimeout. */
  clock?: LockClock;
  /** The texts of the error, in the user's language. Default: English. */
  messages?: Messages;
}

export interface LockClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_STALE_MS = 10_000;
/**
 * An empty or unreadable lock file is one whose holder crashed between creating it and
 * writing its pid, or one no sso-setup wrote: stale once older than this.
 */
const UNREADABLE_GRACE_MS = 2_000;

const systemClock: LockClock = { now: () => Date.now(), sleep };

interface LockInfo {
  pid: number;
  hostname: string;
  time: string;
  /** Identifies this acquisition, so we never delete a lock someone else now holds. */
  token: string;
}

/**
 * Exclusive advisory lock `${file}.lock`, created with 'wx' and containing pid, hostname and
 * time. Waits with backoff (up to timeoutMs) while another holder has it. A lock is stale,
 * and removed, when it is held by a process of this host that no longer exists, when it is
 * empty or unreadable for longer than a short grace, and when it is older than staleMs
 * (another host, whose processes we can't check; a reused pid). The wait is longer than
 * staleMs, so only a lock that keeps being renewed, or is dated in the future (clocks of a
 * shared home's hosts differ), ends the wait with an error, which names the file to remove.
 * Waiters that find the same stale lock break it one at a time (see breakLock). The lock is
 * always released, also when fn throws, and its name freed at once (see releaseLock).
 */
export async function withFileLock<T>(
  file: string,
  fn: () => Promise<T>,
  options?: LockOptions & FileSystemOptions,
): Promise<T> {
  const fs = resolveFs(options);
  const lockPath = `${file}.lock`;
  const token = await acquireLock(fs, lockPath, {
    timeoutMs: options?.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    staleMs: options?.staleMs ?? DEFAULT_STALE_MS,
    clock: options?.clock ?? systemClock,
    messages: options?.messages ?? catalogue('en'),
  });
  try {
    return await fn();
  } finally {
    await releaseLock(fs, lockPath, token);
  }
}

async function acquireLock(fs: FsPromises, lockPath: string, rules: Required<LockOptions>): Promise<string> {
  const { timeoutMs, staleMs, clock, messages } = rules;
  const deadline = clock.now() + timeoutMs;
  let backoffMs = 5;
  for (;;) {
    const token = await tryCreateLock(fs, lockPath);
    if (token) return token;
    const holder = await inspectLock(fs, lockPath);
    if (!holder) continue; // released between our attempt and the look
    if (isStale(holder, staleMs, clock.now()) && (await breakLock(fs, lockPath, holder, rules))) continue;
    const remaining = deadline - clock.now();
    if (remaining <= 0) throw lockTimeoutError(messages, lockPath, timeoutMs, staleMs, holder.info);
    await clock.sleep(Math.min(remaining, backoffMs * (0.5 + Math.random())));
    backoffMs = Math.min(backoffMs * 2, 250);
  }
}

/** Creates the lock file; returns its token, or undefined if somebody else has it. */
async function tryCreateLock(fs: FsPromises, lockPath: string): Promise<string | undefined> {
  let handle: FileHandle;
  try {
    handle = await createExclusive(fs, lockPath); // its folder made only when missing (a new ~/.aws)
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
    await fs.unlink(lockPath).catch(() => undefined);
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

/** The lock file at `lockPath` (its stats and content read through one handle: one file), or undefined if there is none. */
async function inspectLock(fs: FsPromises, lockPath: string): Promise<LockHolder | undefined> {
  let handle: FileHandle;
  try {
    handle = await fs.open(lockPath, 'r');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const stats = await handle.stat();
    return { stats, info: parseLockInfo(await handle.readFile('utf8')) };
  } finally {
    await handle.close();
  }
}

/** Whether two looks at a lock path saw the same lock file (the same acquisition), not a later one. */
function sameLock(a: LockHolder, b: LockHolder): boolean {
  return (
    a.stats.ino === b.stats.ino &&
    a.stats.mtimeMs === b.stats.mtimeMs &&
    a.stats.size === b.stats.size &&
    a.info?.token === b.info?.token
  );
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

function isStale(holder: LockHolder, staleMs: number, now: number): boolean {
  const age = now - holder.stats.mtimeMs;
  if (age > staleMs) return true;
  const info = holder.info;
  if (info === undefined) return age > Math.min(UNREADABLE_GRACE_MS, staleMs);
  return info.hostname === os.hostname() && !isProcessAlive(info.pid);
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
 * Removes the lock `stale`, judged abandoned, without taking away a lock someone holds.
 * Returns true when the lock path is worth trying again at once (we removed the stale lock,
 * or it is gone or has changed), false while another waiter is breaking it (wait a moment).
 *
 * Several waiters find the same stale lock at about the same moment (all those waiting when
 * its holder crashed). If each removed "the lock file" by name, a late one would remove the
 * lock that an earlier one had just broken and then taken, a third waiter would take the free
 * lock path, and of the two holders' updates one would be lost. So breaking is serialised by
 * a claim, `${lockPath}.break`, itself a lock (created 'wx', with pid, hostname and time,
 * stale by the same rules); under the claim, the lock path is looked at again and removed
 * only if it still is the very file judged stale. Once its holder is gone, only a claimant
 * removes a lock, so nothing can replace it between that look and the removal. (A holder
 * alive after all — a lock older than staleMs, a reused pid — may release it in between and
 * another waiter take the lock: removeIfSame puts that one back, unless yet another waiter
 * took the free path meanwhile, the risk of breaking any lock by its age.) A claim left by a
 * breaker that died is broken without a claim: there that risk remains, after a crash in the
 * milliseconds of a break.
 */
async function breakLock(fs: FsPromises, lockPath: string, stale: LockHolder, rules: Required<LockOptions>): Promise<boolean> {
  const claimPath = `${lockPath}.break`;
  const claim = await tryCreateLock(fs, claimPath);
  if (!claim) {
    const claimant = await inspectLock(fs, claimPath);
    if (!claimant) return true; // the claim was just released
    if (!isStale(claimant, rules.staleMs, rules.clock.now())) return false;
    await removeIfSame(fs, claimPath, claimant);
    return true;
  }
  try {
    const current = await inspectLock(fs, lockPath);
    if (current && sameLock(current, stale)) await removeIfSame(fs, lockPath, stale);
    return true;
  } finally {
    await releaseLock(fs, claimPath, claim);
  }
}

/** Removes the lock file at `lockPath` if it is `expected`. */
async function removeIfSame(fs: FsPromises, lockPath: string, expected: LockHolder): Promise<void> {
  const aside = await moveAside(fs, lockPath, 'stale');
  if (aside) await deleteIfSame(fs, aside, lockPath, (moved) => sameLock(moved, expected));
}

/** Moves the file at `lockPath` aside (atomically): its new path, or undefined if there was none. */
async function moveAside(fs: FsPromises, lockPath: string, suffix: string): Promise<string | undefined> {
  const aside = `${lockPath}.${randomBytes(6).toString('hex')}.${suffix}`;
  try {
    await fs.rename(lockPath, aside);
    return aside;
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined; // someone else removed it
    throw error;
  }
}

/**
 * Deletes the lock moved to `aside` if it is the one meant; if it is not, puts it back
 * (link fails rather than overwrite if yet another lock appeared).
 */
async function deleteIfSame(fs: FsPromises, aside: string, lockPath: string, meant: (moved: LockHolder) => boolean): Promise<void> {
  const moved = await inspectLock(fs, aside);
  if (moved && !meant(moved)) await fs.link(aside, lockPath).catch(() => undefined);
  await fs.unlink(aside).catch(() => undefined);
}

/**
 * Removes our lock, if it still is ours: moved aside, then deleted. On Windows a file deleted
 * while another process has it open (a waiter looking at it) keeps its name until that
 * process closes it: meanwhile the next waiter can't create the lock (EPERM), or, under Wine,
 * finds ours as if it was still held, and once we have exited, judges it stale. A rename
 * frees the name at once. Where renaming fails (a program opened the lock without sharing
 * delete), it is deleted by name.
 */
async function releaseLock(fs: FsPromises, lockPath: string, token: string): Promise<void> {
  const current = await inspectLock(fs, lockPath).catch(() => undefined);
  if (current?.info?.token !== token) return; // not ours any more
  let aside: string | undefined;
  try {
    aside = await moveAside(fs, lockPath, 'released');
  } catch {
    await fs.unlink(lockPath).catch(() => undefined);
    return;
  }
  if (aside) await deleteIfSame(fs, aside, lockPath, (moved) => moved.info?.token === token).catch(() => undefined);
}

function lockTimeoutError(m: Messages, lockPath: string, timeoutMs: number, staleMs: number, info: LockInfo | undefined): CliError {
  return new CliError(m.config.lockTimedOut(lockPath, timeoutMs / 1000, staleMs / 1000, info));
}
