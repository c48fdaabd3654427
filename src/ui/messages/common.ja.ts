/** The Japanese texts of common.ts (read only when the language is Japanese: src/ui/messages/japanese.ts). */
import type { en } from './common.js';
import { quote } from '../text.js';

const FILE_ERROR_REASONS_JA: Record<string, string> = {
  EACCES: 'アクセスが拒否されました。ファイルとそのフォルダーの所有者とアクセス権限を確認してください',
  EPERM: 'この操作は許可されていません。ファイルとそのフォルダーの所有者とアクセス権限を確認してください',
  ENOSPC: 'ディスクがいっぱいです。空き容量を確保してから、もう一度コマンドを実行してください',
  EDQUOT: 'ディスクのクォータを超えています。空き容量を確保してから、もう一度コマンドを実行してください',
  EROFS: 'ファイルシステムが読み取り専用です',
  ENOTDIR: 'パスの途中にフォルダーではなくファイルがあります',
  EISDIR: 'ファイルではなくフォルダーです',
};

export const ja: typeof en = {
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
