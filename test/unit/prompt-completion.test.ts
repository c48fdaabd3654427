import { describe, expect, it } from 'vitest';
import { completeInput } from '../../src/ui/prompter.js';

/** Tab at a text prompt (docs/compat.md §A10): candidates + typed text → completed text. */
describe('completeInput', () => {
  const regions = ['ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3', 'ap-south-1', 'us-east-1'];

  it('grows the word to the longest common prefix of the matches', () => {
    expect(completeInput(regions, 'ap-northe')).toBe('ap-northeast-');
    expect(completeInput(regions, 'ap-')).toBe('ap-');
    expect(completeInput(['json', 'text', 'table', 'yaml', 'yaml-stream', 'off'], 'y')).toBe('yaml');
  });

  it('completes a single match fully', () => {
    expect(completeInput(regions, 'ap-so')).toBe('ap-south-1');
    expect(completeInput(regions, 'us')).toBe('us-east-1');
    expect(completeInput(regions, 'ap-northeast-3')).toBe('ap-northeast-3');
  });

  it('leaves the text alone when nothing matches, or there is nothing to complete from', () => {
    expect(completeInput(regions, 'eu-')).toBe('eu-');
    expect(completeInput(regions, 'AP-')).toBe('AP-'); // case-sensitive, as WordCompleter
    expect(completeInput([], 'ap')).toBe('ap');
    expect(completeInput([], '')).toBe('');
  });

  it('completes only the last word, keeping what is before it', () => {
    expect(completeInput(['sso:account:access'], 'openid, sso:acc')).toBe('openid, sso:account:access');
    expect(completeInput(['development', 'dev-test'], '  dev')).toBe('  dev');
    expect(completeInput(['development', 'production'], '  dev')).toBe('  development');
  });

  it('with an empty word, goes as far as every candidate agrees', () => {
    expect(completeInput(['yaml', 'yaml-stream'], '')).toBe('yaml');
    expect(completeInput(regions, '')).toBe('');
  });
});
