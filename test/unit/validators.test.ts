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
import { catalogue } from '../../src/ui/messages/index.js';

const en = catalogue('en');

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
    // Spellings whose host is still the one typed.
    'HTTPS://D-ABC123.awsapps.com/start',
    'https://d-abc123.awsapps.com:443/start',
    'https://d-abc123.awsapps.com./start',
    'https://d-abc123.awsapps.com?x=1',
  ])('accepts start URL %s', (url) => expect(validateStartUrl(en, url, false)).toBe(true));

  // The WHATWG URL parser reads another host than the one typed (or one where none was).
  it.each([
    ['https:///start', 'has no host name right after https://'],
    ['https:start', 'has no host name right after https://'],
    ['https:/d-1.awsapps.com/start', 'has no host name right after https://'],
    ['https:\\\\d-1.awsapps.com\\start', 'has no host name right after https://'],
    ['https://d-1.awsapps.com\\start', 'would be read as host "d-1.awsapps.com", which is not the host name typed'],
    ['https://d%2D1.awsapps.com/start', 'would be read as host "d-1.awsapps.com"'],
    ['https://0x7f.1/start', 'would be read as host "127.0.0.1"'],
    ['https://bücher.example/start', 'would be read as host "xn--bcher-kva.example"'],
  ])('rejects start URL %j whose host is not the one typed, naming the value', (url, reason) => {
    const message = validateStartUrl(en, url, false);
    expect(message).toMatch(/^Not a valid Start URL: "/);
    expect(message).toContain(JSON.stringify(url));
    expect(message).toContain(reason);
  });

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
    const message = validateStartUrl(en, url, false);
    expect(message).toMatch(/^Not a valid Start URL: "/);
    expect(message).toContain(reason);
    expect(message).toContain('https://d-xxxxxxxxxx.awsapps.com/start');
    expect(message).toContain('AWS access portal URL');
  });

  it('accepts an empty start URL only when there is a default', () => {
    expect(validateStartUrl(en, '', true)).toBe(true);
    expect(validateStartUrl(en, '', false)).toMatch(/^A value is required/);
  });

  it('checks SSO regions against where Identity Center runs, with a suggestion', () => {
    expect(validateSsoRegion(en, 'ap-northeast-1')).toBe(true);
    expect(validateSsoRegion(en, '')).toMatch(/^A value is required/);
    expect(validateSsoRegion(en, 'ap-northeast1')).toMatch(/Not a valid SSO region: "ap-northeast1". Did you mean ap-northeast-1\?/);
    expect(validateSsoRegion(en, 'US-EAST-1')).toMatch(/Did you mean us-east-1\?/);
    expect(validateSsoRegion(en, 'mars-north-1')).not.toMatch(/Did you mean/);
    expect(suggestRegion('eu_west_1')).toBe('eu-west-1');
  });

  it('checks client regions by form (new regions too)', () => {
    expect(validateRegion(en, 'us-gov-west-1')).toBe(true);
    expect(validateRegion(en, 'xx-newplace-9')).toBe(true);
    expect(validateRegion(en, '')).toBe(true);
    expect(validateRegion(en, 'US-EAST-1')).toMatch(/Not a valid region name: "US-EAST-1". Did you mean us-east-1\?/);
  });

  it('checks output formats', () => {
    expect(validateOutput(en, '')).toBe(true);
    expect(validateOutput(en, 'yaml-stream')).toBe(true);
    expect(validateOutput(en, 'xml')).toMatch(/Expected one of: json, text, table, yaml, yaml-stream, off/);
  });

  it('requires commas between scopes and parses them like the AWS CLI', () => {
    expect(validateScopes(en, 'value-1, value-2')).toBe(true);
    expect(validateScopes(en, 'value-1 value-2')).toMatch(/^Scope values must be separated by commas: "value-1 value-2"/);
    expect(parseScopes('scope-1, scope-2,, ')).toEqual(['scope-1', 'scope-2']);
    expect(parseScopes(undefined)).toBeUndefined();
  });

  it.each(['my-dev-profile', 'dev.admin', 'a@b', 'AdministratorAccess-111122223333'])('accepts name %s', (name) =>
    expect(validateName(en, 'profile name', name)).toBe(true),
  );
  it.each([
    ['a b', 'contains spaces'],
    ['[x]', 'cannot read'],
    ['a\nb', 'control characters'],
    ['__proto__', 'reserved'],
    ['プロファイル', 'cannot read'],
    ['x'.repeat(300), 'longer than 128'],
  ])('rejects name %j', (name, reason) => {
    const message = validateName(en, 'profile name', name);
    expect(message).toMatch(/^Not a valid profile name: "/);
    expect(message).toContain(reason);
  });

  it('checks account IDs', () => {
    expect(validateAccountId(en, '111122223333')).toBe(true);
    expect(validateAccountId(en, '1111')).toMatch(/Expected 12 digits/);
  });
});
