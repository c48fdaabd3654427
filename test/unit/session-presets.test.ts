import { describe, expect, it } from 'vitest';
import { sameScopes, sameStartUrl, sessionPresetConflicts } from '../../src/flows/session-presets.js';

const URL = 'https://d-9067c0ab12.awsapps.com/start';
const session = { sso_start_url: URL, sso_region: 'us-west-2', sso_registration_scopes: 'sso:account:access, codewhisperer:completions' };

describe('session flags against an existing sso-session (issue 12 item 2)', () => {
  it('start URLs differing only by one trailing slash are the same portal; anything else differs', () => {
    expect(sameStartUrl(URL, `${URL}/`)).toBe(true);
    expect(sameStartUrl(`${URL}/`, URL)).toBe(true);
    expect(sameStartUrl(URL, `${URL}//`)).toBe(false);
    expect(sameStartUrl(URL, 'https://d-0000000000.awsapps.com/start')).toBe(false);
    expect(sameStartUrl(URL, `${URL}-beta`)).toBe(false);
  });

  it('scopes compare as sets, parsed as the AWS CLI parses them', () => {
    expect(sameScopes('a, b', 'b,a')).toBe(true);
    expect(sameScopes('a,,a', 'a')).toBe(true);
    expect(sameScopes('a', 'a, b')).toBe(false);
    expect(sameScopes('sso:account:access', undefined)).toBe(false);
  });

  it('equal, empty and absent flags are no conflict', () => {
    expect(sessionPresetConflicts({}, session)).toEqual([]);
    expect(sessionPresetConflicts({ startUrl: '', ssoRegion: ' ', scopes: '' }, session)).toEqual([]);
    expect(
      sessionPresetConflicts({ startUrl: ` ${URL}/ `, ssoRegion: 'us-west-2', scopes: 'codewhisperer:completions,sso:account:access' }, session),
    ).toEqual([]);
  });

  it('names every differing flag with both values, in flag order', () => {
    expect(
      sessionPresetConflicts({ startUrl: 'https://other.awsapps.com/start', ssoRegion: 'eu-west-1', scopes: 'sso:account:access' }, session),
    ).toEqual([
      { flag: 'start-url', given: 'https://other.awsapps.com/start', existing: URL },
      { flag: 'sso-region', given: 'eu-west-1', existing: 'us-west-2' },
      { flag: 'scopes', given: 'sso:account:access', existing: 'sso:account:access, codewhisperer:completions' },
    ]);
  });

  it('a key the session lacks differs from any value given', () => {
    expect(sessionPresetConflicts({ scopes: 'sso:account:access' }, { sso_start_url: URL, sso_region: 'us-west-2' })).toEqual([
      { flag: 'scopes', given: 'sso:account:access', existing: undefined },
    ]);
  });
});
