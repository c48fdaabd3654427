/** `sso-setup configure`: the AWS CLI's `aws configure sso` prompts and texts, and the options. */

/** What the Japanese texts call a profile without an sso-session. */
const LEGACY = '従来形式のプロファイル';


const en = {
  sessionNamePrompt: (current?: string) => (current ? `SSO session name [${current}]` : 'SSO session name (Recommended)'),
  startUrlPrompt: (current?: string) => `SSO start URL [${current ?? 'None'}]`,
  ssoRegionPrompt: (current?: string) => `SSO region [${current ?? 'None'}]`,
  scopesPrompt: (current: string) => `SSO registration scopes [${current}]`,
  regionPrompt: (current?: string) => `Default client Region [${current ?? 'None'}]`,
  outputPrompt: (current?: string) => `CLI default output format (json if not specified) [${current ?? 'None'}]`,
  profileNamePrompt: (current?: string) => `Profile name [${current ?? 'None'}]`,
  legacyWarning:
    'WARNING: Configuring using legacy format (e.g. without an SSO session).\n' +
    'Consider re-running "configure" command and providing a session name.\n',
  onlyAccount: (id: string) => `The only AWS account available to you is: ${id}\n`,
  accountCount: (n: number) => `There are ${n} AWS accounts available to you.\n`,
  usingAccount: (id: string) => `Using the account ID ${id}\n`,
  onlyRole: (role: string) => `The only role available to you is: ${role}\n`,
  roleCount: (n: number) => `There are ${n} roles available to you.\n`,
  usingRole: (role: string) => `Using the role name "${role}"\n`,
  noAccounts: 'No AWS accounts are available to you.',
  noRoles: (id: string) => `No roles are available for the account ${id}`,
  unableToList:
    'Unable to list AWS accounts and/or roles. Skipping configuring AWS credential provider for profile.\n',
  listingFailed: (reason: string) => `Listing your AWS accounts and roles failed: ${reason}`,
  selectAccount: 'Select an account',
  accountNotAvailable: (id: string, available: readonly string[]) =>
    `The account ${id} is not available to you. Available: ${available.join(', ')}.`,
  roleNotAvailable: (role: string, id: string, available: readonly string[]) =>
    `The role "${role}" is not available in account ${id}. Available: ${available.join(', ')}.`,
  populateHint: (session: string) =>
    `\nTip: to write a profile for every account and role you can use, run: sso-setup populate --sso-session ${session}\n`,
  selectRole: 'Select a role',
  configuredDefault:
    '\nThe AWS CLI is now configured to use the default profile.\n' +
    'Run the following command to verify your configuration:\n\naws sts get-caller-identity\n',
  configuredProfile: (p: string) =>
    '\nTo use this profile, specify the profile name using --profile, as shown:\n\n' +
    `aws sts get-caller-identity --profile ${p}\n`,
  configuredNoCredentials: (p: string) => `Successfully configured SSO for profile: ${p}\n`,
  verifying: (p: string) => `\nVerifying the profile ${p} with STS GetCallerIdentity:\n`,
  help: {
    description: 'Create or update an SSO profile: sign in, choose an account and role, write ~/.aws/config, verify it',
    profile: 'profile to write (default: AWS_PROFILE, then AWS_DEFAULT_PROFILE, else asked)',
    ssoSession: 'SSO session name ("" for a legacy profile)',
    startUrl: 'SSO start URL, e.g. https://d-xxxxxxxxxx.awsapps.com/start',
    ssoRegion: 'SSO region, where IAM Identity Center runs',
    scopes: 'SSO registration scopes, comma-separated (default sso:account:access)',
    accountId: 'AWS account to use',
    roleName: 'role to use in that account',
    region: 'default client Region of the profile',
    output: 'CLI default output format: json, text, table, yaml, yaml-stream, off',
    yes: 'accept the default of every value not given; ask nothing that has one',
    dryRun: 'show the change to the config file; write nothing',
    noVerify: 'skip the STS GetCallerIdentity check at the end',
  },
};

const ja: typeof en = {
  sessionNamePrompt: (current?: string) => (current ? `SSO セッション名 [${current}]` : 'SSO セッション名 (推奨)'),
  startUrlPrompt: (current?: string) => `SSO 開始 URL [${current ?? 'None'}]`,
  ssoRegionPrompt: (current?: string) => `SSO リージョン [${current ?? 'None'}]`,
  scopesPrompt: (current: string) => `SSO 登録スコープ [${current}]`,
  regionPrompt: (current?: string) => `デフォルトのクライアントリージョン [${current ?? 'None'}]`,
  outputPrompt: (current?: string) => `CLI のデフォルト出力形式 (指定しなければ json) [${current ?? 'None'}]`,
  profileNamePrompt: (current?: string) => `プロファイル名 [${current ?? 'None'}]`,
  legacyWarning:
    `警告: ${LEGACY}で設定しています (SSO セッションを使いません)。\n` +
    '"configure" コマンドをもう一度実行して、セッション名を指定することをお勧めします。\n',
  onlyAccount: (id: string) => `利用できる AWS アカウントは 1 つだけです: ${id}\n`,
  accountCount: (n: number) => `利用できる AWS アカウントは ${n} 件あります。\n`,
  usingAccount: (id: string) => `アカウント ID ${id} を使用します\n`,
  onlyRole: (role: string) => `利用できるロールは 1 つだけです: ${role}\n`,
  roleCount: (n: number) => `利用できるロールは ${n} 件あります。\n`,
  usingRole: (role: string) => `ロール名 "${role}" を使用します\n`,
  noAccounts: '利用できる AWS アカウントがありません。',
  noRoles: (id: string) => `アカウント ${id} で利用できるロールがありません`,
  unableToList:
    'AWS アカウントまたはロールの一覧を取得できませんでした。プロファイルの AWS 認証情報プロバイダーの設定をスキップします。\n',
  listingFailed: (reason: string) => `AWS アカウントとロールの一覧を取得できませんでした: ${reason}`,
  selectAccount: 'アカウントを選択してください',
  accountNotAvailable: (id: string, available: readonly string[]) =>
    `アカウント ${id} は利用できません。利用できるアカウント: ${available.join(', ')}。`,
  roleNotAvailable: (role: string, id: string, available: readonly string[]) =>
    `ロール "${role}" はアカウント ${id} では利用できません。利用できるロール: ${available.join(', ')}。`,
  populateHint: (session: string) =>
    `\nヒント: 利用できるすべてのアカウントとロールのプロファイルを作成するには次を実行します: sso-setup populate --sso-session ${session}\n`,
  selectRole: 'ロールを選択してください',
  configuredDefault:
    '\nAWS CLI は default プロファイルを使うように設定されました。\n' +
    '設定を確認するには、次のコマンドを実行してください:\n\naws sts get-caller-identity\n',
  configuredProfile: (p: string) =>
    '\nこのプロファイルを使うには、次のように --profile でプロファイル名を指定します:\n\n' +
    `aws sts get-caller-identity --profile ${p}\n`,
  configuredNoCredentials: (p: string) => `プロファイル ${p} の SSO の設定が完了しました\n`,
  verifying: (p: string) => `\nプロファイル ${p} を STS GetCallerIdentity で確認しています:\n`,
  help: {
    description:
      'SSO プロファイルを作成・更新する: サインインし、アカウントとロールを選び、~/.aws/config に書き込んで動作を確認する',
    profile: '書き込むプロファイル (デフォルト: AWS_PROFILE、次に AWS_DEFAULT_PROFILE、なければ入力を求める)',
    ssoSession: 'SSO セッション名 (従来形式のプロファイルにするには "")',
    startUrl: 'SSO 開始 URL (AWS アクセスポータルの URL)。例: https://d-xxxxxxxxxx.awsapps.com/start',
    ssoRegion: 'SSO リージョン (IAM Identity Center が有効になっているリージョン)',
    scopes: 'SSO 登録スコープ、カンマ区切り (デフォルト: sso:account:access)',
    accountId: '使用する AWS アカウント',
    roleName: 'そのアカウントで使用するロール (許可セット)',
    region: 'プロファイルのデフォルトのクライアントリージョン',
    output: 'CLI のデフォルト出力形式: json, text, table, yaml, yaml-stream, off',
    yes: '指定されていない値にはすべてデフォルトを使い、デフォルトのある値は質問しない',
    dryRun: '設定ファイルへの変更を表示するだけで、何も書き込まない',
    noVerify: '最後の STS GetCallerIdentity による確認を省略する',
  },
};

export const configure = { en, ja };
