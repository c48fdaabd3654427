import type { Command } from 'commander';
import { resolveProfile } from '../config/profile-name.js';
import type { ConsoleOptions } from '../flows/console.js';
import type { Factory, RunFn } from './factory.js';

export type { ConsoleOptions };

interface ConsoleFlags {
  profile?: string;
  destination?: string;
  region?: string;
  print?: boolean;
  portal?: boolean;
}

/** `sso-setup console`: the AWS console for a profile's account and role, in the browser. */
export function newConsoleCommand(f: Factory, run?: RunFn<ConsoleOptions>): Command {
  const m = f.messages;
  return f
    .newCommand('console')
    .description(m.console.help.description)
    .option('--profile <name>', m.console.help.profile)
    .option('--destination <service-or-url>', m.console.help.destination)
    .option('--region <region>', m.console.help.region)
    .option('--print', m.console.help.print)
    .option('--portal', m.console.help.portal)
    .action(async (flags: ConsoleFlags) => {
      const ctx = f.context();
      const options: ConsoleOptions = {
        profile: resolveProfile(flags.profile, ctx.env),
        destination: flags.destination,
        region: flags.region,
        print: flags.print,
        portal: flags.portal,
      };
      if (run) return run(options);
      const { openConsole } = await import('../flows/console.js');
      await openConsole(ctx, options);
    });
}
