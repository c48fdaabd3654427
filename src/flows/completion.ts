import type { Command, Option } from 'commander';
import type { AwsConfig } from '../config/read.js';
import { LANGUAGES } from '../ui/messages/index.js';
import { OUTPUT_FORMATS } from './validators.js';

/**
 * Shell completion. `sso-setup completion SHELL` prints a script; the script calls back
 * `sso-setup __complete -- WORD…` (the words after `sso-setup`, the one being completed
 * last) and offers the lines it prints. The commands, flags and fixed choices come from the
 * commander program itself, so they cannot drift from what the CLI accepts; profile and
 * sso-session names come from the config file as the SDK's own loader reads it.
 */

export type Shell = 'bash' | 'zsh' | 'fish';

/** The names completion offers from the config file, read only when a value needs them. */
export type CompletionConfig = Pick<AwsConfig, 'profiles' | 'ssoSessions'>;

const takesValue = (option: Option) => option.required || option.optional;

function findOption(options: readonly Option[], word: string): Option | undefined {
  const flag = word.includes('=') ? word.slice(0, word.indexOf('=')) : word;
  return options.find((option) => option.long === flag || option.short === flag);
}

/** Flags of a command: its visible options (with -h/--help), then the program's that apply anywhere (--debug, --lang). */
function commandOptions(program: Command, command: Command): Option[] {
  const help = program.createHelp();
  const own = help.visibleOptions(command);
  const global = program.options.filter(
    (option) => !option.hidden && option.attributeName() !== 'version' && !own.some((o) => o.long === option.long),
  );
  return [...own, ...global];
}

/** Reads the words after a command: the option whose value comes next, if any, and how many arguments were given. */
function scan(words: readonly string[], options: readonly Option[]): { expecting?: Option; positionals: number } {
  let expecting: Option | undefined;
  let positionals = 0;
  let literal = false;
  for (const word of words) {
    if (expecting) {
      expecting = undefined;
    } else if (literal || word === '-' || !word.startsWith('-')) {
      positionals++;
    } else if (word === '--') {
      literal = true;
    } else {
      const option = findOption(options, word);
      if (option && takesValue(option) && !word.includes('=')) expecting = option;
    }
  }
  return { expecting, positionals };
}

async function optionValues(option: Option, config: () => Promise<CompletionConfig>): Promise<string[]> {
  if (option.argChoices) return [...option.argChoices];
  const fromConfig = async (pick: (c: CompletionConfig) => Record<string, unknown>) => {
    try {
      return Object.keys(pick(await config()));
    } catch {
      return []; // an unreadable config file: nothing to offer, and nothing to say
    }
  };
  switch (option.attributeName()) {
    case 'profile':
      return fromConfig((c) => c.profiles);
    case 'ssoSession':
      return fromConfig((c) => c.ssoSessions);
    case 'output':
      return [...OUTPUT_FORMATS];
    case 'lang':
      return [...LANGUAGES];
    default:
      return [];
  }
}

function flags(options: readonly Option[], used: readonly string[]): string[] {
  return options
    .filter((option) => option.variadic || !used.some((word) => findOption([option], word)))
    .flatMap((option) => [option.long, option.short])
    .filter((flag): flag is string => flag !== undefined);
}

/**
 * The candidates for the last of `words` (the words after `sso-setup`; the last is the one
 * being completed, '' after a space), those starting with it, in order, without repeats.
 */
export async function completionCandidates(
  program: Command,
  words: readonly string[],
  config: () => Promise<CompletionConfig>,
): Promise<string[]> {
  const current = words.at(-1) ?? '';
  const before = words.slice(0, -1);
  const help = program.createHelp();
  const commands = help.visibleCommands(program);
  const programOptions = help.visibleOptions(program);

  // The command: the first word that is neither a program option nor its value.
  let index = -1;
  for (let i = 0; i < before.length; i++) {
    const word = before[i]!;
    if (word === '--') break;
    if (word.startsWith('-')) {
      const option = findOption(programOptions, word);
      if (option && takesValue(option) && !word.includes('=')) i++;
      continue;
    }
    index = i;
    break;
  }

  let candidates: string[];
  if (index < 0) {
    const { expecting } = scan(before, programOptions);
    if (expecting) candidates = await optionValues(expecting, config);
    else if (current.startsWith('-')) candidates = flags(programOptions, before);
    else candidates = commands.map((command) => command.name());
  } else {
    const name = before[index]!;
    let command = commands.find((c) => c.name() === name || c.aliases().includes(name));
    if (!command) return [];
    let rest = before.slice(index + 1);
    // A subcommand right after its command (`configure sso-session`): complete its flags instead.
    const subcommands = help.visibleCommands(command).filter((c) => c.name() !== 'help');
    const sub = rest[0] === undefined ? undefined : subcommands.find((c) => c.name() === rest[0]);
    if (sub) {
      command = sub;
      rest = rest.slice(1);
    }
    const options = commandOptions(program, command);
    const { expecting, positionals } = scan(rest, options);
    if (expecting) candidates = await optionValues(expecting, config);
    else if (current.startsWith('-') && !rest.includes('--')) candidates = flags(options, rest);
    else if (command.name() === 'help') candidates = positionals === 0 ? commands.map((c) => c.name()) : [];
    else if (!sub && rest.length === 0 && subcommands.length > 0) candidates = subcommands.map((c) => c.name());
    else candidates = [...(command.registeredArguments[positionals]?.argChoices ?? [])];
  }
  return [...new Set(candidates.filter((candidate) => candidate.startsWith(current)))];
}

const BASH = `# sso-setup completion for bash. Load it with: source <(sso-setup completion bash)
_sso_setup() {
  local cur words cword line
  if declare -F _get_comp_words_by_ref >/dev/null 2>&1; then
    # bash-completion: keep NAME:x and --flag=x in one word
    _get_comp_words_by_ref -n =: cur words cword
  else
    words=("\${COMP_WORDS[@]}")
    cword=$COMP_CWORD
    cur="\${COMP_WORDS[COMP_CWORD]}"
  fi
  COMPREPLY=()
  # One candidate a line, already filtered by the word being completed; read as they are
  # (compgen -W would expand $ and globs in them).
  while IFS= read -r line; do
    COMPREPLY+=("$line")
  done < <(sso-setup __complete -- "\${words[@]:1:cword}" 2>/dev/null)
  if declare -F __ltrim_colon_completions >/dev/null 2>&1; then
    __ltrim_colon_completions "$cur"
  fi
  return 0
}
complete -F _sso_setup sso-setup
`;

const ZSH = `#compdef sso-setup
# sso-setup completion for zsh. Load it with: source <(sso-setup completion zsh)
# (after compinit), or save it as _sso-setup in a directory on $fpath.
_sso_setup() {
  local -a candidates
  candidates=("\${(@f)$(sso-setup __complete -- "\${(@)words[2,CURRENT]}" 2>/dev/null)}")
  candidates=("\${(@)candidates:#}")
  (( \${#candidates} )) && compadd -- "\${candidates[@]}"
}
if [[ "\${funcstack[1]}" == _sso_setup ]]; then
  _sso_setup "$@"
else
  compdef _sso_setup sso-setup
fi
`;

const FISH = `# sso-setup completion for fish. Load it with: sso-setup completion fish | source
# or save it as ~/.config/fish/completions/sso-setup.fish
function __sso_setup_complete
    set -l tokens (commandline -opc)
    set -e tokens[1]
    set -l current (commandline -ct)
    sso-setup __complete -- $tokens "$current" 2>/dev/null
end
complete -c sso-setup -f -a '(__sso_setup_complete)'
`;

/** The completion script for a shell. */
export function completionScript(shell: Shell): string {
  return { bash: BASH, zsh: ZSH, fish: FISH }[shell];
}
