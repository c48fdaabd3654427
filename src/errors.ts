/**
 * User-facing errors. Modules throw these (or let SDK errors through); only the
 * CLI entry point turns them into a message on stderr and an exit code.
 */

/** Exit codes, following the AWS CLI v2 where it has one. */
export const ExitCode = {
  ok: 0,
  /** Generic failure (AWS CLI: 255 for unhandled/service errors). */
  failure: 255,
  /** Configuration errors (AWS CLI: 253, e.g. "Missing the following required SSO configuration values"). */
  configuration: 253,
  /** Usage errors: unknown options, bad arguments (AWS CLI: 252). */
  usage: 252,
  /** Interrupted by the user (Ctrl-C), like a shell: 128 + SIGINT. */
  interrupted: 130,
} as const;

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = ExitCode.failure,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/**
 * Ends the run with an exit code and nothing more to say: `exec` passing on its child's
 * exit status, `status --check` telling a script the answer it already printed.
 */
export class ExitStatus extends CliError {
  constructor(exitCode: number) {
    super('', exitCode);
    this.name = 'ExitStatus';
  }
}

/** A configuration problem the user must fix in ~/.aws/config or with flags. */
export class ConfigurationError extends CliError {
  constructor(message: string) {
    super(message, ExitCode.configuration);
    this.name = 'ConfigurationError';
  }
}

/** The user pressed Ctrl-C (or closed the terminal) at a prompt or while waiting. */
export class InterruptedError extends CliError {
  constructor() {
    super('Interrupted.', ExitCode.interrupted);
    this.name = 'InterruptedError';
  }
}
