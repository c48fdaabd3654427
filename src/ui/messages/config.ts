/** Problems with ~/.aws/config and the CA bundle, as the user must fix them. */

export const en = {
  configNotUtf8: 'it is not valid UTF-8 text',
  configBinaryLine: (line: number) => `line ${line} contains binary data`,
  configBadHeader: (line: number, text: string) =>
    `line ${line} has an unterminated or malformed section header: ${JSON.stringify(text)}`,
  cannotUseConfig: (file: string, problem: string) =>
    `Cannot use ${file}: ${problem}. Fix the file by hand; sso-setup changed nothing.`,
  caBundleUnreadable: (source: string, file: string, reason: string) =>
    `Cannot read the CA bundle named by ${source} (${file}): ${reason}`,
  /** The AWS CLI 2.36.6's words (awscli/botocore/endpoint.py, _validate_verify_value). */
  caBundleEmpty:
    'Invalid CA bundle: the configured value (ca_bundle, AWS_CA_BUNDLE, REQUESTS_CA_BUNDLE, or verify) resolved to an empty or whitespace-only string. Provide a valid path to a CA bundle file.',
  /** urllib3's InsecureRequestWarning, which the AWS CLI shows with --no-verify-ssl. */
  unverifiedHttps: (host: string) =>
    `InsecureRequestWarning: Unverified HTTPS request is being made to host '${host}'. Adding certificate verification is strongly advised. See: https://urllib3.readthedocs.io/en/latest/advanced-usage.html#tls-warnings\n`,
  lockTimedOut: (lockPath: string, timeoutSeconds: number, staleSeconds: number, holder?: { pid: number; hostname: string; time: string }) =>
    `Timed out after ${timeoutSeconds} s waiting for the lock file ${lockPath}` +
    (holder ? ` (held by process ${holder.pid} on ${holder.hostname} since ${holder.time})` : ' (empty or unreadable)') +
    `. Another sso-setup is probably writing the same file right now: a lock left by a run that crashed is removed once it is ${staleSeconds} s old, ` +
    'and this one is newer (or dated in the future, when the hosts sharing this home disagree on the time). ' +
    `If no other sso-setup is running, delete ${lockPath} and try again.`,
  danglingLink: (file: string) => `${file} is a symbolic link to a file that doesn't exist; not replacing the link.`,
  notUtf8: (file: string) => `${file} is not valid UTF-8 text; not changing it. Fix or convert the file and try again.`,
  replaceBusy: (file: string, code: string, seconds: number) =>
    `Cannot replace ${file}: another program is using it (${code}, still after retrying for ${seconds} s). ` +
    'Close the program that has it open (an editor, a sync or antivirus tool) and try again; the file was not changed.',
};
