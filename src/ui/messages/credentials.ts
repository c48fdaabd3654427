/** `sso-setup whoami` and `sso-setup export-credentials`, and the role credentials they get. */
import { textWidth } from '../text.js';

/** Pads a label to a number of terminal columns (Japanese characters take two). */
const pad = (label: string, columns: number) => label + ' '.repeat(Math.max(1, columns - textWidth(label)));


const en = {
  verifyFailed: (reason: string) =>
    `The profile was written, but signing in with it failed: ${reason}`,
  profileMissingRoleKeys: (profile: string, keys: readonly string[]) =>
    `The profile ${profile} has no ${keys.join(' or ')}: run sso-setup configure --profile ${profile}.`,
  sessionExpired: (profile: string) =>
    `The SSO session for profile ${profile} has expired or you are not signed in: run: sso-setup login --profile ${profile}`,
  sessionInvalid: (profile: string) =>
    `The SSO session for profile ${profile} is no longer valid: run: sso-setup login --profile ${profile}`,
  roleCredentialsFailed: (roleName: string, accountId: string, reason: string) =>
    `Getting role credentials for ${roleName} in ${accountId} failed: ${reason}`,
  incompleteRoleCredentials: 'IAM Identity Center returned incomplete role credentials.',
  whoamiFailed: (profile: string, reason: string) =>
    `Cannot sign in with profile ${profile}: ${reason}. If the session has expired, run: sso-setup login --profile ${profile}`,
  whoamiIdentity: (identity: { Account: string; Arn: string; UserId: string }) =>
    `Account: ${identity.Account}\nArn:     ${identity.Arn}\nUserId:  ${identity.UserId}\n`,
  help: {
    whoami: 'Show who a profile signs in as (STS GetCallerIdentity)',
    profileToUse: 'profile to use (default: AWS_PROFILE, then AWS_DEFAULT_PROFILE, then "default")',
    whoamiJson: 'print JSON, as aws sts get-caller-identity does',
    exportCredentials:
      "Print a profile's role credentials, like aws configure export-credentials (usable as credential_process)",
    exportFormat: 'output format',
  },
};

const ja: typeof en = {
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
  whoamiFailed: (profile: string, reason: string) =>
    `プロファイル ${profile} でサインインできません: ${reason}。セッションの有効期限が切れている場合は、次のコマンドを実行してください: sso-setup login --profile ${profile}`,
  whoamiIdentity: (identity: { Account: string; Arn: string; UserId: string }) =>
    `${pad('アカウント:', 13)}${identity.Account}\n${pad('ARN:', 13)}${identity.Arn}\n${pad('ユーザー ID:', 13)}${identity.UserId}\n`,
  help: {
    whoami: 'プロファイルでサインインしたときの ID を表示する (STS GetCallerIdentity)',
    profileToUse: '使用するプロファイル (デフォルト: AWS_PROFILE、次に AWS_DEFAULT_PROFILE、なければ "default")',
    whoamiJson: 'aws sts get-caller-identity と同じ JSON で出力する',
    exportCredentials:
      'プロファイルのロールの認証情報を aws configure export-credentials と同じ形式で出力する (credential_process として使える)',
    exportFormat: '出力形式',
  },
};

export const credentials = { en, ja };
