/**
 * One copy of a file as it was before this run first changed it (`config.sso-setup.bak`).
 */
import type { Stats } from 'node:fs';
import path from 'node:path';
import { replaceFile } from './atomic-write.js';
import { errorCode, resolveFs, type FileSystemOptions } from './file-system.js';

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
