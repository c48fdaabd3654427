import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { startEmulator, type Emulator } from '../emulator/server.js';
import { configure } from '../../src/flows/configure.js';
import { configureSsoSession } from '../../src/flows/configure-sso-session.js';
import { login } from '../../src/flows/login.js';
import { tokenCacheKey } from '../../src/sso/cache.js';
import { choose, makeHome, ScriptedPrompter, testContext } from '../helpers/sandbox.js';

/**
 * Custom-domain ("vanity") start URLs end to end (docs/compat.md §A6): the emulator plays the
 * custom domain `sso.example.com` (its `/start` answers a redirect to the organisation's
 * AWS-owned portal URL, `https://ssoins-….portal.ap-northeast-1.app.aws/start`), and only that
 * resolved URL is accepted by StartDeviceAuthorization and as RegisterClient's issuerUrl.
 */

const VANITY = 'https://sso.example.com/start';
const RESOLVED = 'https://ssoins-7907a2c1d4e5f6a7.portal.ap-northeast-1.app.aws/start';
let emulator: Emulator;
let home: string;
let cleanup: () => Promise<void>;
const configFile = () => path.join(home, '.aws', 'config');
const readConfig = () => readFile(configFile(), 'utf8').catch(() => '');

beforeEach(async () => {
  ({ home, cleanup } = await makeHome());
});

afterEach(async () => {
  await emulator?.close();
  await cleanup();
});

describe('configure sso-session with a custom domain', () => {
  beforeEach(async () => {
    emulator = await startEmulator();
  });

  it('reads the region from the portal the domain redirects to and skips the region prompt; the typed URL is written', async () => {
    const prompter = new ScriptedPrompter(['corp', VANITY, '']);
    const ctx = testContext({ home, emulator, prompter });
    const result = await configureSsoSession(ctx, {});
    expect(prompter.asked).toEqual(['SSO session name', 'SSO start URL [None]', 'SSO registration scopes [sso:account:access]']);
    expect(result.resolvedStartUrl).toBe(RESOLVED);
    expect(await readConfig()).toBe(
      `[sso-session corp]\nsso_start_url = ${VANITY}\nsso_region = ap-northeast-1\nsso_registration_scopes = sso:account:access\n`,
    );
    expect(emulator.calls.map((c) => c.op)).toEqual(['CustomDomain']);
  });

  it('sends GET when HEAD is answered 405', async () => {
    await emulator.close();
    emulator = await startEmulator({ customDomain: { headStatus: 405 } });
    const ctx = testContext({ home, emulator, prompter: new ScriptedPrompter(['corp', VANITY, '']) });
    const result = await configureSsoSession(ctx, {});
    expect(result.values.sso_region).toBe('ap-northeast-1');
    expect(emulator.calls.map((c) => [c.op, c.status])).toEqual([
      ['CustomDomain', 405],
      ['CustomDomain', 302],
    ]);
  });

  it('refuses a domain that redirects off AWS, with the AWS CLI\'s message, and writes nothing', async () => {
    await emulator.close();
    emulator = await startEmulator({ customDomain: { location: 'https://login.example.net/start?x=1' } });
    const ctx = testContext({ home, emulator, prompter: new ScriptedPrompter(['corp', VANITY, 'us-east-1', '']) });
    const failure = configureSsoSession(ctx, {});
    await expect(failure).rejects.toThrow(
      `Could not resolve start URL '${VANITY}' to an AWS-owned endpoint. Final URL: 'https://login.example.net/start'`,
    );
    await expect(failure).rejects.toMatchObject({ exitCode: 253 });
    expect(await readConfig()).toBe('');
  });

  it('refuses a redirect to an AWS host over http', async () => {
    await emulator.close();
    emulator = await startEmulator({ customDomain: { location: 'http://ssoins-1.portal.us-east-1.app.aws/start' } });
    const ctx = testContext({ home, emulator, prompter: new ScriptedPrompter(['corp', VANITY]) });
    await expect(configureSsoSession(ctx, {})).rejects.toThrow(
      "Resolved URL must use https. Got: 'http://ssoins-1.portal.us-east-1.app.aws/start'",
    );
    expect(await readConfig()).toBe('');
  });

  it('falls back to the region prompt when the domain does not answer within the timeout', async () => {
    emulator.injectFault('CustomDomain', { kind: 'delay', ms: 5_000 });
    const prompter = new ScriptedPrompter(['corp', VANITY, 'eu-west-1', '']);
    const ctx = testContext({ home, emulator, prompter, resolveTimeoutMs: 200 });
    const result = await configureSsoSession(ctx, {});
    expect(prompter.asked).toContain('SSO region [None]');
    expect(result.values.sso_region).toBe('eu-west-1');
    expect(ctx.output()).toContain('Failed to resolve start URL: timed out after 0.2 s. Enter the SSO region instead.\n');
  });

  it('falls back to the region prompt when the host has no portal region (an awsapps.com redirect)', async () => {
    await emulator.close();
    emulator = await startEmulator({ customDomain: { location: 'https://d-9067c0ab12.awsapps.com/start' } });
    const prompter = new ScriptedPrompter(['corp', VANITY, 'ap-northeast-1', '']);
    const ctx = testContext({ home, emulator, prompter });
    const result = await configureSsoSession(ctx, {});
    expect(prompter.asked).toContain('SSO region [None]');
    expect(result.resolvedStartUrl).toBe('https://d-9067c0ab12.awsapps.com/start');
  });

  it('asks nothing about the region for an AWS-owned start URL: no request is made', async () => {
    const prompter = new ScriptedPrompter(['corp', 'https://d-9067c0ab12.awsapps.com/start', 'ap-northeast-1', '']);
    const ctx = testContext({ home, emulator, prompter });
    await configureSsoSession(ctx, {});
    expect(prompter.asked).toContain('SSO region [None]');
    expect(emulator.calls).toEqual([]);
  });
});

describe('configure with a custom domain', () => {
  beforeEach(async () => {
    emulator = await startEmulator({ interval: 1 });
  });

  it('a legacy profile signs in at the resolved URL (device flow) and keeps the typed URL', async () => {
    const prompter = new ScriptedPrompter(['', VANITY, choose('Development'), choose('AdministratorAccess'), '', '', 'dev']);
    const ctx = testContext({ home, emulator, prompter });
    await configure(ctx, { verify: false });
    expect(prompter.asked).not.toContain('SSO region [None]');
    const config = await readConfig();
    expect(config).toContain(`[profile dev]\nsso_start_url = ${VANITY}\nsso_region = ap-northeast-1\n`);
    expect(emulator.calls.map((c) => c.op)).toContain('StartDeviceAuthorization');
    expect(emulator.calls.find((c) => c.op === 'StartDeviceAuthorization')?.status).toBe(200);
  });

  it('a new sso-session signs in with the resolved URL as issuerUrl (PKCE)', async () => {
    const prompter = new ScriptedPrompter(['corp', VANITY, '', choose('Development'), choose('AdministratorAccess'), '', '', 'dev']);
    const ctx = testContext({ home, emulator, prompter });
    await configure(ctx, { verify: false });
    expect(emulator.calls.find((c) => c.op === 'RegisterClient')?.status).toBe(200);
    const config = await readConfig();
    expect(config).toContain(`[sso-session corp]\nsso_start_url = ${VANITY}\nsso_region = ap-northeast-1\n`);
    const tokenFile = path.join(home, '.aws', 'sso', 'cache', `${tokenCacheKey({ sessionName: 'corp', startUrl: VANITY })}.json`);
    expect(JSON.parse(await readFile(tokenFile, 'utf8')).startUrl).toBe(VANITY);
  });
});

describe('login with a custom domain', () => {
  beforeEach(async () => {
    emulator = await startEmulator({ interval: 1 });
  });

  it('signs in at the resolved URL and writes the region back once (checklist 35)', async () => {
    await writeFile(configFile(), `[profile legacy]\nsso_start_url = ${VANITY}\nsso_region = us-east-1\n`);
    const ctx = testContext({ home, emulator });
    await login(ctx, { profile: 'legacy' });
    expect(ctx.output()).toContain(`SSO region updated to ap-northeast-1\nSuccessfully logged into Start URL: ${VANITY}\n`);
    expect(await readConfig()).toBe(`[profile legacy]\nsso_start_url = ${VANITY}\nsso_region = ap-northeast-1\n`);

    const again = testContext({ home, emulator });
    await login(again, { profile: 'legacy', force: true });
    expect(again.output()).not.toContain('SSO region updated');
  });

  it('writes the region into the sso-session section', async () => {
    await writeFile(configFile(), `[sso-session corp]\nsso_start_url = ${VANITY}\nsso_region = us-east-1\n`);
    const ctx = testContext({ home, emulator });
    await login(ctx, { profile: 'default', ssoSession: 'corp' });
    expect(await readConfig()).toBe(`[sso-session corp]\nsso_start_url = ${VANITY}\nsso_region = ap-northeast-1\n`);
  });

  it('refuses a domain that redirects off AWS and changes nothing', async () => {
    await emulator.close();
    emulator = await startEmulator({ customDomain: { location: 'https://evil.example.net/start' } });
    const before = `[profile legacy]\nsso_start_url = ${VANITY}\nsso_region = us-east-1\n`;
    await writeFile(configFile(), before);
    const ctx = testContext({ home, emulator });
    await expect(login(ctx, { profile: 'legacy' })).rejects.toMatchObject({
      exitCode: 253,
      message: `Could not resolve start URL '${VANITY}' to an AWS-owned endpoint. Final URL: 'https://evil.example.net/start'`,
    });
    expect(await readConfig()).toBe(before);
    expect(emulator.calls.map((c) => c.op)).toEqual(['CustomDomain']);
  });

  it('fails when the domain does not answer, and changes nothing', async () => {
    emulator.injectFault('CustomDomain', { kind: 'delay', ms: 5_000 });
    await writeFile(configFile(), `[profile legacy]\nsso_start_url = ${VANITY}\nsso_region = us-east-1\n`);
    const ctx = testContext({ home, emulator, resolveTimeoutMs: 200 });
    await expect(login(ctx, { profile: 'legacy' })).rejects.toThrow('Failed to resolve start URL: timed out after 0.2 s');
  });

  it('requires https (the AWS CLI 2.35+ rule)', async () => {
    await writeFile(configFile(), `[profile legacy]\nsso_start_url = http://d-9067c0ab12.awsapps.com/start\nsso_region = ap-northeast-1\n`);
    const ctx = testContext({ home, emulator });
    await expect(login(ctx, { profile: 'legacy' })).rejects.toMatchObject({
      exitCode: 253,
      message: 'The sso_start_url must use the https scheme.',
    });
    expect(emulator.calls).toEqual([]);
  });
});
