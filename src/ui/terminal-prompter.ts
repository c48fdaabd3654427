import { createPrompt, useState, useKeypress, isEnterKey, isTabKey } from '@inquirer/core';
import select from '@inquirer/select';
import search from '@inquirer/search';
import { InterruptedError } from '../errors.js';
import { completeInput, resolveAnswer, type Choice, type InputQuestion, type Prompter, type SelectQuestion } from './prompter.js';

/**
 * A text prompt that looks exactly like the AWS CLI's: `SSO start URL [None]: ` with no
 * marker before it, the answer typed after it, and a validation error on the line below.
 * Users follow guides that show these lines, so they must read the same.
 */
const KEEP_TRAILING_SPACE = '\u001b[0m';

const awsInput = createPrompt<string, InputQuestion>((config, done) => {
  const [status, setStatus] = useState<'idle' | 'done'>('idle');
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);

  useKeypress((key, rl) => {
    if (status !== 'idle') return;
    if (isEnterKey(key)) {
      const answer = resolveAnswer(value, config);
      const verdict = config.validate ? config.validate(answer) : true;
      if (verdict === true) {
        setValue(value.trim());
        setStatus('done');
        done(answer);
      } else {
        rl.write(value); // keep what was typed so it can be corrected
        setError(verdict);
      }
    } else if (isTabKey(key)) {
      // Readline has put a tab character in the line; Tab completes instead (docs/compat.md §A10),
      // and a prompt without completions keeps what was typed, as the AWS CLI's does.
      const completed = completeInput(config.completions ?? [], value);
      rl.clearLine(0);
      rl.write(completed);
      setValue(completed);
      setError(undefined);
    } else {
      setValue(rl.line);
      setError(undefined);
    }
  });

  // The prompt library trims trailing spaces from every line, which would leave the cursor
  // on the colon; an empty SGR sequence after `: ` keeps the space, as the AWS CLI shows it.
  return [`${config.message}: ${value}${KEEP_TRAILING_SPACE}`, error];
});

/** Above this many choices, the menu becomes type-to-search. */
export const SEARCH_THRESHOLD = 10;

/** Choices whose label contains every word of `term`, case-insensitively, in their order. */
export function filterChoices<T>(choices: ReadonlyArray<Choice<T>>, term: string): Array<{ name: string; value: T }> {
  const words = term.toLowerCase().split(/\s+/).filter(Boolean);
  return choices
    .filter((c) => words.every((w) => c.name.toLowerCase().includes(w)))
    .map((c) => ({ name: c.name, value: c.value }));
}

const plainTheme = { prefix: '', style: { message: (text: string) => text } };
/**
 * A short menu as the AWS CLI draws it (awscli/customizations/wizard/ui/selectmenu.py): only the
 * list, no title and no key hints, erased once chosen (the line after it says what was chosen).
 */
const bareMenuTheme = { prefix: '', style: { message: () => '', keysHelpTip: () => '' } };

export interface TerminalStreams {
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
}

function isExit(error: unknown): boolean {
  return error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError');
}

export function createTerminalPrompter(streams: TerminalStreams = {}): Prompter {
  const context = { input: streams.input, output: streams.output, clearPromptOnDone: false } as never;
  const erasingContext = { input: streams.input, output: streams.output, clearPromptOnDone: true } as never;
  const run = async <T>(prompt: () => Promise<T>): Promise<T> => {
    try {
      return await prompt();
    } catch (error) {
      if (isExit(error)) throw new InterruptedError();
      throw error;
    }
  };
  return {
    input: (question) => run(() => awsInput(question, context)),
    select: <T>(question: SelectQuestion<T>) =>
      run(() =>
        question.choices.length > SEARCH_THRESHOLD
          ? search<T>(
              {
                message: question.message,
                // Type to narrow the list: every word must appear in `Name, email (id)`.
                source: async (term) => filterChoices(question.choices, term ?? ''),
                pageSize: 10,
                theme: plainTheme,
              },
              context,
            )
          : select<T>(
          {
            message: question.message,
            choices: question.choices.map((c) => ({ name: c.name, value: c.value })),
            pageSize: 10,
            theme: bareMenuTheme,
          },
          erasingContext,
        ),
      ),
  };
}
