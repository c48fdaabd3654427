import type { Command } from 'commander';
import { resolveProfile } from '../config/profile-name.js';
import { CliError, ExitCode } from '../errors.js';
import type { LoginOptions } from '../flows/login.js';
import type { Factory, RunFn } from './factory.js';
import { addSignInOptions, parseSignInFlags, type SignInCommandFlags } from './sign-in-options.js';

export type { LoginOptions };

interface LoginFlags extends SignInCommandFlags {
  profile?: string;
  ssoSession?: string;
  force?: boolean;
  remember?: boolean;
  all?: boolean;
}

/** `sso-setup login`: the AWS CLI's `aws sso login`, refresh token first. */
export function newLoginCommand(f: Factory, run?: RunFn<LoginOptions>): Command {
  const m = f.messages;
  const command = f.newCommand('login')
    .description(m.login.help.description)
    .option('--profile <name>', m.login.help.profile)
    .option('--sso-session <name>', m.login.help.ssoSession)
    .option('--force', m.login.help.force)
    .option('--all', m.login.help.all);
  return addSignInOptions(command, m, { remember: true }).action(async (flags: LoginFlags) => {
    const signIn = parseSignInFlags(m, flags);
    if (flags.all && (flags.profile !== undefined || flags.ssoSession !== undefined || flags.remember)) {
      throw new CliError(m.login.allWithTarget, ExitCode.usage);
    }
    const ctx = f.context();
    const options: LoginOptions = {
      ...signIn,
      profile: resolveProfile(flags.profile, ctx.env),
      ssoSession: flags.ssoSession,
      profileFlag: flags.profile !== undefined,
      force: flags.force,
      remember: flags.remember,
      ...(flags.all ? { all: true } : {}),
    };
    if (run) return run(options);
    const { login, loginAll } = await import('../flows/login.js');
    if (options.all) await loginAll(ctx, options);
    else await login(ctx, options);
  });
}
