/** `sso-setup configure sso-session`: the AWS CLI's `aws configure sso-session` texts, and the options. */

const en = {
  /** Asked without a default, so the prompt reads `SSO session name: ` (aws-cli `prompt_for_sso_session(required=True)`). */
  sessionNamePrompt: 'SSO session name',
  configured: (session: string) =>
    `\nCompleted configuring SSO session: ${session}\n` +
    'Run the following to login and refresh access token for this session:\n\n' +
    `sso-setup login --sso-session ${session}\n`,
  /** `configure` with an existing sso-session and a flag that asks for another value. */
  notAnOption: (flag: string) => `${flag} is an option of sso-setup configure, not of sso-setup configure sso-session.`,
  help: {
    description: 'Create or edit an sso-session: its start URL, SSO region and registration scopes (the AWS CLI\'s configure sso-session)',
    ssoSession: 'SSO session name to create or edit',
    startUrl: 'SSO start URL, e.g. https://d-xxxxxxxxxx.awsapps.com/start or your custom domain',
    ssoRegion: 'SSO region, where IAM Identity Center runs (read from a custom domain\'s portal when it can be)',
    scopes: 'SSO registration scopes, comma-separated (default sso:account:access)',
    yes: 'accept the default of every value not given; ask nothing that has one',
    dryRun: 'show the change to the config file; write nothing',
  },
};

const ja: typeof en = {
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

export const configureSsoSession = { en, ja };
