import { describe, expect, it } from 'vitest';
import {
  validateName,
  validateOutput,
  validateRegion,
  validateScopes,
  validateStartUrl,
} from '../../src/flows/validators.js';
import { parseScopes } from '../../src/sso/sign-in.js';

// compat.md checklist 17, plus the stricter rules that keep names visible to the SDKs.
describe('validators', () => {
  it.each([
    'https://d-abc123.awsapps.com/start',
    'https://d-abc123.awsapps.com/start#',
    'https://d-abc123.awsapps.com/start/',
    'https://d-abc123.awsapps.com/start-beta',
    'https://start.url',
  ])('accepts start URL %s', (url) => expect(validateStartUrl(url, false)).toBe(true));

  it.each(['d-abc123', 'foo bar baz', 'https://-bad.example.com', 'https://a\tb.com', 'javascript:alert(1)'])(
    'rejects start URL %s',
    (url) => expect(validateStartUrl(url, false)).toBe('Not a valid Start URL'),
  );

  it('accepts an empty start URL only when there is a default', () => {
    expect(validateStartUrl('', true)).toBe(true);
    expect(validateStartUrl('', false)).toBe('Not a valid Start URL');
  });

  it('checks regions', () => {
    expect(validateRegion('ap-northeast-1', true)).toBe(true);
    expect(validateRegion('us-gov-west-1', true)).toBe(true);
    expect(validateRegion('', true)).toBe('A value is required');
    expect(validateRegion('', false)).toBe(true);
    expect(validateRegion('US-EAST-1', false)).toMatch(/Not a valid region name: "US-EAST-1"/);
  });

  it('checks output formats', () => {
    expect(validateOutput('')).toBe(true);
    expect(validateOutput('yaml-stream')).toBe(true);
    expect(validateOutput('xml')).toMatch(/Expected one of: json, text, table, yaml, yaml-stream, off/);
  });

  it('requires commas between scopes and parses them like the AWS CLI', () => {
    expect(validateScopes('value-1, value-2')).toBe(true);
    expect(validateScopes('value-1 value-2')).toBe('Scope values must be separated by commas');
    expect(parseScopes('scope-1, scope-2,, ')).toEqual(['scope-1', 'scope-2']);
    expect(parseScopes(undefined)).toBeUndefined();
  });

  it.each(['my-dev-profile', 'dev.admin', 'a@b', 'AdministratorAccess-111122223333'])('accepts name %s', (name) =>
    expect(validateName('profile name', name)).toBe(true),
  );
  it.each(['a b', '[x]', 'a\nb', '__proto__', 'プロファイル'])('rejects name %j', (name) =>
    expect(validateName('profile name', name)).toMatch(/Not a valid profile name/),
  );
});
