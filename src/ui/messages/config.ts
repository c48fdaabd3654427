/** Problems with ~/.aws/config and the CA bundle, as the user must fix them. */

const en = {
  configNotUtf8: 'it is not valid UTF-8 text',
  configBinaryLine: (line: number) => `line ${line} contains binary data`,
  configBadHeader: (line: number, text: string) =>
    `line ${line} has an unterminated or malformed section header: ${JSON.stringify(text)}`,
  cannotUseConfig: (file: string, problem: string) =>
    `Cannot use ${file}: ${problem}. Fix the file by hand; sso-setup changed nothing.`,
  caBundleUnreadable: (file: string, reason: string) =>
    `Cannot read the CA bundle named by AWS_CA_BUNDLE (${file}): ${reason}`,
  lockTimedOut: (lockPath: string, timeoutSeconds: number, staleSeconds: number, holder?: { pid: number; hostname: string; time: string }) =>
    `Timed out after ${timeoutSeconds} s waiting for the lock file ${lockPath}` +
    (holder ? ` (held by process ${holder.pid} on ${holder.hostname} since ${holder.time})` : ' (empty or unreadable)') +
    `. Another sso-setup is probably writing the same file right now: a lock left by a run that crashed is removed once it is ${staleSeconds} s old, ` +
    'and this one is newer (or dated in the future, when the hosts sharing this home disagree on the time). ' +
    `If no other sso-setup is running, delete ${lockPath} and try again.`,
  danglingLink: (file: string) => `${file} is a symbolic link to a file that doesn't exist; not replacing the link.`,
  notUtf8: (file: string) => `${file} is not valid UTF-8 text; not changing it. Fix or convert the file and try again.`,
};

const ja: typeof en = {
  configNotUtf8: '有効な UTF-8 テキストではありません',
  configBinaryLine: (line: number) => `${line} 行目にバイナリデータが含まれています`,
  configBadHeader: (line: number, text: string) =>
    `${line} 行目のセクションヘッダーが閉じていないか、形式が正しくありません: ${JSON.stringify(text)}`,
  cannotUseConfig: (file: string, problem: string) =>
    `${file} を使用できません: ${problem}。ファイルを手で修正してください。sso-setup は何も変更していません。`,
  caBundleUnreadable: (file: string, reason: string) =>
    `AWS_CA_BUNDLE で指定された CA バンドル (${file}) を読み取れません: ${reason}`,
  lockTimedOut: (lockPath: string, timeoutSeconds: number, staleSeconds: number, holder?: { pid: number; hostname: string; time: string }) =>
    `ロックファイル ${lockPath}` +
    (holder ? ` (ホスト ${holder.hostname} のプロセス ${holder.pid} が ${holder.time} から保持)` : ' (空または読み取れません)') +
    ` の解放を ${timeoutSeconds} 秒待ちましたが、タイムアウトしました。別の sso-setup が同じファイルに書き込み中の可能性があります。` +
    `異常終了した実行が残したロックは ${staleSeconds} 秒経つと削除されますが、このロックはそれより新しいものです` +
    ' (このホームディレクトリを共有するホスト間で時刻がずれていると、未来の時刻になることがあります)。' +
    `他に sso-setup が実行されていない場合は、${lockPath} を削除してから再試行してください。`,
  danglingLink: (file: string) => `${file} は存在しないファイルへのシンボリックリンクです。リンクは置き換えません。`,
  notUtf8: (file: string) => `${file} は有効な UTF-8 テキストではないため、変更しません。ファイルを修正または変換してから再試行してください。`,
};

export const config = { en, ja };
