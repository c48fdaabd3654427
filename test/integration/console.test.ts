import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { startEmulator, type Emulator } from '../emulator/server.js';
import { login } from '../../src/flows/login.js';
import { openConsole } from '../../src/flows/console.js';
import { createDebugLog } from '../../src/ui/debug-log.js';
import { makeHome, testContext, type TestContext } from '../helpers/sandbox.js';
import { childEnv, repoRoot, requireBuiltCli, runCli } from '../helpers/cli.js';

const START_URL = 'https://d-9067c0ab12.awsapps.com/start';
let emulator: Emulator;
let home: string;
let cleanup: () => Promise<void>;
let now: number;

beforeEach(async () => {
  ({ home, cleanup } = await makeHome());
  now = Date.now();
  emulator = await startEmulator({ interval: 1, now: () => now });
  await writeFile(
    path.join(home, '.aws', 'config'),
    `[profile dev]\nsso_session = corp\nsso_account_id = 111122223333\nsso_role_name = ReadOnlyAccess\nregion = eu-west-1\n` +
      `[sso-session corp]\nsso_start_url = ${START_URL}\nsso_region = ap-northeast-1\nsso_registration_scopes = sso:account:access\n` +
      `[profile legacy]\nsso_start_url = ${START_URL}/\nsso_region = ap-northeast-1\nsso_account_id = 444455556666\nsso_role_name = ReadOnlyAccess\n`,
  );
});
afterEach(async () => {
  await emulator.close();
  await cleanup();
});

/** What the browser does with the URL: one GET, redirects not followed. */
async function visit(url: string): Promise<{ status: number; location: string | null; body: string }> {
  const res = await fetch(url, { redirect: 'manual' });
  return { status: res.status, location: res.headers.get('location'), body: await res.text() };
}

async function signedIn(): Promise<TestContext> {
  const ctx = testContext({ home, emulator });
  await login(ctx, { profile: 'dev' });
  return ctx;
}

describe('console (federation sign-in)', () => {
  it('builds the login URL from a sign-in token and opens it; the token is redeemable once', async () => {
    const ctx = await signedIn();
    const url = await openConsole(ctx, { profile: 'dev', destination: 's3' });
    expect(ctx.opened.at(-1)).toBe(url);
    const parsed = new URL(url);
    expect(`${parsed.origin}${parsed.pathname}`).toBe(`${emulator.url}/federation`);
    expect([...parsed.searchParams.keys()]).toEqual(['Action', 'Issuer', 'Destination', 'SigninToken']);
    expect(parsed.searchParams.get('Action')).toBe('login');
    expect(parsed.searchParams.get('Issuer')).toBe(START_URL);
    expect(parsed.searchParams.get('Destination')).toBe('https://console.aws.amazon.com/s3/home?region=eu-west-1');
    const token = parsed.searchParams.get('SigninToken')!;
    expect(ctx.output()).not.toContain(token);
    expect(ctx.output()).toContain('Opening the AWS console as ReadOnlyAccess in account 111122223333');

    expect(await visit(url)).toMatchObject({ status: 302, location: 'https://console.aws.amazon.com/s3/home?region=eu-west-1' });
    expect((await visit(url)).status).toBe(400); // single use
    expect(emulator.calls.filter((c) => c.op === 'GetRoleCredentials')).toHaveLength(1);
  });

  it('reuses cached role credentials, and a token expires after 15 minutes', async () => {
    const ctx = await signedIn();
    await openConsole(ctx, { profile: 'dev' });
    const url = await openConsole(ctx, { profile: 'dev', region: 'us-west-2', destination: 'https://us-west-2.console.aws.amazon.com/ec2/home?region=us-west-2#Instances:' });
    expect(emulator.calls.filter((c) => c.op === 'GetRoleCredentials')).toHaveLength(1);
    expect(new URL(url).searchParams.get('Destination')).toBe('https://us-west-2.console.aws.amazon.com/ec2/home?region=us-west-2#Instances:');
    now += 15 * 60 * 1000;
    expect((await visit(url)).status).toBe(400);
  });

  it('the emulator refuses a Session it did not issue, and other actions', async () => {
    const session = JSON.stringify({ sessionId: 'ASIAXXXXXXXXXXXXXXXX', sessionKey: 'k', sessionToken: 't' });
    expect((await visit(`${emulator.url}/federation?Action=getSigninToken&Session=${encodeURIComponent(session)}`)).status).toBe(400);
    expect((await visit(`${emulator.url}/federation?Action=login&SigninToken=nope&Destination=https%3A%2F%2Fconsole.aws.amazon.com%2F`)).status).toBe(400);
    expect((await visit(`${emulator.url}/federation?Action=other`)).status).toBe(400);
  });

  it('refuses a destination off the console host, a bad Region and another partition, before any call', async () => {
    const ctx = await signedIn();
    const calls = emulator.calls.length;
    await expect(openConsole(ctx, { profile: 'dev', destination: 'https://evil.example/console.aws.amazon.com' })).rejects.toThrow(/--destination must be/);
    await expect(openConsole(ctx, { profile: 'dev', destination: 'http://console.aws.amazon.com/s3' })).rejects.toThrow(/--destination must be/);
    await expect(openConsole(ctx, { profile: 'dev', region: 'tokyo' })).rejects.toThrow(/not a Region name/);
    await expect(openConsole(ctx, { profile: 'dev', region: 'cn-north-1' })).rejects.toThrow(/aws-cn partition/);
    expect(emulator.calls.length).toBe(calls);
    expect(ctx.opened.filter((u) => u.includes('/federation'))).toEqual([]);
  });

  it('--print prints the URL and opens nothing; a browser that cannot open does not get the URL printed', async () => {
    const ctx = await signedIn();
    const opened = ctx.opened.length;
    const url = await openConsole(ctx, { profile: 'dev', print: true });
    expect(ctx.output()).toContain(`${url}\n`);
    expect(ctx.output()).toContain('works once, within 15 minutes');
    expect(ctx.opened.length).toBe(opened);

    const failing = testContext({ home, emulator });
    failing.openBrowser = async () => ({ opened: false, failures: [{ command: 'xdg-open', exitCode: 3, signal: null }] });
    const error = await openConsole(failing, { profile: 'dev' }).catch((e: Error) => e);
    expect(String(error)).toMatch(/xdg-open exited with code 3.*--print/s);
    const tokens = emulator.issuedSecrets();
    for (const secret of tokens) expect(failing.output() + String(error)).not.toContain(secret);
  });

  it('--debug redacts the sign-in token and URL', async () => {
    const ctx = await signedIn();
    const lines: string[] = [];
    ctx.log = createDebugLog(true, { write: (t: string) => void lines.push(t) });
    const url = await openConsole(ctx, { profile: 'dev' });
    ctx.log.debug(`opened ${url}`); // anything that ever logs it is redacted
    const token = new URL(url).searchParams.get('SigninToken')!;
    const logged = lines.join('');
    expect(logged).toContain('getSigninToken at');
    expect(logged).not.toContain(token);
    expect(logged).not.toContain(encodeURIComponent(token));
  });
});

describe('console --portal', () => {
  it('prints the access portal link byte for byte, with no credentials fetched', async () => {
    const ctx = testContext({ home, emulator });
    const url = await openConsole(ctx, { profile: 'dev', portal: true, print: true, destination: 'cloudformation' });
    expect(url).toBe(
      `${START_URL}/#/console?account_id=111122223333&role_name=ReadOnlyAccess&destination=https%3A%2F%2Fconsole.aws.amazon.com%2Fcloudformation%2Fhome%3Fregion%3Deu-west-1`,
    );
    expect(ctx.output()).toBe(`${url}\n`);
    const legacy = await openConsole(ctx, { profile: 'legacy', portal: true });
    expect(legacy).toBe(
      `${START_URL}/#/console?account_id=444455556666&role_name=ReadOnlyAccess&destination=https%3A%2F%2Fconsole.aws.amazon.com%2Fconsole%2Fhome%3Fregion%3Dap-northeast-1`,
    );
    expect(ctx.opened).toEqual([legacy]);
    expect(emulator.calls).toEqual([]);
  });
});

describe('sso-setup console (the built CLI)', () => {
  it('opens the URL through BROWSER and never prints it; --print prints it; --debug never shows the token', async () => {
    requireBuiltCli();
    await signedIn();
    const record = path.join(home, 'opened.txt');
    const env = childEnv(home, {
      AWS_ENDPOINT_URL: 'http://127.0.0.1:1', // the SDK calls go elsewhere…
      AWS_ENDPOINT_URL_SSO: emulator.url,
      AWS_ENDPOINT_URL_SIGNIN: `${emulator.url}/federation`, // …and the sign-in endpoint is its own variable
      BROWSER: `"${process.execPath}" "${path.join(repoRoot, 'test', 'fixtures', 'record-browser.mjs')}" %s`,
      RECORD_BROWSER_FILE: record,
    });
    const opened = await runCli(['console', '--profile', 'dev', '--destination', 'iam', '--debug'], env);
    expect(opened.stderr + opened.stdout).not.toMatch(/Error/);
    expect(opened.code).toBe(0);
    const url = (await readFile(record, 'utf8')).trim();
    const token = new URL(url).searchParams.get('SigninToken')!;
    expect(token.length).toBeGreaterThan(20);
    expect(opened.stdout + opened.stderr).not.toContain(token);
    expect(opened.stderr).toContain('getSigninToken at');
    expect((await visit(url)).location).toBe('https://console.aws.amazon.com/iam/home?region=eu-west-1');

    const printed = await runCli(['console', '--profile', 'dev', '--print'], env);
    expect(printed.code).toBe(0);
    const printedUrl = printed.stdout.trim();
    expect(new URL(printedUrl).searchParams.get('Action')).toBe('login');
    expect((await readFile(record, 'utf8')).trim()).toBe(url); // nothing more opened
    expect((await visit(printedUrl)).status).toBe(302);
  });
});
