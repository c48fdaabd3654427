import { Command } from 'commander';
import { writeFileSync } from 'node:fs';
import { createContext, type Context } from './context.js';
import { CliError, ExitCode } from './errors.js';
import { detectLanguage, loadCatalogue, type Language, type Messages } from './ui/messages/index.js';
import type { Factory } from './commands/factory.js';
import { langFlag, newRootCommand, type GlobalOptions } from './commands/root.js';
import { reportFailure } from './commands/failure.js';
import { handleInterruptions } from './commands/interruptions.js';
import { newConfigureCommand } from './commands/configure.js';
import { newLoginCommand } from './commands/login.js';
import { newLogoutCommand } from './commands/logout.js';
import { newPopulateCommand } from './commands/populate.js';
import { newStatusCommand } from './commands/status.js';
import { newWhoamiCommand } from './commands/whoami.js';
import { newExportCredentialsCommand } from './commands/export-credentials.js';
import { newConsoleCommand } from './commands/console.js';
import { newExecCommand } from './commands/exec.js';
import { newServeCommand } from './commands/serve.js';
import { newCompleteCommand, newCompletionCommand } from './commands/completion.js';
import { newAdminCommand } from './commands/admin.js';
import { markPhase, PHASE_MARK_PREFIX, PHASES_VARIABLE } from './ports.js';

/**
 * Builds the program: the root command and every command, in the order `--help` lists
 * them. A command's flags, help and mapping live in its own file under src/commands/.
 */
export function buildProgram(getContext: (globals: GlobalOptions) => Context, m: Messages): Command {
  const program = newRootCommand(m);
  // The command about to run, so that the context sees its --profile next to the program's options.
  let running: Command | undefined;
  program.hook('preAction', (_program, actionCommand) => {
    running = actionCommand;
  });
  const globals = (): GlobalOptions => ({ ...program.opts(), profile: running?.opts().profile as string | undefined });
  const f: Factory = {
    messages: m,
    context: () => getContext(globals()),
    newCommand: (name) => new Command(name).copyInheritedSettings(program),
  };
  for (const command of [
    newConfigureCommand(f),
    newLoginCommand(f),
    newLogoutCommand(f),
    newPopulateCommand(f),
    newStatusCommand(f),
    newWhoamiCommand(f),
    newExportCredentialsCommand(f),
    newConsoleCommand(f),
    newExecCommand(f),
    newServeCommand(f),
    newAdminCommand(f),
    newCompletionCommand(f),
  ]) {
    program.addCommand(command);
  }
  // What the completion scripts call: `__complete -- WORD…` prints the candidates for the last word.
  program.addCommand(newCompleteCommand(f), { hidden: true });
  return program;
}

/** The arguments before `--`: what follows is another program's (`exec -- COMMAND --debug`). */
function ownArguments(argv: string[]): string[] {
  const end = argv.indexOf('--');
  return end < 0 ? argv : argv.slice(0, end);
}

/**
 * Runs the CLI and returns the exit code; never throws. The language comes from `--lang`,
 * else LC_ALL / LC_MESSAGES / LANG in `env`, chosen before the program is built and passed
 * down: to the commands' help and, through the Context, to everything they print.
 */
export async function main(
  argv: string[],
  getContext: (lang: Language, globals: GlobalOptions) => Context = (lang, globals) =>
    createContext({
      debug: ownArguments(argv).includes('--debug'),
      lang,
      tls: { caBundle: globals.caBundle, verifySsl: globals.verifySsl, profile: globals.profile },
    }),
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  let ctx: Context | undefined;
  const stderr = (text: string) => (ctx ? ctx.stderr.write(text) : process.stderr.write(text));
  let lang: Language;
  try {
    lang = await detectLanguage(env, langFlag(argv));
  } catch (error) {
    // An unknown --lang value: a usage error, told in the environment's language.
    stderr(`${(error as Error).message}\n`);
    return error instanceof CliError ? error.exitCode : ExitCode.usage;
  }
  const m = await loadCatalogue(lang);
  try {
    await buildProgram((globals) => (ctx ??= getContext(lang, globals)), m).parseAsync(argv, { from: 'user' });
    return ExitCode.ok;
  } catch (error) {
    return reportFailure(error, m, stderr);
  }
}

/**
 * With SSO_SETUP_PHASES set (by `npm run bench`), writes the run's phase marks (src/ports.ts)
 * to that file at exit: each mark's name, the CPU time (user + system) and the wall time
 * since the process started, in milliseconds, and the mark's time on the monotonic clock of
 * a `--cpu-prof` profile, in microseconds (bench/README.md).
 */
function writePhasesAtExit(env: NodeJS.ProcessEnv): void {
  const file = env[PHASES_VARIABLE];
  if (!file) return;
  process.once('exit', () => {
    markPhase(env, 'exit');
    // The monotonic clock's reading at the process's time origin: a mark's `monotonicUs` is on
    // the clock of a `--cpu-prof` profile's timestamps, so a profile can be cut by phase.
    const originNs = process.hrtime.bigint() - BigInt(Math.round(performance.now() * 1e6));
    const marks = performance
      .getEntriesByType('mark')
      .filter((m) => m.name.startsWith(PHASE_MARK_PREFIX))
      .map((m) => {
        const cpu = (m as PerformanceMark).detail as NodeJS.CpuUsage;
        const monotonicUs = Number((originNs + BigInt(Math.round(m.startTime * 1e6))) / 1000n);
        return { name: m.name.slice(PHASE_MARK_PREFIX.length), cpuMs: (cpu.user + cpu.system) / 1000, wallMs: m.startTime, monotonicUs };
      });
    writeFileSync(file, JSON.stringify(marks));
  });
}

/** The process entry point, called by bin/sso-setup.js. */
export function run(): void {
  markPhase(process.env, 'cli');
  writePhasesAtExit(process.env);
  // The SDK versions we ship are pinned and supported on Node 20; its notice that *later*
  // releases will need Node 22 is for developers, not for the person signing in.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  handleInterruptions();
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
