/** `sso-setup configure`: the AWS CLI's `aws configure sso` prompts and texts, and the options. */

import { quote } from '../text.js';

export const en = {
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
  listingFailed: (reason: string) => `Listing your AWS accounts and roles failed: ${reason}`,
  unableToListGiven: (flags: readonly string[]) =>
    `Unable to list AWS accounts and/or roles, so ${flags.join(' and ')} could not be used. Nothing was written. ` +
    'Sign in again (run: sso-setup login --force) and run the command again, or leave out --account-id and --role-name to write the profile without them.',
  selectAccount: 'Select an account',
  accountNotAvailable: (id: string, available: readonly string[]) =>
    `The account ${id} is not available to you. Available: ${available.join(', ')}.`,
  roleNotAvailable: (role: string, id: string, available: readonly string[]) =>
    `The role "${role}" is not available in account ${id}. Available: ${available.join(', ')}.`,
  populateHint: (session: string) =>
    `\nTip: to write a profile for every account and role you can use, run: sso-setup populate --sso-session ${session}\n`,
  noRegionHint: (ssoRegion: string) =>
    `\nThe profile has no default Region, so AWS CLI commands with it need --region (or AWS_REGION), for example: --region ${ssoRegion}\n`,
  selectRole: 'Select a role',
  configuredDefault:
    'The AWS CLI is now configured to use the default profile.\n' +
    'Run the following command to verify your configuration:\n\naws sts get-caller-identity\n',
  configuredProfile: (p: string) =>
    'To use this profile, specify the profile name using --profile, as shown:\n\n' +
    `aws sts get-caller-identity --profile ${p}\n`,
  configuredNoCredentials: (p: string) => `Successfully configured SSO for profile: ${p}\n`,
  verifying: (p: string) => `\nVerifying the profile ${p} with STS GetCallerIdentity:\n`,
  sessionConflict: (session: string, file: string, differences: readonly string[]) =>
    `The sso-session "${session}" already exists with other values:\n` +
    differences.map((line) => `  ${line}\n`).join('') +
    `configure does not change an existing sso-session. To change it, run: sso-setup configure sso-session --sso-session ${session} ` +
    `(or edit the [sso-session ${session}] section of ${file}); or give another session name with --sso-session to create a new session. Nothing was written.`,
  sessionValueDiffers: (flag: string, given: string, existing?: string) =>
    `--${flag} ${quote(given)}, but the session has ${existing === undefined ? 'none' : quote(existing)}`,
  scopesNeedSession:
    '--scopes applies only to an sso-session, and this is a legacy profile (no session name): ' +
    'give a session name with --sso-session, or leave out --scopes.',
  help: {
    description: 'Create or update an SSO profile: sign in, choose an account and role, write ~/.aws/config, verify it',
    profile: 'profile to write (default: AWS_PROFILE, then AWS_DEFAULT_PROFILE, else asked)',
    ssoSession: 'SSO session name ("" for a legacy profile)',
    startUrl: 'SSO start URL, e.g. https://d-xxxxxxxxxx.awsapps.com/start',
    ssoRegion: 'SSO region, where IAM Identity Center runs',
    scopes: 'SSO registration scopes, comma-separated (default sso:account:access)',
    accountId: 'AWS account to use',
    roleName: 'role to use in that account',
    region: 'default client Region of the profile',
    output: 'CLI default output format: json, text, table, yaml, yaml-stream, off',
    yes: 'accept the default of every value not given; ask nothing that has one',
    dryRun: 'print the change to the config file as a diff; write nothing (a sign-in is not saved either)',
    noVerify: 'skip the STS GetCallerIdentity check at the end',
  },
};
