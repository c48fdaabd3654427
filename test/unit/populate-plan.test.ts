import { describe, expect, it } from 'vitest';
import { nameProfiles, sanitiseProfileName, checkTemplate } from '../../src/flows/profile-names.js';
import { planPopulate, GENERATED_KEY } from '../../src/flows/populate.js';
import { MAX_RETRY_AFTER_MS, RateLimiter, withRetries } from '../../src/portal/rate-limit.js';
import { removeSection } from '../../src/config/edit.js';
import { catalogue } from '../../src/ui/messages/index.js';

const en = catalogue('en');

const access = [
  { account: { accountId: '111111111111', accountName: '本番 (Prod)/Team A', emailAddress: 'a@x' }, roles: ['AdministratorAccess', 'Data Scientist'] },
  { account: { accountId: '222222222222', accountName: 'dev' }, roles: ['ReadOnly'] },
  { account: { accountId: '333333333333', accountName: 'Dev' }, roles: ['ReadOnly'] },
];

describe('profile names', () => {
  it('sanitises to names every AWS tool reads', () => {
    expect(sanitiseProfileName('本番 (Prod)/Team A-Data Scientist')).toBe('Prod-Team-A-Data-Scientist');
    expect(sanitiseProfileName("O'Brien's [test]")).toBe('O-Brien-s-test');
    expect(sanitiseProfileName('ｆｕｌｌｗｉｄｔｈ')).toBe('fullwidth');
  });

  it('renders the template and makes clashing names unique with the account ID', () => {
    const names = nameProfiles(access, { template: '{account_name}-{role_name}', session: 's' }).map((p) => p.name);
    expect(names).toEqual(['Dev-ReadOnly-333333333333', 'Prod-Team-A-AdministratorAccess', 'Prod-Team-A-Data-Scientist', 'dev-ReadOnly-222222222222']);
    expect(nameProfiles(access, { template: '{account_id}.{role_name}', prefix: 'corp-', session: 's' })[0]!.name).toBe('corp-111111111111.AdministratorAccess');
  });

  it('rejects unknown template fields', () => {
    expect(() => checkTemplate(en, '{account}-{role_name}')).toThrow('Unknown field {account}');
  });
});

const HAND_WRITTEN =
  '# my config: do not lose\r\n[default]\r\nregion = eu-west-1 ; mine\r\n\r\n[profile Dev-ReadOnly-333333333333]\r\n# hand-written, same name\r\nregion = x\r\n\r\n[sso-session s]\r\nsso_start_url = https://d-1.awsapps.com/start\r\nsso_region = us-east-1\r\n';

describe('planPopulate', () => {
  const profiles = nameProfiles(access, { template: '{account_name}-{role_name}', session: 's' });
  const options = { ssoSession: 's', region: 'ap-northeast-1' };

  it('appends marked profiles, keeps every hand-written byte and line ending, leaves same-named hand-written profiles alone', () => {
    const existing = { default: { region: 'eu-west-1' }, 'Dev-ReadOnly-333333333333': { region: 'x' } };
    const { text, result } = planPopulate(HAND_WRITTEN, existing, profiles, options, new Set());
    expect(text.startsWith(HAND_WRITTEN)).toBe(true);
    expect(text.slice(HAND_WRITTEN.length)).not.toMatch(/[^\r]\n/);
    expect(result.skipped).toEqual(['Dev-ReadOnly-333333333333']);
    expect(result.added).toHaveLength(3);
    expect(text).toContain(`[profile dev-ReadOnly-222222222222]\r\nsso_session = s\r\nsso_account_id = 222222222222\r\nsso_role_name = ReadOnly\r\nregion = ap-northeast-1\r\n${GENERATED_KEY} = true\r\n`);
  });

  it('a second run with the same access changes nothing; --prune removes only its own vanished profiles', () => {
    const first = planPopulate('', {}, profiles, options, new Set()).text;
    const parsed = Object.fromEntries(
      profiles.map((p) => [p.name, { sso_session: 's', sso_account_id: p.account.accountId, sso_role_name: p.roleName, region: 'ap-northeast-1', [GENERATED_KEY]: 'true' }]),
    );
    const again = planPopulate(first, parsed, profiles, options, new Set());
    expect(again.text).toBe(first);
    expect(again.result.unchanged).toBe(profiles.length);

    const withOther = first + '[profile other-session]\nsso_session = t\nsso_setup_generated = true\n';
    const fewer = profiles.filter((p) => p.account.accountId !== '222222222222');
    const pruned = planPopulate(withOther, { ...parsed, 'other-session': { sso_session: 't', [GENERATED_KEY]: 'true' } }, fewer, { ...options, prune: true }, new Set());
    expect(pruned.result.removed).toEqual(['dev-ReadOnly-222222222222']);
    expect(pruned.text).toBe(removeSection(withOther, 'profile dev-ReadOnly-222222222222'));
    // An account that could not be listed keeps its profiles.
    const kept = planPopulate(withOther, parsed, fewer, { ...options, prune: true }, new Set(['222222222222']));
    expect(kept.result.removed).toEqual([]);
  });
});

describe('rate limiting', () => {
  const virtual = () => {
    let now = 0;
    const sleeps: number[] = [];
    return { sleeps, clock: { now: () => now, sleep: async (ms: number) => void (sleeps.push(ms), (now += ms)) } };
  };

  it('spaces requests evenly at the rate', async () => {
    const { clock } = virtual();
    const limiter = new RateLimiter(20, clock);
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      await limiter.acquire();
      times.push(clock.now());
    }
    expect(times).toEqual([0, 50, 100, 150, 200]);
  });

  it('retries a 429 no sooner than Retry-After, with jittered backoff, and gives up on other errors', async () => {
    const { clock, sleeps } = virtual();
    const limiter = new RateLimiter(1000, clock);
    const throttled = Object.assign(new Error('slow down'), {
      name: 'TooManyRequestsException',
      $metadata: { httpStatusCode: 429 },
      $response: { headers: { 'retry-after': '2' } },
    });
    let calls = 0;
    const value = await withRetries(async () => (++calls < 3 ? Promise.reject(throttled) : 'ok'), limiter, clock, {
      attempts: 5, baseDelayMs: 100, maxDelayMs: 1000, random: () => 0.5,
    });
    expect(value).toBe('ok');
    expect(sleeps.filter((s) => s >= 2000)).toHaveLength(2);
    const forbidden = Object.assign(new Error('no'), { name: 'ForbiddenException', $metadata: { httpStatusCode: 403 } });
    await expect(withRetries(() => Promise.reject(forbidden), limiter, clock)).rejects.toBe(forbidden);
  });

  it('waits at most MAX_RETRY_AFTER_MS however long a Retry-After asks, and says so', async () => {
    const { clock, sleeps } = virtual();
    const limiter = new RateLimiter(1000, clock);
    const throttled = (seconds: string) =>
      Object.assign(new Error('slow down'), { name: 'TooManyRequestsException', $metadata: { httpStatusCode: 429 }, $response: { headers: { 'retry-after': seconds } } });
    const capped: Array<[number, number]> = [];
    let calls = 0;
    const answers = ['7200', '60', '1e9'];
    const value = await withRetries(
      async () => (calls < answers.length ? Promise.reject(throttled(answers[calls++]!)) : 'ok'),
      limiter,
      clock,
      { attempts: 5, baseDelayMs: 100, maxDelayMs: 1000, random: () => 0.5 },
      undefined,
      (asked, wait) => void capped.push([asked, wait]),
    );
    expect(value).toBe('ok');
    expect(MAX_RETRY_AFTER_MS).toBe(60_000);
    expect(Math.max(...sleeps)).toBe(MAX_RETRY_AFTER_MS);
    // 60 s is obeyed as asked (no message); 7200 s and 1e9 s are cut to 60 s, with a message each.
    expect(capped).toEqual([[7_200_000, 60_000], [1e12, 60_000]]);
  });
});
