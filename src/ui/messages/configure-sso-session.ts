/** `sso-setup configure sso-session`: the AWS CLI's `aws configure sso-session` texts, and the options. */

export const en = {
  /** Asked without a default, so the prompt reads `SSO session name: ` (aws-cli `prompt_for_sso_session(required=True)`). */
  sessionNamePrompt: 'SSO session name',
  configured: (session: string) =>
    `\nCompleted configuring SSO session: ${session}\n` +
    'Run the following to login and refresh access token for this session:\n\n' +
    `sso-setup login --sso-session ${session}\n`,
  /** `configure` with an existing sso-session and a flag that asks for another value. */
  notAnOption: (flag: string) => `${flag} is an option of sso-setup configure, not of sso-setup configure sso-session.`,
  help: {
    description: 'Create or edit an sso-session: its start URL, SSO region and registration scopes (the AWS CLI\'s configure sso-session)',
    ssoSession: 'SSO session name to create or edit',
    startUrl: 'SSO start URL, e.g. https://d-xxxxxxxxxx.awsapps.com/start or your custom domain',
    ssoRegion: 'SSO region, where IAM Identity Center runs (read from a custom domain\'s portal when it can be)',
    scopes: 'SSO registration scopes, comma-separated (default sso:account:access)',
    yes: 'accept the default of every value not given; ask nothing that has one',
    dryRun: 'show the change to the config file; write nothing',
  },
};
