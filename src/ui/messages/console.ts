/** `sso-setup console`: the AWS console in the browser, by federation sign-in or the access portal's link. */

export const en = {
  opening: (accountId: string, roleName: string, destination: string) =>
    `Opening the AWS console as ${roleName} in account ${accountId} (${destination}) in your browser.\n`,
  openingPortal: (accountId: string, roleName: string) =>
    `Opening the AWS access portal's console link for ${roleName} in account ${accountId} in your browser.\n`,
  printedNotice: 'This sign-in URL works once, within 15 minutes; anyone who has it can use the console as this role. Do not share it.\n',
  browserNotOpened: (reasons: string[]) =>
    `The browser could not be opened (${reasons.join('; ')}). The sign-in URL is a credential, so it is not shown; ` +
    'run the command again with --print to get it, or with --portal for the access portal\'s link.',
  portalNotOpened: (reasons: string[], url: string) =>
    `The browser could not be opened (${reasons.join('; ')}). Open this URL in a browser yourself:\n\n${url}\n`,
  badDestination: (value: string, consoleHost: string) =>
    `--destination must be a service name such as s3, ec2 or iam, or an https URL on ${consoleHost}; got "${value}".`,
  badRegion: (value: string) => `"${value}" is not a Region name (such as us-east-1 or ap-northeast-1).`,
  unsupportedPartition: (partition: string, region: string) =>
    `The console sign-in is available in the aws, aws-cn and aws-us-gov partitions; Region ${region} is in ${partition}.`,
  partitionMismatch: (region: string, partition: string, ssoRegion: string, ssoPartition: string) =>
    `Region ${region} is in the ${partition} partition, but this profile's IAM Identity Center (${ssoRegion}) is in ${ssoPartition}; ` +
    `choose a Region in ${ssoPartition} with --region.`,
  signinTokenFailed: (endpoint: string, status: number, detail: string) =>
    status === 0
      ? `The AWS sign-in endpoint ${endpoint} could not be reached: ${detail}`
      : `The AWS sign-in endpoint ${endpoint} refused the role credentials (HTTP ${status})${detail ? `: ${detail}` : ''}. ` +
        'Try again; if it keeps failing, sign in again with: sso-setup login',
  help: {
    description: 'Open the AWS console for a profile\'s account and role in the browser',
    profile: 'profile whose account and role to use (default: AWS_PROFILE, then "default")',
    destination: 'console page to open: a service name (s3, ec2, iam, …) or an https console URL (default: the console home)',
    region: 'Region of the console page (default: the profile\'s region, else its SSO region)',
    print: 'print the URL instead of opening it (a sign-in URL is a credential for 15 minutes)',
    portal: 'use the AWS access portal\'s link instead: no credentials fetched, works with the console\'s multi-session mode',
  },
};
