/** `sso-setup logout`. */

const en = {
  loggedOut: (tokens: number, credentials: number) =>
    `Signed out: removed ${tokens} cached SSO token${tokens === 1 ? '' : 's'} and ${credentials} cached role credential${credentials === 1 ? '' : 's'}.\n`,
  help: {
    description: 'Sign out: revoke cached SSO tokens at the portal and delete them and cached role credentials',
  },
};

const ja: typeof en = {
  loggedOut: (tokens: number, credentials: number) =>
    `サインアウトしました: キャッシュされた SSO トークン ${tokens} 件と、キャッシュされたロールの認証情報 ${credentials} 件を削除しました。\n`,
  help: {
    description:
      'サインアウトする: キャッシュされた SSO トークンをポータルで無効にし、トークンとキャッシュされたロールの認証情報を削除する',
  },
};

export const logout = { en, ja };
