import type { Command } from 'commander';
import type { Context } from '../context.js';
import { readAwsConfig } from '../config/read.js';
import { completionCandidates, completionScript, type Shell } from '../flows/completion.js';

/** `sso-setup completion SHELL`: prints the script that the shell loads. */
export async function runCompletion(ctx: Context, shell: Shell): Promise<void> {
  ctx.stdout.write(completionScript(shell));
}

/**
 * `sso-setup __complete -- WORD…`, which the scripts call: one candidate a line. It runs
 * while someone types, so it never prints an error: any failure offers nothing.
 */
export async function runComplete(ctx: Context, program: Command, words: readonly string[]): Promise<void> {
  try {
    const candidates = await completionCandidates(program, words, () => readAwsConfig(ctx.paths));
    if (candidates.length > 0) ctx.stdout.write(`${candidates.join('\n')}\n`);
  } catch {
    // nothing to offer
  }
}
