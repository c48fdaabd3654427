import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import { AWKWARD_ROLE } from '../emulator/generate.js';
import { generateOrganisation, startEmulator, type Emulator } from '../emulator/server.js';
import { populate } from '../../src/flows/populate.js';
import { login } from '../../src/flows/login.js';
import { status } from '../../src/flows/status.js';
import { readAwsConfig } from '../../src/config/read.js';
import { nameProblem } from '../../src/flows/validators.js';
import { catalogue } from '../../src/ui/messages/index.js';
import { makeHome, testContext } from '../helpers/sandbox.js';

const START_URL = 'https://d-9067c0ab12.awsapps.com/start';
const SESSION = `[sso-session corp]\nsso_start_url = ${START_URL}\nsso_region = ap-northeast-1\nsso_registration_scopes = sso:account:access\n`;

let emulator: Emulator | undefined;
let home: string;
let cleanup: () => Promise<void>;
const configFile = () => path.join(home, '.aws', 'config');
const sdkProfiles = async () =>
  (await loadSharedConfigFiles({ configFilepath: configFile(), filepath: path.join(home, 'none'), ignoreCache: true })).configFile;

beforeEach(async () => {
  ({ home, cleanup } = await makeHome());
  await writeFile(configFile(), SESSION);
});
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
  await cleanup();
});

describe('__proto__, constructor, prototype as names (issue 12, item 7)', () => {
  // 20 accounts of one role each: the generator names three of them __proto__, constructor and
  // prototype, and gives the __proto__ account the role `constructor`, the only one so named.
  const org = generateOrganisation({ accounts: 20, minRoles: 1, maxRoles: 1, seed: 4, startUrl: START_URL, region: 'ap-northeast-1' });

  it('the emulator serves an account named __proto__ with a role named constructor', () => {
    const account = org.accounts.find((a) => a.accountName === '__proto__');
    expect(account?.roles).toEqual([AWKWARD_ROLE]);
    expect(org.accounts.filter((a) => a.roles.includes(AWKWARD_ROLE))).toHaveLength(1);
    expect(org.accounts.map((a) => a.accountName)).toEqual(expect.arrayContaining(['constructor', 'prototype']));
  });

  it.each(['{account_name}', '{role_name}', '{account_name}-{role_name}'])(
    'populate --template %s writes no reserved name, and every JS-SDK tool (and sso-setup) still reads the whole file',
    async (template) => {
      emulator = await startEmulator({ org, interval: 1, autoApprove: true });
      const ctx = testContext({ home, emulator });
      const result = await populate(ctx, { ssoSession: 'corp', template });
      expect(result.added).toHaveLength(20);
      for (const name of result.added) expect(nameProblem(name), name).toBeUndefined();
      const text = await readFile(configFile(), 'utf8');
      expect(text).not.toMatch(/^\[profile (__proto__|constructor|prototype)\]/m);

      const parsed = await sdkProfiles();
      for (const name of result.added) expect(parsed[name], name).toMatchObject({ sso_session: 'corp' });
      const ours = await readAwsConfig(ctx.paths, catalogue('en'));
      expect(Object.keys(ours.profiles).sort()).toEqual([...result.added].sort());
      expect(Object.keys(ours.ssoSessions)).toEqual(['corp']);

      // A re-run reads its own profiles back and changes nothing.
      const again = await populate(ctx, { ssoSession: 'corp', template });
      expect(again).toMatchObject({ added: [], updated: [], removed: [], unchanged: 20, configChanged: false });
    },
  );

  it('a [profile __proto__] someone else wrote: the JS SDK reads the file as empty, sso-setup still sees every other profile', async () => {
    const text =
      '[profile __proto__]\nregion = eu-west-1\n\n[profile constructor]\nregion = us-east-1\n\n[sso-session prototype]\nsso_start_url = https://x.awsapps.com/start\nsso_region = us-east-1\n\n' +
      '[profile dev]\nsso_session = corp\nsso_account_id = 111122223333\nsso_role_name = ReadOnlyAccess\n\n' +
      SESSION;
    await writeFile(configFile(), text);
    // What the AWS SDK for JavaScript does: its parser throws on the section, the loader
    // swallows the error, and every tool built on it sees no profile at all.
    expect(await sdkProfiles()).toEqual({});

    const config = await readAwsConfig({ configFile: configFile(), credentialsFile: path.join(home, 'none') }, catalogue('en'));
    expect(Object.keys(config.profiles).sort()).toEqual(['constructor', 'dev']);
    expect(config.profiles.constructor).toEqual({ region: 'us-east-1' });
    expect(Object.keys(config.ssoSessions).sort()).toEqual(['corp', 'prototype']);
    expect(Object.getPrototypeOf(config.profiles)).toBeNull();
    expect(({} as Record<string, unknown>).region).toBeUndefined(); // nothing polluted

    // login and status work with the other profiles; the file is not changed by reading it.
    emulator = await startEmulator({ interval: 1, autoApprove: true });
    const ctx = testContext({ home, emulator });
    await login(ctx, { profile: 'dev' });
    const sessions = await status(ctx, { json: true });
    expect(sessions.map((s) => s.name).sort()).toEqual(['corp', 'prototype']);
    expect(await readFile(configFile(), 'utf8')).toBe(text);
  });
});
