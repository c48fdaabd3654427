import { describe, expect, it } from 'vitest';
import { filterChoices, SEARCH_THRESHOLD } from '../../src/ui/terminal-prompter.js';

describe('type-to-search account picker', () => {
  const choices = [
    { name: 'Production, prod@example.com (444455556666)', value: 1 },
    { name: 'Development, dev@example.com (111122223333)', value: 2 },
    { name: 'Data Lake, data@example.com (777788889999)', value: 3 },
  ];
  it('keeps choices containing every typed word, case-insensitively, by name, email or ID', () => {
    expect(filterChoices(choices, 'dev').map((c) => c.value)).toEqual([2]);
    expect(filterChoices(choices, '4444').map((c) => c.value)).toEqual([1]);
    expect(filterChoices(choices, 'DATA example').map((c) => c.value)).toEqual([3]);
    expect(filterChoices(choices, '').map((c) => c.value)).toEqual([1, 2, 3]);
    expect(filterChoices(choices, 'nothing')).toEqual([]);
  });
  it('is used above about 10 choices', () => expect(SEARCH_THRESHOLD).toBe(10));
});
