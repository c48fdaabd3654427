/** The Japanese texts of validate.ts (read only when the language is Japanese: src/ui/messages/japanese.ts). */
import type { en, NameKind } from './validate.js';
import { quote } from '../text.js';

const NAME_KINDS: Record<NameKind, string> = {
  'profile name': 'プロファイル名',
  'session name': 'SSO セッション名',
};

export const ja: typeof en = {
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
  unknownRegion: (value: string) =>
    `警告: ${quote(value)} は、このバージョンの sso-setup が知らないリージョンです (AWS SDK のパーティションデータによる)。入力どおりに使います。\n`,
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
