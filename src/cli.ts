import { Command, CommanderError, Option } from 'commander';
import { createContext, type Context } from './context.js';
import { CliError, ExitCode } from './errors.js';

const VERSION = '0.1.0';

/** Builds the commander program; `ctx` is created lazily so --help touches nothing else. */
export function buildProgram(getContext: () => Context): Command {
  const program = new Command('sso-setup')
    .description('Set up and run AWS IAM Identity Center (SSO) sign-in for the AWS CLI and SDKs.')
    .version(VERSION)
    .option('--debug', 'print debug output on stderr (tokens and secrets are redacted)')
    .showHelpAfterError()
    .exitOverride();

  program
    .command('configure')
    .description('Create or update an SSO profile: sign in, choose an account and role, write ~/.aws/config, verify it')
    .option('--profile <name>', 'profile to write (default: asked, or AWS_PROFILE)')
    .option('--sso-session <name>', 'SSO session name ("" for a legacy profile)')
    .option('--start-url <url>', 'SSO start URL, e.g. https://d-xxxxxxxxxx.awsapps.com/start')
    .option('--sso-region <region>', 'SSO region, where IAM Identity Center runs')
    .option('--scopes <list>', 'SSO registration scopes, comma-separated (default sso:account:access)')
    .option('--account-id <id>', 'AWS account to use')
    .option('--role-name <name>', 'role to use in that account')
    .option('--region <region>', 'default client Region of the profile')
    .option('--output <format>', 'CLI default output format: json, text, table, yaml, yaml-stream, off')
    .option('-y, --yes', 'accept the default of every value not given; ask nothing that has one')
    .option('--dry-run', 'show the change to the config file; write nothing')
    .option('--no-browser', 'print the sign-in URL and code instead of opening a browser')
    .option('--no-verify', 'skip the STS GetCallerIdentity check at the end')
    .action(async (flags) => (await import('./commands/configure.js')).runConfigure(getContext(), flags));

  program
    .command('login')
    .description('Sign in again and refresh the cached SSO token')
    .option('--profile <name>', 'profile to sign in with (default: AWS_PROFILE, then "default")')
    .option('--sso-session <name>', 'sso-session to sign in to, without a profile')
    .option('--no-browser', 'print the sign-in URL and code instead of opening a browser')
    .action(async (flags) => (await import('./commands/login.js')).runLogin(getContext(), flags));

  program
    .command('logout')
    .description('Sign out: revoke cached SSO tokens at the portal and delete them and cached role credentials')
    .action(async () => (await import('./commands/logout.js')).runLogout(getContext()));

  program
    .command('status')
    .description('Show each SSO sign-in: signed in or not, when it expires, whether it can refresh (no network)')
    .option('--json', 'print JSON (shape in the README)')
    .action(async (flags) => (await import('./commands/status.js')).runStatus(getContext(), flags));

  program
    .command('whoami')
    .description('Show who a profile signs in as (STS GetCallerIdentity)')
    .option('--profile <name>', 'profile to use (default: AWS_PROFILE, then "default")')
    .option('--json', 'print JSON, as aws sts get-caller-identity does')
    .action(async (flags) => (await import('./commands/whoami.js')).runWhoami(getContext(), flags));

  program
    .command('export-credentials')
    .description("Print a profile's role credentials, like aws configure export-credentials (usable as credential_process)")
    .option('--profile <name>', 'profile to use (default: AWS_PROFILE, then "default")')
    .addOption(
      new Option('--format <format>', 'output format')
        .choices(['process', 'env', 'env-no-export', 'powershell', 'windows-cmd', 'fish'])
        .default('process'),
    )
    .action(async (flags) => (await import('./commands/export-credentials.js')).runExportCredentials(getContext(), flags));

  return program;
}

/** File-system failures people can act on, in words; undefined for anything else. */
function describeFileError(error: unknown): string | undefined {
  const { code, path } = (error ?? {}) as NodeJS.ErrnoException;
  if (!code || !path) return undefined;
  const reasons: Record<string, string> = {
    EACCES: 'permission denied; check the owner and permissions of the file and its folder',
    EPERM: 'the operation is not permitted; check the owner and permissions of the file and its folder',
    ENOSPC: 'the disk is full; free some space and run the command again',
    EDQUOT: 'the disk quota is exceeded; free some space and run the command again',
    EROFS: 'the file system is read-only',
    ENOTDIR: 'a part of the path is a file, not a folder',
    EISDIR: 'it is a folder, not a file',
  };
  const reason = reasons[code];
  return reason ? `Cannot write ${path}: ${reason}. Files already there were left as they were.` : undefined;
}

/** Runs the CLI and returns the exit code; never throws. */
export async function main(
  argv: string[],
  getContext: () => Context = () => createContext({ debug: argv.includes('--debug') }),
): Promise<number> {
  let ctx: Context | undefined;
  const context = () => (ctx ??= getContext());
  const stderr = (text: string) => (ctx ? ctx.stderr.write(text) : process.stderr.write(text));
  try {
    await buildProgram(context).parseAsync(argv, { from: 'user' });
    return ExitCode.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.exitCode === 0) {
        return ExitCode.ok;
      }
      return ExitCode.usage; // commander already printed the message
    }
    if (error instanceof CliError) {
      stderr(`\n${error.message}\n`);
      return error.exitCode;
    }
    const fileError = describeFileError(error);
    if (fileError) {
      stderr(`\n${fileError}\n`);
      return ExitCode.failure;
    }
    // Not ours: show the type and message only (SDK errors never carry tokens in them).
    const err = error as Error;
    stderr(`\nUnexpected error: ${err?.name ?? 'Error'}: ${err?.message ?? String(error)}\n`);
    return ExitCode.failure;
  }
}

/** The process entry point, called by bin/sso-setup.js. */
export function run(): void {
  // The SDK versions we ship are pinned and supported on Node 20; its notice that *later*
  // releases will need Node 22 is for developers, not for the person signing in.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  // Ctrl-C while waiting (not at a prompt, where the prompt library handles it): files are
  // only ever replaced by atomic renames, so stopping here leaves them as they were.
  process.once('SIGINT', () => {
    process.stderr.write('\n');
    process.exit(ExitCode.interrupted);
  });
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
