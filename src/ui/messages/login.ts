/** `sso-setup login`: the AWS CLI's `aws sso login` texts and errors, and the options. */

export const en = {
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
