import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import { startEmulator, type Emulator } from '../emulator/server.js';
import { makeHome } from '../helpers/sandbox.js';
import { approveBrowser, childEnv, requireBuiltCli, runCli } from '../helpers/cli.js';

/** 20 real `sso-setup configure` processes at once, each writing its own profile. */
const START_URL = 'https://d-9067c0ab12.awsapps.com/start';
const HAND_WRITTEN =
  '# shared team config\n[default]\nregion = eu-west-1\n\n' +
  `[sso-session corp]\nsso_start_url = ${START_URL}\nsso_region = ap-northeast-1\nsso_registration_scopes = sso:account:access\n`;

let emulator: Emulator;
let home: string;
let cleanup: () => Promise<void>;
let env: Record<string, string>;

beforeAll(async () => {
  requireBuiltCli();
  emulator = await startEmulator({ interval: 1, autoApprove: true });
  ({ home, cleanup } = await makeHome());
  env = childEnv(home, { AWS_ENDPOINT_URL: emulator.url, BROWSER: approveBrowser });
  await writeFile(path.join(home, '.aws', 'config'), HAND_WRITTEN);
});
afterAll(async () => {
  await emulator?.close();
  await cleanup?.();
});

describe('concurrent sso-setup processes', () => {
  it('20 configure runs at once lose no profile and no hand-written byte', async () => {
    expect((await runCli(['login', '--sso-session', 'corp'], env)).code).toBe(0);
    const runs = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        runCli(
          ['configure', '--sso-session', 'corp', '--account-id', '111122223333', '--role-name', 'ReadOnlyAccess', '--region', 'ap-northeast-1', '--profile', `p${i}`, '--no-verify'],
          env,
        ),
      ),
    );
    for (const run of runs) expect(run.code, run.stderr).toBe(0);
    const text = await readFile(path.join(home, '.aws', 'config'), 'utf8');
    expect(text.startsWith(HAND_WRITTEN)).toBe(true);
    const { configFile } = await loadSharedConfigFiles({
      configFilepath: path.join(home, '.aws', 'config'),
      filepath: path.join(home, 'none'),
      ignoreCache: true,
    });
    for (let i = 0; i < 20; i++) {
      expect(configFile[`p${i}`]).toEqual({ sso_session: 'corp', sso_account_id: '111122223333', sso_role_name: 'ReadOnlyAccess', region: 'ap-northeast-1' });
    }
    // No lock or temp file left behind; the backup is there.
    expect((await readdir(path.join(home, '.aws'))).sort()).toEqual(['config', 'config.sso-setup.bak', 'sso']);
  }, 180_000); // 20 Node processes at once on a small machine
});
