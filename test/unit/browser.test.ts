import { describe, expect, it } from 'vitest';
import { browserCommands, splitCommand } from '../../src/ui/browser.js';

describe('BROWSER variable', () => {
  it('splits words with quotes like shlex', () => {
    expect(splitCommand(`"/Applications/My Browser" --new-tab '%s'`)).toEqual(['/Applications/My Browser', '--new-tab', '%s']);
  });

  it('appends the URL or substitutes %s, entries separated by the platform delimiter', () => {
    expect(browserCommands('firefox:lynx %s', 'https://u', 'linux')).toEqual([
      ['firefox', 'https://u'],
      ['lynx', 'https://u'],
    ]);
    expect(browserCommands('C:\\Browsers\\b.exe;other', 'https://u', 'win32')).toEqual([
      ['C:\\Browsers\\b.exe', 'https://u'],
      ['other', 'https://u'],
    ]);
  });
});
