/**
 * What the flows ask of a person. The terminal implementation is in ./terminal-prompter.ts
 * (its text prompt in ./line-prompt.ts); tests pass a scripted one.
 */
export interface InputQuestion {
  /** Full prompt text without the trailing ': ', e.g. `SSO start URL [None]`. */
  message: string;
  /** Returned when the answer is empty. */
  default?: string;
  /** Returns an error message, or true when the (trimmed) answer is acceptable. */
  validate?: (answer: string) => string | true;
  /**
   * Words Tab completes the typed word to, as the AWS CLI's prompt_toolkit `WordCompleter`
   * offers them (docs/compat.md §A10): existing session names, regions, output formats.
   */
  completions?: readonly string[];
}

export interface Choice<T> {
  name: string;
  value: T;
}

export interface SelectQuestion<T> {
  message: string;
  choices: ReadonlyArray<Choice<T>>;
}

export interface Prompter {
  /** Asks for a line of text; the answer is trimmed and an empty answer gives the default. */
  input(question: InputQuestion): Promise<string>;
  /** Lets the user pick one of the choices with the arrow keys. */
  select<T>(question: SelectQuestion<T>): Promise<T>;
}

/** Applies the AWS CLI's answer rules: strip, and an empty answer returns the default. */
export function resolveAnswer(raw: string, question: InputQuestion): string {
  const answer = raw.trim();
  return answer === '' ? (question.default ?? '') : answer;
}

/**
 * What Tab does to the typed text: the last word (the AWS CLI's completer pattern `\S+`) is
 * extended to the longest common prefix of the candidates that start with it (case-sensitive,
 * as `WordCompleter`); with one match, to that match. No match leaves the text as it was.
 */
export function completeInput(candidates: readonly string[], typed: string): string {
  // The last word: back from the end to the last whitespace (a scan, not a regex that would backtrack).
  let start = typed.length;
  while (start > 0 && !/\s/.test(typed[start - 1]!)) start--;
  const word = typed.slice(start);
  const head = typed.slice(0, start);
  const matches = candidates.filter((c) => c.startsWith(word));
  if (matches.length === 0) return typed;
  let common = matches[0]!;
  for (const m of matches) {
    let i = 0;
    while (i < common.length && i < m.length && common[i] === m[i]) i++;
    common = common.slice(0, i);
  }
  return head + common;
}
