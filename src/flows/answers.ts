import { CliError, ExitCode } from '../errors.js';
import type { Messages } from '../ui/messages/index.js';
import type { Choice, InputQuestion, Prompter } from '../ui/prompter.js';

/**
 * Where each answer of a wizard comes from: a flag, the default (`--yes`, or no terminal),
 * or the person at the prompt. With no terminal, values that have no usable default are
 * collected, so that one error can list everything that is missing.
 */
export class Answers {
  private readonly missing: string[] = [];

  constructor(
    /** undefined when there is no terminal to ask. */
    private readonly prompter: Prompter | undefined,
    private readonly acceptDefaults: boolean,
    private readonly messages: Messages,
  ) {}

  get interactive(): boolean {
    return this.prompter !== undefined;
  }

  /**
   * One text value. `flag` names the option that presets it (`start-url`); `required`
   * marks a value that a script must give even though an empty answer is valid at the
   * prompt (the session name, where empty means a legacy profile).
   */
  async text(flag: string, preset: string | undefined, question: InputQuestion & { required?: boolean }): Promise<string> {
    const validate = question.validate ?? (() => true as const);
    if (preset !== undefined) {
      const answer = preset.trim() === '' ? (question.default ?? '') : preset.trim();
      const verdict = validate(answer);
      if (verdict !== true) throw new CliError(this.messages.common.invalidFlag(flag, verdict), ExitCode.usage);
      return answer;
    }
    const fallback = question.default ?? '';
    const fallbackUsable = validate(fallback) === true && !(question.required && fallback === '');
    if ((this.acceptDefaults || !this.prompter) && fallbackUsable) return fallback;
    if (!this.prompter) {
      this.missing.push(`--${flag}`);
      return fallback;
    }
    return this.prompter.input(question);
  }

  /** One of several items: preset by a flag, the only one, or picked from a menu. */
  async choose<T>(
    flag: string,
    preset: string | undefined,
    items: readonly T[],
    key: (item: T) => string,
    menu: { message: string; choices: ReadonlyArray<Choice<T>> },
    notAvailable: (value: string, keys: string[]) => string,
  ): Promise<T> {
    if (preset !== undefined) {
      const found = items.find((item) => key(item) === preset.trim());
      if (!found) throw new CliError(notAvailable(preset, items.map(key)), ExitCode.usage);
      return found;
    }
    if (items.length === 1) return items[0]!;
    if (!this.prompter) throw new CliError(this.messages.common.chooseWithFlag(flag, items.map(key)), ExitCode.usage);
    return this.prompter.select(menu);
  }

  /** Throws the one error that lists every value a script left out. */
  assertComplete(): void {
    if (this.missing.length > 0) throw new CliError(this.messages.common.missingFlags(this.missing), ExitCode.usage);
  }
}
