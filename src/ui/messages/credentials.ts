/** `sso-setup whoami` and `sso-setup export-credentials`, and the role credentials they get. */
import { quote } from '../text.js';

export const en = {
  botocoreRejects: (profile: string, session: string, section: string, file: string, differences: readonly string[], keys: readonly string[]) =>
    `The AWS CLI and boto3 cannot use the profile ${profile}: it sets ${keys.join(', ')} differently from its sso-session ${session} ` +
    '(botocore: "The value for … is inconsistent between profile and sso-session"):\n' +
    differences.map((line) => `  ${line}\n`).join('') +
    `Remove ${keys.join(' and ')} from the [${section}] section of ${file}; the sso-session's values are the ones used.`,
  inconsistentValue: (key: string, profileValue: string, sessionValue: string) =>
    `${key}: ${quote(profileValue)} in the profile, ${quote(sessionValue)} in the sso-session`,
  writtenButRejected: (reason: string) => `The profile was written, but not every AWS tool can use it:\n${reason}`,
  verifyFailed: (reason: string) =>
    `The profile was written, but signing in with it failed: ${reason}`,
  profileMissingRoleKeys: (profile: string, keys: readonly string[]) =>
    `The profile ${profile} has no ${keys.join(' or ')}: run sso-setup configure --profile ${profile}.`,
  sessionExpired: (profile: string) =>
    `The SSO session for profile ${profile} has expired or you are not signed in: run: sso-setup login --profile ${profile}`,
  sessionInvalid: (profile: string) =>
    `The SSO session for profile ${profile} is no longer valid: run: sso-setup login --profile ${profile}`,
  roleCredentialsFailed: (roleName: string, accountId: string, reason: string) =>
    `Getting role credentials for ${roleName} in ${accountId} failed: ${reason}`,
  incompleteRoleCredentials: 'IAM Identity Center returned incomplete role credentials.',
  /** The AWS CLI's words (awscli/customizations/configure/exportcreds.py). */
  unableToRetrieve: (reason: string) => `Unable to retrieve credentials: ${reason}`,
  noCredentialsFound: 'Unable to retrieve credentials: no credentials found',
  profileChainTooDeep: (max: number, seen: readonly string[]) =>
    `Maximum recursive credential process resolution reached (${max}).\nProfiles seen: ${seen.join(' -> ')}`,
  profileChainLoop: (cycle: readonly string[]) =>
    `Credential process resolution detected an infinite loop, profile cycle: ${cycle.join(' -> ')}`,
  cmdUnsafeValue: (name: string, what: string) =>
    `The value of ${name} contains ${what}, which cmd.exe cannot take literally in a set command. Use --format powershell or --format process instead.`,
  whoamiFailed: (profile: string, reason: string) =>
    `Cannot sign in with profile ${profile}: ${reason}. If the session has expired, run: sso-setup login --profile ${profile}`,
  whoamiIdentity: (identity: { Account: string; Arn: string; UserId: string }) =>
    `Account: ${identity.Account}\nArn:     ${identity.Arn}\nUserId:  ${identity.UserId}\n`,
  help: {
    whoami: 'Show who a profile signs in as (STS GetCallerIdentity)',
    profileToUse: 'profile to use (default: AWS_PROFILE, then AWS_DEFAULT_PROFILE, then "default")',
    whoamiJson: 'print JSON, as aws sts get-caller-identity does',
    exportCredentials:
      "Print a profile's credentials (SSO, static keys, credential_process, role_arn, environment), like aws configure export-credentials (usable as credential_process)",
    exportFormat: 'output format',
  },
};
