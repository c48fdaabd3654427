/**
 * Every text the user reads, in one place. The English texts are the AWS CLI v2's, word for
 * word where it has one, because our users follow guides that show them.
 */
export const messages = {
  sessionNamePrompt: (current?: string) => (current ? `SSO session name [${current}]` : 'SSO session name (Recommended)'),
  startUrlPrompt: (current?: string) => `SSO start URL [${current ?? 'None'}]`,
  ssoRegionPrompt: (current?: string) => `SSO region [${current ?? 'None'}]`,
  scopesPrompt: (current: string) => `SSO registration scopes [${current}]`,
  regionPrompt: (current?: string) => `Default client Region [${current ?? 'None'}]`,
  outputPrompt: (current?: string) => `CLI default output format (json if not specified) [${current ?? 'None'}]`,
  profileNamePrompt: (current?: string) => `Profile name [${current ?? 'None'}]`,

  legacyWarning:
    'WARNING: Configuring using legacy format (e.g. without an SSO session).\n' +
    'Consider re-running "configure" command and providing a session name.\n',
  invalidStartUrl: 'Not a valid Start URL',
  valueRequired: 'A value is required',
  scopesNeedCommas: 'Scope values must be separated by commas',
  invalidRegion: (value: string) => `Not a valid region name: "${value}". Expected a region such as us-east-1 or ap-northeast-1.`,
  invalidOutput: (value: string, allowed: readonly string[]) =>
    `Not a valid output format: "${value}". Expected one of: ${allowed.join(', ')}.`,
  invalidName: (kind: string, value: string) =>
    `Not a valid ${kind}: "${value}". Use letters, digits and - _ . @ + % : / only (no spaces), as the AWS SDKs require.`,

  deviceBrowser: (a: { verificationUri: string; userCode: string }) =>
    'Attempting to open your default browser.\n' +
    'If the browser does not open or you wish to use a different device to authorize this request, open the following URL:\n\n' +
    `${a.verificationUri}\n\nThen enter the code:\n\n${a.userCode}\n`,
  deviceNoBrowser: (a: { verificationUri: string; userCode: string; verificationUriComplete: string }) =>
    'Browser will not be automatically opened.\nPlease visit the following URL:\n\n' +
    `${a.verificationUri}\n\nThen enter the code:\n\n${a.userCode}\n\n` +
    'Alternatively, you may visit the following URL which will autofill the code upon loading:\n' +
    `${a.verificationUriComplete}\n`,

  onlyAccount: (id: string) => `The only AWS account available to you is: ${id}\n`,
  accountCount: (n: number) => `There are ${n} AWS accounts available to you.\n`,
  usingAccount: (id: string) => `Using the account ID ${id}\n`,
  onlyRole: (role: string) => `The only role available to you is: ${role}\n`,
  roleCount: (n: number) => `There are ${n} roles available to you.\n`,
  usingRole: (role: string) => `Using the role name "${role}"\n`,
  noAccounts: 'No AWS accounts are available to you.',
  noRoles: (id: string) => `No roles are available for the account ${id}`,
  unableToList:
    'Unable to list AWS accounts and/or roles. Skipping configuring AWS credential provider for profile.\n',
  selectAccount: 'Select an account',
  selectRole: 'Select a role',

  configuredDefault:
    '\nThe AWS CLI is now configured to use the default profile.\n' +
    'Run the following command to verify your configuration:\n\naws sts get-caller-identity\n',
  configuredProfile: (p: string) =>
    '\nTo use this profile, specify the profile name using --profile, as shown:\n\n' +
    `aws sts get-caller-identity --profile ${p}\n`,
  configuredNoCredentials: (p: string) => `Successfully configured SSO for profile: ${p}\n`,
  verifying: (p: string) => `\nVerifying the profile ${p} with STS GetCallerIdentity:\n`,
  verifyFailed: (reason: string) =>
    `The profile was written, but signing in with it failed: ${reason}`,

  missingValues: (keys: readonly string[]) => `Missing the following required SSO configuration values: ${keys.join(', ')}. `,
  missingValuesLegacyHint: 'To make sure this profile is properly configured to use SSO, please run: sso-setup configure',
  sessionNotFound: (name: string) => `The specified sso-session does not exist: "${name}"`,
  profileNotFound: (name: string) => `The config profile (${name}) could not be found`,
  loggedIn: (startUrl: string) => `Successfully logged into Start URL: ${startUrl}\n`,
  loggedOut: (tokens: number, credentials: number) =>
    `Signed out: removed ${tokens} cached SSO token${tokens === 1 ? '' : 's'} and ${credentials} cached role credential${credentials === 1 ? '' : 's'}.\n`,
} as const;
