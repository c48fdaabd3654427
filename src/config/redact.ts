/**
 * Config values that must never reach a terminal, a log or a diff. The key stays visible
 * (so the user sees which line changes), the value does not.
 *
 * - `aws_secret_access_key`, `aws_session_token`, `aws_security_token` (the old name botocore
 *   still reads): secrets.
 * - `aws_access_key_id`: not a secret by itself, but it names an IAM user and is half of a
 *   credential pair, and the AWS CLI masks it too (`aws configure list` prints
 *   `****************ABCD`). A `--dry-run` diff is the kind of text people paste into tickets,
 *   and sso-setup never writes this key, so hiding it costs nothing.
 * - `credential_process`: a command line, which often carries a password, a vault token or
 *   an API key as an argument. sso-setup never writes it either; hidden.
 * - The `sso_*` values (start URL, region, account ID, role name, session name) are not
 *   secret and stay visible: they are what the diff is about.
 */
import { classify } from './ini-lines.js';
export const SECRET_CONFIG_KEYS: ReadonlySet<string> = new Set([
  'aws_secret_access_key',
  'aws_session_token',
  'aws_security_token',
  'aws_access_key_id',
  'credential_process',
]);

export const REDACTED = '****************';


/**
 * The config text with the value of every secret key replaced by `****************`, line
 * for line (same number of lines, same line endings, every other byte kept), so a diff of two
 * redacted texts shows the same changes as the diff of the texts. Keys are matched
 * case-insensitively, as botocore does. Continuation lines of a secret value (lines indented
 * deeper than its key, which configparser appends to the value) are redacted as well.
 */
export function redactConfigText(text: string): string {
  const lines = text.split('\n');
  let continuationOf: number | undefined; // indentation of the secret key whose value may continue
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const indent = /^[ \t]*/.exec(line)![0].length;
    const blank = line.trim() === '';
    if (continuationOf !== undefined && !blank && indent > continuationOf) {
      const eol = line.endsWith('\r') ? '\r' : '';
      lines[i] = `${line.slice(0, indent)}${REDACTED}${eol}`;
      continue;
    }
    if (!blank) continuationOf = undefined;
    // `key = value` or `key: value`, indented or not, read as the config editor reads it (one pass).
    const bom = line.startsWith('\uFEFF') ? '\uFEFF' : '';
    const eol = line.endsWith('\r') ? '\r' : '';
    const body = line.slice(bom.length, line.length - eol.length);
    const option = classify(body);
    if (option.kind !== 'option' || !SECRET_CONFIG_KEYS.has(option.key.toLowerCase())) continue;
    continuationOf = option.indent.length;
    if (option.value === '') continue;
    const separatorAt = body.indexOf(option.separator, option.indent.length + option.key.length);
    const spaces = /^[ \t]*/.exec(body.slice(separatorAt + 1))![0];
    lines[i] = `${bom}${body.slice(0, separatorAt + 1)}${spaces}${REDACTED}${eol}`;
  }
  return lines.join('\n');
}
