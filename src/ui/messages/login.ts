/** `sso-setup login`: the AWS CLI's `aws sso login` texts and errors, and the options. */

const en = {
  missingValues: (keys: readonly string[]) => `Missing the following required SSO configuration values: ${keys.join(', ')}. `,
  missingValuesLegacyHint: 'To make sure this profile is properly configured to use SSO, please run: sso-setup configure',
  sessionNotFound: (name: string) => `The specified sso-session does not exist: "${name}"`,
  profileNotFound: (name: string) => `The config profile (${name}) could not be found`,
  loggedIn: (startUrl: string) => `Successfully logged into Start URL: ${startUrl}\n`,
  profileAndSession: (profile: string, session: string, profileSession?: string) =>
    `--profile ${profile} and --sso-session ${session} name different sign-ins ` +
    `(the profile ${profileSession === undefined ? 'uses no sso-session' : `uses the sso-session ${profileSession}`}): give only one of them.`,
  noSessions: 'There is no [sso-session] section in the config file; create one with: sso-setup configure',
  allWithTarget: '--all signs in every sso-session; it cannot be combined with --profile, --sso-session or --remember.',
  allSigningIn: (session: string, startUrl: string) => `\nSigning in to sso-session ${session} (${startUrl})\n`,
  allSummary: (session: string, result: string, reason: string) =>
    `${session}: ${
      result === 'already' ? 'already signed in' : result === 'refreshed' ? 'refreshed' : result === 'signed-in' ? 'signed in' : `failed (${reason})`
    }\n`,
  allFailed: (failed: number, total: number) => `${failed} of ${total} sso-sessions could not be signed in.`,
  help: {
    all: 'sign in to every sso-session in the config that needs it: refresh first, then one browser sign-in per session',
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
  profileAndSession: (profile: string, session: string, profileSession?: string) =>
    `--profile ${profile} と --sso-session ${session} は別々のサインインを指しています ` +
    `(このプロファイルは${profileSession === undefined ? ' sso-session を使いません' : ` sso-session ${profileSession} を使います`})。どちらか一方だけを指定してください。`,
  noSessions: '設定ファイルに [sso-session] セクションがありません。次のコマンドで作成してください: sso-setup configure',
  allWithTarget: '--all はすべての sso-session にサインインします。--profile、--sso-session、--remember とは同時に指定できません。',
  allSigningIn: (session: string, startUrl: string) => `\nsso-session ${session} (${startUrl}) にサインインします\n`,
  allSummary: (session: string, result: string, reason: string) =>
    `${session}: ${
      result === 'already'
        ? 'サインイン済み'
        : result === 'refreshed'
          ? '更新しました'
          : result === 'signed-in'
            ? 'サインインしました'
            : `失敗しました (${reason})`
    }\n`,
  allFailed: (failed: number, total: number) => `${total} 件の sso-session のうち ${failed} 件にサインインできませんでした。`,
  help: {
    all: '設定ファイル内のサインインが必要なすべての sso-session にサインインする: まず更新を試し、残りはセッションごとにブラウザでサインイン',
    force: 'リフレッシュトークンが有効でも、ブラウザで改めてサインインする',
    description: 'もう一度サインインして、キャッシュされた SSO トークンを更新する',
    profile: 'サインインに使うプロファイル (デフォルト: AWS_PROFILE、次に AWS_DEFAULT_PROFILE、なければ "default")',
    ssoSession: 'プロファイルを使わずにサインインする sso-session',
  },
};

export const login = { en, ja };
