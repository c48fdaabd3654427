/** What is printed: long-term keys have no session token and no expiry, and then neither is printed (as the AWS CLI). */
export interface ExportableCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: Date;
}

/** The `--format` values of `aws configure export-credentials`, in its order. */
export const CREDENTIAL_FORMATS = ['process', 'env', 'env-no-export', 'powershell', 'windows-cmd', 'fish'] as const;
export type CredentialFormat = (typeof CREDENTIAL_FORMATS)[number];

/** ISO 8601 with an explicit UTC offset, as `aws configure export-credentials` prints it. */
function expiry(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

/** The output of `aws configure export-credentials --format F`, byte for byte. */
export function formatCredentials(credentials: ExportableCredentials, format: CredentialFormat): string {
  if (format === 'process') {
    const body = {
      Version: 1,
      AccessKeyId: credentials.accessKeyId,
      SecretAccessKey: credentials.secretAccessKey,
      ...(credentials.sessionToken !== undefined ? { SessionToken: credentials.sessionToken } : {}),
      ...(credentials.expiration !== undefined ? { Expiration: expiry(credentials.expiration) } : {}),
    };
    return JSON.stringify(body, null, 2) + '\n';
  }
  const line: Record<Exclude<CredentialFormat, 'process'>, (name: string, value: string) => string> = {
    env: (n, v) => `export ${n}=${v}`,
    'env-no-export': (n, v) => `${n}=${v}`,
    powershell: (n, v) => `$Env:${n}="${v}"`,
    'windows-cmd': (n, v) => `set ${n}=${v}`,
    fish: (n, v) => `set -gx ${n} "${v}"`,
  };
  const vars: Array<[string, string]> = [
    ['AWS_ACCESS_KEY_ID', credentials.accessKeyId],
    ['AWS_SECRET_ACCESS_KEY', credentials.secretAccessKey],
  ];
  if (credentials.sessionToken !== undefined) vars.push(['AWS_SESSION_TOKEN', credentials.sessionToken]);
  if (credentials.expiration !== undefined) vars.push(['AWS_CREDENTIAL_EXPIRATION', expiry(credentials.expiration)]);
  return vars.map(([n, v]) => line[format](n, v) + '\n').join('');
}
