import type { Command } from 'commander';
import type { StatusOptions } from '../flows/status.js';
import type { Factory, RunFn } from './factory.js';

export type { StatusOptions };

/** `sso-setup status`: every sign-in, from the cache alone (no network). */
export function newStatusCommand(f: Factory, run?: RunFn<StatusOptions>): Command {
  const m = f.messages;
  return f.newCommand('status')
    .description(m.status.help.description)
    .option('--json', m.status.help.statusJson)
    .action(async (flags: { json?: boolean }) => {
      const options: StatusOptions = { json: flags.json };
      if (run) return run(options);
      const { status } = await import('../flows/status.js');
      await status(f.context(), options);
    });
}
