/**
 * The file system as the config and cache writers see it: node:fs/promises, any part of
 * which a caller (a test simulating a full disk, a Windows rename) may replace.
 */
import * as nodeFs from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';

/** The parts of node:fs/promises the writers use; tests may replace any of them. */
export type FsPromises = Pick<
  typeof nodeFs,
  'open' | 'readFile' | 'rename' | 'chmod' | 'chown' | 'stat' | 'lstat' | 'unlink' | 'mkdir' | 'realpath' | 'link'
>;

export interface FileSystemOptions {
  /** Injected so the Windows branches are testable on Linux. Default: process.platform. */
  platform?: NodeJS.Platform;
  /** Delays between rename attempts on Windows. Default: [10, 50, 100, 200, 500, 1000]. */
  retryDelaysMs?: number[];
  /** Overrides for node:fs/promises functions (tests). */
  fs?: Partial<FsPromises>;
}

export const DEFAULT_NEW_FILE_MODE = 0o600;

export function resolveFs(options?: FileSystemOptions): FsPromises {
  return { ...nodeFs, ...options?.fs } as FsPromises;
}

export function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
}

/**
 * A new file, created exclusively ('wx', 0600: a temp file, a lock). Its folder is made
 * (`makeDirectory`, default `mkdir -p`) only when the create fails because the folder is
 * missing: an existing folder costs no call.
 */
export async function createExclusive(
  fs: FsPromises,
  file: string,
  makeDirectory: (dir: string) => Promise<void> = async (dir) => void (await fs.mkdir(dir, { recursive: true })),
): Promise<FileHandle> {
  try {
    return await fs.open(file, 'wx', 0o600);
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') throw error;
  }
  await makeDirectory(path.dirname(file));
  return fs.open(file, 'wx', 0o600);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
