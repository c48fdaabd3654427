/** Texts several commands share: flag errors, dry runs, backups, file errors, the last-resort error. */
import { quote } from '../text.js';

/** File-system failures people can act on, by error code. */
const FILE_ERROR_REASONS_EN: Record<string, string> = {
  EACCES: 'permission denied; check the owner and permissions of the file and its folder',
  EPERM: 'the operation is not permitted; check the owner and permissions of the file and its folder',
  ENOSPC: 'the disk is full; free some space and run the command again',
  EDQUOT: 'the disk quota is exceeded; free some space and run the command again',
  EROFS: 'the file system is read-only',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'it is a folder, not a file',
};

export const en = {
  untrustedCertificate:
    'The server certificate is not trusted; behind a TLS-inspecting proxy, set AWS_CA_BUNDLE to a PEM file with its CA certificate',
  missingFlags: (flags: readonly string[]) =>
    `Missing values and no terminal to ask for them: ${flags.join(', ')}. Pass them as options (see sso-setup configure --help).`,
  invalidFlag: (flag: string, reason: string) => `Invalid value for --${flag}: ${reason}`,
  expectedPort: 'is not a port number from 1 to 65535',
  expectedSeconds: 'is not a whole number of seconds from 1 to 86400',
  chooseWithFlag: (flag: string, available: readonly string[]) =>
    `More than one is available and there is no terminal to ask: pass --${flag} with one of: ${available.join(', ')}.`,
  dryRunNoChange: (file: string) => `Dry run: ${file} would not change.\n`,
  dryRunHeader: (file: string) => `Dry run: the change that would be written to ${file} (nothing was written):\n`,
  backedUp: (file: string, backup: string) => `Saved a copy of ${file} as it was before this change: ${backup}\n`,
  /** File-system failures people can act on (by error code); undefined for other codes. */
  fileErrorReason: (code: string): string | undefined => FILE_ERROR_REASONS_EN[code],
  cannotWrite: (file: string, reason: string) => `Cannot write ${file}: ${reason}. Files already there were left as they were.`,
  unexpectedError: (name: string, message: string) => `Unexpected error: ${name}: ${message}`,
  interrupted: 'Interrupted.',
  unknownLanguage: (value: string, accepted: readonly string[]) =>
    `Unknown language for --lang: ${quote(value)}. Expected one of: ${accepted.join(', ')}.`,
};
