import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { startEmulator, type Emulator } from '../emulator/server.js';
import { click } from '../emulator/browser-click.mjs';
import { makeHome } from '../helpers/sandbox.js';
import { approveBrowser, childEnv, cliPath, requireBuiltCli } from '../helpers/cli.js';
import { ScreenTerminal } from '../helpers/screen.js';
import { createPrefix, type WinePrefix } from './wine.js';

/**
 * `configure` on win32 as a person runs it: the built CLI on the official Windows node.exe
 * under Wine, in a pseudo-terminal, every prompt answered at the keyboard (the menus with
 * Enter on the first item) and the sign-in approved by a scripted browser that opens the URL
 * shown on the screen. Wine's console draws the CLI's output with its own cursor bookkeeping
 * (test/windows/wine.ts, WINE_TERMINAL_COLS), so the screen is read through a terminal model
 * (test/helpers/screen.ts), and a prompt counts as asked when the cursor stands after it.
 * The same answers given to the CLI on Linux, in a pseudo-terminal too, give the expected
 * config: Windows must write it byte for byte, with CRLF line endings as the AWS CLI for
 * Windows writes a new file (docs/compat.md §A9 "Line endings").
 *
 * Its own Wine prefix: the config file and the token cache are new, so configure signs in.
 * The first key typed into a new Wine console takes a while (about 10 s here: user32 tries to
 * start Wine's desktop, which has no display); waits are generous and nothing is timed.
 */

const START_URL = 'https://d-9067c0ab12.awsapps.com/start';
const PROFILE = 'my-dev-profile';
const ARN = /"Arn": "arn:aws:sts::111122223333:assumed-role\/AWSReservedSSO_AdministratorAccess_[0-9a-f]{16}\/taro\.yamada"/;

let wine: WinePrefix;
let emulator: Emulator;
let linuxHome: { home: string; cleanup(): Promise<void> };
/** C:\users\<name>, as node.exe's os.homedir() says. */
let userProfile: string;

beforeAll(async () => {
  requireBuiltCli();
  wine = await createPrefix();
  emulator = await startEmulator({ interval: 1 });
  linuxHome = await makeHome();
  userProfile = await wine.userProfile();
});

afterAll(async () => {
  await emulator?.close();
  await wine?.close();
  await linuxHome?.cleanup();
});

const crlf = (text: string) => text.replace(/\r?\n/g, '\r\n');

/**
 * Every prompt of a new `configure`, answered as a person following the guide does;
 * `approve` is the person at the browser once the CLI waits for the sign-in.
 */
async function answerEveryPrompt(term: ScreenTerminal, approve: () => Promise<void>): Promise<void> {
  await term.answer('SSO session name (Recommended): ', 'my-sso');
  await term.answer('SSO start URL [None]: ', START_URL);
  await term.answer('SSO region [None]: ', 'ap-northeast-1');
  await term.answer('SSO registration scopes [sso:account:access]: ', '');
  await approve();
  await term.waitFor('There are 2 AWS accounts available to you.');
  await term.waitFor('Development, dev@example.com (111122223333)');
  term.type('\r'); // the first account
  await term.waitFor('Using the account ID 111122223333');
  await term.waitFor('There are 2 roles available to you.');
  await term.waitFor('AdministratorAccess');
  term.type('\r'); // the first role
  await term.waitFor('Using the role name "AdministratorAccess"');
  await term.answer('Default client Region [None]: ', 'ap-northeast-1');
  await term.answer('CLI default output format (json if not specified) [None]: ', 'json');
  await term.answer('Profile name [AdministratorAccess-111122223333]: ', PROFILE);
}

describe('on win32 under Wine, in a pseudo-terminal', () => {
  it(
    'configure: every prompt answered and the sign-in approved in a browser; the config is what Linux writes for the same answers, with CRLF',
    async () => {
      const approvals = () => emulator.calls.filter((c) => c.op === 'Approve').length;

      // Linux first: the expected config, from the same answers in a terminal.
      let linuxScreen = '';
      const linux = new ScreenTerminal(process.execPath, [cliPath, 'configure'], childEnv(linuxHome.home, { AWS_ENDPOINT_URL: emulator.url, BROWSER: approveBrowser }));
      try {
        await answerEveryPrompt(linux, async () => undefined); // BROWSER approves
        await linux.waitFor(ARN);
        expect(await linux.exited, linux.text).toBe(0);
        linuxScreen = linux.text;
      } finally {
        linux.dispose();
      }
      const expected = await readFile(path.join(linuxHome.home, '.aws', 'config'), 'utf8');
      expect(expected).toContain(`[profile ${PROFILE}]\nsso_session = my-sso\nsso_account_id = 111122223333\nsso_role_name = AdministratorAccess\n`);

      // Windows. BROWSER unset: the default opener needs PowerShell, which Wine lacks, so the
      // URL is shown and the wait goes on; the person opens it and clicks Allow.
      const before = approvals();
      const term = wine.terminal(['configure'], { AWS_ENDPOINT_URL: emulator.url });
      let screen = '';
      try {
        await answerEveryPrompt(term, async () => {
          await term.waitFor('Attempting to open your default browser.');
          const line = await term.waitFor(`${emulator.url}/authorize?`);
          await click(line.slice(line.indexOf(emulator.url)).split(' ')[0]!, 'Allow');
        });
        await term.waitFor(`aws sts get-caller-identity --profile ${PROFILE}`);
        await term.waitFor(ARN); // the final check: STS GetCallerIdentity with the new profile
        expect(await term.exited, term.text).toBe(0);
        screen = term.text;
      } finally {
        term.dispose();
      }
      expect(approvals()).toBe(before + 1); // through the emulator's page, as a browser would

      const written = await readFile(wine.unixPath(`${userProfile}\\.aws\\config`), 'utf8');
      expect(written).toBe(crlf(expected));
      expect(written).not.toMatch(/[^\r]\n/);
      // What the person saw, as on Linux: each answer after its prompt, the menus gone once chosen.
      const shown = screen.split('\n');
      const firstLines = [
        'SSO session name (Recommended): my-sso',
        `SSO start URL [None]: ${START_URL}`,
        'SSO region [None]: ap-northeast-1',
        'SSO registration scopes [sso:account:access]:',
      ];
      expect(shown.slice(0, 4), screen).toEqual(firstLines);
      expect(linuxScreen.split('\n').slice(0, 4), linuxScreen).toEqual(firstLines);
      for (const line of [
        'Using the account ID 111122223333',
        'Using the role name "AdministratorAccess"',
        'Default client Region [None]: ap-northeast-1',
        'CLI default output format (json if not specified) [None]: json',
        `Profile name [AdministratorAccess-111122223333]: ${PROFILE}`,
      ]) {
        expect(shown, screen).toContain(line);
        expect(linuxScreen.split('\n'), linuxScreen).toContain(line);
      }
      expect(screen).not.toContain('Production, prod@example.com');
    },
    300_000,
  );
});
