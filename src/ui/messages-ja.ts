/**
 * The Japanese catalogue: the same keys and parameters as the English one in ./messages.ts.
 * Words are the Japanese AWS console's and the Japanese guides': サインイン, サインアウト,
 * AWS アクセスポータル, プロファイル, リージョン, 出力形式, 許可セット, IAM Identity Center
 * コンソール. AWS product and API names, URLs, flags, file paths, config keys and values stay
 * as they are. Prompts keep the AWS CLI's `テキスト [デフォルト値]: ` shape with the same
 * bracketed value (`[None]`, `[sso:account:access]`), so the wizard lines up with the guides.
 */
import { quote, textWidth, type Messages, type NameKind, type StatusEntry } from './messages.js';
import type { SignInMethodChoice, SignInMethodReason } from '../flows/sign-in-method.js';

function methodReason(reason: SignInMethodReason): string {
  switch (reason.kind) {
    case 'flag-device':
      return '--use-device-code が指定されたため';
    case 'flag-pkce':
      return '--no-use-device-code が指定されたため';
    case 'callback-port':
      return `--callback-port ${reason.port} が指定されたため`;
    case 'config':
      return `sso-session ${quote(reason.sessionName)} に sso_use_device_code = true が設定されているため`;
    case 'legacy':
      return 'プロファイルに sso-session がない (レガシー設定の) ため';
    case 'ssh':
      return `SSH セッション (${reason.variable} が設定されています) でブラウザを開けないため。任意のデバイスで承認してください`;
    case 'ci':
      return 'CI が設定されていてブラウザを開けないため';
    case 'no-display':
      return 'ディスプレイがなく (DISPLAY と WAYLAND_DISPLAY が未設定)、ブラウザを開けないため。任意のデバイスで承認してください';
    case 'default':
      return `sso-session ${quote(reason.sessionName)} のデフォルトのため`;
  }
}

const NAME_KINDS: Record<NameKind, string> = {
  'profile name': 'プロファイル名',
  'session name': 'SSO セッション名',
};

const FILE_ERROR_REASONS: Record<string, string> = {
  EACCES: 'アクセスが拒否されました。ファイルとそのフォルダーの所有者とアクセス権限を確認してください',
  EPERM: 'この操作は許可されていません。ファイルとそのフォルダーの所有者とアクセス権限を確認してください',
  ENOSPC: 'ディスクがいっぱいです。空き容量を確保してから、もう一度コマンドを実行してください',
  EDQUOT: 'ディスクのクォータを超えています。空き容量を確保してから、もう一度コマンドを実行してください',
  EROFS: 'ファイルシステムが読み取り専用です',
  ENOTDIR: 'パスの途中にフォルダーではなくファイルがあります',
  EISDIR: 'ファイルではなくフォルダーです',
};

const TITLES: Record<string, string> = {
  'Usage:': '使い方:',
  'Options:': 'オプション:',
  'Commands:': 'コマンド:',
  'Arguments:': '引数:',
  'Global Options:': 'グローバルオプション:',
};

/** Commander's error messages, by their fixed English wording; anything else keeps its text after `エラー: `. */
const COMMANDER_ERRORS: Array<[RegExp, string]> = [
  [/^error: unknown option '(.*)'/m, "エラー: 不明なオプションです: '$1'"],
  [/^error: unknown command '(.*)'/m, "エラー: 不明なコマンドです: '$1'"],
  [/^error: option '(.*)' argument missing/m, "エラー: オプション '$1' の値がありません"],
  [
    /^error: option '(.*)' argument '(.*)' is invalid\. Allowed choices are (.*)\./m,
    "エラー: オプション '$1' の値 '$2' は正しくありません。指定できる値: $3",
  ],
  [
    /^error: command-argument value '(.*)' is invalid for argument '(.*)'\. Allowed choices are (.*)\./m,
    "エラー: 引数 '$2' の値 '$1' は正しくありません。指定できる値: $3",
  ],
  [/^error: too many arguments(?: for '(.*)')?\. Expected (\d+) arguments? but got (\d+)\./m, 'エラー: 引数が多すぎます ($2 個まで、指定は $3 個)'],
  [/^\(Did you mean one of (.*)\?\)$/m, '(もしかして次のいずれかですか: $1)'],
  [/^\(Did you mean (.*)\?\)$/m, '(もしかして $1 ですか?)'],
  [/^error: /m, 'エラー: '],
];

/** Pads a label to a number of terminal columns (Japanese characters take two). */
const pad = (label: string, columns: number) => label + ' '.repeat(Math.max(1, columns - textWidth(label)));

const LEGACY = '従来形式のプロファイル';

export const ja: Messages = {
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
  invalidStartUrl: (value: string, reason: string) =>
    `SSO 開始 URL が正しくありません: ${quote(value)} は${reason}。` +
    'https://d-xxxxxxxxxx.awsapps.com/start (またはカスタムの https://NAME.awsapps.com/start) の形式で入力してください。' +
    'AWS アクセスポータルの「アクセスキー」(Access keys) →「SSO start URL」か、IAM Identity Center コンソールの「ダッシュボード」→「AWS アクセスポータルの URL」で確認できます。',
  startUrlRequired:
    '値を入力してください。「AWS アクセスポータルの URL」(例: https://d-xxxxxxxxxx.awsapps.com/start) を入力します ' +
    '(IAM Identity Center コンソールの「ダッシュボード」→「AWS アクセスポータルの URL」)。',
  valueRequired: '値を入力してください',
  ssoRegionRequired:
    '値を入力してください。IAM Identity Center が有効になっているリージョン (例: us-east-1) を入力します ' +
    '(IAM Identity Center コンソールの「設定」→「リージョン」。AWS アクセスポータルでは「SSO Region」と表示されます)。',
  invalidSsoRegion: (value: string, suggestion?: string) =>
    `SSO リージョンが正しくありません: ${quote(value)}。${suggestion ? `もしかして ${suggestion} ですか? ` : ''}` +
    'IAM Identity Center が有効になっているリージョンを、IAM Identity Center コンソールの「設定」に表示されるとおりに入力してください (例: us-east-1、ap-northeast-1)。',
  invalidScopes: (value: string) =>
    `スコープはカンマで区切って指定してください: ${quote(value)}。例: sso:account:access、"sso:account:access, codewhisperer:completions"。`,
  invalidRegion: (value: string, suggestion?: string) =>
    `リージョン名が正しくありません: ${quote(value)}。${suggestion ? `もしかして ${suggestion} ですか? ` : ''}us-east-1 や ap-northeast-1 のようなリージョンを入力してください。`,
  invalidOutput: (value: string, allowed: readonly string[]) =>
    `出力形式が正しくありません: ${quote(value)}。次のいずれかを指定してください: ${allowed.join(', ')}。`,
  invalidName: (kind: NameKind, value: string, reason: string) =>
    `${NAME_KINDS[kind]}が正しくありません: ${quote(value)} は${reason}。AWS SDK が読み取れるよう、英字、数字と - _ . @ + % : / だけを使ってください。`,
  invalidAccountId: (value: string) => `AWS アカウント ID が正しくありません: ${quote(value)}。12 桁の数字を入力してください。`,
  reason: {
    tooLong: (max: number) => `${max} 文字を超えています`,
    spacesOrControl: '空白または制御文字を含んでいます',
    notUrl: 'URL ではありません',
    notHttps: 'https:// で始まる必要があります',
    noHost: '有効なホスト名を含んでいません',
    userInfo: 'ユーザー名やパスワードを含むことはできません',
    control: '制御文字を含んでいます',
    spaces: '空白を含んでいます',
    reserved: '予約された名前です',
    unreadable: 'AWS SDK が読み取れない文字を含んでいます',
  },

  deviceBrowser: (a: { verificationUri: string; userCode: string }) =>
    'デフォルトのブラウザを開いています。\n' +
    'ブラウザが開かない場合や、別のデバイスでこのリクエストを承認する場合は、次の URL を開いてください:\n\n' +
    `${a.verificationUri}\n\n次にコードを入力してください:\n\n${a.userCode}\n`,
  deviceNoBrowser: (a: { verificationUri: string; userCode: string; verificationUriComplete: string }) =>
    'ブラウザは自動では開きません。\n次の URL にアクセスしてください:\n\n' +
    `${a.verificationUri}\n\n次にコードを入力してください:\n\n${a.userCode}\n\n` +
    'または、次の URL にアクセスすると、コードが自動で入力されます:\n' +
    `${a.verificationUriComplete}\n`,
  startSignInFailed: (startUrl: string, reason: string) => `${startUrl} へのサインインを開始できませんでした: ${reason}`,
  incompleteDeviceAuthorization: 'IAM Identity Center から返されたデバイス認可が不完全です。',
  tokenWithoutAccessToken: 'IAM Identity Center から返されたトークンの応答にアクセストークンがありません。',
  signInDenied: 'サインインのリクエストがブラウザで拒否されました。やり直すには、もう一度コマンドを実行してください。',
  signInFailed: (reason: string) => `サインインに失敗しました: ${reason}`,
  cacheFileReplaced: (file: string) => `警告: キャッシュファイル ${file} を使用できませんでした (破損しているか、キャッシュファイルではありません)。このサインインで置き換えます。
`,
  untrustedCertificate:
    'サーバー証明書を信頼できません。TLS を検査するプロキシを経由している場合は、その CA 証明書を含む PEM ファイルを AWS_CA_BUNDLE に設定してください',
  regionLikelyWrong: (region: string, startUrl: string) =>
    `SSO リージョン ${region} が間違っている可能性があります: IAM Identity Center は別のリージョンの開始 URL (${startUrl}) を受け付けません。` +
    'IAM Identity Center コンソールの「設定」(または AWS アクセスポータルの「SSO Region」) でリージョンを確認し、sso_region を修正してください。',
  signInExpired:
    'サインインのリクエストは、承認される前に有効期限が切れました。新しいコードを取得するには、もう一度コマンドを実行してください。',
  registerFailed: (reason: string) => `IAM Identity Center へのクライアントの登録に失敗しました: ${reason}`,
  pkceBrowser: (url: string) =>
    'デフォルトのブラウザを開いています。ブラウザが開かない場合は、次の URL を開いてください。\n' +
    "このデバイスで URL を開けない場合は、'--use-device-code' オプションを付けてこのコマンドをもう一度実行してください。\n\n" +
    `${url}\n\n`,
  pkceNoBrowser: (url: string) => `ブラウザは自動では開きません。\n次の URL にアクセスしてください:\n\n${url}\n`,
  browserNotOpened: (reasons: string[]) =>
    `ブラウザを開けませんでした (${reasons.join('、')})。上記の URL をご自身でブラウザで開いてください。サインインの完了を待っています。\n`,
  browserExited: (command: string, exitCode: number) => `${command} が終了コード ${exitCode} で終了しました`,
  browserStopped: (command: string, signal: string) => `${command} がシグナル ${signal} で停止しました`,
  qrDevice: 'または、スマートフォンでこの QR コードを読み取ると、コードが入力済みのページが開きます:',
  qrPkce: (port: number) =>
    `または、この QR コードを読み取ってください。サインインは、このマシンの 127.0.0.1:${port} に接続できるブラウザでのみ完了します ` +
    `(例: ssh -L ${port}:127.0.0.1:${port})。スマートフォンで承認するには --use-device-code を使用してください。`,
  signInMethod: (choice: SignInMethodChoice): string => {
    const method = choice.method === 'pkce' ? 'ブラウザ (PKCE による認可コード)' : 'デバイスコード';
    return `サインイン方法: ${method} (${methodReason(choice.reason)})。\n`;
  },
  pkceNeedsSession:
    '--callback-port と --no-use-device-code には sso-session の設定が必要です。レガシープロファイルはデバイスコードでサインインします。',
  callbackPortWithDeviceCode:
    '--callback-port はブラウザ フローのループバック ポートで、デバイスコード フローにはありません。--callback-port と --use-device-code のどちらか一方を指定してください。',
  authorizationCodeFailed: (error: string, description?: string) =>
    `認可コードを取得できませんでした。ブラウザからエラー ${quote(error)}${description ? ` (${quote(description)})` : ''} が返されました。` +
    'やり直すには、もう一度コマンドを実行してください。',
  authorizationCodeDenied:
    '認可コードを取得できませんでした: サインインのリクエストがブラウザで拒否されました。やり直すには、もう一度コマンドを実行してください。',
  stateMismatch:
    'state パラメータが期待される値と一致しません。この応答は別のサインイン (古いタブ、または他の人から送られたリンク) のものなので無視しました。ターミナルのサインインは引き続き待機しています。',
  callbackWrongHost: (port: number) =>
    `このアドレスは 127.0.0.1:${port} または localhost:${port} 宛てのリクエストにのみ応答します。このリクエストは別のホスト宛てだったため無視しました。` +
    'ターミナルのサインインは引き続き待機しています。',
  callbackIncomplete: 'このアドレスはサインインの応答 (コードまたはエラー) を待っていますが、どちらもありませんでした。引き続き待機します。',
  callbackPortInUse: (port: number) =>
    `127.0.0.1 のポート ${port} は既に使用されているため、ブラウザからの応答を受け取れません。` +
    'そのポートを使っているプログラムを停止するか、--callback-port で別のポートを指定するか、--use-device-code を使用してください。',
  callbackPortDenied: (port: number) =>
    `127.0.0.1 のポート ${port} で待ち受ける権限がありません。--callback-port で 1023 より大きいポートを指定するか、--use-device-code を使用してください。`,
  callbackServerFailed: (reason: string) =>
    `ブラウザからの応答を受け取るために 127.0.0.1 で待ち受けられませんでした: ${reason}。--use-device-code を使用するとサインインできます。`,
  authorizationTimedOut: (seconds: number) =>
    `${seconds} 秒以内にブラウザから応答がありませんでした。もう一度コマンドを実行するか (待ち時間は --timeout で指定できます)、--use-device-code を使用してください。`,
  callbackPage: {
    title: 'sso-setup サインイン',
    successHeading: 'サインインしました',
    successBody: 'sso-setup は認可を受け取り、ターミナルでサインインを完了しています。',
    failureHeading: 'サインインに失敗しました',
    close: 'このウィンドウを閉じて、ターミナルに戻ってください。',
  },
  refreshed: (session: string) =>
    `${quote(session)} のサインインをリフレッシュトークンで更新しました。ブラウザは不要です (--force を付けると改めてサインインします)。\n`,
  refreshFailed: (reason: string) => `サインインを更新できませんでした (${reason})。改めてサインインします。\n`,
  refreshUnavailable: 'キャッシュされたトークンにリフレッシュトークンまたはクライアントの情報がありません',
  refreshRegistrationExpired: 'クライアントの登録の有効期限が切れています',
  remembered: (session: string, useDeviceCode: boolean) =>
    `[sso-session ${session}] に sso_use_device_code = ${useDeviceCode} を保存しました。今後のサインインでは${useDeviceCode ? 'デバイスコード' : 'ブラウザ'}を使用します。\n`,
  rememberNeedsSession: '--remember には sso-session の設定が必要です。レガシープロファイルには選択を保存する場所がありません。',
  incompleteRegistration: 'IAM Identity Center から返されたクライアントの登録情報が不完全です。',

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
  missingFlags: (flags: readonly string[]) =>
    `値が足りませんが、入力を求めるターミナルがありません: ${flags.join(', ')}。オプションで指定してください (sso-setup configure --help を参照)。`,
  invalidFlag: (flag: string, reason: string) => `--${flag} の値が正しくありません: ${reason}`,
  expectedPort: 'は 1 から 65535 までのポート番号ではありません',
  expectedSeconds: 'は 1 から 86400 までの秒数 (整数) ではありません',
  accountNotAvailable: (id: string, available: readonly string[]) =>
    `アカウント ${id} は利用できません。利用できるアカウント: ${available.join(', ')}。`,
  roleNotAvailable: (role: string, id: string, available: readonly string[]) =>
    `ロール "${role}" はアカウント ${id} では利用できません。利用できるロール: ${available.join(', ')}。`,
  chooseWithFlag: (flag: string, available: readonly string[]) =>
    `候補が複数ありますが、選択を求めるターミナルがありません: --${flag} で次のいずれかを指定してください: ${available.join(', ')}。`,
  dryRunNoChange: (file: string) => `ドライラン: ${file} は変更されません。\n`,
  dryRunHeader: (file: string) => `ドライラン: ${file} に書き込まれる変更 (何も書き込んでいません):\n`,
  backedUp: (file: string, backup: string) => `変更前の ${file} のコピーを保存しました: ${backup}\n`,
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
  unknownTemplateField: (field: string, template: string, known: string) =>
    `名前テンプレート "${template}" に不明なフィールド {${field}} があります。使えるフィールド: ${known}。`,
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
  verifyFailed: (reason: string) => `プロファイルは書き込みましたが、このプロファイルでのサインインに失敗しました: ${reason}`,

  missingValues: (keys: readonly string[]) => `次の必須の SSO 設定値がありません: ${keys.join(', ')}。`,
  missingValuesLegacyHint:
    'このプロファイルで SSO を正しく使えるように設定するには、次のコマンドを実行してください: sso-setup configure',
  sessionNotFound: (name: string) => `指定された sso-session は存在しません: "${name}"`,
  profileNotFound: (name: string) => `設定プロファイル (${name}) が見つかりません`,
  loggedIn: (startUrl: string) => `SSO 開始 URL にサインインしました: ${startUrl}\n`,
  loggedOut: (tokens: number, credentials: number) =>
    `サインアウトしました: キャッシュされた SSO トークン ${tokens} 件と、キャッシュされたロールの認証情報 ${credentials} 件を削除しました。\n`,

  profileMissingRoleKeys: (profile: string, keys: readonly string[]) =>
    `プロファイル ${profile} に ${keys.join(' と ')} が設定されていません: sso-setup configure --profile ${profile} を実行してください。`,
  sessionExpired: (profile: string) =>
    `プロファイル ${profile} の SSO セッションは有効期限が切れているか、サインインしていません: sso-setup login --profile ${profile} を実行してください`,
  sessionInvalid: (profile: string) =>
    `プロファイル ${profile} の SSO セッションは無効になっています: sso-setup login --profile ${profile} を実行してください`,
  roleCredentialsFailed: (roleName: string, accountId: string, reason: string) =>
    `アカウント ${accountId} のロール ${roleName} の認証情報を取得できませんでした: ${reason}`,
  incompleteRoleCredentials: 'IAM Identity Center から返されたロールの認証情報が不完全です。',

  whoamiFailed: (profile: string, reason: string) =>
    `プロファイル ${profile} でサインインできません: ${reason}。セッションの有効期限が切れている場合は、次のコマンドを実行してください: sso-setup login --profile ${profile}`,
  whoamiIdentity: (identity: { Account: string; Arn: string; UserId: string }) =>
    `${pad('アカウント:', 13)}${identity.Account}\n${pad('ARN:', 13)}${identity.Arn}\n${pad('ユーザー ID:', 13)}${identity.UserId}\n`,

  noSsoConfiguration: 'SSO の設定が見つかりません。次のコマンドを実行してください: sso-setup configure\n',
  statusEntry: (status: StatusEntry, minutes: number) => {
    const title = status.type === 'sso-session' ? `sso-session ${status.name}` : `${LEGACY}の開始 URL`;
    const state = status.signedIn
      ? `サインイン済み、有効期限 ${status.expiresAt} (あと ${minutes} 分)`
      : status.expiresAt
        ? `有効期限切れ (${status.expiresAt})`
        : '未サインイン';
    const columns = 19;
    return [
      `${title}: ${state}`,
      `  ${pad('SSO 開始 URL:', columns)}${status.startUrl} (${status.region})`,
      `  ${pad('更新可能:', columns)}${status.refreshable ? 'はい' : 'いいえ'}`,
      `  ${pad('クライアント登録:', columns)}${status.registrationExpiresAt ? `有効期限 ${status.registrationExpiresAt}` : 'なし'}`,
      `  ${pad('プロファイル:', columns)}${status.profiles.join(', ') || '(なし)'}`,
    ].join('\n');
  },

  configNotUtf8: '有効な UTF-8 テキストではありません',
  configBinaryLine: (line: number) => `${line} 行目にバイナリデータが含まれています`,
  configBadHeader: (line: number, text: string) =>
    `${line} 行目のセクションヘッダーが閉じていないか、形式が正しくありません: ${JSON.stringify(text)}`,
  cannotUseConfig: (file: string, problem: string) =>
    `${file} を使用できません: ${problem}。ファイルを手で修正してください。sso-setup は何も変更していません。`,

  caBundleUnreadable: (file: string, reason: string) =>
    `AWS_CA_BUNDLE で指定された CA バンドル (${file}) を読み取れません: ${reason}`,

  fileErrorReason: (code: string): string | undefined => FILE_ERROR_REASONS[code],
  cannotWrite: (file: string, reason: string) => `${file} に書き込めません: ${reason}。既存のファイルは元のままです。`,
  unexpectedError: (name: string, message: string) => `予期しないエラーです: ${name}: ${message}`,
  interrupted: '中断しました。',
  unknownLanguage: (value: string, accepted: readonly string[]) =>
    `--lang の言語が不明です: ${quote(value)}。次のいずれかを指定してください: ${accepted.join(', ')}。`,

  help: {
    program: 'AWS CLI と SDK で使う AWS IAM Identity Center (SSO) のサインインを設定し、実行します。',
    version: 'バージョン番号を表示する',
    helpOption: 'コマンドのヘルプを表示する',
    helpCommand: 'コマンドのヘルプを表示する',
    debug: 'デバッグ出力を標準エラー出力に表示する (トークンとシークレットは伏せ字)',
    lang: 'メッセージの言語: en または ja (デフォルト: LC_ALL、LC_MESSAGES、LANG から判定)',
    configure:
      'SSO プロファイルを作成・更新する: サインインし、アカウントとロールを選び、~/.aws/config に書き込んで動作を確認する',
    configureProfile: '書き込むプロファイル (デフォルト: 入力を求める、または AWS_PROFILE)',
    configureSsoSession: 'SSO セッション名 (従来形式のプロファイルにするには "")',
    startUrl: 'SSO 開始 URL (AWS アクセスポータルの URL)。例: https://d-xxxxxxxxxx.awsapps.com/start',
    ssoRegion: 'SSO リージョン (IAM Identity Center が有効になっているリージョン)',
    scopes: 'SSO 登録スコープ、カンマ区切り (デフォルト: sso:account:access)',
    accountId: '使用する AWS アカウント',
    roleName: 'そのアカウントで使用するロール (許可セット)',
    region: 'プロファイルのデフォルトのクライアントリージョン',
    output: 'CLI のデフォルト出力形式: json, text, table, yaml, yaml-stream, off',
    yes: '指定されていない値にはすべてデフォルトを使い、デフォルトのある値は質問しない',
    dryRun: '設定ファイルへの変更を表示するだけで、何も書き込まない',
    noBrowser: 'ブラウザを開かずに、サインイン用の URL (とコード) を QR コードとともに表示する',
    useDeviceCode: 'デバイスコードでサインインする (別のデバイスのブラウザで承認する場合)',
    noUseDeviceCode: 'デバイスコードが選ばれる場合でも、ブラウザ (PKCE) でサインインする',
    callbackPort: 'ブラウザでのサインインに使う 127.0.0.1 の固定ポート (例: ssh -L PORT:127.0.0.1:PORT。デフォルト: 空いているポート)',
    timeout: 'ブラウザでの承認を待つ秒数 (デフォルト: 600)',
    remember: 'このサインイン方法を sso-session (sso_use_device_code) に保存し、今後のサインインで使用する',
    force: 'リフレッシュトークンが有効でも、ブラウザで改めてサインインする',
    noVerify: '最後の STS GetCallerIdentity による確認を省略する',
    login: 'もう一度サインインして、キャッシュされた SSO トークンを更新する',
    loginProfile: 'サインインに使うプロファイル (デフォルト: AWS_PROFILE、なければ "default")',
    loginSsoSession: 'プロファイルを使わずにサインインする sso-session',
    logout:
      'サインアウトする: キャッシュされた SSO トークンをポータルで無効にし、トークンとキャッシュされたロールの認証情報を削除する',
    status: '各 SSO サインインの状態を表示する: サインイン済みか、有効期限、更新できるか (ネットワークは使わない)',
    statusJson: 'JSON で出力する (形式は README を参照)',
    whoami: 'プロファイルでサインインしたときの ID を表示する (STS GetCallerIdentity)',
    profileToUse: '使用するプロファイル (デフォルト: AWS_PROFILE、なければ "default")',
    whoamiJson: 'aws sts get-caller-identity と同じ JSON で出力する',
    exportCredentials:
      'プロファイルのロールの認証情報を aws configure export-credentials と同じ形式で出力する (credential_process として使える)',
    exportFormat: '出力形式',
    completion: 'bash、zsh、fish 用のシェル補完スクリプトを出力する (例: source <(sso-setup completion bash))',
    completionShell: '補完を使うシェル',
    title: (title: string) => TITLES[title] ?? title,
    term: (term: string) => term.replace(/\[options\]/g, '[オプション]').replace(/\[command\]/g, '[コマンド]'),
    choices: (list: string) => `選択肢: ${list}`,
    default: (value: string) => `デフォルト: ${value}`,
    preset: (value: string) => `プリセット: ${value}`,
    env: (name: string) => `環境変数: ${name}`,
    commanderError: (text: string) => COMMANDER_ERRORS.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), text),
  },
};
