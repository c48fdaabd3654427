import { Argument, type Command } from 'commander';
import type { Shell } from '../flows/completion.js';
import type { Factory, RunFn } from './factory.js';

export interface CompletionOptions {
  shell: Shell;
}

const SHELLS: readonly Shell[] = ['bash', 'zsh', 'fish'];

/** `sso-setup completion SHELL`: prints the script that the shell loads. */
export function newCompletionCommand(f: Factory, run?: RunFn<CompletionOptions>): Command {
  const m = f.messages;
  return f.newCommand('completion')
    .description(m.completion.help.description)
    .addArgument(new Argument('<shell>', m.completion.help.completionShell).choices(SHELLS))
    .action(async (shell: Shell) => {
      if (run) return run({ shell });
      const { completionScript } = await import('../flows/completion.js');
      f.context().stdout.write(completionScript(shell));
    });
}

/**
 * `sso-setup __complete -- WORD…`, which the scripts call: one candidate a line, from the
 * program this command is registered in. It runs while someone types, so it never prints an
 * error: any failure offers nothing.
 */
export function newCompleteCommand(f: Factory): Command {
  return f.newCommand('__complete')
    .argument('[words...]')
    .allowUnknownOption()
    .helpOption(false)
    .action(async (words: string[], _flags: unknown, command: Command) => {
      try {
        const ctx = f.context();
        const [{ completionCandidates }, { readAwsConfig }] = await Promise.all([
          import('../flows/completion.js'),
          import('../config/read.js'),
        ]);
        const candidates = await completionCandidates(command.parent!, words, () => readAwsConfig(ctx.paths, ctx.messages));
        if (candidates.length > 0) ctx.stdout.write(`${candidates.join('\n')}\n`);
      } catch {
        // nothing to offer
      }
    });
}
