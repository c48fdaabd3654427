import type { Context } from '../context.js';
import { updateFile, type UpdateFileResult } from '../config/write.js';

/**
 * Writes the config file (`ctx.paths.configFile`) through `edit` (text → text): locked,
 * atomic, with the run's one backup before its first change; then tells the user where
 * that backup is. Every command that changes the config goes through here.
 */
export async function writeConfig(ctx: Context, edit: (text: string) => string): Promise<UpdateFileResult> {
  const written = await updateFile(ctx.paths.configFile, edit, { ...ctx.fsOptions, backup: ctx.backup, messages: ctx.messages });
  if (written.backupFile) ctx.stdout.write(ctx.messages.common.backedUp(ctx.paths.configFile, written.backupFile));
  return written;
}
