import { describe, expect, it } from 'vitest';
import {
  validateAccountId,
  validateName,
  validateOutput,
  validateRegion,
  validateScopes,
  validateSsoRegion,
  validateStartUrl,
} from '../../src/flows/validators.js';
import { suggestRegion } from '../../src/flows/regions.js';
import { parseScopes } from '../../src/sso/scopes.js';

// docs/compat.md checklist 17, plus the stricter rules that keep names visible to the SDKs.
describe('validators', () => {
  it.each([
    'https://d-abc123.awsapps.com/start',
    'https://d-abc123.awsapps.com/start#',
    'https://d-abc123.awsapps.com/start/',
    'https://d-abc123.awsapps.com/start-beta',
    'https://my-company.awsapps.com/start',
    'https://identitycenter.amazonaws.com/ssoins-1234567890abcdef',
    'https://start.url',
  ])('accepts start URL %s', (url) => expect(validateStartUrl(url, false)).toBe(true));

  it.each([
    ['d-abc123', 'is not a URL'],
    ['foo bar baz', 'contains spaces'],
    ['https://-bad.example.com', 'has no valid host name'],
    ['https://a\tb.com', 'control characters'],
    ['javascript:alert(1)', 'must start with https://'],
    ['http://d-abc123.awsapps.com/start', 'must start with https://'],
    ['https://user:pw@d-1.awsapps.com/start', 'user name or password'],
    [`https://d-1.awsapps.com/${'a'.repeat(10_000)}`, 'longer than 2048'],
  ])('rejects start URL %j, naming it and what is expected', (url, reason) => {
    const message = validateStartUrl(url, false);
    expect(message).toMatch(/^Not a valid Start URL: "/);
    expect(message).toContain(reason);
    expect(message).toContain('https://d-xxxxxxxxxx.awsapps.com/start');
    expect(message).toContain('AWS access portal URL');
  });

  it('accepts an empty start URL only when there is a default', () => {
    expect(validateStartUrl('', true)).toBe(true);
    expect(validateStartUrl('', false)).toMatch(/^A value is required/);
  });

  it('checks SSO regions against where Identity Center runs, with a suggestion', () => {
    expect(validateSsoRegion('ap-northeast-1')).toBe(true);
    expect(validateSsoRegion('')).toMatch(/^A value is required/);
    expect(validateSsoRegion('ap-northeast1')).toMatch(/Not a valid SSO region: "ap-northeast1". Did you mean ap-northeast-1\?/);
    expect(validateSsoRegion('US-EAST-1')).toMatch(/Did you mean us-east-1\?/);
    expect(validateSsoRegion('mars-north-1')).not.toMatch(/Did you mean/);
    expect(suggestRegion('eu_west_1')).toBe('eu-west-1');
  });

  it('checks client regions by form (new regions too)', () => {
    expect(validateRegion('us-gov-west-1')).toBe(true);
    expect(validateRegion('xx-newplace-9')).toBe(true);
    expect(validateRegion('')).toBe(true);
    expect(validateRegion('US-EAST-1')).toMatch(/Not a valid region name: "US-EAST-1". Did you mean us-east-1\?/);
  });

  it('checks output formats', () => {
    expect(validateOutput('')).toBe(true);
    expect(validateOutput('yaml-stream')).toBe(true);
    expect(validateOutput('xml')).toMatch(/Expected one of: json, text, table, yaml, yaml-stream, off/);
  });

  it('requires commas between scopes and parses them like the AWS CLI', () => {
    expect(validateScopes('value-1, value-2')).toBe(true);
    expect(validateScopes('value-1 value-2')).toMatch(/^Scope values must be separated by commas: "value-1 value-2"/);
    expect(parseScopes('scope-1, scope-2,, ')).toEqual(['scope-1', 'scope-2']);
    expect(parseScopes(undefined)).toBeUndefined();
  });

  it.each(['my-dev-profile', 'dev.admin', 'a@b', 'AdministratorAccess-111122223333'])('accepts name %s', (name) =>
    expect(validateName('profile name', name)).toBe(true),
  );
  it.each([
    ['a b', 'contains spaces'],
    ['[x]', 'cannot read'],
    ['a\nb', 'control characters'],
    ['__proto__', 'reserved'],
    ['プロファイル', 'cannot read'],
    ['x'.repeat(300), 'longer than 128'],
  ])('rejects name %j', (name, reason) => {
    const message = validateName('profile name', name);
    expect(message).toMatch(/^Not a valid profile name: "/);
    expect(message).toContain(reason);
  });

  it('checks account IDs', () => {
    expect(validateAccountId('111122223333')).toBe(true);
    expect(validateAccountId('1111')).toMatch(/Expected 12 digits/);
  });
});
