import type { Command } from 'commander';
import { profileFromEnvironment } from '../config/profile-name.js';
import { CliError, ExitCode } from '../errors.js';
import { parseDuration } from '../flows/duration.js';
import type { StatusCheckOptions, StatusOptions } from '../flows/status.js';
import type { Factory, RunFn } from './factory.js';

export type { StatusCheckOptions, StatusOptions };

interface StatusFlags {
  json?: boolean;
  check?: boolean;
  minRemaining?: string;
  profile?: string;
  ssoSession?: string;
}

/**
 * `sso-setup status`: every sign-in, from the cache alone (no network). `--check` answers
 * with an exit code instead (for scripts and shell prompts); the flow is imported only when
 * it runs, and it loads no SDK client (test/e2e/startup.test.ts).
 */
export function newStatusCommand(f: Factory, run?: RunFn<StatusOptions>): Command {
  const m = f.messages;
  return f.newCommand('status')
    .description(m.status.help.description)
    .option('--json', m.status.help.statusJson)
    .option('--check', m.status.help.check)
    .option('--min-remaining <duration>', m.status.help.minRemaining)
    .option('--profile <name>', m.status.help.profile)
    .option('--sso-session <name>', m.status.help.ssoSession)
    .action(async (flags: StatusFlags) => {
      const ctx = f.context();
      const options: StatusOptions = { json: flags.json };
      if (flags.check && flags.json) throw new CliError(m.status.check.conflict('--check', '--json'), ExitCode.usage);
      const check = flags.check ? checkOptions(f, flags, ctx.env) : undefined;
      if (!flags.check) {
        const stray = ([['--min-remaining', flags.minRemaining], ['--profile', flags.profile], ['--sso-session', flags.ssoSession]] as const).find(([, v]) => v !== undefined);
        if (stray) throw new CliError(m.status.check.needsCheck(stray[0]), ExitCode.usage);
      }
      if (check) options.check = check;
      if (run) return run(options);
      const { status } = await import('../flows/status.js');
      await status(ctx, options);
    });
}

function checkOptions(f: Factory, flags: StatusFlags, env: NodeJS.ProcessEnv): StatusCheckOptions {
  const m = f.messages;
  if (flags.profile !== undefined && flags.ssoSession !== undefined) throw new CliError(m.status.check.conflict('--profile', '--sso-session'), ExitCode.usage);
  const minRemainingMs = flags.minRemaining === undefined ? 0 : parseDuration(flags.minRemaining);
  if (minRemainingMs === undefined) throw new CliError(m.status.check.invalidDuration(flags.minRemaining!), ExitCode.usage);
  // --profile, else (unless --sso-session) AWS_PROFILE / AWS_DEFAULT_PROFILE, else every sign-in.
  const profile = flags.ssoSession !== undefined ? undefined : profileFromEnvironment(flags.profile, env);
  return { minRemainingMs, ...(profile !== undefined ? { profile } : {}), ...(flags.ssoSession !== undefined ? { ssoSession: flags.ssoSession } : {}) };
}
