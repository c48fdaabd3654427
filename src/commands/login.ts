import type { Command } from 'commander';
import { resolveProfile } from '../config/profile-name.js';
import type { LoginOptions } from '../flows/login.js';
import type { Factory, RunFn } from './factory.js';
import { addSignInOptions, parseSignInFlags, type SignInCommandFlags } from './sign-in-options.js';

export type { LoginOptions };

interface LoginFlags extends SignInCommandFlags {
  profile?: string;
  ssoSession?: string;
  force?: boolean;
  remember?: boolean;
}

/** `sso-setup login`: the AWS CLI's `aws sso login`, refresh token first. */
export function newLoginCommand(f: Factory, run?: RunFn<LoginOptions>): Command {
  const m = f.messages;
  const command = f.newCommand('login')
    .description(m.login.help.description)
    .option('--profile <name>', m.login.help.profile)
    .option('--sso-session <name>', m.login.help.ssoSession)
    .option('--force', m.login.help.force);
  return addSignInOptions(command, m, { remember: true }).action(async (flags: LoginFlags) => {
    const signIn = parseSignInFlags(m, flags);
    const ctx = f.context();
    const options: LoginOptions = {
      ...signIn,
      profile: resolveProfile(flags.profile, ctx.env),
      ssoSession: flags.ssoSession,
      profileFlag: flags.profile !== undefined,
      force: flags.force,
      remember: flags.remember,
    };
    if (run) return run(options);
    const { login } = await import('../flows/login.js');
    await login(ctx, options);
  });
}
