import { spawn } from 'node:child_process';
import path from 'node:path';

/** Opens a URL in the user's browser; resolves to false when it could not be launched. */
export type BrowserOpener = (url: string) => Promise<boolean>;

/**
 * Splits one BROWSER entry into words, honouring single and double quotes, like
 * Python's shlex.split which the AWS CLI's `webbrowser` module uses.
 */
export function splitCommand(command: string): string[] {
  const words: string[] = [];
  let current = '';
  let quote: '"' | "'" | undefined;
  let inWord = false;
  for (const ch of command) {
    if (quote) {
      if (ch === quote) quote = undefined;
      else current += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      inWord = true;
    } else if (/\s/.test(ch)) {
      if (inWord) words.push(current);
      current = '';
      inWord = false;
    } else {
      current += ch;
      inWord = true;
    }
  }
  if (inWord) words.push(current);
  return words;
}

/**
 * The commands the BROWSER variable names, as Python's webbrowser reads it: entries
 * separated by the platform's path delimiter; `%s` is replaced by the URL, otherwise the
 * URL is appended.
 */
export function browserCommands(browserEnv: string, url: string, platform: NodeJS.Platform): string[][] {
  const delimiter = platform === 'win32' ? path.win32.delimiter : path.posix.delimiter;
  return browserEnv
    .split(delimiter)
    .map((entry) => splitCommand(entry.trim()))
    .filter((words) => words.length > 0)
    .map((words) => (words.some((w) => w.includes('%s')) ? words.map((w) => w.replaceAll('%s', url)) : [...words, url]));
}

function launch(words: string[]): Promise<boolean> {
  return new Promise((resolve) => {
    const [command, ...args] = words;
    const child = spawn(command!, args, { stdio: 'ignore', detached: true });
    child.once('error', () => resolve(false));
    child.once('spawn', () => {
      child.unref();
      resolve(true);
    });
  });
}

export function createBrowserOpener(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): BrowserOpener {
  return async (url) => {
    if (env.BROWSER) {
      for (const words of browserCommands(env.BROWSER, url, platform)) {
        if (await launch(words)) return true;
      }
      return false;
    }
    try {
      const { default: open } = await import('open');
      const child = await open(url);
      child.once('error', () => undefined);
      return true;
    } catch {
      return false;
    }
  };
}
