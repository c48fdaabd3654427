import { type Argument, type Command, Help, type Option } from 'commander';
import { textWidth } from '../ui/text.js';
import { wrapChunks } from '../ui/wrap-chunks.js';
import type { Messages } from '../ui/messages/index.js';

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
export function localHelp(messages: Messages) {
  const words = messages.program.help;
  return {
    styleTitle: (title: string) => words.title(title),
    commandUsage(this: Help, cmd: Command) {
      return words.term(Help.prototype.commandUsage.call(this, cmd));
    },
    subcommandTerm(this: Help, cmd: Command) {
      return words.term(Help.prototype.subcommandTerm.call(this, cmd));
    },
    optionDescription(option: Option) {
      // Commander's own rules for what to show, with the words from the catalogue.
      const extra: string[] = [];
      if (option.argChoices) extra.push(words.choices(option.argChoices.map((c) => JSON.stringify(c)).join(', ')));
      const showDefault = option.required || option.optional || (option.isBoolean() && typeof option.defaultValue === 'boolean');
      if (option.defaultValue !== undefined && showDefault) {
        extra.push(words.default(option.defaultValueDescription || JSON.stringify(option.defaultValue)));
      }
      if (option.presetArg !== undefined && option.optional) extra.push(words.preset(JSON.stringify(option.presetArg)));
      if (option.envVar !== undefined) extra.push(words.env(option.envVar));
      return withExtras(option.description, extra);
    },
    argumentDescription(argument: Argument) {
      const extra: string[] = [];
      if (argument.argChoices) extra.push(words.choices(argument.argChoices.map((c) => JSON.stringify(c)).join(', ')));
      if (argument.defaultValue !== undefined) {
        extra.push(words.default(argument.defaultValueDescription || JSON.stringify(argument.defaultValue)));
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
}
