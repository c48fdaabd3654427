import { describe, expect, it } from 'vitest';
import { printable } from '../../src/ui/terminal-text.js';

describe('printable: outside text on a terminal line', () => {
  it('removes escape sequences whole (CSI, OSC hyperlinks and titles, C1, two-character), not just the ESC', () => {
    expect(printable('\u001b[2J\u001b[1;31mred\u001b[0m')).toBe('red');
    expect(printable('\u001b]8;;https://evil.example\u0007click\u001b]8;;\u001b\\ me')).toBe('click me');
    expect(printable('\u001b]0;title\u001b\\x\u009b31my\u009d2;t\u009cz')).toBe('xyz');
    expect(printable('a\u001bcb\u001b(Bc\u001b')).toBe('abc');
    expect(printable('unterminated \u001b]8;;https://evil.example')).toBe('unterminated ');
  });

  it('turns other control characters into spaces and drops bidi and invisible format characters', () => {
    expect(printable('line\r\nnext\tx\u0000\u007f')).toBe('line  next x  ');
    expect(printable('\u202egnp.exe\u202c \u2066a\u2069\u200bb\ufeff')).toBe('gnp.exe ab');
  });

  it('keeps at most max characters (code points), ending in …, never half a character', () => {
    expect(printable('x'.repeat(300))).toBe(`${'x'.repeat(199)}…`);
    expect(printable('😀'.repeat(10), 5)).toBe('😀😀😀😀…');
    expect(printable('ok', 5)).toBe('ok');
    expect(printable(`${'\u001b[0m'.repeat(100_000)}tail`)).toBe('');
    expect(printable(`${'a'.repeat(3199)}😀`, 200)).toBe(`${'a'.repeat(199)}…`);
  });
});
