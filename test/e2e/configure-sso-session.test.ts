import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { makeHome } from '../helpers/sandbox.js';
import { childEnv, requireBuiltCli, runCli, Terminal } from '../helpers/cli.js';

/**
 * `sso-setup configure sso-session` typed into the real CLI in a pseudo-terminal: the AWS
 * CLI's prompts (docs/compat.md §A7) in order, then the same command again on the session it
 * wrote, with the current values in brackets. `configure` alone still runs its own wizard.
 */
const START_URL = 'https://d-9067c0ab12.awsapps.com/start';
let home: string;
let cleanup: () => Promise<void>;
let env: Record<string, string>;

beforeAll(async () => {
  requireBuiltCli();
  ({ home, cleanup } = await makeHome());
  env = childEnv(home);
});

afterAll(async () => {
  await cleanup?.();
});

describe('configure sso-session in a terminal', () => {
  it('asks the AWS CLI\'s prompts, writes the session, and shows its values when run again', async () => {
    const term = new Terminal(['configure', 'sso-session'], env);
    let at = await term.answer('SSO session name: ', 'dev');
    at = await term.answer('SSO start URL [None]: ', START_URL, at);
    at = await term.answer('SSO region [None]: ', 'ap-northeast-1', at);
    await term.answer('SSO registration scopes [sso:account:access]: ', '', at);
    expect(await term.exited).toBe(0);
    expect(term.text).toContain(
      'Completed configuring SSO session: dev\nRun the following to login and refresh access token for this session:\n\nsso-setup login --sso-session dev\n',
    );
    const written = `[sso-session dev]\nsso_start_url = ${START_URL}\nsso_region = ap-northeast-1\nsso_registration_scopes = sso:account:access\n`;
    expect(await readFile(path.join(home, '.aws', 'config'), 'utf8')).toBe(written);

    const again = new Terminal(['configure', 'sso-session', '--sso-session', 'dev'], env);
    let next = await again.answer(`SSO start URL [${START_URL}]: `, '');
    next = await again.answer('SSO region [ap-northeast-1]: ', 'eu-west-1', next);
    await again.answer('SSO registration scopes [sso:account:access]: ', '', next);
    expect(await again.exited).toBe(0);
    expect(await readFile(path.join(home, '.aws', 'config'), 'utf8')).toBe(written.replace('ap-northeast-1', 'eu-west-1'));
  });

  it('an option of configure alone is a usage error', async () => {
    const result = await runCli(['configure', 'sso-session', '--profile', 'x'], env);
    expect(result.code).toBe(252);
    expect(result.stderr).toContain('--profile is an option of sso-setup configure, not of sso-setup configure sso-session.');
  });
});
