import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readdir, readFile, writeFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { registrationCacheKey, tokenCacheKey } from '../../src/sso/cache.js';
import { startEmulator, type Emulator, type Organisation } from '../emulator/server.js';
import { configure } from '../../src/flows/configure.js';
import { login } from '../../src/flows/login.js';
import { verifyProfile } from '../../src/flows/verify.js';
import { CliError, ExitCode, InterruptedError } from '../../src/errors.js';
import { choose, makeHome, ScriptedPrompter, testContext } from '../helpers/sandbox.js';

const START_URL = 'https://d-9067c0ab12.awsapps.com/start';

let emulator: Emulator;
let home: string;
let cleanup: () => Promise<void>;

async function start(org?: Organisation) {
  emulator = await startEmulator({ org, interval: 1 });
}

beforeEach(async () => {
  ({ home, cleanup } = await makeHome());
  // The SDK's own credential providers find ~/.aws through HOME; none of them may reach the developer's.
  vi.stubEnv('HOME', home);
  vi.stubEnv('USERPROFILE', home);
});

afterEach(async () => {
  vi.unstubAllEnvs();
  await emulator?.close();
  await cleanup();
});

const configFile = () => path.join(home, '.aws', 'config');
const readConfig = () => readFile(configFile(), 'utf8');
const cacheFiles = async () => (await readdir(path.join(home, '.aws', 'sso', 'cache')).catch(() => [])).sort();

const oneAccountOrg: Organisation = {
  startUrl: START_URL,
  region: 'us-west-2',
  user: { userName: 'hanako' },
  accounts: [{ accountId: '123456789011', accountName: 'Only', emailAddress: 'only@example.com', roles: ['roleA'] }],
};

describe('configure, against the emulator', () => {
  it('new sso-session: the AWS CLI prompts, sign-in, menus, exact config bytes, verified identity', async () => {
    await start();
    const prompter = new ScriptedPrompter([
      'my-sso',
      START_URL,
      'ap-northeast-1',
      '',
      choose('Development'),
      choose('AdministratorAccess'),
      'ap-northeast-1',
      'json',
      'my-dev-profile',
    ]);
    const ctx = testContext({ home, emulator, prompter, approveAfterMs: 1500 });
    const result = await configure(ctx, {});

    expect(prompter.asked).toEqual([
      'SSO session name (Recommended)',
      'SSO start URL [None]',
      'SSO region [None]',
      'SSO registration scopes [sso:account:access]',
      'Select an account',
      'Select a role',
      'Default client Region [None]',
      'CLI default output format (json if not specified) [None]',
      'Profile name [AdministratorAccess-111122223333]',
    ]);
    // docs/compat.md checklist 8: profile then session, no blank line, the AWS CLI's key order.
    expect(await readConfig()).toBe(
      '[profile my-dev-profile]\n' +
        'sso_session = my-sso\n' +
        'sso_account_id = 111122223333\n' +
        'sso_role_name = AdministratorAccess\n' +
        'region = ap-northeast-1\n' +
        'output = json\n' +
        '[sso-session my-sso]\n' +
        `sso_start_url = ${START_URL}\n` +
        'sso_region = ap-northeast-1\n' +
        'sso_registration_scopes = sso:account:access\n',
    );
    expect((await stat(configFile())).mode & 0o777).toBe(0o600);
    // checklist 23: exactly a registration and a token, under botocore's names.
    expect(await cacheFiles()).toEqual(
      [`${sha1('my-sso')}.json`, `${registrationKeyFor()}.json`].sort(),
    );
    // A session registered with scopes gets a refresh token, and the cache keeps it.
    const token = JSON.parse(await readFile(path.join(home, '.aws', 'sso', 'cache', `${sha1('my-sso')}.json`), 'utf8'));
    expect(Object.keys(token)).toEqual([
      'startUrl', 'region', 'accessToken', 'expiresAt', 'clientId', 'clientSecret', 'registrationExpiresAt', 'refreshToken',
    ]);
    const out = ctx.output();
    expect(out).toContain('There are 2 AWS accounts available to you.\n');
    expect(out).toContain('Using the account ID 111122223333\n');
    expect(out).toContain('There are 2 roles available to you.\n');
    expect(out).toContain('Using the role name "AdministratorAccess"\n');
    expect(out).toContain('aws sts get-caller-identity --profile my-dev-profile\n');
    expect(out).toMatch(/"Arn": "arn:aws:sts::111122223333:assumed-role\/AWSReservedSSO_AdministratorAccess_[0-9a-f]{16}\/taro.yamada"/);
    expect(ctx.opened).toHaveLength(1);
    expect(result).toMatchObject({ profile: 'my-dev-profile', sessionName: 'my-sso', accountId: '111122223333', configChanged: true });
    // The account menu was filled from several pages (the emulator serves 2 per page).
    expect(emulator.calls.filter((c) => c.op === 'GetCallerIdentity' && c.status === 200)).toHaveLength(1);
  });

  it('legacy profile with one account and one role: checklist 1 bytes, no menus', async () => {
    await start(oneAccountOrg);
    const prompter = new ScriptedPrompter(['', START_URL, 'us-west-2', 'us-west-2', 'json', 'dev']);
    const ctx = testContext({ home, emulator, prompter });
    await configure(ctx, {});
    expect(await readConfig()).toBe(
      '[profile dev]\n' +
        `sso_start_url = ${START_URL}\n` +
        'sso_region = us-west-2\n' +
        'sso_account_id = 123456789011\n' +
        'sso_role_name = roleA\n' +
        'region = us-west-2\n' +
        'output = json\n',
    );
    const out = ctx.output();
    expect(out).toContain('WARNING: Configuring using legacy format (e.g. without an SSO session).\n');
    expect(out).toContain('The only AWS account available to you is: 123456789011\n');
    expect(out).toContain('The only role available to you is: roleA\n');
    expect(out).toContain('aws sts get-caller-identity --profile dev\n');
    expect(prompter.asked).not.toContain('SSO registration scopes [sso:account:access]');
    expect(await cacheFiles()).toContain(`${sha1(START_URL)}.json`);
    const token = JSON.parse(await readFile(path.join(home, '.aws', 'sso', 'cache', `${sha1(START_URL)}.json`), 'utf8'));
    expect(token).not.toHaveProperty('refreshToken'); // legacy: no scopes, no refresh token
  });

  // Issue 13 item 2: the regions a hand-written list of 36 refused; the SDK's partitions list them.
  it.each(['ap-east-2', 'ap-southeast-6', 'eusc-de-east-1'])('an Identity Center in %s: signed in, written, no warning', async (region) => {
    await start({ ...oneAccountOrg, region });
    const prompter = new ScriptedPrompter(['', START_URL, region, region, 'json', 'dev']);
    const ctx = testContext({ home, emulator, prompter });
    await configure(ctx, { verify: false });
    expect(prompter.rejected).toEqual([]);
    expect(await readConfig()).toContain(`sso_region = ${region}\nsso_account_id = 123456789011\nsso_role_name = roleA\nregion = ${region}\n`);
    expect(ctx.output()).not.toContain('Warning:');
  });

  it('a region shaped like the SDK partitions but unknown to it: accepted with a warning', async () => {
    await start(oneAccountOrg);
    const prompter = new ScriptedPrompter(['', START_URL, 'us-west-2', 'eu-mars-1', 'json', 'dev']);
    const ctx = testContext({ home, emulator, prompter });
    await configure(ctx, { verify: false });
    expect(prompter.rejected).toEqual([]);
    expect(await readConfig()).toContain('region = eu-mars-1\n');
    expect(ctx.output()).toContain(
      `Warning: "eu-mars-1" is not a region this version of sso-setup knows (from the AWS SDK's partition data); using it as given.\n`,
    );
  });

  it('new session with two scopes: checklist 8 bytes, RegisterClient gets the parsed list', async () => {
    await start(oneAccountOrg);
    const prompter = new ScriptedPrompter(['dev', START_URL, 'us-west-2', 'scope-1, scope-2', 'us-west-2', 'json']);
    const ctx = testContext({ home, emulator, prompter });
    await configure(ctx, { profile: 'dev', verify: false });
    expect(await readConfig()).toBe(
      '[profile dev]\nsso_session = dev\nsso_account_id = 123456789011\nsso_role_name = roleA\nregion = us-west-2\noutput = json\n' +
        `[sso-session dev]\nsso_start_url = ${START_URL}\nsso_region = us-west-2\nsso_registration_scopes = scope-1, scope-2\n`,
    );
    expect(ctx.output()).not.toContain('WARNING');
    const registration = registrationCacheKey({ startUrl: START_URL, region: 'us-west-2', scopes: ['scope-1', 'scope-2'], sessionName: 'dev' });
    const cached = JSON.parse(await readFile(path.join(home, '.aws', 'sso', 'cache', `${registration}.json`), 'utf8'));
    expect(cached.scopes).toEqual(['scope-1', 'scope-2']);
  });

  it('--profile existing with every answer empty leaves the file byte-identical (checklist 4, 10)', async () => {
    await start(oneAccountOrg);
    const before =
      '; hand-written\r\n[profile dev]\r\nsso_session = corp\r\nsso_account_id = 123456789011\r\nsso_role_name = roleA\r\n' +
      'region = us-west-2\r\noutput = json\r\n\r\n[sso-session corp]\r\n' +
      `sso_start_url = ${START_URL}\r\nsso_region = us-west-2\r\n`;
    await writeFile(configFile(), before);
    const prompter = new ScriptedPrompter(['', '', '']);
    const ctx = testContext({ home, emulator, prompter });
    const result = await configure(ctx, { profile: 'dev', verify: false });
    expect(prompter.asked[0]).toBe('SSO session name [corp]');
    expect(result.configChanged).toBe(false);
    expect(await readConfig()).toBe(before);
  });

  it('existing session: no SSO prompts, profile appended after the unchanged session (checklist 9)', async () => {
    await start(oneAccountOrg);
    const before = `# my settings\n[sso-session corp]\nsso_start_url=${START_URL}\nsso_region = us-west-2\n`;
    await writeFile(configFile(), before);
    const prompter = new ScriptedPrompter(['corp', '', '', 'dev']);
    const ctx = testContext({ home, emulator, prompter });
    await configure(ctx, { verify: false });
    expect(prompter.asked).toEqual([
      'SSO session name (Recommended)',
      'Default client Region [None]',
      'CLI default output format (json if not specified) [None]',
      'Profile name [roleA-123456789011]',
    ]);
    expect(await readConfig()).toBe(
      before + '[profile dev]\nsso_session = corp\nsso_account_id = 123456789011\nsso_role_name = roleA\n',
    );
  });

  it('legacy profile moved to a new session keeps its keys and appends sso_session (checklist 12)', async () => {
    await start(oneAccountOrg);
    const before =
      `[profile dev]\nsso_start_url = ${START_URL}\nsso_region = us-west-2\nsso_account_id = 123456789011\n` +
      'sso_role_name = roleA\nregion = us-west-2\noutput = json\n';
    await writeFile(configFile(), before);
    const prompter = new ScriptedPrompter(['dev', '', '', '', '', '']);
    const ctx = testContext({ home, emulator, prompter });
    await configure(ctx, { profile: 'dev', verify: false });
    expect(prompter.asked).toEqual([
      'SSO session name (Recommended)',
      `SSO start URL [${START_URL}]`,
      'SSO region [us-west-2]',
      'SSO registration scopes [sso:account:access]',
      'Default client Region [us-west-2]',
      'CLI default output format (json if not specified) [json]',
    ]);
    expect(await readConfig()).toBe(
      before + 'sso_session = dev\n' + `[sso-session dev]\nsso_start_url = ${START_URL}\nsso_region = us-west-2\nsso_registration_scopes = sso:account:access\n`,
    );
  });

  it('rejects bad answers with the AWS CLI messages and asks again', async () => {
    await start(oneAccountOrg);
    const prompter = new ScriptedPrompter(['bad name', 's', 'not a url', START_URL, '', 'us-west2', 'us-west-2', 'a b', '', '', 'xml', '', 'dev']);
    const ctx = testContext({ home, emulator, prompter });
    await configure(ctx, { verify: false });
    expect(prompter.rejected.map((r) => r.error)).toEqual([
      expect.stringMatching(/^Not a valid session name: "bad name" contains spaces/),
      expect.stringMatching(/^Not a valid Start URL: "not a url"/),
      expect.stringMatching(/^A value is required/),
      expect.stringMatching(/^Not a valid SSO region: "us-west2". Did you mean us-west-2\?/),
      expect.stringMatching(/^Scope values must be separated by commas/),
      expect.stringMatching(/Not a valid output format: "xml"/),
    ]);
  });

  it('UnauthorizedException while listing: profile without credentials (checklist 11)', async () => {
    await start(oneAccountOrg);
    emulator.failNext('ListAccounts', { status: 401, errorType: 'UnauthorizedException', message: 'Session token not found or invalid' });
    const prompter = new ScriptedPrompter(['s', START_URL, 'us-west-2', '', 'eu-west-1', 'json', 'dev']);
    const ctx = testContext({ home, emulator, prompter });
    await configure(ctx, {});
    expect(prompter.asked).toContain('Profile name [None]');
    expect(ctx.output()).toContain('Unable to list AWS accounts and/or roles.');
    expect(ctx.output()).toContain('Successfully configured SSO for profile: dev\n');
    expect(await readConfig()).toMatch(/^\[profile dev\]\nsso_session = s\nregion = eu-west-1\noutput = json\n\[sso-session s\]/);
  });

  it('no accounts: a clear error and nothing written (checklist 3)', async () => {
    await start({ ...oneAccountOrg, accounts: [] });
    const ctx = testContext({ home, emulator, prompter: new ScriptedPrompter(['s', START_URL, 'us-west-2', '']) });
    await expect(configure(ctx, {})).rejects.toThrow('No AWS accounts are available to you.');
    await expect(readConfig()).rejects.toThrow(/ENOENT/);
    expect(await cacheFiles()).toEqual([]);
  });

  it('Ctrl-C at the role menu leaves every file as it was', async () => {
    await start();
    const before = '[default]\nregion = eu-west-1\n';
    await writeFile(configFile(), before);
    const interrupt = () => {
      throw new InterruptedError();
    };
    const ctx = testContext({
      home,
      emulator,
      prompter: new ScriptedPrompter(['s', START_URL, 'ap-northeast-1', '', choose('Development'), interrupt]),
    });
    await expect(configure(ctx, {})).rejects.toBeInstanceOf(InterruptedError);
    expect(await readConfig()).toBe(before);
    expect(await cacheFiles()).toEqual([]);
  });

  it.each([0, 1, 2, 3, 4, 5, 6, 7, 8])('Ctrl-C at prompt %i of the wizard leaves every file as it was', async (at) => {
    await start();
    const before = '# mine\r\n[default]\r\nregion = eu-west-1\r\n';
    await writeFile(configFile(), before);
    const interrupt = () => {
      throw new InterruptedError();
    };
    const script: Array<Parameters<typeof choose>[0] | ReturnType<typeof choose>> = [
      'my-sso', START_URL, 'ap-northeast-1', '', choose('Development'), choose('ReadOnly'), 'ap-northeast-1', 'json', 'p',
    ];
    const answers = script.slice(0, at).concat([interrupt]) as ConstructorParameters<typeof ScriptedPrompter>[0];
    const prompter = new ScriptedPrompter(answers);
    const ctx = testContext({ home, emulator, prompter });
    await expect(configure(ctx, {})).rejects.toBeInstanceOf(InterruptedError);
    expect(prompter.asked).toHaveLength(at + 1);
    expect(await readConfig()).toBe(before);
    expect(await readdir(path.join(home, '.aws'))).toEqual(['config']);
  });

  it('denied in the browser: error, nothing written', async () => {
    await start(oneAccountOrg);
    const ctx = testContext({ home, emulator, approve: 'deny', prompter: new ScriptedPrompter(['s', START_URL, 'us-west-2', '']) });
    await expect(configure(ctx, {})).rejects.toThrow(/denied/);
    await expect(readConfig()).rejects.toThrow(/ENOENT/);
  });
});

function sha1(text: string) {
  return createHash('sha1').update(text).digest('hex');
}
function registrationKeyFor() {
  return registrationCacheKey({ startUrl: START_URL, region: 'ap-northeast-1', scopes: ['sso:account:access'], sessionName: 'my-sso' });
}

describe('session flags that differ from an existing sso-session (issue 12 item 2)', () => {
  const OTHER_URL = 'https://d-0000000000.awsapps.com/start';
  const existing =
    `# mine\n[sso-session s1]\nsso_start_url = ${START_URL}\nsso_region = us-west-2\n` +
    'sso_registration_scopes = sso:account:access, codewhisperer:completions\n';
  const profileFlags = { accountId: '123456789011', roleName: 'roleA', region: 'us-west-2', output: 'json' };

  it('are a usage error naming both values and how to change the session: nothing written, no sign-in', async () => {
    await start(oneAccountOrg);
    await writeFile(configFile(), existing);
    const ctx = testContext({ home, emulator });
    const error = await configure(ctx, {
      profile: 'dev',
      interactive: false,
      preset: { ssoSession: 's1', startUrl: OTHER_URL, ssoRegion: 'eu-west-1', ...profileFlags },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).exitCode).toBe(ExitCode.usage);
    const message = (error as CliError).message;
    expect(message).toContain(`--start-url "${OTHER_URL}", but the session has "${START_URL}"`);
    expect(message).toContain('--sso-region "eu-west-1", but the session has "us-west-2"');
    expect(message).toContain(`edit the [sso-session s1] section of ${configFile()}`);
    expect(message).toContain('another session name with --sso-session');
    expect(message).toContain('To change it, run: sso-setup configure sso-session --sso-session s1');
    expect(await readConfig()).toBe(existing);
    expect(await cacheFiles()).toEqual([]);
    expect(emulator.calls).toEqual([]);
  });

  it('a differing --scopes alone is refused too, also at a terminal', async () => {
    await start(oneAccountOrg);
    await writeFile(configFile(), existing);
    const prompter = new ScriptedPrompter([]);
    const ctx = testContext({ home, emulator, prompter });
    await expect(configure(ctx, { profile: 'dev', preset: { ssoSession: 's1', scopes: 'sso:account:access', ...profileFlags } })).rejects.toThrow(
      '--scopes "sso:account:access", but the session has "sso:account:access, codewhisperer:completions"',
    );
    expect(prompter.asked).toEqual([]);
    expect(await readConfig()).toBe(existing);
    expect(emulator.calls).toEqual([]);
  });

  it('equal values (a trailing slash, scopes in another order) are fine: the profile uses the unchanged session', async () => {
    await start(oneAccountOrg);
    await writeFile(configFile(), existing);
    const ctx = testContext({ home, emulator });
    await configure(ctx, {
      profile: 'dev',
      interactive: false,
      verify: false,
      preset: {
        ssoSession: 's1',
        startUrl: `${START_URL}/`,
        ssoRegion: 'us-west-2',
        scopes: 'codewhisperer:completions,sso:account:access',
        ...profileFlags,
      },
    });
    expect(await readConfig()).toBe(
      existing + '[profile dev]\nsso_session = s1\nsso_account_id = 123456789011\nsso_role_name = roleA\nregion = us-west-2\noutput = json\n',
    );
  });

  it('a bad value for an existing session is reported as a bad value', async () => {
    await start(oneAccountOrg);
    await writeFile(configFile(), existing);
    const ctx = testContext({ home, emulator });
    await expect(
      configure(ctx, { profile: 'dev', interactive: false, preset: { ssoSession: 's1', ssoRegion: 'us-west2', ...profileFlags } }),
    ).rejects.toThrow(/^Invalid value for --sso-region: Not a valid SSO region: "us-west2"/);
    expect(await readConfig()).toBe(existing);
  });

  it('--scopes for a legacy profile (empty --sso-session) is a usage error, before any sign-in', async () => {
    await start(oneAccountOrg);
    const ctx = testContext({ home, emulator });
    const error = await configure(ctx, {
      profile: 'dev',
      interactive: false,
      preset: { ssoSession: '', startUrl: START_URL, ssoRegion: 'us-west-2', scopes: 'sso:account:access', ...profileFlags },
    }).catch((e: unknown) => e);
    expect((error as CliError).exitCode).toBe(ExitCode.usage);
    expect((error as CliError).message).toMatch(/^--scopes applies only to an sso-session/);
    await expect(readConfig()).rejects.toThrow(/ENOENT/);
    expect(emulator.calls).toEqual([]);
  });
});

describe('a legacy profile converted to an sso-session (issue 12 item 3)', () => {
  const OLD_URL = 'https://d-0000000000.awsapps.com/start';

  it('loses the legacy keys that differ from the session, so botocore accepts it; exact bytes, verified', async () => {
    await start(oneAccountOrg);
    const before =
      '# work\n[profile dev]\n' +
      `sso_start_url = ${OLD_URL}\nsso_region = eu-west-1\nsso_account_id = 123456789011\n` +
      'sso_role_name = roleA\nregion = us-west-2\noutput = json\n\n[profile other]\nregion = eu-west-1\n';
    await writeFile(configFile(), before);
    const ctx = testContext({ home, emulator });
    await configure(ctx, {
      profile: 'dev',
      interactive: false,
      preset: { ssoSession: 'corp', startUrl: START_URL, ssoRegion: 'us-west-2', scopes: '', accountId: '123456789011', roleName: 'roleA' },
      acceptDefaults: true,
    });
    expect(await readConfig()).toBe(
      '# work\n[profile dev]\nsso_account_id = 123456789011\nsso_role_name = roleA\nregion = us-west-2\noutput = json\n' +
        'sso_session = corp\n\n[profile other]\nregion = eu-west-1\n' +
        `[sso-session corp]\nsso_start_url = ${START_URL}\nsso_region = us-west-2\nsso_registration_scopes = sso:account:access\n`,
    );
    expect(ctx.output()).toMatch(/"Arn": "arn:aws:sts::123456789011:assumed-role\/AWSReservedSSO_roleA_/);
  });

  it('moved to an existing session, a legacy key equal to the session\'s stays (as the AWS CLI keeps it), a differing one goes', async () => {
    await start(oneAccountOrg);
    const before =
      `[sso-session corp]\nsso_start_url = ${START_URL}\nsso_region = us-west-2\n` +
      `[profile dev]\nsso_start_url = ${START_URL}\nsso_region = eu-west-1\nsso_account_id = 123456789011\nsso_role_name = roleA\n`;
    await writeFile(configFile(), before);
    const ctx = testContext({ home, emulator });
    await configure(ctx, { profile: 'dev', interactive: false, acceptDefaults: true, preset: { ssoSession: 'corp' } });
    expect(await readConfig()).toBe(
      `[sso-session corp]\nsso_start_url = ${START_URL}\nsso_region = us-west-2\n` +
        `[profile dev]\nsso_start_url = ${START_URL}\nsso_account_id = 123456789011\nsso_role_name = roleA\nsso_session = corp\n`,
    );
  });
});

describe('no other flag of configure is dropped (issue 12 item 2, the class)', () => {
  it('--account-id / --role-name when the accounts cannot be listed: an error naming them, nothing written', async () => {
    await start(oneAccountOrg);
    emulator.failNext('ListAccounts', { status: 401, errorType: 'UnauthorizedException', message: 'Session token not found or invalid' });
    const ctx = testContext({ home, emulator });
    await expect(
      configure(ctx, {
        profile: 'dev',
        interactive: false,
        acceptDefaults: true,
        preset: { ssoSession: 's', startUrl: START_URL, ssoRegion: 'us-west-2', accountId: '123456789011', roleName: 'roleA' },
      }),
    ).rejects.toThrow('Unable to list AWS accounts and/or roles, so --account-id "123456789011" and --role-name "roleA" could not be used. Nothing was written.');
    await expect(readConfig()).rejects.toThrow(/ENOENT/);
  });
});


describe("configure's verification: the profile as the file now says it, with the token in hand", () => {
  const sessionConfig = (profileKeys: string) =>
    `[profile dev]\n${profileKeys}sso_session = corp\nsso_account_id = 123456789011\nsso_role_name = roleA\n` +
    `[sso-session corp]\nsso_start_url = ${START_URL}\nsso_region = us-west-2\nsso_registration_scopes = sso:account:access\n`;
  async function signedIn() {
    const ctx = testContext({ home, emulator });
    await login(ctx, { profile: 'dev' });
    const file = path.join(home, '.aws', 'sso', 'cache', `${tokenCacheKey({ sessionName: 'corp', startUrl: START_URL })}.json`);
    return { ctx, accessToken: (JSON.parse(await readFile(file, 'utf8')) as { accessToken: string }).accessToken };
  }

  it('GetRoleCredentials for the account and role in the file, then GetCallerIdentity with them', async () => {
    await start(oneAccountOrg);
    await writeFile(configFile(), sessionConfig(''));
    const { ctx, accessToken } = await signedIn();
    const identity = await verifyProfile(ctx, 'dev', 'us-west-2', accessToken);
    expect(identity.Arn).toMatch(/^arn:aws:sts::123456789011:assumed-role\/AWSReservedSSO_roleA_/);
    expect(ctx.output()).toContain(`"Account": "123456789011"`);
    expect(emulator.calls.filter((c) => c.op === 'GetRoleCredentials' && c.status === 200)).toHaveLength(1);
    expect(emulator.calls.filter((c) => c.op === 'GetCallerIdentity' && c.status === 200)).toHaveLength(1);
  });

  it('a profile botocore refuses is reported, and nothing is asked of the portal', async () => {
    await start(oneAccountOrg);
    await writeFile(configFile(), sessionConfig('sso_region = eu-west-1\n'));
    const { ctx, accessToken } = await signedIn();
    const calls = emulator.calls.length;
    const error = (await verifyProfile(ctx, 'dev', 'us-west-2', accessToken).catch((e: unknown) => e)) as Error & { exitCode: number };
    expect(error.message).toContain('The profile was written, but not every AWS tool can use it:\nThe AWS CLI and boto3 cannot use the profile dev');
    expect(error.exitCode).toBe(ExitCode.configuration);
    expect(emulator.calls.slice(calls)).toEqual([]);
  });

  it('a role the portal refuses: the refusal named', async () => {
    await start({ ...oneAccountOrg, accounts: [{ ...oneAccountOrg.accounts[0]!, deniedRoles: ['roleA'] }] });
    await writeFile(configFile(), sessionConfig(''));
    const { ctx, accessToken } = await signedIn();
    await expect(verifyProfile(ctx, 'dev', 'us-west-2', accessToken)).rejects.toThrow(
      /^The profile was written, but signing in with it failed: ForbiddenException/,
    );
    expect(emulator.calls.filter((c) => c.op === 'GetCallerIdentity')).toEqual([]);
  });
});
