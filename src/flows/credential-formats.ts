import { CliError } from '../errors.js';
import type { Messages } from '../ui/messages/index.js';

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

/**
 * Characters every format takes as they are: what AWS credentials are made of (base64,
 * digits, the expiry's `:` `+` `-`). A value made only of these is printed exactly as
 * `aws configure export-credentials` prints it; any other value is quoted for its shell.
 */
const PLAIN = /^[A-Za-z0-9+/=:._-]*$/;

/**
 * A PowerShell single-quoted string literal: nothing inside is expanded (`$`, `` ` ``, `"`
 * are literal), and a single-quote character is written twice. PowerShell counts four more
 * characters as single quotes (U+2018–U+201B), so they are doubled too, as its own
 * CodeGeneration.EscapeSingleQuotedStringContent does (about_Quoting_Rules, "Single-quoted
 * strings"; System.Management.Automation.Language.CharExtensions.IsSingleQuote).
 */
export function powershellSingleQuoted(value: string): string {
  return `'${value.replace(/['\u2018\u2019\u201A\u201B]/g, '$&$&')}'`;
}

/**
 * A `set NAME=value` line for cmd.exe with every character it treats specially outside
 * quotes (`^ & | < > ( )` and `"`) escaped with `^`, which makes the next character literal
 * (`cmd /?`, `set /?`; Microsoft's "Command shell overview", escape characters). Unlike the
 * `set "NAME=value"` form, this also carries a `"`. What no form can carry, refused with a
 * message: `%` (expanded before any escape is seen; `%%` is the escape only inside batch
 * files, so no one text works both at the prompt and in a .bat file), and line breaks or
 * other control characters (they end the command). A `!` is literal unless delayed expansion
 * is on (`cmd /V:ON`, `setlocal EnableDelayedExpansion`), where it would expand.
 */
export function cmdSetLine(name: string, value: string, messages: Messages): string {
  const unsafe = /[%\u0000-\u001f\u007f]/.exec(value);
  if (unsafe) {
    const what = unsafe[0] === '%' ? '%' : `U+${unsafe[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    throw new CliError(messages.credentials.cmdUnsafeValue(name, what));
  }
  return `set ${name}=${value.replace(/[\^&|<>()"]/g, '^$&')}`;
}

/**
 * The output of `aws configure export-credentials --format F`, byte for byte for real
 * credentials (only PLAIN characters); values with other characters are quoted so that
 * PowerShell and cmd.exe take them literally.
 */
export function formatCredentials(credentials: ExportableCredentials, format: CredentialFormat, messages: Messages): string {
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
    powershell: (n, v) => (PLAIN.test(v) ? `$Env:${n}="${v}"` : `$Env:${n}=${powershellSingleQuoted(v)}`),
    'windows-cmd': (n, v) => cmdSetLine(n, v, messages),
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
