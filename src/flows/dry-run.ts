import { readFile } from 'node:fs/promises';
import type { Context } from '../context.js';
import { redactConfigText } from '../config/redact.js';

/** The config file's text, '' when it doesn't exist yet. */
export async function readConfigText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw error;
  }
}

/**
 * `--dry-run`: the change to the config file as a unified diff; nothing is written. Secret
 * values (src/config/redact.ts) are hidden in every line of it, added, removed or context:
 * the file is the user's, and may hold static keys next to the profiles we edit.
 */
export async function showDryRun(ctx: Context, before: string, after: string): Promise<void> {
  const file = ctx.paths.configFile;
  if (before === after) {
    ctx.stdout.write(ctx.messages.common.dryRunNoChange(file));
    return;
  }
  const { structuredPatch, formatPatch } = await import('diff');
  ctx.stdout.write(ctx.messages.common.dryRunHeader(file));
  ctx.stdout.write(formatPatch(redactPatch(structuredPatch(file, file, before, after, '', ''), before, after)));
}

type Patch = ReturnType<typeof import('diff').structuredPatch>;

/**
 * The patch of the real texts (so a changed secret still shows as a changed line), with each
 * line replaced by the same line of the redacted text: context and removed lines from the old
 * text, added lines from the new one.
 */
function redactPatch(patch: Patch, before: string, after: string): Patch {
  const oldLines = redactConfigText(before).split('\n');
  const newLines = redactConfigText(after).split('\n');
  const hunks = patch.hunks.map((hunk) => {
    let o = hunk.oldStart - 1;
    let n = hunk.newStart - 1;
    const lines = hunk.lines.map((line) => {
      switch (line[0]) {
        case ' ':
          n++;
          return ` ${oldLines[o++]}`;
        case '-':
          return `-${oldLines[o++]}`;
        case '+':
          return `+${newLines[n++]}`;
        default:
          return line; // '\\ No newline at end of file'
      }
    });
    return { ...hunk, lines };
  });
  return { ...patch, hunks };
}
