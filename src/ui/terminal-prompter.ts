import { InterruptedError } from '../errors.js';
import { linePrompt } from './line-prompt.js';
import { releasePromptStorage } from './prompt-async-hooks.js';
import type { Choice, Prompter, SelectQuestion } from './prompter.js';

/**
 * The prompts in a terminal: text prompts drawn by ./line-prompt.ts (node:readline alone),
 * menus by the prompt library, which is loaded only when a menu is shown: a run that asks
 * only for text never loads it.
 */

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
    } finally {
      releasePromptStorage(); // the menu is over: Node's promise hooks off again
    }
  };
  return {
    input: (question) => linePrompt(question, streams),
    select: <T>(question: SelectQuestion<T>) =>
      run(async () => {
        if (question.choices.length > SEARCH_THRESHOLD) {
          const { default: search } = await import('@inquirer/search');
          return search<T>(
            {
              message: question.message,
              // Type to narrow the list: every word must appear in `Name, email (id)`.
              source: async (term) => filterChoices(question.choices, term ?? ''),
              pageSize: 10,
              theme: plainTheme,
            },
            context,
          );
        }
        const { default: select } = await import('@inquirer/select');
        return select<T>(
          {
            message: question.message,
            choices: question.choices.map((c) => ({ name: c.name, value: c.value })),
            pageSize: 10,
            theme: bareMenuTheme,
          },
          erasingContext,
        );
      }),
  };
}
