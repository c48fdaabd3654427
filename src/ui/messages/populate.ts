/** `sso-setup populate`: its summary, failures, progress and options. */

export const en = {
  populateSummary: (s: { dryRun: boolean; added: number; updated: number; removed: number; unchanged: number; pairs: number; accounts: number }) =>
    `${s.dryRun ? 'Would write' : 'Profiles'}: ${s.added} added, ${s.updated} updated, ${s.removed} removed, ${s.unchanged} unchanged ` +
    `(${s.pairs} account × role pairs in ${s.accounts} accounts).\n`,
  populateSkipped: (names: readonly string[]) => `Left alone (not written by populate): ${names.join(', ')}\n`,
  populateFailures: (count: number, lines: readonly string[]) =>
    `The roles of ${count} account(s) could not be listed; their profiles were not written or pruned:\n${lines.join('\n')}`,
  populateListingFailed: (reason: string) => `Listing your AWS accounts failed: ${reason}`,
  populateBadRate: (rate: string) => `${rate} is not a number of requests per second between 0 and 1000`,
  configChangedMeanwhile: (file: string) => `${file} was changed by another program while populate was listing accounts; nothing was written. Run populate again.`,
  progressAccounts: 'accounts',
  retryAfterCapped: (askedSeconds: number, waitSeconds: number) =>
    `IAM Identity Center asked to wait ${askedSeconds} s before retrying (Retry-After); waiting ${waitSeconds} s instead, then retrying.\n`,
  unknownTemplateField: (field: string, template: string, known: string) =>
    `Unknown field {${field}} in the name template "${template}". Known fields: ${known}.`,
  help: {
    description: 'Write a profile for every account and role of an sso-session (marked, so re-runs and --prune touch only these)',
    ssoSession: 'the sso-session to sign in with',
    template: 'profile name template: {account_name} {account_id} {role_name} {email} {session}',
    prefix: 'text put before every generated name',
    region: 'default client Region of the profiles',
    output: 'CLI default output format of the profiles',
    dryRun: 'print the change to the config file as a diff; write nothing (a sign-in is not saved either)',
    prune: 'remove profiles this command generated earlier that no longer exist',
    rate: 'requests per second to IAM Identity Center (its throttle is about 20)',
  },
};
