import { Command, CommanderError } from 'commander';
import { createContext, type Context } from './context.js';
import { removeInFlightTempFiles } from './config/atomic-write.js';
import { CliError, ExitCode, InterruptedError } from './errors.js';
import { catalogue, detectLanguage, type Language, type Messages } from './ui/messages/index.js';
import type { Factory } from './commands/factory.js';
import { langFlag, newRootCommand } from './commands/root.js';
import { newConfigureCommand } from './commands/configure.js';
import { newLoginCommand } from './commands/login.js';
import { newLogoutCommand } from './commands/logout.js';
import { newPopulateCommand } from './commands/populate.js';
import { newStatusCommand } from './commands/status.js';
import { newWhoamiCommand } from './commands/whoami.js';
import { newExportCredentialsCommand } from './commands/export-credentials.js';
import { newCompleteCommand, newCompletionCommand } from './commands/completion.js';
import { newAdminCommand } from './commands/admin.js';

/**
 * Builds the program: the root command and every command, in the order `--help` lists
 * them. A command's flags, help and mapping live in its own file under src/commands/.
 */
export function buildProgram(getContext: () => Context, m: Messages): Command {
  const program = newRootCommand(m);
  const f: Factory = { messages: m, context: getContext, newCommand: (name) => new Command(name).copyInheritedSettings(program) };
  for (const command of [
    newConfigureCommand(f),
    newLoginCommand(f),
    newLogoutCommand(f),
    newPopulateCommand(f),
    newStatusCommand(f),
    newWhoamiCommand(f),
    newExportCredentialsCommand(f),
    newAdminCommand(f),
    newCompletionCommand(f),
  ]) {
    program.addCommand(command);
  }
  // What the completion scripts call: `__complete -- WORD…` prints the candidates for the last word.
  program.addCommand(newCompleteCommand(f), { hidden: true });
  return program;
}

/** File-system failures people can act on, in words; undefined for anything else. */
function describeFileError(m: Messages, error: unknown): string | undefined {
  const { code, path } = (error ?? {}) as NodeJS.ErrnoException;
  if (!code || !path) return undefined;
  const reason = m.common.fileErrorReason(code);
  return reason ? m.common.cannotWrite(path, reason) : undefined;
}

/**
 * Runs the CLI and returns the exit code; never throws. The language comes from `--lang`,
 * else LC_ALL / LC_MESSAGES / LANG in `env`, chosen before the program is built and passed
 * down: to the commands' help and, through the Context, to everything they print.
 */
export async function main(
  argv: string[],
  getContext: (lang: Language) => Context = (lang) => createContext({ debug: argv.includes('--debug'), lang }),
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  let ctx: Context | undefined;
  const stderr = (text: string) => (ctx ? ctx.stderr.write(text) : process.stderr.write(text));
  let lang: Language;
  try {
    lang = detectLanguage(env, langFlag(argv));
  } catch (error) {
    // An unknown --lang value: a usage error, told in the environment's language.
    stderr(`${(error as Error).message}\n`);
    return error instanceof CliError ? error.exitCode : ExitCode.usage;
  }
  const m = catalogue(lang);
  try {
    await buildProgram(() => (ctx ??= getContext(lang)), m).parseAsync(argv, { from: 'user' });
    return ExitCode.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.exitCode === 0) {
        return ExitCode.ok;
      }
      return ExitCode.usage; // commander already printed the message
    }
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
}

/**
 * Ctrl-C while waiting (not at a prompt, where the prompt library handles it), SIGTERM or a
 * closed terminal: files are only ever replaced by atomic renames, so stopping leaves them
 * as they were; the temp file of a write in progress (it may hold tokens) is removed on exit.
 */
export function handleInterruptions(): void {
  process.on('exit', removeInFlightTempFiles);
  process.once('SIGINT', () => {
    process.stderr.write('\n');
    process.exit(ExitCode.interrupted);
  });
  process.once('SIGTERM', () => process.exit(128 + 15));
  process.once('SIGHUP', () => process.exit(128 + 1));
}

/** The process entry point, called by bin/sso-setup.js. */
export function run(): void {
  // The SDK versions we ship are pinned and supported on Node 20; its notice that *later*
  // releases will need Node 22 is for developers, not for the person signing in.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  handleInterruptions();
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
