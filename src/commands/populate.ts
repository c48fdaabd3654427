import type { Command } from 'commander';
import type { PopulateOptions } from '../flows/populate.js';
import type { Factory, RunFn } from './factory.js';
import { addSignInOptions, parseSignInFlags, type SignInCommandFlags } from './sign-in-options.js';

export type { PopulateOptions };

interface PopulateFlags extends SignInCommandFlags {
  ssoSession: string;
  template: string;
  prefix?: string;
  region?: string;
  output?: string;
  dryRun?: boolean;
  prune?: boolean;
  rate: string;
}

/** `sso-setup populate`: a profile for every account and role of an sso-session. */
export function newPopulateCommand(f: Factory, run?: RunFn<PopulateOptions>): Command {
  const m = f.messages;
  const command = f.newCommand('populate')
    .description(m.populate.help.description)
    .requiredOption('--sso-session <name>', m.populate.help.ssoSession)
    .option('--template <template>', m.populate.help.template, '{account_name}-{role_name}')
    .option('--prefix <prefix>', m.populate.help.prefix)
    .option('--region <region>', m.populate.help.region)
    .option('--output <format>', m.populate.help.output)
    .option('--dry-run', m.populate.help.dryRun)
    .option('--prune', m.populate.help.prune)
    .option('--rate <n>', m.populate.help.rate, '20');
  return addSignInOptions(command, m, { remember: false }).action(async (flags: PopulateFlags) => {
    const options: PopulateOptions = {
      ssoSession: flags.ssoSession,
      template: flags.template,
      prefix: flags.prefix,
      region: flags.region,
      output: flags.output,
      dryRun: flags.dryRun,
      prune: flags.prune,
      rate: Number(flags.rate),
      signIn: parseSignInFlags(m, flags),
    };
    if (run) return run(options);
    const { populate } = await import('../flows/populate.js');
    await populate(f.context(), options);
  });
}
