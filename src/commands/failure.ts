import { CommanderError } from 'commander';
import { CliError, ExitCode, ExitStatus, InterruptedError } from '../errors.js';
import type { Messages } from '../ui/messages/index.js';

/** File-system failures people can act on, in words; undefined for anything else. */
function describeFileError(m: Messages, error: unknown): string | undefined {
  const { code, path } = (error ?? {}) as NodeJS.ErrnoException;
  if (!code || !path) return undefined;
  const reason = m.common.fileErrorReason(code);
  return reason ? m.common.cannotWrite(path, reason) : undefined;
}

/**
 * What a run that ended in `error` prints (on `stderr`, in the user's language) and the exit
 * code it returns: commander's own errors were printed already; ours carry their message and
 * code; file-system failures people can act on are put in words; anything else shows its type
 * and message only (SDK errors never carry tokens in them).
 */
export function reportFailure(error: unknown, m: Messages, stderr: (text: string) => void): number {
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.exitCode === 0) {
      return ExitCode.ok;
    }
    return ExitCode.usage; // commander already printed the message
  }
  if (error instanceof ExitStatus) return error.exitCode;
  if (error instanceof InterruptedError) {
    stderr(`\n${m.common.interrupted}\n`);
    return error.exitCode;
  }
  if (error instanceof CliError) {
    stderr(`\n${error.message}\n`);
    return error.exitCode;
  }
  const fileError = describeFileError(m, error);
  if (fileError) {
    stderr(`\n${fileError}\n`);
    return ExitCode.failure;
  }
  // Not ours: show the type and message only (SDK errors never carry tokens in them).
  const err = error as Error;
  stderr(`\n${m.common.unexpectedError(err?.name ?? 'Error', err?.message ?? String(error))}\n`);
  return ExitCode.failure;
}
