import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startEmulator, type Emulator } from '../emulator/server.js';
import { makeHome } from '../helpers/sandbox.js';
import { childEnv, cliPath, repoRoot, requireBuiltCli } from '../helpers/cli.js';
import { findBrowser } from '../../scripts/provision.mjs';

/**
 * A real browser: Debian's headless Chromium (or a Google Chrome or Microsoft Edge already on
 * the machine: findBrowser, which `npm test`'s provisioning uses too), driven by
 * playwright-core, opens the URL the built CLI prints with --no-browser, and a person's click
 * on the emulator's Allow or Deny button travels through real HTML forms and redirects to the
 * CLI's loopback callback page (PKCE) or to the device flow's polling.
 */
const START_URL = 'https://d-9067c0ab12.awsapps.com/start';
const CHROMIUM = findBrowser();
const CHROMIUM_MISSING =
  "No Chromium, Google Chrome or Microsoft Edge found: install Debian's chromium package (apt-get install chromium; `npm test` does it as root or with passwordless sudo)";
// The network is closed here: nothing in Chromium may try to reach the outside.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const STEP_TIMEOUT_MS = 10_000;

let emulator: Emulator;
let context: BrowserContext | undefined;
let userDataDir: string | undefined;
const children = new Set<ChildProcess>();
const homes: Array<() => Promise<void>> = [];

beforeAll(async () => {
  requireBuiltCli();
  emulator = await startEmulator({ interval: 1 });
});

afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await context?.close();
  if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
  await emulator?.close();
  for (const cleanup of homes) await cleanup();
});

/**
 * The one browser of this file, started on first use with a new, empty profile. A missing
 * browser fails each test (it must not skip): `npm test` installs it first (scripts/provision.mjs).
 */
async function browser(): Promise<BrowserContext> {
  if (!CHROMIUM) throw new Error(CHROMIUM_MISSING);
  if (!context) {
    userDataDir = await mkdtemp(path.join(tmpdir(), 'sso-setup-chromium-'));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      timeout: 20_000,
    });
  }
  return context;
}

async function newPage(): Promise<Page> {
  const page = await (await browser()).newPage();
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  return page;
}

/** A scratch home with the `[sso-session corp]` configuration and a legacy profile of the same start URL. */
async function corpHome(): Promise<string> {
  const { home, cleanup } = await makeHome();
  homes.push(cleanup);
  await writeFile(
    path.join(home, '.aws', 'config'),
    `[sso-session corp]\nsso_start_url = ${START_URL}\nsso_region = ap-northeast-1\nsso_registration_scopes = sso:account:access\n` +
      `[profile legacy]\nsso_start_url = ${START_URL}\nsso_region = ap-northeast-1\n`,
  );
  return home;
}

/** The built CLI as a child process whose output can be read while it runs. */
class Cli {
  stdout = '';
  stderr = '';
  readonly exited: Promise<number | null>;
  private readonly child: ChildProcess;
  private waiters: Array<() => void> = [];

  constructor(args: string[], home: string) {
    // DISPLAY makes this look like a desktop: without it sso-setup would choose the device flow (remoteReason).
    const env = childEnv(home, { AWS_ENDPOINT_URL: emulator.url, DISPLAY: ':0' });
    this.child = spawn(process.execPath, [cliPath, ...args], { env, cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    children.add(this.child);
    const wake = () => {
      for (const w of this.waiters.splice(0)) w();
    };
    this.child.stdout!.setEncoding('utf8').on('data', (d: string) => ((this.stdout += d), wake()));
    this.child.stderr!.setEncoding('utf8').on('data', (d: string) => ((this.stderr += d), wake()));
    this.exited = new Promise((resolve, reject) => {
      this.child.once('error', reject);
      this.child.once('close', (code) => (wake(), resolve(code)));
    });
  }

  private get transcript(): string {
    return `stdout:\n${this.stdout}\nstderr:\n${this.stderr}`;
  }

  /** Waits until stdout matches `pattern`; returns its first group. */
  async waitForStdout(pattern: RegExp): Promise<string> {
    const deadline = Date.now() + STEP_TIMEOUT_MS;
    for (;;) {
      const found = pattern.exec(this.stdout);
      if (found) return found[1] ?? found[0];
      if (this.child.exitCode !== null || this.child.signalCode !== null) {
        throw new Error(`sso-setup exited (${this.child.exitCode ?? this.child.signalCode}) before printing ${pattern}.\n${this.transcript}`);
      }
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${pattern}.\n${this.transcript}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 200);
      });
    }
  }

  /** The exit code, or an error with the transcript if it takes too long. */
  async exitCode(): Promise<number | null> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`sso-setup did not exit within ${STEP_TIMEOUT_MS} ms.\n${this.transcript}`)), STEP_TIMEOUT_MS);
    });
    try {
      return await Promise.race([this.exited, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  kill(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
  }
}

/** The token cache file of `[sso-session corp]`: sha1 of the session name, as the AWS CLI names it. */
const tokenFile = (home: string) => path.join(home, '.aws', 'sso', 'cache', `${createHash('sha1').update('corp').digest('hex')}.json`);

const PKCE_URL = /Browser will not be automatically opened\.\nPlease visit the following URL:\n\n(\S+)\n/;
const DEVICE_URL = /Alternatively, you may visit the following URL which will autofill the code upon loading:\n(\S+)\n/;

/** The URL the CLI printed must lead to the emulator, never to the real AWS. */
function expectEmulatorUrl(url: string, pathname: string): URL {
  const parsed = new URL(url);
  expect(parsed.origin).toBe(new URL(emulator.url).origin);
  expect(parsed.pathname).toBe(pathname);
  return parsed;
}

/** Opens the printed /authorize URL, clicks `button` and waits for the CLI's loopback callback page. */
async function decideInBrowser(page: Page, cli: Cli, button: 'Allow' | 'Deny'): Promise<void> {
  const authorizeUrl = expectEmulatorUrl(await cli.waitForStdout(PKCE_URL), '/authorize');
  const redirectUri = authorizeUrl.searchParams.get('redirect_uri') ?? '';
  expect(redirectUri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/oauth\/callback$/);
  await page.goto(authorizeUrl.toString());
  await page.getByRole('button', { name: button }).click();
  await page.waitForURL((url) => url.toString().startsWith(`${redirectUri}?`));
  await page.locator('#result').waitFor();
}

describe('sign-in in a real browser (headless Chromium)', () => {
  it('PKCE: Allow on the /authorize page lands on the "Signed in" callback page and the CLI logs in', async () => {
    const page = await newPage(); // first: without Chromium, fail before starting anything
    const home = await corpHome();
    const cli = new Cli(['login', '--sso-session', 'corp', '--no-browser'], home);
    try {
      await decideInBrowser(page, cli, 'Allow');
      const result = page.locator('#result');
      expect(await result.getAttribute('data-ok')).toBe('true');
      expect(await result.textContent()).toBe('Signed in');
      expect(await page.locator('body').innerText()).toContain('You can close this window and return to the terminal.');
      expect(await cli.exitCode()).toBe(0);
    } finally {
      await page.close();
      cli.kill();
    }
    expect(cli.stderr).toBe('Sign-in method: browser (authorization code with PKCE), because it is the default for sso-session "corp".\n');
    expect(cli.stdout).toContain(`Successfully logged into Start URL: ${START_URL}`);

    const cache = JSON.parse(await readFile(tokenFile(home), 'utf8')) as Record<string, unknown>;
    // Only whether they are there, never their values, goes into the assertion.
    const present = (value: unknown) => typeof value === 'string' && value.length > 0;
    expect({ accessToken: present(cache.accessToken), refreshToken: present(cache.refreshToken) }).toEqual({
      accessToken: true,
      refreshToken: true,
    });
    expect(cache.startUrl).toBe(START_URL);
  });

  it.each([
    ['a legacy profile', ['--profile', 'legacy'], 'the profile has no sso-session (legacy configuration)'],
    ['an sso-session with --use-device-code', ['--sso-session', 'corp', '--use-device-code'], '--use-device-code was given'],
  ])('device code, %s: Allow on the verificationUriComplete page approves the code and the CLI logs in', async (_name, args, reason) => {
    const page = await newPage(); // first: without Chromium, fail before starting anything
    const home = await corpHome();
    const cli = new Cli(['login', ...args, '--no-browser'], home);
    try {
      const deviceUrl = expectEmulatorUrl(await cli.waitForStdout(DEVICE_URL), '/device');
      const userCode = /Then enter the code:\n\n(\S+)\n/.exec(cli.stdout)?.[1];
      expect(userCode).toMatch(/^\S+$/);
      expect(deviceUrl.searchParams.get('user_code')).toBe(userCode);
      await page.goto(deviceUrl.toString());
      // The code is filled in from the URL; the person checks it and allows.
      expect(await page.locator('#user_code').inputValue()).toBe(userCode);
      await page.getByRole('button', { name: 'Allow' }).click();
      await page.getByText('Request approved').first().waitFor();
      expect(await cli.exitCode()).toBe(0);
    } finally {
      await page.close();
      cli.kill();
    }
    expect(cli.stderr).toBe(`Sign-in method: device code, because ${reason}.\n`);
    expect(cli.stdout).toContain(`Successfully logged into Start URL: ${START_URL}`);
  });

  it('PKCE: Deny on the /authorize page shows "Sign-in failed" and the CLI exits non-zero saying it was denied', async () => {
    const page = await newPage(); // first: without Chromium, fail before starting anything
    const home = await corpHome();
    const cli = new Cli(['login', '--sso-session', 'corp', '--no-browser'], home);
    try {
      await decideInBrowser(page, cli, 'Deny');
      const result = page.locator('#result');
      expect(await result.getAttribute('data-ok')).toBe('false');
      expect(await result.textContent()).toBe('Sign-in failed');
      expect(await page.locator('#detail').textContent()).toContain('denied');
      expect(await cli.exitCode()).toBe(255); // the AWS CLI's (and sso-setup's) generic failure
    } finally {
      await page.close();
      cli.kill();
    }
    expect(cli.stderr).toContain('Failed to retrieve an authorization code: the sign-in request was denied in the browser.');
    expect(cli.stdout).not.toContain('Successfully logged into');
    // Nothing was cached for a denied sign-in.
    expect(existsSync(tokenFile(home))).toBe(false);
  });
});
