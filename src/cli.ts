import { Argument, Command, CommanderError, Help, Option } from 'commander';
import { createContext, type Context } from './context.js';
import { CliError, ExitCode, InterruptedError } from './errors.js';
import { detectLanguage, messages, setLanguage, textWidth } from './ui/messages.js';
import { wrapChunks } from './ui/wrap-chunks.js';
import { VERSION } from './version.js';

/** `description (extra, extra)`, as commander appends choices and defaults. */
function withExtras(description: string, extra: readonly string[]): string {
  if (extra.length === 0) return description;
  return description ? `${description} (${extra.join(', ')})` : `(${extra.join(', ')})`;
}

/**
 * Commander's help in the chosen language: its headings, `[options]` / `[command]`, the
 * `(choices: …, default: …)` it adds to option descriptions, and widths that count a
 * Japanese character as the two columns it takes. Subcommands inherit this.
 */
const localHelp = {
  styleTitle: (title: string) => messages.help.title(title),
  commandUsage(this: Help, cmd: Command) {
    return messages.help.term(Help.prototype.commandUsage.call(this, cmd));
  },
  subcommandTerm(this: Help, cmd: Command) {
    return messages.help.term(Help.prototype.subcommandTerm.call(this, cmd));
  },
  optionDescription(option: Option) {
    // Commander's own rules for what to show, with the words from the catalogue.
    const extra: string[] = [];
    if (option.argChoices) extra.push(messages.help.choices(option.argChoices.map((c) => JSON.stringify(c)).join(', ')));
    const showDefault = option.required || option.optional || (option.isBoolean() && typeof option.defaultValue === 'boolean');
    if (option.defaultValue !== undefined && showDefault) {
      extra.push(messages.help.default(option.defaultValueDescription || JSON.stringify(option.defaultValue)));
    }
    if (option.presetArg !== undefined && option.optional) extra.push(messages.help.preset(JSON.stringify(option.presetArg)));
    if (option.envVar !== undefined) extra.push(messages.help.env(option.envVar));
    return withExtras(option.description, extra);
  },
  argumentDescription(argument: Argument) {
    const extra: string[] = [];
    if (argument.argChoices) extra.push(messages.help.choices(argument.argChoices.map((c) => JSON.stringify(c)).join(', ')));
    if (argument.defaultValue !== undefined) {
      extra.push(messages.help.default(argument.defaultValueDescription || JSON.stringify(argument.defaultValue)));
    }
    return withExtras(argument.description, extra);
  },
  // eslint-disable-next-line no-control-regex
  displayWidth: (text: string) => textWidth(text.replace(/\x1b\[\d*(;\d*)*m/g, '')),
  /** Commander's wrapping, which breaks lines at spaces only, that may also break after 、 and 。. */
  boxWrap(this: Help, text: string, width: number) {
    if (width < this.minWidthToWrap) return text;
    return text
      .split(/\r\n|\n/)
      .flatMap((line) => {
        const chunks = wrapChunks(line);
        if (!chunks) return [''];
        const lines: string[] = [];
        let current = chunks.shift()!;
        for (const chunk of chunks) {
          if (this.displayWidth(current) + this.displayWidth(chunk) <= width) current += chunk;
          else {
            lines.push(current);
            current = chunk.trimStart();
          }
        }
        return [...lines, current];
      })
      .join('\n');
  },
};

/** The value of the last `--lang X` / `--lang=X` before `--`, read before commander runs (its texts depend on it). */
export function langFlag(argv: readonly string[]): string | undefined {
  let value: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') break;
    if (arg === '--lang') value = argv[++i] ?? '';
    else if (arg.startsWith('--lang=')) value = arg.slice('--lang='.length);
  }
  return value;
}

/** The sign-in options of every command that may sign in. */
function addSignInOptions(command: Command, options: { remember: boolean }): Command {
  command
    .option('--no-browser', messages.help.noBrowser)
    .option('--use-device-code', messages.help.useDeviceCode)
    .option('--no-use-device-code', messages.help.noUseDeviceCode)
    .option('--callback-port <port>', messages.help.callbackPort)
    .option('--timeout <seconds>', messages.help.timeout);
  return options.remember ? command.option('--remember', messages.help.remember) : command;
}

/** Builds the commander program; `ctx` is created lazily so --help touches nothing else. */
export function buildProgram(getContext: () => Context): Command {
  const program = new Command('sso-setup')
    .description(messages.help.program)
    .configureHelp(localHelp)
    .configureOutput({ outputError: (text, write) => write(messages.help.commanderError(text)) })
    .helpOption('-h, --help', messages.help.helpOption)
    .helpCommand('help [command]', messages.help.helpCommand)
    .version(VERSION, '-V, --version', messages.help.version)
    .option('--debug', messages.help.debug)
    .option('--lang <lang>', messages.help.lang)
    .showHelpAfterError()
    .exitOverride();

  const configure = program
    .command('configure')
    .description(messages.help.configure)
    .option('--profile <name>', messages.help.configureProfile)
    .option('--sso-session <name>', messages.help.configureSsoSession)
    .option('--start-url <url>', messages.help.startUrl)
    .option('--sso-region <region>', messages.help.ssoRegion)
    .option('--scopes <list>', messages.help.scopes)
    .option('--account-id <id>', messages.help.accountId)
    .option('--role-name <name>', messages.help.roleName)
    .option('--region <region>', messages.help.region)
    .option('--output <format>', messages.help.output)
    .option('-y, --yes', messages.help.yes)
    .option('--dry-run', messages.help.dryRun)
    .option('--no-verify', messages.help.noVerify);
  addSignInOptions(configure, { remember: true })
    .action(async (flags) => (await import('./commands/configure.js')).runConfigure(getContext(), flags));

  const login = program
    .command('login')
    .description(messages.help.login)
    .option('--profile <name>', messages.help.loginProfile)
    .option('--sso-session <name>', messages.help.loginSsoSession)
    .option('--force', messages.help.force);
  addSignInOptions(login, { remember: true })
    .action(async (flags) => (await import('./commands/login.js')).runLogin(getContext(), flags));

  program
    .command('logout')
    .description(messages.help.logout)
    .action(async () => (await import('./commands/logout.js')).runLogout(getContext()));

  const populate = program
    .command('populate')
    .description('Write a profile for every account and role of an sso-session (marked, so re-runs and --prune touch only these)')
    .requiredOption('--sso-session <name>', 'the sso-session to sign in with')
    .option('--template <template>', 'profile name template: {account_name} {account_id} {role_name} {email} {session}', '{account_name}-{role_name}')
    .option('--prefix <prefix>', 'text put before every generated name')
    .option('--region <region>', 'default client Region of the profiles')
    .option('--output <format>', 'CLI default output format of the profiles')
    .option('--dry-run', 'print the change to the config file as a diff; write nothing')
    .option('--prune', 'remove profiles this command generated earlier that no longer exist')
    .option('--rate <n>', 'requests per second to IAM Identity Center (its throttle is about 20)', '20');
  addSignInOptions(populate, { remember: false })
    .action(async (flags) => (await import('./commands/populate.js')).runPopulate(getContext(), flags));

  program
    .command('status')
    .description(messages.help.status)
    .option('--json', messages.help.statusJson)
    .action(async (flags) => (await import('./commands/status.js')).runStatus(getContext(), flags));

  program
    .command('whoami')
    .description(messages.help.whoami)
    .option('--profile <name>', messages.help.profileToUse)
    .option('--json', messages.help.whoamiJson)
    .action(async (flags) => (await import('./commands/whoami.js')).runWhoami(getContext(), flags));

  program
    .command('export-credentials')
    .description(messages.help.exportCredentials)
    .option('--profile <name>', messages.help.profileToUse)
    .addOption(
      new Option('--format <format>', messages.help.exportFormat)
        .choices(['process', 'env', 'env-no-export', 'powershell', 'windows-cmd', 'fish'])
        .default('process'),
    )
    .action(async (flags) => (await import('./commands/export-credentials.js')).runExportCredentials(getContext(), flags));

  program
    .command('completion')
    .description(messages.help.completion)
    .addArgument(new Argument('<shell>', messages.help.completionShell).choices(['bash', 'zsh', 'fish']))
    .action(async (shell: 'bash' | 'zsh' | 'fish') => (await import('./commands/completion.js')).runCompletion(getContext(), shell));

  // What the completion scripts call: `__complete -- WORD…` prints the candidates for the last word.
  program
    .command('__complete', { hidden: true })
    .argument('[words...]')
    .allowUnknownOption()
    .helpOption(false)
    .action(async (words: string[]) => {
      try {
        await (await import('./commands/completion.js')).runComplete(getContext(), program, words);
      } catch {
        // completion never prints an error
      }
    });

  return program;
}

/** File-system failures people can act on, in words; undefined for anything else. */
function describeFileError(error: unknown): string | undefined {
  const { code, path } = (error ?? {}) as NodeJS.ErrnoException;
  if (!code || !path) return undefined;
  const reason = messages.fileErrorReason(code);
  return reason ? messages.cannotWrite(path, reason) : undefined;
}

/**
 * Runs the CLI and returns the exit code; never throws. The language comes from `--lang`,
 * else LC_ALL / LC_MESSAGES / LANG in `env`, and is set before the program is built.
 */
export async function main(
  argv: string[],
  getContext: () => Context = () => createContext({ debug: argv.includes('--debug') }),
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  let ctx: Context | undefined;
  const context = () => (ctx ??= getContext());
  const stderr = (text: string) => (ctx ? ctx.stderr.write(text) : process.stderr.write(text));
  setLanguage(detectLanguage(env));
  try {
    setLanguage(detectLanguage(env, langFlag(argv)));
  } catch (error) {
    // An unknown --lang value: a usage error, told in the environment's language.
    stderr(`${(error as Error).message}\n`);
    return error instanceof CliError ? error.exitCode : ExitCode.usage;
  }
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
    if (error instanceof InterruptedError) {
      stderr(`\n${messages.interrupted}\n`);
      return error.exitCode;
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
    stderr(`\n${messages.unexpectedError(err?.name ?? 'Error', err?.message ?? String(error))}\n`);
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
