import type { Command } from 'commander';
import { resolveProfile } from '../config/profile-name.js';
import type { WhoamiOptions } from '../flows/verify.js';
import type { Factory, RunFn } from './factory.js';

export type { WhoamiOptions };

/** `sso-setup whoami`: STS GetCallerIdentity with a profile. */
export function newWhoamiCommand(f: Factory, run?: RunFn<WhoamiOptions>): Command {
  const m = f.messages;
  return f.newCommand('whoami')
    .description(m.credentials.help.whoami)
    .option('--profile <name>', m.credentials.help.profileToUse)
    .option('--json', m.credentials.help.whoamiJson)
    .action(async (flags: { profile?: string; json?: boolean }) => {
      const ctx = f.context();
      const options: WhoamiOptions = { profile: resolveProfile(flags.profile, ctx.env), json: flags.json };
      if (run) return run(options);
      const { whoami } = await import('../flows/verify.js');
      await whoami(ctx, options);
    });
}
