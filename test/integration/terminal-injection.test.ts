import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { configure } from '../../src/flows/configure.js';
import { populate } from '../../src/flows/populate.js';
import { status } from '../../src/flows/status.js';
import { quote } from '../../src/ui/text.js';
import { startEmulator, type Emulator, type Organisation } from '../emulator/server.js';
import { makeHome, ScriptedPrompter, testContext } from '../helpers/sandbox.js';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Issue 12 item 8: names, e-mail addresses and error messages from the server reach the
 * terminal without control characters or escape sequences, wherever they are printed
 * (menus, messages, errors, progress, populate's lines, status, whoami).
 */

const START_URL = 'https://d-9067c0ab12.awsapps.com/start';
// Clear the screen, set the window title, a one-byte CSI (C1), a bidi override, a bell.
const HOSTILE = '\u001b[2J\u001b]0;pwned\u0007\u009b31m\u202eevil\u0007';
/* eslint-disable-next-line no-control-regex */
// (\r is the progress bar's own; \n ends lines.)
const UNSAFE = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

const hostileOrg: Organisation = {
  startUrl: START_URL,
  region: 'ap-northeast-1',
  user: { userName: 'taro' },
  accounts: [
    { accountId: '111122223333', accountName: `Dev${HOSTILE}`, emailAddress: `dev${HOSTILE}@example.com`, roles: [`Admin${HOSTILE}`, 'ReadOnly'] },
    { accountId: '444455556666', accountName: 'Prod', emailAddress: 'prod@example.com', roles: ['ReadOnly'] },
  ],
};

let emulator: Emulator;
let home: string;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  ({ home, cleanup } = await makeHome());
  vi.stubEnv('HOME', home);
  emulator = await startEmulator({ org: hostileOrg, interval: 1, autoApprove: true });
});

afterEach(async () => {
  vi.unstubAllEnvs();
  await emulator.close();
  await cleanup();
});

describe('text from the server reaches the terminal without control characters', () => {
  it('configure: account and role menus, the messages naming them', async () => {
    const menus: string[] = [];
    const pick = (wanted: string) => (choices: ReadonlyArray<{ name: string; value: unknown }>) => {
      menus.push(...choices.map((c) => c.name));
      return choices.find((c) => c.name.startsWith(wanted))!.value;
    };
    const prompter = new ScriptedPrompter(['s', START_URL, 'ap-northeast-1', '', pick('Dev'), pick('Admin'), '', '', 'dev']);
    const ctx = testContext({ home, emulator, prompter });
    const result = await configure(ctx, { verify: false });
    expect(result.roleName).toBe(`Admin${HOSTILE}`); // the value itself is what the server said
    expect(menus.length).toBeGreaterThan(3);
    expect(menus.filter((name) => UNSAFE.test(name))).toEqual([]);
    expect(menus.some((name) => name.startsWith('Dev') && name.includes('evil'))).toBe(true); // the words kept, the controls gone
    expect(ctx.output()).not.toMatch(UNSAFE);
  });

  it('an error message from the server is printed without its escape sequences', async () => {
    emulator.failNext('ListAccounts', { status: 403, errorType: 'ForbiddenException', message: `No access${HOSTILE}` });
    const ctx = testContext({ home, emulator, prompter: new ScriptedPrompter(['s', START_URL, 'ap-northeast-1', '']) });
    const error = await configure(ctx, { verify: false }).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(error?.message).toContain('No access');
    expect(error?.message).not.toMatch(UNSAFE);
  });

  it('populate: failure lines name the account without its escape sequences', async () => {
    await writeFile(
      path.join(home, '.aws', 'config'),
      `[sso-session s]\nsso_start_url = ${START_URL}\nsso_region = ap-northeast-1\n`,
    );
    emulator.injectFault('ListAccountRoles', { status: 403, errorType: 'ForbiddenException', message: `Denied${HOSTILE}` });
    const ctx = testContext({ home, emulator });
    const error = await populate(ctx, { ssoSession: 's', dryRun: true, rate: 1000 }).then(
      () => undefined,
      (e: Error) => e,
    );
    const shown = `${ctx.output()}${error?.message ?? ''}`;
    expect(shown).toContain('Denied');
    expect(shown).toContain('111122223333 Dev');
    expect(shown).not.toMatch(UNSAFE);
  });

  it('status: names and URLs another program wrote are shown without control characters', async () => {
    await writeFile(
      path.join(home, '.aws', 'config'),
      `[profile p${'\u009b'}x]\nsso_session = s\n[sso-session s]\nsso_start_url = https://x.awsapps.com/start${'\u009b'}2J\nsso_region = ap-northeast-1\n`,
    );
    const ctx = testContext({ home, emulator });
    await status(ctx, {});
    expect(ctx.output()).toContain('https://x.awsapps.com/start');
    expect(ctx.output()).not.toMatch(UNSAFE);
  });

  it('quote() escapes C1 controls and bidi overrides visibly, as JSON escapes C0', () => {
    expect(quote(`a\u001bb\u009bc\u202ed`)).toBe('"a\\u001bb\\u009bc\\u202ed"');
  });
});
