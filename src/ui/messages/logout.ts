/** `sso-setup logout`. */

export const en = {
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
