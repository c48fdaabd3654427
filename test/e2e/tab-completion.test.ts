import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { generateOrganisation, startEmulator, type Emulator } from '../emulator/server.js';
import { makeHome } from '../helpers/sandbox.js';
import { approveBrowser, childEnv, requireBuiltCli, Terminal } from '../helpers/cli.js';
import { recordLoads } from '../helpers/loads.js';

/**
 * Tab at the wizard's text prompts, typed into the real CLI (docs/compat.md §A10): the typed word
 * grows to the longest common prefix of the matching candidates, or to the one match, and the
 * completed value is what is written. The prompt lines stay the AWS CLI's. A run that shows
 * no menu never loads the prompt library (@inquirer): text prompts are node:readline's.
 */
const START_URL = 'https://d-9067c0ab12.awsapps.com/start';
let emulator: Emulator;
let home: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  requireBuiltCli();
  const org = generateOrganisation({ accounts: 1, minRoles: 1, maxRoles: 1, seed: 3, startUrl: START_URL, region: 'ap-northeast-1' });
  emulator = await startEmulator({ org, interval: 1 });
  ({ home, cleanup } = await makeHome());
});
afterAll(async () => {
  await emulator?.close();
  await cleanup?.();
});

/** The run's sources from the prompt library, and whether it loaded the text prompt at all. */
function promptSources(loads: ReturnType<typeof recordLoads>) {
  const sources = loads.sources();
  return { inquirer: sources.filter((s) => s.startsWith('node_modules/@inquirer/')), linePrompt: sources.includes('src/ui/line-prompt.ts') };
}

describe('Tab completion at the prompts', () => {
  it('completes an existing session name and an SSO region', async () => {
    const configFile = path.join(home, '.aws', 'config');
    await writeFile(configFile, `[sso-session development]\nsso_start_url = ${START_URL}\nsso_region = us-east-1\n`);
    const loads = recordLoads(path.join(home, 'loads-sso-session.txt'));
    const term = new Terminal(['configure', 'sso-session'], childEnv(home, loads.env));
    try {
      let at = await term.waitFor('SSO session name: ');
      term.type('dev\t');
      at = await term.waitFor('SSO session name: development', at - 'SSO session name: '.length);
      term.type('\r');
      at = await term.answer(`SSO start URL [${START_URL}]: `, '', at);
      at = await term.waitFor('SSO region [us-east-1]: ', at);
      term.type('ap-northe\t');
      // Three regions start with ap-northeast-: Tab stops where they differ.
      await term.waitFor('SSO region [us-east-1]: ap-northeast-', at - 'SSO region [us-east-1]: '.length);
      term.type('3\r');
      await term.answer('SSO registration scopes [sso:account:access]: ', '', at);
      expect(await term.exited).toBe(0);
    } finally {
      term.kill();
    }
    expect(promptSources(loads)).toEqual({ inquirer: [], linePrompt: true });
    expect(await readFile(configFile, 'utf8')).toBe(
      `[sso-session development]\nsso_start_url = ${START_URL}\nsso_region = ap-northeast-3\nsso_registration_scopes = sso:account:access\n`,
    );
  });

  it('completes the default client Region and the output format', async () => {
    const loads = recordLoads(path.join(home, 'loads-configure.txt'));
    const env = childEnv(home, { AWS_ENDPOINT_URL: emulator.url, BROWSER: approveBrowser, ...loads.env });
    const term = new Terminal(
      ['configure', '--sso-session', 's', '--start-url', START_URL, '--sso-region', 'ap-northeast-1', '--scopes', 'sso:account:access',
        '--profile', 'completed', '--no-verify'],
      env,
    );
    try {
      let at = await term.waitFor('Default client Region [None]: ');
      term.type('us-gov-w\t');
      at = await term.waitFor('Default client Region [None]: us-gov-west-1', at - 'Default client Region [None]: '.length);
      term.type('\r');
      const prompt = 'CLI default output format (json if not specified) [None]: ';
      at = await term.waitFor(prompt, at);
      term.type('y\t'); // yaml and yaml-stream: their common prefix is yaml
      await term.waitFor(`${prompt}yaml`, at - prompt.length);
      term.type('\r');
      expect(await term.exited).toBe(0);
    } finally {
      term.kill();
    }
    // One account with one role: no menu, so no prompt library.
    expect(promptSources(loads)).toEqual({ inquirer: [], linePrompt: true });
    const config = await readFile(path.join(home, '.aws', 'config'), 'utf8');
    expect(config).toContain('[profile completed]\nsso_session = s\n');
    expect(config).toMatch(/\[profile completed\][^[]*region = us-gov-west-1\noutput = yaml\n/);
  });
});
