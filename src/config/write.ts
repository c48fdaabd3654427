/**
 * Writing ~/.aws/config (and other small files): read-modify-write under a lock (lock.ts),
 * replaced atomically through a temp file (atomic-write.ts), after one backup of the file
 * as it was before the run's first change (backup.ts).
 */
import { CliError } from '../errors.js';
import { writeFileAtomic } from './atomic-write.js';
import { DEFAULT_NEW_FILE_MODE, errorCode, resolveFs, type FileSystemOptions } from './file-system.js';
import { withFileLock, type LockOptions } from './lock.js';
import { catalogue, type Messages } from '../ui/messages/index.js';

export interface UpdateFileOptions extends FileSystemOptions {
  /** Mode of a file that doesn't exist yet. Default 0600. */
  newFileMode?: number;
  lock?: LockOptions;
  /** The texts of its errors, in the user's language. Default: English. */
  messages?: Messages;
  /**
   * Called under the lock when the content is about to change, before the new content
   * replaces the file; returns the backup it made, if any. See createBackupper. If it
   * throws, the file is left unchanged.
   */
  backup?: (file: string) => Promise<string | undefined>;
  /**
   * The line ending of a file that has none yet (missing, empty, or one line): the edit's
   * '\n' become this. A file with line endings keeps its own (the edits follow them).
   * Default '\n'. See newFileLineEnding.
   */
  newFileLineEnding?: '\n' | '\r\n';
}

/**
 * The line ending a new config file gets on `platform`: CRLF on Windows, as the AWS CLI for
 * Windows writes it (Python text mode, docs/compat.md §A9 "Line endings"), else LF.
 */
export function newFileLineEnding(platform: NodeJS.Platform): '\n' | '\r\n' {
  return platform === 'win32' ? '\r\n' : '\n';
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
      let after = edit(before);
      if (options?.newFileLineEnding === '\r\n' && !before.includes('\n')) after = after.replace(/\r?\n/g, '\r\n');
      if (after === before) return { changed: false, before, after };
      const backupFile = await options?.backup?.(file);
      await writeFileAtomic(file, after, { ...options, mode: options?.newFileMode ?? DEFAULT_NEW_FILE_MODE });
      return backupFile === undefined ? { changed: true, before, after } : { changed: true, before, after, backupFile };
    },
    { ...options?.lock, platform: options?.platform, fs: options?.fs, messages: options?.messages },
  );
}

/** The file as a string, '' if it doesn't exist; throws if it isn't valid UTF-8. */
async function readTextFile(file: string, options?: UpdateFileOptions): Promise<string> {
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
    throw new CliError((options?.messages ?? catalogue('en')).config.notUtf8(file));
  }
}
