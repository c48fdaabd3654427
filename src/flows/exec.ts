import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { isatty } from 'node:tty';
import type { Context } from '../context.js';
import { readAwsConfig } from '../config/read.js';
import { CliError, ExitStatus } from '../errors.js';
import type { StopSignal } from '../ports.js';
import type { CachedRoleCredentials } from '../sso/role-credentials-cache.js';
import { roleCredentialsForProfile } from './credentials.js';
import { resolveLoginTarget } from './login.js';

/** `sso-setup exec [--profile P] -- COMMAND [ARGS…]`. */
export interface ExecOptions {
  /** --profile, else AWS_PROFILE, else AWS_DEFAULT_PROFILE, else `default`. */
  profile: string;
  command: string;
  args: string[];
}

/** A shell's exit statuses for a command that cannot run (POSIX, "Command Search and Execution"). */
export const COMMAND_NOT_FOUND = 127;
export const COMMAND_NOT_EXECUTABLE = 126;

/**
 * Variables removed from the child's environment: with the profile ones it could resolve
 * another profile; botocore's EnvProvider reads AWS_SECURITY_TOKEN *before* AWS_SESSION_TOKEN
 * (docs/compat.md §B8 "Environment"), so a stale one would pair with our keys.
 */
const REMOVED = ['AWS_PROFILE', 'AWS_DEFAULT_PROFILE', 'AWS_SECURITY_TOKEN'];

/** The region a profile's clients use: its `region`, else the SSO region it signs in through. */
export async function profileRegion(ctx: Context, profile: string): Promise<string> {
  const config = await readAwsConfig(ctx.paths, ctx.messages);
  const target = resolveLoginTarget(ctx.messages, config, { profile });
  return config.profiles[profile]?.region || target.region;
}

/**
 * The child's environment: ours, without the profile variables, with the role credentials,
 * their account and the region the AWS SDKs' environment providers read (botocore
 * EnvProvider, the JS SDK's fromEnv; AWS_CREDENTIAL_EXPIRATION in ISO 8601, as both parse it).
 */
export function childEnvironment(env: NodeJS.ProcessEnv, credentials: CachedRoleCredentials, region: string): NodeJS.ProcessEnv {
  const result: NodeJS.ProcessEnv = { ...env };
  for (const name of REMOVED) delete result[name];
  return {
    ...result,
    AWS_ACCESS_KEY_ID: credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    AWS_SESSION_TOKEN: credentials.sessionToken,
    AWS_CREDENTIAL_EXPIRATION: credentials.expiration.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    AWS_ACCOUNT_ID: credentials.accountId,
    AWS_REGION: region,
    AWS_DEFAULT_REGION: region,
  };
}

/** A child's end as a shell reports it: its exit code, or 128 + the number of the signal that killed it. */
export function exitCodeOf(code: number | null, signal: NodeJS.Signals | null): number {
  if (code !== null) return code;
  const number = signal ? constants.signals[signal] : undefined;
  return number === undefined ? 1 : 128 + number;
}

/**
 * Runs the command with the profile's role credentials (through the AWS CLI's cache, the SSO
 * token refreshed as botocore does) and region in its environment. No shell: the command is
 * spawned directly, its stdio is ours, stop signals are passed on to it, and its exit code
 * becomes ours (thrown as ExitStatus). Nothing is printed unless the command cannot start.
 */
export async function exec(ctx: Context, options: ExecOptions): Promise<never> {
  const m = ctx.messages.exec;
  const credentials = await roleCredentialsForProfile(ctx, options.profile);
  const region = await profileRegion(ctx, options.profile);
  ctx.log.debug(`exec: ${options.command} with the role credentials of profile ${options.profile} (expire ${credentials.expiration.toISOString()}), region ${region}`);

  const child = spawn(options.command, options.args, {
    env: childEnvironment(ctx.env, credentials, region),
    stdio: 'inherit', // no shell: on Windows a .cmd/.bat needs `cmd.exe /d /s /c` (README "exec")
  });
  // In a terminal, Ctrl-C (SIGINT) and a closed terminal (SIGHUP) reach the whole foreground
  // process group, the command included: passing them on would deliver them twice (a second
  // Ctrl-C often means "quit now"). SIGTERM, and any signal without a terminal, is sent to us alone.
  const terminal = isatty(0) || isatty(1) || isatty(2);
  const forward = (signal: StopSignal) => {
    if (terminal && signal !== 'SIGTERM') return;
    ctx.log.debug(`exec: passing ${signal} on to the command`);
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  const release = ctx.signals.trap(forward);
  try {
    const exitCode = await new Promise<number>((resolve, reject) => {
      child.once('error', (error: NodeJS.ErrnoException) => {
        // spawn's errors: the command was not found or cannot be run (ENOENT, EACCES; EINVAL for .cmd/.bat on Windows).
        if (error.code === 'ENOENT') reject(new CliError(m.commandNotFound(options.command), COMMAND_NOT_FOUND));
        else if (error.code === 'EACCES' || error.code === 'EISDIR' || error.code === 'ENOEXEC') {
          reject(new CliError(m.commandNotExecutable(options.command, error.code), COMMAND_NOT_EXECUTABLE));
        } else if (error.code === 'EINVAL' && ctx.platform === 'win32') {
          reject(new CliError(m.windowsScript(options.command), COMMAND_NOT_EXECUTABLE));
        } else reject(new CliError(m.cannotRun(options.command, error.code ?? error.message), COMMAND_NOT_EXECUTABLE));
      });
      child.once('exit', (code, signal) => resolve(exitCodeOf(code, signal)));
    });
    throw new ExitStatus(exitCode);
  } finally {
    release();
  }
}
