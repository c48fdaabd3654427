import { describe, expect, it } from 'vitest';
import { formatCsvRow, MAX_PROFILE_CHAIN, nextProfileChain, parseCsvRow, PROFILE_CHAIN_VAR } from '../../src/flows/credentials.js';
import { catalogue } from '../../src/ui/messages/index.js';

const en = catalogue('en');

// awscli/customizations/configure/exportcreds.py: _RECURSION_VAR, _MAX_RECURSION, one csv row (docs/compat.md §D5).
describe('the export-credentials loop guard', () => {
  it('uses the AWS CLI variable and limit', () => {
    expect(PROFILE_CHAIN_VAR).toBe('_AWS_CLI_PROFILE_CHAIN');
    expect(MAX_PROFILE_CHAIN).toBe(4);
  });

  it('adds the profile to the chain', () => {
    expect(nextProfileChain(en, undefined, 'dev')).toBe('dev');
    expect(nextProfileChain(en, '', 'dev')).toBe('dev');
    expect(nextProfileChain(en, 'a,b', 'c')).toBe('a,b,c');
  });

  it('refuses a profile already in the chain, naming the cycle', () => {
    expect(() => nextProfileChain(en, 'a,dev', 'dev')).toThrow('Credential process resolution detected an infinite loop, profile cycle: a -> dev -> dev');
  });

  it('refuses a fifth level whatever the profile', () => {
    expect(() => nextProfileChain(en, 'a,b,c', 'd')).not.toThrow();
    expect(() => nextProfileChain(en, 'a,b,c,d', 'e')).toThrow('Maximum recursive credential process resolution reached (4).\nProfiles seen: a -> b -> c -> d');
  });

  it('the errors exit with 253, as the AWS CLI ConfigurationError', () => {
    try {
      nextProfileChain(en, 'dev', 'dev');
      expect.unreachable();
    } catch (error) {
      expect((error as { exitCode: number }).exitCode).toBe(253);
    }
  });

  it('reads and writes the row as Python csv does (quoted when needed)', () => {
    expect(formatCsvRow(['a', 'b,c', 'd"e'])).toBe('a,"b,c","d""e"');
    expect(parseCsvRow('a,"b,c","d""e"')).toEqual(['a', 'b,c', 'd"e']);
    expect(parseCsvRow('')).toEqual([]);
    expect(parseCsvRow('a,,b')).toEqual(['a', '', 'b']);
  });
});
