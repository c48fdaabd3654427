/**
 * `sso-setup admin`: the administrator's half of the set-up (the IAM Identity Center
 * console's steps: user, group, permission set, account assignment). Prompts keep the AWS
 * CLI's `text [default]: ` shape; Japanese uses the console's words (ユーザー, 許可セット,
 * AWS マネージドポリシー, AWS アクセスポータルの URL).
 */

export const orNone = (value: string | undefined) => value || 'None';

export const en = {
  regionPrompt: (current?: string) => `IAM Identity Center region [${orNone(current)}]`,
  userNamePrompt: (current?: string) => `User name [${orNone(current)}]`,
  emailPrompt: (current?: string) => `Email address [${orNone(current)}]`,
  givenNamePrompt: (current?: string) => `First name [${orNone(current)}]`,
  familyNamePrompt: (current?: string) => `Last name [${orNone(current)}]`,
  displayNamePrompt: (current?: string) => `Display name [${orNone(current)}]`,
  groupPrompt: 'Group (optional) [None]',
  permissionSetPrompt: (current?: string) => `Permission set name [${orNone(current)}]`,
  descriptionPrompt: 'Permission set description (optional) [None]',
  sessionDurationPrompt: (current: string) => `Session duration (ISO 8601, PT1H to PT12H) [${current}]`,
  managedPoliciesPrompt: 'AWS managed policies, comma-separated (e.g. AmazonS3FullAccess) [None]',
  selectAccount: 'Choose the AWS account to assign:',
  accountCount: (count: number) => `There are ${count} AWS accounts in the organization.\n`,
  usingInstance: (instanceArn: string, identityStoreId: string, region: string) =>
    `Using the IAM Identity Center instance ${instanceArn} (identity store ${identityStoreId}) in ${region}\n`,
  noInstance: (region: string) =>
    [
      `There is no IAM Identity Center instance in ${region}.`,
      '',
      'Enable IAM Identity Center first (once per organization):',
      '  1. Sign in to the AWS Management Console as an administrator of the management account.',
      `  2. Choose the Region where your users will sign in (top right; IAM Identity Center lives in one Region, here ${region}).`,
      '  3. Open IAM Identity Center (search "IAM Identity Center") and choose Enable.',
      '  4. Choose "Enable with AWS Organizations" (an organization instance).',
      '',
      'An organization instance can give people access to AWS accounts (permission sets and account',
      'assignments). An account instance, created in a member account or without AWS Organizations, can only',
      'give access to AWS applications, not to AWS accounts, so the AWS CLI cannot use it.',
      'If Identity Center is already enabled in another Region, run again with --region REGION.',
    ].join('\n'),
  invalidEmail: (value: string) => `Invalid email address: ${value}. Enter an address like name@example.com.`,
  invalidSessionDuration: (value: string) =>
    `Invalid session duration: ${value}. Use ISO 8601 between PT1H and PT12H, e.g. PT1H, PT8H or PT2H30M.`,
  invalidPolicyName: (value: string) =>
    `Invalid AWS managed policy name: ${value}. Give the name as the IAM console shows it, e.g. AmazonS3FullAccess.`,
  invalidUserName: (value: string) => `Invalid user name: ${value}. Use up to 128 letters, digits and + = , . @ _ -.`,
  invalidPermissionSetName: (value: string) => `Invalid permission set name: ${value}. Use up to 32 letters, digits and + = , . @ _ -.`,
  unknownPolicies: (names: readonly string[]) =>
    `These AWS managed policies do not exist: ${names.join(', ')}. Nothing was changed. Check the names in the IAM console (Policies, filter "AWS managed").`,
  noAccountsListed: (reason: string) =>
    `Could not list the organization's AWS accounts (${reason}). Give the account with --account-id 111122223333.`,
  noAccounts: 'The organization has no AWS accounts to assign.',
  planHeading: 'Plan:',
  plan: {
    createUser: (name: string, email: string) => `create user ${name} <${email}>`,
    userExists: (name: string) => `user ${name} exists (unchanged)`,
    createGroup: (name: string) => `create group ${name}`,
    groupExists: (name: string) => `group ${name} exists (unchanged)`,
    addMember: (user: string, group: string) => `add ${user} to group ${group}`,
    memberExists: (user: string, group: string) => `${user} is in group ${group} (unchanged)`,
    createPermissionSet: (name: string, duration: string) => `create permission set ${name} (session duration ${duration})`,
    permissionSetExists: (name: string) => `permission set ${name} exists (unchanged)`,
    attachPolicy: (policy: string, set: string) => `attach AWS managed policy ${policy} to ${set}`,
    policyAttached: (policy: string) => `AWS managed policy ${policy} attached (unchanged)`,
    provision: (set: string, account: string) => `provision ${set} in account ${account}`,
    assign: (user: string, set: string, account: string) => `assign ${user} with ${set} to account ${account}`,
    assigned: (user: string, set: string, account: string) => `${user} has ${set} in account ${account} (unchanged)`,
  },
  conflicts: (items: readonly string[]) =>
    `These already exist with different settings; sso-setup does not overwrite them. Nothing was changed:\n${items.map((i) => `  - ${i}`).join('\n')}\nChange them in the IAM Identity Center console, or run again with the values they have.`,
  conflict: {
    email: (user: string, has: string, asked: string) => `user ${user} has the email address ${has}, not ${asked}`,
    description: (set: string, has: string, asked: string) => `permission set ${set} has the description "${has}", not "${asked}"`,
    duration: (set: string, has: string, asked: string) => `permission set ${set} has the session duration ${has}, not ${asked}`,
  },
  nameDiffers: (user: string, field: string, has: string, asked: string) => `Note: user ${user} has ${field} "${has}", not "${asked}"; left as it is.\n`,
  field: { givenName: 'first name', familyName: 'last name', displayName: 'display name' },
  dryRun: 'Dry run: nothing was changed.\n',
  nothingToChange: 'Nothing to change: everything is already set up as asked.\n',
  done: (step: string) => `  done: ${step}\n`,
  assigning: (done: number, total: number) => `Assigning: ${done}/${total} account(s) done\n`,
  assignmentFailed: (account: string, reason: string) => `Assignment to account ${account} failed: ${reason}`,
  assignmentsFailed: (failures: readonly string[]) => `${failures.join('\n')}\nThe other changes were made; run again after fixing the cause.`,
  provisioningFailed: (account: string, reason: string) => `Provisioning the permission set in account ${account} failed: ${reason}`,
  stillInProgress: 'still in progress after 5 minutes',
  handoverHeading: '\nGive the user these to sign in:\n',
  portalUrl: (url: string) => `  AWS access portal URL: ${url}\n`,
  ssoRegion: (region: string) => `  SSO region:            ${region}\n`,
  aliasNote:
    '  (If a custom access portal URL was set in the console, Settings > Identity source, that URL works as well.)\n',
  configureCommand: '\nOn the user\'s computer, this sets up the AWS CLI profile:\n',
  passwordNote: (user: string) =>
    `\nPassword: a user created through the API gets no invitation email. Either open the IAM Identity Center console, Users > ${user} > Reset password, and choose "Send an email to the user with instructions to reset the password", or ask the user to open the access portal URL, enter the user name and choose "Forgot password".\n`,
  help: {
    description: 'Set up IAM Identity Center for a user (administrator): user, permission set, account assignment',
    profile: 'profile with administrator credentials (default: AWS_PROFILE, then the SDK default chain)',
    region: 'the Region of the IAM Identity Center instance',
    userName: 'user name to create or reuse',
    email: "the user's email address",
    givenName: "the user's first name",
    familyName: "the user's last name",
    displayName: "the user's display name",
    group: 'group to create or reuse and add the user to',
    permissionSet: 'permission set to create or reuse',
    setDescription: "the permission set's description",
    sessionDuration: "the permission set's session duration (ISO 8601, e.g. PT8H)",
    managedPolicy: 'AWS managed policy to attach, by name (repeatable)',
    accountId: 'AWS account to assign (repeatable)',
    yes: 'take the default of every value not given as a flag; ask nothing that has one',
    dryRun: 'print the plan, change nothing',
  },
};
