/** `sso-setup login`: the AWS CLI's `aws sso login` texts and errors, and the options. */

const en = {
  missingValues: (keys: readonly string[]) => `Missing the following required SSO configuration values: ${keys.join(', ')}. `,
  missingValuesLegacyHint: 'To make sure this profile is properly configured to use SSO, please run: sso-setup configure',
  sessionNotFound: (name: string) => `The specified sso-session does not exist: "${name}"`,
  profileNotFound: (name: string) => `The config profile (${name}) could not be found`,
  loggedIn: (startUrl: string) => `Successfully logged into Start URL: ${startUrl}\n`,
  help: {
    force: 'sign in anew in the browser even when the refresh token still works',
    description: 'Sign in again and refresh the cached SSO token',
    profile: 'profile to sign in with (default: AWS_PROFILE, then AWS_DEFAULT_PROFILE, then "default")',
    ssoSession: 'sso-session to sign in to, without a profile',
  },
};

const ja: typeof en = {
  missingValues: (keys: readonly string[]) => `次の必須の SSO 設定値がありません: ${keys.join(', ')}。`,
  missingValuesLegacyHint:
    'このプロファイルで SSO を正しく使えるように設定するには、次のコマンドを実行してください: sso-setup configure',
  sessionNotFound: (name: string) => `指定された sso-session は存在しません: "${name}"`,
  profileNotFound: (name: string) => `設定プロファイル (${name}) が見つかりません`,
  loggedIn: (startUrl: string) => `SSO 開始 URL にサインインしました: ${startUrl}\n`,
  help: {
    force: 'リフレッシュトークンが有効でも、ブラウザで改めてサインインする',
    description: 'もう一度サインインして、キャッシュされた SSO トークンを更新する',
    profile: 'サインインに使うプロファイル (デフォルト: AWS_PROFILE、次に AWS_DEFAULT_PROFILE、なければ "default")',
    ssoSession: 'プロファイルを使わずにサインインする sso-session',
  },
};

export const login = { en, ja };
