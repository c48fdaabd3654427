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

const FILE_ERROR_REASONS_JA: Record<string, string> = {
  EACCES: 'アクセスが拒否されました。ファイルとそのフォルダーの所有者とアクセス権限を確認してください',
  EPERM: 'この操作は許可されていません。ファイルとそのフォルダーの所有者とアクセス権限を確認してください',
  ENOSPC: 'ディスクがいっぱいです。空き容量を確保してから、もう一度コマンドを実行してください',
  EDQUOT: 'ディスクのクォータを超えています。空き容量を確保してから、もう一度コマンドを実行してください',
  EROFS: 'ファイルシステムが読み取り専用です',
  ENOTDIR: 'パスの途中にフォルダーではなくファイルがあります',
  EISDIR: 'ファイルではなくフォルダーです',
};


const en = {
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

const ja: typeof en = {
  untrustedCertificate:
    'サーバー証明書を信頼できません。TLS を検査するプロキシを経由している場合は、その CA 証明書を含む PEM ファイルを AWS_CA_BUNDLE に設定してください',
  missingFlags: (flags: readonly string[]) =>
    `値が足りませんが、入力を求めるターミナルがありません: ${flags.join(', ')}。オプションで指定してください (sso-setup configure --help を参照)。`,
  invalidFlag: (flag: string, reason: string) => `--${flag} の値が正しくありません: ${reason}`,
  expectedPort: 'は 1 から 65535 までのポート番号ではありません',
  expectedSeconds: 'は 1 から 86400 までの秒数 (整数) ではありません',
  chooseWithFlag: (flag: string, available: readonly string[]) =>
    `候補が複数ありますが、選択を求めるターミナルがありません: --${flag} で次のいずれかを指定してください: ${available.join(', ')}。`,
  dryRunNoChange: (file: string) => `ドライラン: ${file} は変更されません。\n`,
  dryRunHeader: (file: string) => `ドライラン: ${file} に書き込まれる変更 (何も書き込んでいません):\n`,
  backedUp: (file: string, backup: string) => `変更前の ${file} のコピーを保存しました: ${backup}\n`,
  fileErrorReason: (code: string): string | undefined => FILE_ERROR_REASONS_JA[code],
  cannotWrite: (file: string, reason: string) => `${file} に書き込めません: ${reason}。既存のファイルは元のままです。`,
  unexpectedError: (name: string, message: string) => `予期しないエラーです: ${name}: ${message}`,
  interrupted: '中断しました。',
  unknownLanguage: (value: string, accepted: readonly string[]) =>
    `--lang の言語が不明です: ${quote(value)}。次のいずれかを指定してください: ${accepted.join(', ')}。`,
};

export const common = { en, ja };
