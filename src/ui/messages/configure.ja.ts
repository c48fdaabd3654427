/** The Japanese texts of configure.ts (read only when the language is Japanese: src/ui/messages/japanese.ts). */
import type { en } from './configure.js';
import { quote } from '../text.js';

/** What the Japanese texts call a profile without an sso-session. */
const LEGACY = '従来形式のプロファイル';

export const ja: typeof en = {
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
  unableToListGiven: (flags: readonly string[]) =>
    `AWS アカウントまたはロールの一覧を取得できなかったため、${flags.join(' と ')} を使えませんでした。何も書き込んでいません。` +
    '改めてサインインしてから (実行: sso-setup login --force) もう一度コマンドを実行するか、--account-id と --role-name を外してアカウントとロールなしでプロファイルを書き込んでください。',
  selectAccount: 'アカウントを選択してください',
  accountNotAvailable: (id: string, available: readonly string[]) =>
    `アカウント ${id} は利用できません。利用できるアカウント: ${available.join(', ')}。`,
  roleNotAvailable: (role: string, id: string, available: readonly string[]) =>
    `ロール "${role}" はアカウント ${id} では利用できません。利用できるロール: ${available.join(', ')}。`,
  populateHint: (session: string) =>
    `\nヒント: 利用できるすべてのアカウントとロールのプロファイルを作成するには次を実行します: sso-setup populate --sso-session ${session}\n`,
  noRegionHint: (ssoRegion: string) =>
    `\nこのプロファイルにはデフォルトのリージョンがないため、AWS CLI のコマンドには --region (または AWS_REGION) が必要です。例: --region ${ssoRegion}\n`,
  selectRole: 'ロールを選択してください',
  configuredDefault:
    'AWS CLI は default プロファイルを使うように設定されました。\n' +
    '設定を確認するには、次のコマンドを実行してください:\n\naws sts get-caller-identity\n',
  configuredProfile: (p: string) =>
    'このプロファイルを使うには、次のように --profile でプロファイル名を指定します:\n\n' +
    `aws sts get-caller-identity --profile ${p}\n`,
  configuredNoCredentials: (p: string) => `プロファイル ${p} の SSO の設定が完了しました\n`,
  verifying: (p: string) => `\nプロファイル ${p} を STS GetCallerIdentity で確認しています:\n`,
  sessionConflict: (session: string, file: string, differences: readonly string[]) =>
    `SSO セッション "${session}" は既に別の値で存在します:\n` +
    differences.map((line) => `  ${line}\n`).join('') +
    `configure は既存の SSO セッションを変更しません。変更するには次を実行してください: sso-setup configure sso-session --sso-session ${session} ` +
    `(または ${file} の [sso-session ${session}] セクションを編集してください)。` +
    '新しいセッションを作成するには、--sso-session で別のセッション名を指定してください。何も書き込んでいません。',
  sessionValueDiffers: (flag: string, given: string, existing?: string) =>
    `--${flag} ${quote(given)} が指定されましたが、セッションの値は ${existing === undefined ? '未設定' : quote(existing)} です`,
  scopesNeedSession:
    `--scopes は SSO セッションにのみ使えますが、これは${LEGACY} (セッション名なし) です。` +
    '--sso-session でセッション名を指定するか、--scopes を外してください。',
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
    dryRun: '設定ファイルへの変更を差分で表示し、何も書き込まない (サインインも保存しない)',
    noVerify: '最後の STS GetCallerIdentity による確認を省略する',
  },
};
