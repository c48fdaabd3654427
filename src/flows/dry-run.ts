import { readFile } from 'node:fs/promises';
import type { Context } from '../context.js';

/** The config file's text, '' when it doesn't exist yet. */
export async function readConfigText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw error;
  }
}

/** `--dry-run`: the change to the config file as a unified diff; nothing is written. */
export async function showDryRun(ctx: Context, before: string, after: string): Promise<void> {
  const file = ctx.paths.configFile;
  if (before === after) {
    ctx.stdout.write(ctx.messages.common.dryRunNoChange(file));
    return;
  }
  const { createTwoFilesPatch } = await import('diff');
  ctx.stdout.write(ctx.messages.common.dryRunHeader(file));
  ctx.stdout.write(createTwoFilesPatch(file, file, before, after, '', ''));
}
