/** `sso-setup logout`. */

const en = {
  loggedOut: (tokens: number, credentials: number) =>
    `Signed out: removed ${tokens} cached SSO token${tokens === 1 ? '' : 's'} and ${credentials} cached role credential${credentials === 1 ? '' : 's'}.\n`,
  loggedOutOne: (session: string, tokens: number, credentials: number) =>
    `Signed out of ${session}: removed ${tokens} cached SSO token${tokens === 1 ? '' : 's'} and ${credentials} cached role credential${credentials === 1 ? '' : 's'} of its profiles.\n`,
  bothTargets: 'Choose one of --sso-session and --profile.',
  help: {
    description: 'Sign out: revoke cached SSO tokens at the portal and delete them and cached role credentials',
    ssoSession: 'sign out of this sso-session only (other sessions stay signed in)',
    profile: 'sign out of the sign-in this profile uses only (its sso-session, or its start URL)',
  },
};

const ja: typeof en = {
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

export const logout = { en, ja };
