import type { Command } from 'commander';
import { resolveProfile } from '../config/profile-name.js';
import type { ExecOptions } from '../flows/exec.js';
import type { Factory, RunFn } from './factory.js';

export type { ExecOptions };

/** `sso-setup exec [--profile P] -- COMMAND [ARGS…]`: a command run with a profile's role credentials. */
export function newExecCommand(f: Factory, run?: RunFn<ExecOptions>): Command {
  const m = f.messages;
  return f.newCommand('exec')
    .description(m.exec.help.description)
    .option('--profile <name>', m.exec.help.profile)
    .usage('[options] -- <command> [args...]')
    .argument('<command...>', m.exec.help.command)
    .action(async (words: string[], flags: { profile?: string }) => {
      const ctx = f.context();
      const [command, ...args] = words;
      const options: ExecOptions = { profile: resolveProfile(flags.profile, ctx.env), command: command!, args };
      if (run) return run(options);
      const { exec } = await import('../flows/exec.js');
      await exec(ctx, options);
    });
}
