/** The Japanese texts of credentials.ts (read only when the language is Japanese: src/ui/messages/japanese.ts). */
import type { en } from './credentials.js';
import { quote, textWidth } from '../text.js';

/** Pads a label to a number of terminal columns (Japanese characters take two). */
const pad = (label: string, columns: number) => label + ' '.repeat(Math.max(1, columns - textWidth(label)));

export const ja: typeof en = {
  botocoreRejects: (profile: string, session: string, section: string, file: string, differences: readonly string[], keys: readonly string[]) =>
    `AWS CLI と boto3 はプロファイル ${profile} を使えません。${keys.join('、')} の値が SSO セッション ${session} と異なります ` +
    '(botocore: "The value for … is inconsistent between profile and sso-session"):\n' +
    differences.map((line) => `  ${line}\n`).join('') +
    `${file} の [${section}] セクションから ${keys.join(' と ')} を削除してください。使われるのは SSO セッションの値です。`,
  inconsistentValue: (key: string, profileValue: string, sessionValue: string) =>
    `${key}: プロファイルでは ${quote(profileValue)}、SSO セッションでは ${quote(sessionValue)}`,
  writtenButRejected: (reason: string) => `プロファイルは書き込みましたが、一部の AWS ツールでは使えません:\n${reason}`,
  verifyFailed: (reason: string) => `プロファイルは書き込みましたが、このプロファイルでのサインインに失敗しました: ${reason}`,
  profileMissingRoleKeys: (profile: string, keys: readonly string[]) =>
    `プロファイル ${profile} に ${keys.join(' と ')} が設定されていません: sso-setup configure --profile ${profile} を実行してください。`,
  sessionExpired: (profile: string) =>
    `プロファイル ${profile} の SSO セッションは有効期限が切れているか、サインインしていません: sso-setup login --profile ${profile} を実行してください`,
  sessionInvalid: (profile: string) =>
    `プロファイル ${profile} の SSO セッションは無効になっています: sso-setup login --profile ${profile} を実行してください`,
  roleCredentialsFailed: (roleName: string, accountId: string, reason: string) =>
    `アカウント ${accountId} のロール ${roleName} の認証情報を取得できませんでした: ${reason}`,
  incompleteRoleCredentials: 'IAM Identity Center から返されたロールの認証情報が不完全です。',
  unableToRetrieve: (reason: string) => `認証情報を取得できません: ${reason}`,
  noCredentialsFound: '認証情報を取得できません: 認証情報が見つかりません',
  profileChainTooDeep: (max: number, seen: readonly string[]) =>
    `credential_process による認証情報の解決が再帰の上限 (${max}) に達しました。\nたどったプロファイル: ${seen.join(' -> ')}`,
  profileChainLoop: (cycle: readonly string[]) =>
    `credential_process による認証情報の解決が無限ループになっています。プロファイルの循環: ${cycle.join(' -> ')}`,
  cmdUnsafeValue: (name: string, what: string) =>
    `${name} の値に ${what} が含まれており、cmd.exe の set コマンドではそのまま設定できません。--format powershell または --format process を使用してください。`,
  whoamiFailed: (profile: string, reason: string) =>
    `プロファイル ${profile} でサインインできません: ${reason}。セッションの有効期限が切れている場合は、次のコマンドを実行してください: sso-setup login --profile ${profile}`,
  whoamiIdentity: (identity: { Account: string; Arn: string; UserId: string }) =>
    `${pad('アカウント:', 13)}${identity.Account}\n${pad('ARN:', 13)}${identity.Arn}\n${pad('ユーザー ID:', 13)}${identity.UserId}\n`,
  help: {
    whoami: 'プロファイルでサインインしたときの ID を表示する (STS GetCallerIdentity)',
    profileToUse: '使用するプロファイル (デフォルト: AWS_PROFILE、次に AWS_DEFAULT_PROFILE、なければ "default")',
    whoamiJson: 'aws sts get-caller-identity と同じ JSON で出力する',
    exportCredentials:
      'プロファイルの認証情報 (SSO、静的なアクセスキー、credential_process、role_arn、環境変数) を aws configure export-credentials と同じ形式で出力する (credential_process として使える)',
    exportFormat: '出力形式',
  },
};
