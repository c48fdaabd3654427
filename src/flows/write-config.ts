import type { Context } from '../context.js';
import { newFileLineEnding, updateFile, type UpdateFileResult } from '../config/write.js';

/**
 * Writes the config file (`ctx.paths.configFile`) through `edit` (text → text): locked,
 * atomic, with the run's one backup before its first change; then tells the user where
 * that backup is. A new file gets the platform's line endings (CRLF on Windows, as the AWS
 * CLI writes it); an existing one keeps its own. Every command that changes the config goes through here.
 */
export async function writeConfig(ctx: Context, edit: (text: string) => string): Promise<UpdateFileResult> {
  const written = await updateFile(ctx.paths.configFile, edit, {
    ...ctx.fsOptions,
    backup: ctx.backup,
    messages: ctx.messages,
    newFileLineEnding: newFileLineEnding(ctx.platform),
  });
  if (written.backupFile) ctx.stdout.write(ctx.messages.common.backedUp(ctx.paths.configFile, written.backupFile));
  return written;
}
