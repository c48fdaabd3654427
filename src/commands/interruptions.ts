import { removeInFlightTempFiles } from '../config/atomic-write.js';
import { ExitCode } from '../errors.js';
import { processSignals } from '../ports.js';

/**
 * Ctrl-C while waiting (not at a prompt, where the prompt library handles it), SIGTERM or a
 * closed terminal: files are only ever replaced by atomic renames, so stopping leaves them
 * as they were; the temp file of a write in progress (it may hold tokens) is removed on exit.
 * A command that trapped the signals (Context.signals: `exec`, `serve`) gets them instead.
 */
export function handleInterruptions(): void {
  process.on('exit', removeInFlightTempFiles);
  process.on('SIGINT', () => {
    if (processSignals.dispatch('SIGINT')) return;
    process.stderr.write('\n');
    process.exit(ExitCode.interrupted);
  });
  process.on('SIGTERM', () => processSignals.dispatch('SIGTERM') || process.exit(128 + 15));
  process.on('SIGHUP', () => processSignals.dispatch('SIGHUP') || process.exit(128 + 1));
}
