import { CliError, ExitCode } from '../errors.js';
import type { SignInFlags } from '../flows/sign-in.js';
import { messages } from '../ui/messages.js';

/** The sign-in options as commander gives them (`--no-browser` makes `browser: false`). */
export interface SignInCommandFlags {
  browser: boolean;
  useDeviceCode?: boolean;
  callbackPort?: string;
  timeout?: string;
}

function wholeNumber(flag: string, value: string, min: number, max: number, expected: string): number {
  const number = /^\d+$/.test(value.trim()) ? Number(value.trim()) : NaN;
  if (!(number >= min && number <= max)) throw new CliError(messages.invalidFlag(flag, `${JSON.stringify(value)} ${expected}`), ExitCode.usage);
  return number;
}

/** Checks and converts the shared sign-in flags; bad values are usage errors, before anything else happens. */
export function parseSignInFlags(flags: SignInCommandFlags): SignInFlags {
  return {
    noBrowser: !flags.browser,
    useDeviceCode: flags.useDeviceCode,
    callbackPort:
      flags.callbackPort === undefined ? undefined : wholeNumber('callback-port', flags.callbackPort, 1, 65535, messages.expectedPort),
    timeoutSeconds: flags.timeout === undefined ? undefined : wholeNumber('timeout', flags.timeout, 1, 86400, messages.expectedSeconds),
  };
}
