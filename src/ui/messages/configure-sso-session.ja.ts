/** The Japanese texts of configure-sso-session.ts (read only when the language is Japanese: src/ui/messages/japanese.ts). */
import type { en } from './configure-sso-session.js';

export const ja: typeof en = {
  sessionNamePrompt: 'SSO セッション名',
  configured: (session: string) =>
    `\nSSO セッション ${session} の設定が完了しました\n` +
    'このセッションにサインインしてアクセストークンを更新するには、次を実行してください:\n\n' +
    `sso-setup login --sso-session ${session}\n`,
  notAnOption: (flag: string) => `${flag} は sso-setup configure のオプションで、sso-setup configure sso-session では使用できません。`,
  help: {
    description: 'SSO セッションを作成・編集する: 開始 URL、SSO リージョン、登録スコープ (AWS CLI の configure sso-session)',
    ssoSession: '作成または編集する SSO セッション名',
    startUrl: 'SSO 開始 URL (AWS アクセスポータルの URL またはカスタムドメイン)。例: https://d-xxxxxxxxxx.awsapps.com/start',
    ssoRegion: 'SSO リージョン (IAM Identity Center が有効になっているリージョン。カスタムドメインからわかる場合はそれを使用)',
    scopes: 'SSO 登録スコープ、カンマ区切り (デフォルト: sso:account:access)',
    yes: '指定されていない値にはすべてデフォルトを使い、デフォルトのある値は質問しない',
    dryRun: '設定ファイルへの変更を表示するだけで、何も書き込まない',
  },
};
