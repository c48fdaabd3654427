import type { Command } from 'commander';
import type { Context } from '../context.js';
import type { Messages } from '../ui/messages/index.js';

/**
 * What every command constructor gets (the GitHub CLI's cmdutil.Factory): the messages in
 * the chosen language, for its help, and the injected world, created only when a command
 * runs, so `--help` and usage errors build nothing else.
 */
export interface Factory {
  messages: Messages;
  context(): Context;
  /** A new command with the program's help, output and error settings (commander's inherited settings). */
  newCommand(name: string): Command;
}

/** A command's run seam: the default calls the flow; tests pass their own to check parsing. */
export type RunFn<Options> = (options: Options) => Promise<void>;
