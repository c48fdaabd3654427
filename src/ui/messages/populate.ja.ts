/** The Japanese texts of populate.ts (read only when the language is Japanese: src/ui/messages/japanese.ts). */
import type { en } from './populate.js';

export const ja: typeof en = {
  populateSummary: (s: { dryRun: boolean; added: number; updated: number; removed: number; unchanged: number; pairs: number; accounts: number }) =>
    `${s.dryRun ? '書き込む予定のプロファイル' : 'プロファイル'}: 追加 ${s.added}、更新 ${s.updated}、削除 ${s.removed}、変更なし ${s.unchanged} ` +
    `(${s.accounts} アカウントのアカウント × ロールの組み合わせ ${s.pairs} 件)。\n`,
  populateSkipped: (names: readonly string[]) => `populate が作成したものではないため変更しませんでした: ${names.join(', ')}\n`,
  populateFailures: (count: number, lines: readonly string[]) =>
    `${count} 個のアカウントのロールを一覧できませんでした。これらのプロファイルは書き込みも削除もしていません:\n${lines.join('\n')}`,
  populateListingFailed: (reason: string) => `AWS アカウントの一覧を取得できませんでした: ${reason}`,
  populateBadRate: (rate: string) => `${rate} は 0 より大きく 1000 以下の 1 秒あたりのリクエスト数ではありません`,
  configChangedMeanwhile: (file: string) => `populate がアカウントを一覧している間に別のプログラムが ${file} を変更しました。何も書き込んでいません。populate をもう一度実行してください。`,
  progressAccounts: 'アカウント',
  retryAfterCapped: (askedSeconds: number, waitSeconds: number) =>
    `IAM Identity Center から再試行まで ${askedSeconds} 秒待つよう求められました (Retry-After)。代わりに ${waitSeconds} 秒待ってから再試行します。\n`,
  unknownTemplateField: (field: string, template: string, known: string) =>
    `名前テンプレート "${template}" に不明なフィールド {${field}} があります。使えるフィールド: ${known}。`,
  help: {
    description: 'sso-session のすべてのアカウントとロールのプロファイルを書き込む (印を付けるので、再実行と --prune はそれらだけを変更する)',
    ssoSession: 'サインインに使う sso-session',
    template: 'プロファイル名のテンプレート: {account_name} {account_id} {role_name} {email} {session}',
    prefix: '生成するすべての名前の前に付ける文字列',
    region: 'プロファイルのデフォルトのクライアントリージョン',
    output: 'プロファイルの CLI デフォルト出力形式',
    dryRun: '設定ファイルへの変更を差分で表示し、何も書き込まない (サインインも保存しない)',
    prune: 'このコマンドが以前に生成し、もう存在しないプロファイルを削除する',
    rate: 'IAM Identity Center への 1 秒あたりのリクエスト数 (スロットリングの上限は約 20)',
  },
};
