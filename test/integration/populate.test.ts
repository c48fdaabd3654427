import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import { appendFileSync } from 'node:fs';
import path from 'node:path';
import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import { generateOrganisation, startEmulator, type Emulator } from '../emulator/server.js';
import { populate, GENERATED_KEY } from '../../src/flows/populate.js';
import { login } from '../../src/flows/login.js';
import { makeHome, testContext } from '../helpers/sandbox.js';

const START_URL = 'https://d-9067c0ab12.awsapps.com/start';
const HAND_WRITTEN =
  '# Team settings — keep every byte of this\n[default]\nregion = eu-west-1  # inline comment\n\n' +
  '; a hand-written profile\n[profile mine]\nregion = us-east-1\ns3 =\n  max_concurrent_requests = 10\n\n' +
  `[sso-session corp]\nsso_start_url = ${START_URL}\nsso_region = ap-northeast-1\nsso_registration_scopes = sso:account:access\n`;

let emulator: Emulator;
let home: string;
let cleanup: () => Promise<void>;
const configFile = () => path.join(home, '.aws', 'config');

beforeEach(async () => {
  ({ home, cleanup } = await makeHome());
  await writeFile(configFile(), HAND_WRITTEN);
});
afterEach(async () => {
  await emulator?.close();
  await cleanup();
});

async function signedInContext(options: Parameters<typeof startEmulator>[0]) {
  emulator = await startEmulator({ interval: 1, autoApprove: true, ...options });
  const ctx = testContext({ home, emulator });
  await login(ctx, { profile: 'x', ssoSession: 'corp' });
  return ctx;
}

describe('populate against the emulator', () => {
  it('writes one marked profile per account × role, keeps hand-written bytes, and a re-run changes nothing', async () => {
    const org = generateOrganisation({ accounts: 40, minRoles: 1, maxRoles: 5, seed: 7, startUrl: START_URL, region: 'ap-northeast-1' });
    const pairs = org.accounts.reduce((n, a) => n + a.roles.length, 0);
    const ctx = await signedInContext({ org, throttle: { ratePerSecond: 200 } });
    const result = await populate(ctx, { ssoSession: 'corp', region: 'ap-northeast-1', rate: 200 });
    expect(result.failures).toEqual([]);
    expect(result.added).toHaveLength(pairs);
    const text = await readFile(configFile(), 'utf8');
    expect(text.startsWith(HAND_WRITTEN)).toBe(true);

    // Every generated profile is read back by the SDK's loader as an SSO profile.
    const { configFile: parsed } = await loadSharedConfigFiles({ configFilepath: configFile(), filepath: path.join(home, 'none'), ignoreCache: true });
    const generated = Object.entries(parsed).filter(([, s]) => s[GENERATED_KEY] === 'true');
    expect(generated).toHaveLength(pairs);
    for (const [, section] of generated) expect(section).toMatchObject({ sso_session: 'corp', sso_account_id: expect.stringMatching(/^\d{12}$/) });

    const again = await populate(ctx, { ssoSession: 'corp', region: 'ap-northeast-1', rate: 200 });
    expect(again).toMatchObject({ added: [], updated: [], removed: [], unchanged: pairs, configChanged: false });
    expect(await readFile(configFile(), 'utf8')).toBe(text);
  });

  it('throttled at 20 requests/s while asking for 40: retries with backoff, loses nothing', async () => {
    const org = generateOrganisation({ accounts: 30, seed: 3, startUrl: START_URL, region: 'ap-northeast-1' });
    const ctx = await signedInContext({ org, throttle: { ratePerSecond: 20, burst: 5 } });
    const result = await populate(ctx, { ssoSession: 'corp', rate: 40 });
    expect(result.failures).toEqual([]);
    expect(result.retries).toBeGreaterThan(0);
    expect(emulator.stats().throttled.ListAccountRoles ?? 0).toBeGreaterThan(0);
    expect(result.added).toHaveLength(org.accounts.reduce((n, a) => n + a.roles.length, 0));
  });

  it('a Retry-After of two hours holds populate back one minute, and the user is told', async () => {
    const org = generateOrganisation({ accounts: 3, seed: 9, startUrl: START_URL, region: 'ap-northeast-1' });
    const ctx = await signedInContext({ org });
    // Virtual time from here on: sleeping only records the wait.
    let now = Date.now();
    const sleeps: number[] = [];
    ctx.clock = { now: () => now, sleep: async (ms) => void (sleeps.push(ms), (now += ms)) };
    emulator.injectFault('ListAccounts', { status: 429, errorType: 'TooManyRequestsException', retryAfter: 7200 });
    const result = await populate(ctx, { ssoSession: 'corp' });
    expect(result.failures).toEqual([]);
    expect(result.added.length).toBeGreaterThan(0);
    expect(Math.max(...sleeps)).toBe(60_000);
    expect(ctx.output()).toContain('IAM Identity Center asked to wait 7200 s before retrying (Retry-After); waiting 60 s instead, then retrying.');
  });

  it('accounts that fail are listed at the end with the reason and a non-zero exit; the rest are written', async () => {
    const org = generateOrganisation({ accounts: 6, seed: 5, startUrl: START_URL, region: 'ap-northeast-1' });
    const ctx = await signedInContext({ org });
    emulator.injectFault('ListAccountRoles', { status: 403, errorType: 'ForbiddenException', message: 'No access', count: 2 });
    const error = (await populate(ctx, { ssoSession: 'corp' }).then(
      () => undefined,
      (e: unknown) => e,
    )) as Error & { exitCode: number };
    expect(error).toBeInstanceOf(Error);
    expect(error.exitCode).toBe(1);
    expect(error.message).toMatch(/The roles of 2 account\(s\) could not be listed/);
    expect(error.message).toMatch(/ForbiddenException: No access/);
    const text = await readFile(configFile(), 'utf8');
    expect(text.match(new RegExp(`${GENERATED_KEY} = true`, 'g'))!.length).toBeGreaterThan(0);
  });

  it('a config changed by another program during the listing is left as that program wrote it', async () => {
    const org = generateOrganisation({ accounts: 5, seed: 9, startUrl: START_URL, region: 'ap-northeast-1' });
    let edited = false;
    const ctx = await signedInContext({
      org,
      onCall: (call) => {
        if (call.op === 'ListAccountRoles' && !edited) {
          edited = true;
          appendFileSync(configFile(), '[profile added-meanwhile]\nregion = us-east-1\n');
        }
      },
    });
    await expect(populate(ctx, { ssoSession: 'corp' })).rejects.toThrow(/was changed by another program while populate was listing accounts; nothing was written/);
    expect(await readFile(configFile(), 'utf8')).toBe(`${HAND_WRITTEN}[profile added-meanwhile]\nregion = us-east-1\n`);
  });

  it('--dry-run prints a unified diff and writes nothing', async () => {
    const ctx = await signedInContext({});
    await populate(ctx, { ssoSession: 'corp', dryRun: true });
    expect(await readFile(configFile(), 'utf8')).toBe(HAND_WRITTEN);
    expect(ctx.output()).toMatch(/^\+\[profile Development-AdministratorAccess\]$/m);
    expect(ctx.output()).toMatch(/^@@ /m);
  });
});
