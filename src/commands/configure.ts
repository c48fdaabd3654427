import type { Command } from 'commander';
import { profileFromEnvironment } from '../config/profile-name.js';
import type { ConfigureOptions, ConfigurePreset } from '../flows/configure.js';
import type { Factory, RunFn } from './factory.js';
import { addSignInOptions, parseSignInFlags, type SignInCommandFlags } from './sign-in-options.js';

export type { ConfigureOptions };

/** The flags as commander gives them (a preset's fields are flags too); each is mapped below, none passes through unnamed. */
interface ConfigureFlags extends SignInCommandFlags, ConfigurePreset {
  profile?: string;
  yes?: boolean;
  dryRun?: boolean;
  verify: boolean;
  remember?: boolean;
}

/** `sso-setup configure`: the AWS CLI's `aws configure sso`, every prompt also a flag. */
export function newConfigureCommand(f: Factory, run?: RunFn<ConfigureOptions>): Command {
  const m = f.messages;
  const command = f.newCommand('configure')
    .description(m.configure.help.description)
    .option('--profile <name>', m.configure.help.profile)
    .option('--sso-session <name>', m.configure.help.ssoSession)
    .option('--start-url <url>', m.configure.help.startUrl)
    .option('--sso-region <region>', m.configure.help.ssoRegion)
    .option('--scopes <list>', m.configure.help.scopes)
    .option('--account-id <id>', m.configure.help.accountId)
    .option('--role-name <name>', m.configure.help.roleName)
    .option('--region <region>', m.configure.help.region)
    .option('--output <format>', m.configure.help.output)
    .option('-y, --yes', m.configure.help.yes)
    .option('--dry-run', m.configure.help.dryRun)
    .option('--no-verify', m.configure.help.noVerify);
  return addSignInOptions(command, m, { remember: true }).action(async (flags: ConfigureFlags) => {
    const signIn = parseSignInFlags(m, flags);
    const ctx = f.context();
    const options: ConfigureOptions = {
      ...signIn,
      // Asked for when neither the flag nor the environment names one.
      profile: profileFromEnvironment(flags.profile, ctx.env),
      preset: {
        ssoSession: flags.ssoSession,
        startUrl: flags.startUrl,
        ssoRegion: flags.ssoRegion,
        scopes: flags.scopes,
        accountId: flags.accountId,
        roleName: flags.roleName,
        region: flags.region,
        output: flags.output,
      },
      acceptDefaults: flags.yes,
      interactive: ctx.interactive,
      dryRun: flags.dryRun,
      remember: flags.remember,
      verify: flags.verify,
    };
    if (run) return run(options);
    const { configure } = await import('../flows/configure.js');
    await configure(ctx, options);
  });
}
