/** Why a typed or flag value is refused (start URL, regions, scopes, output, names, account ID). */
import { quote } from '../text.js';

/** What a name validator checks: the kind of name, as the messages call it. */
export type NameKind = 'profile name' | 'session name';

const NAME_KINDS: Record<NameKind, string> = {
  'profile name': 'プロファイル名',
  'session name': 'SSO セッション名',
};


const en = {
  invalidStartUrl: (value: string, reason: string) =>
    `Not a valid Start URL: ${quote(value)} ${reason}. ` +
    'Expected https://d-xxxxxxxxxx.awsapps.com/start (or your custom https://NAME.awsapps.com/start). ' +
    'Find it in the AWS access portal (Access keys → "SSO start URL"), or in the IAM Identity Center console → Dashboard → "AWS access portal URL".',
  startUrlRequired:
    'A value is required. Enter the AWS access portal URL, e.g. https://d-xxxxxxxxxx.awsapps.com/start ' +
    '(IAM Identity Center console → Dashboard → "AWS access portal URL").',
  valueRequired: 'A value is required',
  ssoRegionRequired:
    'A value is required. Enter the region where IAM Identity Center runs, e.g. us-east-1 ' +
    '(IAM Identity Center console → Settings → "Region"; the access portal shows it as "SSO Region").',
  invalidSsoRegion: (value: string, suggestion?: string) =>
    `Not a valid SSO region: ${quote(value)}.${suggestion ? ` Did you mean ${suggestion}?` : ''} ` +
    'Use the region where IAM Identity Center runs, as shown in the IAM Identity Center console → Settings, e.g. us-east-1 or ap-northeast-1.',
  invalidScopes: (value: string) =>
    `Scope values must be separated by commas: ${quote(value)}. Expected e.g. sso:account:access or "sso:account:access, codewhisperer:completions".`,
  invalidRegion: (value: string, suggestion?: string) =>
    `Not a valid region name: ${quote(value)}.${suggestion ? ` Did you mean ${suggestion}?` : ''} Expected a region such as us-east-1 or ap-northeast-1.`,
  invalidOutput: (value: string, allowed: readonly string[]) =>
    `Not a valid output format: ${quote(value)}. Expected one of: ${allowed.join(', ')}.`,
  invalidName: (kind: NameKind, value: string, reason: string) =>
    `Not a valid ${kind}: ${quote(value)} ${reason}. Use letters, digits and - _ . @ + % : / only, as the AWS SDKs require.`,
  invalidAccountId: (value: string) => `Not a valid AWS account ID: ${quote(value)}. Expected 12 digits.`,
  /** Why a value is not valid; they follow the quoted value ("x" is not a URL). */
  reason: {
    tooLong: (max: number) => `is longer than ${max} characters`,
    spacesOrControl: 'contains spaces or control characters',
    notUrl: 'is not a URL',
    notHttps: 'must start with https://',
    noHost: 'has no valid host name',
    noHostAfterScheme: 'has no host name right after https://',
    hostNotAsTyped: (host: string) => `would be read as host ${quote(host)}, which is not the host name typed`,
    userInfo: 'must not contain a user name or password',
    control: 'contains control characters',
    spaces: 'contains spaces',
    reserved: 'is reserved',
    unreadable: 'contains characters the AWS SDKs cannot read',
  },
};

const ja: typeof en = {
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
    noHostAfterScheme: 'https:// の直後にホスト名がありません',
    hostNotAsTyped: (host: string) => `入力したホスト名ではなくホスト ${quote(host)} として解釈されます`,
    userInfo: 'ユーザー名やパスワードを含むことはできません',
    control: '制御文字を含んでいます',
    spaces: '空白を含んでいます',
    reserved: '予約された名前です',
    unreadable: 'AWS SDK が読み取れない文字を含んでいます',
  },
};

export const validate = { en, ja };
