import type { Command } from 'commander';
import { CliError, ExitCode } from '../errors.js';
import type { LogoutOptions } from '../flows/logout.js';
import type { Factory, RunFn } from './factory.js';

export type { LogoutOptions };

interface LogoutFlags {
  ssoSession?: string;
  profile?: string;
}

/**
 * `sso-setup logout`: the AWS CLI's `aws sso logout` (everything); with --sso-session or
 * --profile, one sign-in only. AWS_PROFILE does not narrow it: a plain logout signs out of
 * everything, as the AWS CLI's does.
 */
export function newLogoutCommand(f: Factory, run?: RunFn<LogoutOptions>): Command {
  const m = f.messages;
  return f
    .newCommand('logout')
    .description(m.logout.help.description)
    .option('--sso-session <name>', m.logout.help.ssoSession)
    .option('--profile <name>', m.logout.help.profile)
    .action(async (flags: LogoutFlags) => {
      if (flags.ssoSession !== undefined && flags.profile !== undefined) throw new CliError(m.logout.bothTargets, ExitCode.usage);
      const options: LogoutOptions = {
        ...(flags.ssoSession !== undefined ? { ssoSession: flags.ssoSession } : {}),
        ...(flags.profile !== undefined ? { profile: flags.profile } : {}),
      };
      if (run) return run(options);
      const { logout } = await import('../flows/logout.js');
      await logout(f.context(), options);
    });
}
