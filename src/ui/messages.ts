/**
 * Every text the user reads, in one place. The English texts are the AWS CLI v2's, word for
 * word where it has one, because our users follow guides that show them.
 */
/** A user's value shown safely in a message: quoted, control characters escaped, long values cut. */
export function quote(value: string): string {
  const shown = value.length > 80 ? `${value.slice(0, 60)}…(${value.length} characters)` : value;
  return JSON.stringify(shown);
}

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
  invalidStartUrl: (value: string, reason: string) =>
    `Not a valid Start URL: ${quote(value)} ${reason}. ` +
    'Expected https://d-xxxxxxxxxx.awsapps.com/start (or your custom https://NAME.awsapps.com/start). ' +
    'Find it in the AWS access portal (Access keys → "SSO start URL"), or in the IAM Identity Center console → Dashboard → "AWS access portal URL".',
  startUrlRequired:
    'A value is required. Enter the AWS access portal URL, e.g. https://d-xxxxxxxxxx.awsapps.com/start ' +
    '(IAM Identity Center console → Dashboard → "AWS access portal URL").',
  valueRequired: 'A value is required',
  ssoRegionRequired:
    'A value is required. Enter the region where IAM Identity Center runs, e.g. us-east-1 ' +
    '(IAM Identity Center console → Settings → "Region"; the access portal shows it as "SSO Region").',
  invalidSsoRegion: (value: string, suggestion?: string) =>
    `Not a valid SSO region: ${quote(value)}.${suggestion ? ` Did you mean ${suggestion}?` : ''} ` +
    'Use the region where IAM Identity Center runs, as shown in the IAM Identity Center console → Settings, e.g. us-east-1 or ap-northeast-1.',
  invalidScopes: (value: string) =>
    `Scope values must be separated by commas: ${quote(value)}. Expected e.g. sso:account:access or "sso:account:access, codewhisperer:completions".`,
  invalidRegion: (value: string, suggestion?: string) =>
    `Not a valid region name: ${quote(value)}.${suggestion ? ` Did you mean ${suggestion}?` : ''} Expected a region such as us-east-1 or ap-northeast-1.`,
  invalidOutput: (value: string, allowed: readonly string[]) =>
    `Not a valid output format: ${quote(value)}. Expected one of: ${allowed.join(', ')}.`,
  invalidName: (kind: string, value: string, reason: string) =>
    `Not a valid ${kind}: ${quote(value)} ${reason}. Use letters, digits and - _ . @ + % : / only, as the AWS SDKs require.`,
  invalidAccountId: (value: string) => `Not a valid AWS account ID: ${quote(value)}. Expected 12 digits.`,

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
  missingFlags: (flags: readonly string[]) =>
    `Missing values and no terminal to ask for them: ${flags.join(', ')}. Pass them as options (see sso-setup configure --help).`,
  invalidFlag: (flag: string, reason: string) => `Invalid value for --${flag}: ${reason}`,
  accountNotAvailable: (id: string, available: readonly string[]) =>
    `The account ${id} is not available to you. Available: ${available.join(', ')}.`,
  roleNotAvailable: (role: string, id: string, available: readonly string[]) =>
    `The role "${role}" is not available in account ${id}. Available: ${available.join(', ')}.`,
  chooseWithFlag: (flag: string, available: readonly string[]) =>
    `More than one is available and there is no terminal to ask: pass --${flag} with one of: ${available.join(', ')}.`,
  dryRunNoChange: (file: string) => `Dry run: ${file} would not change.\n`,
  dryRunHeader: (file: string) => `Dry run: the change that would be written to ${file} (nothing was written):\n`,
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
