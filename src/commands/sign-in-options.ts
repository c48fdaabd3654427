import type { Command } from 'commander';
import { CliError, ExitCode } from '../errors.js';
import type { SignInFlags } from '../flows/sign-in.js';
import type { Messages } from '../ui/messages/index.js';

/** The sign-in options as commander gives them (`--no-browser` makes `browser: false`). */
export interface SignInCommandFlags {
  browser: boolean;
  useDeviceCode?: boolean;
  callbackPort?: string;
  timeout?: string;
}

/** Declares the sign-in options of every command that may sign in (`--remember` where it can be saved). */
export function addSignInOptions(command: Command, messages: Messages, options: { remember: boolean }): Command {
  command
    .option('--no-browser', messages.signIn.help.noBrowser)
    .option('--use-device-code', messages.signIn.help.useDeviceCode)
    .option('--no-use-device-code', messages.signIn.help.noUseDeviceCode)
    .option('--callback-port <port>', messages.signIn.help.callbackPort)
    .option('--timeout <seconds>', messages.signIn.help.timeout);
  return options.remember ? command.option('--remember', messages.signIn.help.remember) : command;
}

function wholeNumber(messages: Messages, flag: string, value: string, min: number, max: number, expected: string): number {
  const number = /^\d+$/.test(value.trim()) ? Number(value.trim()) : NaN;
  if (!(number >= min && number <= max)) throw new CliError(messages.common.invalidFlag(flag, `${JSON.stringify(value)} ${expected}`), ExitCode.usage);
  return number;
}

/** Checks and converts the shared sign-in flags; bad values are usage errors, before anything else happens. */
export function parseSignInFlags(messages: Messages, flags: SignInCommandFlags): SignInFlags {
  return {
    noBrowser: !flags.browser,
    useDeviceCode: flags.useDeviceCode,
    callbackPort:
      flags.callbackPort === undefined
        ? undefined
        : wholeNumber(messages, 'callback-port', flags.callbackPort, 1, 65535, messages.common.expectedPort),
    timeoutSeconds:
      flags.timeout === undefined ? undefined : wholeNumber(messages, 'timeout', flags.timeout, 1, 86400, messages.common.expectedSeconds),
  };
}
