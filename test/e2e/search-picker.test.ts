import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { generateOrganisation, startEmulator, type Emulator } from '../emulator/server.js';
import { makeHome } from '../helpers/sandbox.js';
import { sortAccounts } from '../../src/portal/accounts.js';
import { approveBrowser, childEnv, requireBuiltCli, Terminal } from '../helpers/cli.js';
import { recordLoads } from '../helpers/loads.js';

/** With more than 10 accounts the menu is type-to-search: a person types part of an ID and presses Enter. */
const START_URL = 'https://d-9067c0ab12.awsapps.com/start';
let emulator: Emulator;
let home: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  requireBuiltCli();
  const org = generateOrganisation({ accounts: 15, minRoles: 1, maxRoles: 1, seed: 11, startUrl: START_URL, region: 'ap-northeast-1' });
  emulator = await startEmulator({ org, interval: 1 });
  ({ home, cleanup } = await makeHome());
});
afterAll(async () => {
  await emulator?.close();
  await cleanup?.();
});

describe('the account picker at scale', () => {
  it('narrows 15 accounts to the one typed and picks it', async () => {
    const wanted = emulator.org.accounts[7]!;
    // Enter without typing would take the first account of the menu: make sure that is another one.
    expect(sortAccounts(emulator.org.accounts)[0]!.accountId).not.toBe(wanted.accountId);
    const loads = recordLoads(path.join(home, 'loads.txt'));
    const env = childEnv(home, { AWS_ENDPOINT_URL: emulator.url, BROWSER: approveBrowser, ...loads.env });
    const term = new Terminal(
      ['configure', '--sso-session', 's', '--start-url', START_URL, '--sso-region', 'ap-northeast-1', '--scopes', 'sso:account:access',
        '--region', 'ap-northeast-1', '--output', 'json', '--profile', 'picked', '--no-verify'],
      env,
    );
    try {
      const at = await term.waitFor('There are 15 AWS accounts available to you.');
      await term.waitFor('Select an account', at);
      term.type(wanted.accountId);
      await term.waitFor(new RegExp(`\\(${wanted.accountId}\\)`), at);
      await new Promise((r) => setTimeout(r, 300));
      term.type('\r');
      await term.waitFor(`Using the account ID ${wanted.accountId}`, at);
      expect(await term.exited).toBe(0);
    } finally {
      term.kill();
    }
    // The menu is the prompt library's, loaded when it is shown (tab-completion.test.ts: not before).
    expect(loads.sources().some((source) => source.startsWith('node_modules/@inquirer/search/'))).toBe(true);
    const config = await readFile(path.join(home, '.aws', 'config'), 'utf8');
    expect(config).toContain(`[profile picked]\nsso_session = s\nsso_account_id = ${wanted.accountId}\nsso_role_name = ${wanted.roles[0]}\n`);
  });
});
