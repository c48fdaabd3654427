/**
 * What the flows ask of a person. The terminal implementation is in ./terminal-prompter.ts;
 * tests pass a scripted one.
 */
export interface InputQuestion {
  /** Full prompt text without the trailing ': ', e.g. `SSO start URL [None]`. */
  message: string;
  /** Returned when the answer is empty. */
  default?: string;
  /** Returns an error message, or true when the (trimmed) answer is acceptable. */
  validate?: (answer: string) => string | true;
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
