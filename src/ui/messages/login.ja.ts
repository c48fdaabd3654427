/** The Japanese texts of login.ts (read only when the language is Japanese: src/ui/messages/japanese.ts). */
import type { en } from './login.js';

export const ja: typeof en = {
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
