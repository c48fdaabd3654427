import { Command } from 'commander';
import { VERSION } from '../version.js';
import type { Messages } from '../ui/messages/index.js';
import { localHelp } from './help-format.js';

/**
 * The program itself (the GitHub CLI's pkg/cmd/root): its description, the options that
 * apply to every command (--debug, --lang, --ca-bundle, --no-verify-ssl, --help, --version)
 * and commander's behaviour.
 * The commands are added by src/cli.ts.
 */
export function newRootCommand(m: Messages): Command {
  return new Command('sso-setup')
    .description(m.program.help.program)
    .configureHelp(localHelp(m))
    .configureOutput({ outputError: (text, write) => write(m.program.help.commanderError(text)) })
    .helpOption('-h, --help', m.program.help.helpOption)
    .helpCommand('help [command]', m.program.help.helpCommand)
    .version(VERSION, '-V, --version', m.program.help.version)
    .option('--debug', m.program.help.debug)
    .option('--lang <lang>', m.program.help.lang)
    .option('--ca-bundle <path>', m.program.help.caBundle)
    .option('--no-verify-ssl', m.program.help.noVerifySsl)
    .showHelpAfterError()
    .exitOverride();
}

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

/** The program's options as commander parses them, and the running command's --profile. */
export interface GlobalOptions {
  debug?: boolean;
  caBundle?: string;
  /** False for --no-verify-ssl. */
  verifySsl?: boolean;
  /** The running command's --profile, if it has one (the profile whose ca_bundle applies). */
  profile?: string;
}
