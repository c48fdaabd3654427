/** The Japanese texts of config.ts (read only when the language is Japanese: src/ui/messages/japanese.ts). */
import type { en } from './config.js';

export const ja: typeof en = {
  configNotUtf8: '有効な UTF-8 テキストではありません',
  configBinaryLine: (line: number) => `${line} 行目にバイナリデータが含まれています`,
  configBadHeader: (line: number, text: string) =>
    `${line} 行目のセクションヘッダーが閉じていないか、形式が正しくありません: ${JSON.stringify(text)}`,
  cannotUseConfig: (file: string, problem: string) =>
    `${file} を使用できません: ${problem}。ファイルを手で修正してください。sso-setup は何も変更していません。`,
  caBundleUnreadable: (source: string, file: string, reason: string) =>
    `${source} で指定された CA バンドル (${file}) を読み取れません: ${reason}`,
  caBundleEmpty:
    'CA バンドルが正しくありません: 設定された値 (ca_bundle、AWS_CA_BUNDLE、REQUESTS_CA_BUNDLE、verify) が空か空白だけの文字列です。CA バンドルファイルの有効なパスを指定してください。',
  unverifiedHttps: (host: string) =>
    `InsecureRequestWarning: ホスト '${host}' に証明書を検証しない HTTPS リクエストを送信しています。証明書の検証を有効にすることを強くお勧めします。参照: https://urllib3.readthedocs.io/en/latest/advanced-usage.html#tls-warnings\n`,
  lockTimedOut: (lockPath: string, timeoutSeconds: number, staleSeconds: number, holder?: { pid: number; hostname: string; time: string }) =>
    `ロックファイル ${lockPath}` +
    (holder ? ` (ホスト ${holder.hostname} のプロセス ${holder.pid} が ${holder.time} から保持)` : ' (空または読み取れません)') +
    ` の解放を ${timeoutSeconds} 秒待ちましたが、タイムアウトしました。別の sso-setup が同じファイルに書き込み中の可能性があります。` +
    `異常終了した実行が残したロックは ${staleSeconds} 秒経つと削除されますが、このロックはそれより新しいものです` +
    ' (このホームディレクトリを共有するホスト間で時刻がずれていると、未来の時刻になることがあります)。' +
    `他に sso-setup が実行されていない場合は、${lockPath} を削除してから再試行してください。`,
  danglingLink: (file: string) => `${file} は存在しないファイルへのシンボリックリンクです。リンクは置き換えません。`,
  notUtf8: (file: string) => `${file} は有効な UTF-8 テキストではないため、変更しません。ファイルを修正または変換してから再試行してください。`,
  replaceBusy: (file: string, code: string, seconds: number) =>
    `${file} を置き換えられません: 別のプログラムが使用中です (${code}、${seconds} 秒再試行した後も同じです)。` +
    'このファイルを開いているプログラム (エディター、同期ツール、ウイルス対策ソフトなど) を閉じてから再試行してください。ファイルは変更していません。',
};
