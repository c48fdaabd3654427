import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { botocoreSsoProblems, staleSessionKeys } from '../../src/config/consistency.js';
import type { ConfigSection } from '../../src/config/read.js';

const URL = 'https://d-9067c0ab12.awsapps.com/start';
const OTHER = 'https://d-0000000000.awsapps.com/start';
const session = { sso_start_url: URL, sso_region: 'us-east-1', sso_registration_scopes: 'sso:account:access' };
const sessions = { corp: session };
const role = { sso_account_id: '123456789012', sso_role_name: 'Admin' };

/**
 * The cases of botocore's own tests for SSOProvider with an sso-session
 * (tests/unit/test_credentials.py: TestSSOCredentialProvider), plus the ones item 3 is about.
 * Each: the profile, and which keys botocore calls inconsistent (null: the session is missing).
 */
const CASES: Array<[name: string, profile: ConfigSection, inconsistent: string[] | null]> = [
  ['session values only in the session', { sso_session: 'corp', ...role }, []],
  ['the same values in profile and session', { sso_session: 'corp', sso_start_url: URL, sso_region: 'us-east-1', ...role }, []],
  ['a different start URL (the converted legacy profile)', { sso_session: 'corp', sso_start_url: OTHER, ...role }, ['sso_start_url']],
  ['a different SSO region', { sso_session: 'corp', sso_region: 'eu-west-1', ...role }, ['sso_region']],
  ['both different', { sso_session: 'corp', sso_start_url: OTHER, sso_region: 'eu-west-1', ...role }, ['sso_start_url', 'sso_region']],
  ['a trailing slash counts (exact strings)', { sso_session: 'corp', sso_start_url: `${URL}/`, ...role }, ['sso_start_url']],
  ['different scopes', { sso_session: 'corp', sso_registration_scopes: 'a', ...role }, ['sso_registration_scopes']],
  ['keys the session lacks are not compared', { sso_session: 'corp', sso_use_device_code: 'true', ...role }, []],
  ['no sso_role_name or sso_account_id: botocore does not use the SSO provider', { sso_session: 'corp', sso_start_url: OTHER }, []],
  ['only sso_account_id is enough for the check', { sso_session: 'corp', sso_start_url: OTHER, sso_account_id: '123456789012' }, ['sso_start_url']],
  ['a legacy profile is not checked', { sso_start_url: OTHER, sso_region: 'eu-west-1', ...role }, []],
  ['a missing session', { sso_session: 'nope', ...role }, null],
];

describe("botocore's consistency rules for a profile with an sso-session (issue 12 item 3)", () => {
  it.each(CASES)('%s', (_, profile, inconsistent) => {
    const problems = botocoreSsoProblems(profile, sessions);
    if (inconsistent === null) expect(problems).toEqual([{ kind: 'missing-session', session: 'nope' }]);
    else expect(problems.map((p) => (p.kind === 'inconsistent' ? p.key : p.kind))).toEqual(inconsistent);
  });

  it('names both values', () => {
    expect(botocoreSsoProblems({ sso_session: 'corp', sso_region: 'eu-west-1', ...role }, sessions)).toEqual([
      { kind: 'inconsistent', session: 'corp', key: 'sso_region', profileValue: 'eu-west-1', sessionValue: 'us-east-1' },
    ]);
  });

  it('a session called __proto__ or constructor is not found on the prototype', () => {
    expect(botocoreSsoProblems({ sso_session: 'constructor', ...role }, {})).toEqual([{ kind: 'missing-session', session: 'constructor' }]);
  });

  it('agrees with botocore itself on every case (python3: SSOProvider._load_sso_config)', () => {
    const script = [
      'import json, sys',
      'from botocore.credentials import SSOProvider',
      'from botocore.exceptions import InvalidConfigError',
      'cases = json.load(sys.stdin)',
      'out = []',
      'for profile, sessions in cases:',
      "    p = SSOProvider(lambda: {'profiles': {'p': profile}, 'sso_sessions': sessions}, None, 'p', cache={}, token_cache={})",
      '    try:',
      '        p._load_sso_config()',
      "        out.append('ok')",
      '    except InvalidConfigError as e:',
      "        out.append('missing' if 'does not exist' in str(e) else 'inconsistent' if 'inconsistent' in str(e) else 'other')",
      'print(json.dumps(out))',
    ].join('\n');
    const input = JSON.stringify(CASES.map(([, profile]) => [profile, sessions]));
    const result = spawnSync('python3', ['-c', script], { input, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`python3 with botocore is needed for this test: ${result.error?.message ?? result.stderr}`);
    const botocore = JSON.parse(result.stdout) as string[];
    const ours = CASES.map(([, profile]) => {
      const problems = botocoreSsoProblems(profile, sessions);
      if (problems.length === 0) return 'ok';
      return problems[0]!.kind === 'missing-session' ? 'missing' : 'inconsistent';
    });
    expect(ours).toEqual(botocore);
  });
});

describe('the keys configure removes from a profile it writes with sso_session', () => {
  it('removes the session keys whose values differ, keeps equal ones and every other key', () => {
    expect(staleSessionKeys({ sso_start_url: OTHER, sso_region: 'us-east-1', region: 'eu-west-1', ...role }, session)).toEqual(['sso_start_url']);
    expect(staleSessionKeys({ SSO_Region: 'eu-west-1', sso_registration_scopes: 'x' }, session)).toEqual(['SSO_Region', 'sso_registration_scopes']);
    expect(staleSessionKeys({ sso_start_url: URL, sso_region: 'us-east-1' }, session)).toEqual([]);
    expect(staleSessionKeys({ sso_registration_scopes: 'x' }, { sso_start_url: URL, sso_region: 'us-east-1' })).toEqual([]);
  });
});
