/** The Japanese texts of logout.ts (read only when the language is Japanese: src/ui/messages/japanese.ts). */
import type { en } from './logout.js';

export const ja: typeof en = {
  loggedOut: (tokens: number, credentials: number) =>
    `サインアウトしました: キャッシュされた SSO トークン ${tokens} 件と、キャッシュされたロールの認証情報 ${credentials} 件を削除しました。\n`,
  loggedOutOne: (session: string, tokens: number, credentials: number) =>
    `${session} からサインアウトしました: キャッシュされた SSO トークン ${tokens} 件と、そのプロファイルのキャッシュされたロールの認証情報 ${credentials} 件を削除しました。\n`,
  bothTargets: '--sso-session と --profile のどちらか一方を指定してください。',
  help: {
    ssoSession: 'この sso-session からだけサインアウトする (ほかのセッションはサインインしたまま)',
    profile: 'このプロファイルが使うサインイン (その sso-session または開始 URL) からだけサインアウトする',
    description:
      'サインアウトする: キャッシュされた SSO トークンをポータルで無効にし、トークンとキャッシュされたロールの認証情報を削除する',
  },
};
