import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { startEmulator, type Emulator } from '../emulator/server.js';
import { configure } from '../../src/flows/configure.js';
import { populate, GENERATED_KEY } from '../../src/flows/populate.js';
import { login } from '../../src/flows/login.js';
import { makeHome, testContext } from '../helpers/sandbox.js';

const START_URL = 'https://d-9067c0ab12.awsapps.com/start';
// Values a user keeps in ~/.aws/config next to SSO profiles (static keys, a credential_process
// with a password on its command line). None may appear in any diff.
const SECRETS = {
  keyId: 'AKIAIOSFODNN7EXAMPLE',
  secret: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  session: 'IQoJb3JpZ2luX2VjEXAMPLESESSIONTOKEN',
  security: 'FwoGZXIvYXdzEXAMPLESECURITYTOKEN',
  process: 'vault-login --password hunter2-EXAMPLE',
  generated: 'GENERATEDPROFILESECRETEXAMPLE',
};
const SESSION =
  `[sso-session corp]\nsso_start_url = ${START_URL}\nsso_region = ap-northeast-1\nsso_registration_scopes = sso:account:access\n`;
// Static keys right next to the sections we edit (a new profile is appended after them), so
// they are in the diff's context lines.
const STATIC =
  `[profile static]\naws_access_key_id = ${SECRETS.keyId}\ncredential_process = ${SECRETS.process}\n` +
  `aws_security_token: ${SECRETS.security}\naws_secret_access_key = ${SECRETS.secret}\nAWS_Session_Token=${SECRETS.session}\n`;
const WITH_SECRETS = `${SESSION}\n${STATIC}`;

let emulator: Emulator;
let home: string;
let cleanup: () => Promise<void>;
const configFile = () => path.join(home, '.aws', 'config');
const cacheFiles = async () => (await readdir(path.join(home, '.aws', 'sso', 'cache')).catch(() => [])).sort();

beforeEach(async () => {
  ({ home, cleanup } = await makeHome());
  emulator = await startEmulator({ interval: 1, autoApprove: true });
});
afterEach(async () => {
  await emulator?.close();
  await cleanup();
});

function expectNoSecret(output: string) {
  for (const secret of Object.values(SECRETS)) expect(output).not.toContain(secret);
  // The keys stay visible, their values are masked.
  expect(output).toMatch(/^ aws_secret_access_key = \*{16}$/m);
  expect(output).toMatch(/^ AWS_Session_Token=\*{16}$/m);
}

describe('--dry-run never shows a secret (issue 12, item 6)', () => {
  it('configure --dry-run masks secret values in the context lines', async () => {
    await writeFile(configFile(), WITH_SECRETS);
    const ctx = testContext({ home, emulator });
    await configure(ctx, {
      profile: 'dev',
      interactive: false,
      dryRun: true,
      preset: { ssoSession: 'corp', accountId: '111122223333', roleName: 'ReadOnlyAccess', region: 'eu-west-1', output: 'json' },
    });
    const output = ctx.output();
    expect(output).toMatch(/^\+\[profile dev\]$/m);
    expect(output).toMatch(/^ aws_security_token: \*{16}$/m);
    expectNoSecret(output);
    expect(await readFile(configFile(), 'utf8')).toBe(WITH_SECRETS);
  });

  it('populate --dry-run masks secret values in context and removed lines', async () => {
    // A generated profile someone added a static key to, which --prune would remove.
    const stale = `[profile Gone-Role]\nsso_session = corp\nsso_account_id = 999999999999\nsso_role_name = Role\naws_session_token = ${SECRETS.generated}\n${GENERATED_KEY} = true\n\n`;
    await writeFile(configFile(), stale + WITH_SECRETS);
    const ctx = testContext({ home, emulator });
    await populate(ctx, { ssoSession: 'corp', dryRun: true, prune: true });
    const output = ctx.output();
    expect(output).toMatch(/^-\[profile Gone-Role\]$/m);
    expect(output).toMatch(/^-aws_session_token = \*{16}$/m);
    expect(output).toMatch(/^\+\[profile Development-ReadOnlyAccess\]$/m);
    expectNoSecret(output);
    expect(await readFile(configFile(), 'utf8')).toBe(stale + WITH_SECRETS);
  });
});

describe('--dry-run writes nothing, not even the sign-in (issue 12, item 15)', () => {
  it.each([
    ['populate', (ctx: ReturnType<typeof testContext>) => populate(ctx, { ssoSession: 'corp', dryRun: true })],
    [
      'configure',
      (ctx: ReturnType<typeof testContext>) =>
        configure(ctx, { profile: 'dev', interactive: false, dryRun: true, preset: { ssoSession: 'corp', accountId: '111122223333', roleName: 'ReadOnlyAccess' } }),
    ],
  ])('%s --dry-run signs in but leaves no token, registration or config behind', async (_name, run) => {
    await writeFile(configFile(), SESSION);
    const ctx = testContext({ home, emulator });
    await run(ctx);
    expect(emulator.stats().requests.CreateToken ?? 0).toBeGreaterThan(0); // it did sign in
    expect(ctx.output()).toMatch(/^\+\[profile /m);
    expect(await cacheFiles()).toEqual([]);
    expect(await readFile(configFile(), 'utf8')).toBe(SESSION);
  });

  it('populate --dry-run with an expired token does not spend its (rotating) refresh token', async () => {
    await writeFile(configFile(), SESSION);
    const ctx = testContext({ home, emulator });
    await login(ctx, { profile: 'x', ssoSession: 'corp' });
    const files = await Promise.all((await cacheFiles()).map(async (f) => [f, await readFile(path.join(home, '.aws', 'sso', 'cache', f), 'utf8')] as const));
    const token = files.find(([, text]) => text.includes('"refreshToken"'));
    expect(token).toBeDefined();
    const expired = token![1].replace(/"expiresAt": "[^"]+"/, '"expiresAt": "2020-01-01T00:00:00Z"');
    expect(expired).not.toBe(token![1]);
    await writeFile(path.join(home, '.aws', 'sso', 'cache', token![0]), expired);
    const refreshesBefore = emulator.calls.filter((c) => c.op === 'CreateToken').length;

    await populate(ctx, { ssoSession: 'corp', dryRun: true });
    expect(await readFile(path.join(home, '.aws', 'sso', 'cache', token![0]), 'utf8')).toBe(expired);
    expect(ctx.output()).not.toMatch(/refreshed/i);

    // The session can still be refreshed afterwards: its refresh token was not spent.
    const again = testContext({ home, emulator, approve: 'never' });
    await login(again, { profile: 'x', ssoSession: 'corp' });
    expect(again.output()).toMatch(/refresh/i);
    expect(again.opened).toEqual([]);
    expect(emulator.calls.filter((c) => c.op === 'CreateToken').length).toBeGreaterThan(refreshesBefore);
  });
});
