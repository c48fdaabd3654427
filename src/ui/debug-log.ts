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

const SECRET_MEMBERS =
  /("?(?:accessToken|refreshToken|clientSecret|deviceCode|code|codeVerifier|secretAccessKey|sessionToken|idToken|x-amz-sso_bearer_token)"?\s*[:=]\s*)("[^"]*"|'[^']*'|[^\s,}]+)/gi;

export class Redactor {
  private readonly secrets = new Set<string>();

  add(value: string | undefined): void {
    if (value && value.length >= 8) this.secrets.add(value);
  }

  redact(text: string): string {
    let out = text.replace(SECRET_MEMBERS, '$1"***"');
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
