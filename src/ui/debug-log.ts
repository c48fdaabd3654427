import type { Output } from '../ports.js';

/**
 * The `--debug` log. Everything goes through a redactor: secrets we have seen (tokens,
 * client secrets, role credentials) are registered as they arrive and replaced before a
 * line is written, and values of secret-named JSON members are masked whatever they are.
 */
export interface DebugLog {
  readonly enabled: boolean;
  debug(message: string): void;
  /** Registers a value that must never be printed. */
  secret(value: string | undefined): void;
  /** A logger for AWS SDK clients (`logger` client option), or undefined when disabled. */
  sdkLogger(): SdkLogger | undefined;
}

export interface SdkLogger {
  debug(...content: unknown[]): void;
  info(...content: unknown[]): void;
  warn(...content: unknown[]): void;
  error(...content: unknown[]): void;
}

/**
 * Member names whose values are secrets, compared whole and case-insensitively (botocore and
 * the SDKs spell some of them `AccessToken`, `SecretAccessKey`). The SDK itself masks the
 * members its models mark sensitive (accessToken, refreshToken, idToken, clientSecret,
 * codeVerifier, assertion, subjectToken; secretAccessKey, sessionToken) but not `deviceCode`
 * (StartDeviceAuthorization, CreateToken) nor the authorization `code` (CreateToken): those
 * would be logged as they are. Not secrets, and kept: `userCode` (shown to the user anyway),
 * `errorCode`, `httpStatusCode`, `clientId`, `accessKeyId`.
 */
const SECRET_NAMES = new Set(
  [
    'accessToken',
    'refreshToken',
    'idToken',
    'clientSecret',
    'codeVerifier',
    'code',
    'deviceCode',
    'assertion',
    'subjectToken',
    'secretAccessKey',
    'sessionToken',
    'x-amz-sso_bearer_token',
  ].map((name) => name.toLowerCase()),
);

const MASK = '"***"';

const isNameChar = (ch: string | undefined) => ch !== undefined && /[\w-]/.test(ch);
const isSpace = (ch: string | undefined) => ch === ' ' || ch === '\t';

/**
 * Masks the value of every member named in SECRET_NAMES, as JSON (`"code":"…"`), as a header
 * or an option (`code: …`, `code=…`), quoted or not: a quoted value up to its closing quote,
 * past backslash escapes (`"abc\"def"` is one value), an unterminated one to the end; a bare
 * value up to whitespace, `,`, `}` or `]`. A name is only a whole name: `errorCode`,
 * `httpStatusCode` and `userCode` are not `code`. One pass over the text.
 */
export function maskSecretMembers(text: string): string {
  let out = '';
  let copied = 0;
  let i = 0;
  while (i < text.length) {
    if (!isNameChar(text[i])) {
      i++;
      continue;
    }
    const start = i;
    while (isNameChar(text[i])) i++;
    if (!SECRET_NAMES.has(text.slice(start, i).toLowerCase())) continue;
    // The name may close a quote (`"code"`), then `:` or `=`, with spaces around.
    let j = i;
    if ((text[j] === '"' || text[j] === "'") && text[start - 1] === text[j]) j++;
    while (isSpace(text[j])) j++;
    if (text[j] !== ':' && text[j] !== '=') continue;
    j++;
    while (isSpace(text[j])) j++;
    const valueStart = j;
    const quote = text[j];
    if (quote === '"' || quote === "'") {
      j++;
      while (j < text.length && text[j] !== quote) j += text[j] === '\\' ? 2 : 1;
      j = Math.min(j + 1, text.length);
    } else {
      while (j < text.length && !/[\s,}\]]/.test(text[j]!)) j++;
    }
    if (j === valueStart) continue; // no value (`code=` at the end of a line)
    out += text.slice(copied, valueStart) + MASK;
    copied = i = j;
  }
  return out + text.slice(copied);
}

export class Redactor {
  private readonly secrets = new Set<string>();

  add(value: string | undefined): void {
    if (value && value.length >= 8) this.secrets.add(value);
  }

  redact(text: string): string {
    let out = maskSecretMembers(text);
    for (const secret of this.secrets) out = out.split(secret).join('***');
    return out;
  }
}

function stringify(content: unknown[]): string {
  return content
    .map((item) => {
      if (typeof item === 'string') return item;
      try {
        return JSON.stringify(item, (_key, value) => (typeof value === 'bigint' ? String(value) : value));
      } catch {
        return String(item);
      }
    })
    .join(' ');
}

export function createDebugLog(enabled: boolean, stderr: Output, redactor = new Redactor()): DebugLog {
  const write = (message: string) => {
    if (enabled) stderr.write(`[debug] ${redactor.redact(message)}\n`);
  };
  return {
    enabled,
    debug: write,
    secret: (value) => redactor.add(value),
    sdkLogger: () =>
      enabled
        ? {
            debug: (...c) => write(stringify(c)),
            info: (...c) => write(stringify(c)),
            warn: (...c) => write(stringify(c)),
            error: (...c) => write(stringify(c)),
          }
        : undefined,
  };
}
