import { afterEach, describe, expect, it } from 'vitest';
import { langFlag } from '../../src/cli.js';
import { CliError, ExitCode } from '../../src/errors.js';
import { detectLanguage, en, messages, setLanguage, type Messages, type StatusEntry } from '../../src/ui/messages.js';
import { ja } from '../../src/ui/messages-ja.js';

/**
 * The catalogues: Japanese has exactly the English keys, every text is translated (with
 * the exceptions listed below), the values that must stay ASCII do, and the language is
 * picked from --lang, LC_ALL, LC_MESSAGES and LANG.
 */

type Leaf = { path: string; en: unknown; ja: unknown };

/** Every leaf (string or function) of both catalogues, by dotted path. */
function leaves(a: Record<string, unknown>, b: Record<string, unknown>, prefix = ''): Leaf[] {
  return Object.keys(a).flatMap((key) => {
    const path = prefix + key;
    const x = a[key];
    const y = b[key];
    if (x !== null && typeof x === 'object') return leaves(x as Record<string, unknown>, y as Record<string, unknown>, `${path}.`);
    return [{ path, en: x, ja: y }];
  });
}

function keyTree(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return typeof value;
  return Object.fromEntries(Object.keys(value).sort().map((k) => [k, keyTree((value as Record<string, unknown>)[k])]));
}

const URL = 'https://d-9067c0ab12.awsapps.com/start';
const status: StatusEntry = {
  type: 'sso-session',
  name: 'my-sso',
  startUrl: URL,
  region: 'ap-northeast-1',
  profiles: ['dev', 'prod'],
  signedIn: true,
  expiresAt: '2026-01-01T09:00:00.000Z',
  refreshable: true,
  registrationExpiresAt: '2026-03-01T00:00:00.000Z',
};

/**
 * Sample arguments for every function in the catalogue; a function may have several
 * calls (optional arguments, singular and plural). A new function needs an entry here.
 */
const SAMPLES: Record<string, unknown[][]> = {
  sessionNamePrompt: [[], ['my-sso']],
  startUrlPrompt: [[], [URL]],
  ssoRegionPrompt: [[], ['ap-northeast-1']],
  scopesPrompt: [['sso:account:access']],
  regionPrompt: [[], ['ap-northeast-1']],
  outputPrompt: [[], ['json']],
  profileNamePrompt: [[], ['ReadOnlyAccess-111122223333']],
  invalidStartUrl: [['http://x', 'is not a URL']],
  invalidSsoRegion: [['ap-northeast1'], ['ap-northeast1', 'ap-northeast-1']],
  invalidScopes: [['a b']],
  invalidRegion: [['tokyo'], ['ap-northeast1', 'ap-northeast-1']],
  invalidOutput: [['xml', ['json', 'text']]],
  invalidName: [['profile name', 'a b', 'contains spaces'], ['session name', 'a b', 'contains spaces']],
  invalidAccountId: [['123']],
  'reason.tooLong': [[128]],
  deviceBrowser: [[{ verificationUri: 'https://device.sso.aws/', userCode: 'ABCD-EFGH' }]],
  pkceBrowser: [['https://oidc.us-east-1.amazonaws.com/authorize?response_type=code']],
  pkceNoBrowser: [['https://oidc.us-east-1.amazonaws.com/authorize?response_type=code']],
  qrPkce: [[8400]],
  signInMethod: [
    [{ method: 'pkce', reason: { kind: 'default', sessionName: 'my-sso' }, remote: false }],
    [{ method: 'pkce', reason: { kind: 'flag-pkce' }, remote: false }],
    [{ method: 'pkce', reason: { kind: 'callback-port', port: 8400 }, remote: false }],
    [{ method: 'device', reason: { kind: 'flag-device' }, remote: false }],
    [{ method: 'device', reason: { kind: 'config', sessionName: 'my-sso' }, remote: false }],
    [{ method: 'device', reason: { kind: 'legacy' }, remote: false }],
    [{ method: 'device', reason: { kind: 'ssh', variable: 'SSH_CONNECTION' }, remote: true }],
    [{ method: 'device', reason: { kind: 'ci' }, remote: true }],
    [{ method: 'device', reason: { kind: 'no-display' }, remote: true }],
  ],
  authorizationCodeFailed: [['access_denied'], ['access_denied', 'The user denied the request']],
  callbackPortInUse: [[8400]],
  callbackPortDenied: [[80]],
  callbackServerFailed: [['EADDRNOTAVAIL']],
  callbackWrongHost: [[8400]],
  browserNotOpened: [[['/usr/bin/firefox: ENOENT']], [['xdg-open exited with code 3', 'lynx was stopped by SIGKILL']]],
  browserExited: [['xdg-open', 3]],
  browserStopped: [['lynx', 'SIGKILL']],
  authorizationTimedOut: [[600]],
  refreshed: [['my-sso']],
  refreshFailed: [['InvalidGrantException: Invalid refresh token provided']],
  remembered: [['my-sso', true], ['my-sso', false]],
  deviceNoBrowser: [[{ verificationUri: 'https://device.sso.aws/', userCode: 'ABCD-EFGH', verificationUriComplete: 'https://device.sso.aws/?user_code=ABCD-EFGH' }]],
  startSignInFailed: [[URL, 'InvalidRequestException: bad']],
  signInFailed: [['InternalServerException']],
  registerFailed: [['InternalServerException']],
  onlyAccount: [['111122223333']],
  accountCount: [[2]],
  usingAccount: [['111122223333']],
  onlyRole: [['ReadOnlyAccess']],
  roleCount: [[2]],
  usingRole: [['ReadOnlyAccess']],
  noRoles: [['111122223333']],
  listingFailed: [['InternalServerException']],
  missingFlags: [[['--start-url', '--sso-region']]],
  invalidFlag: [['start-url', 'bad']],
  accountNotAvailable: [['111122223333', ['444455556666']]],
  roleNotAvailable: [['Admin', '111122223333', ['ReadOnlyAccess']]],
  chooseWithFlag: [['role-name', ['Admin', 'ReadOnlyAccess']]],
  dryRunNoChange: [['/home/u/.aws/config']],
  dryRunHeader: [['/home/u/.aws/config']],
  cacheFileReplaced: [['/home/u/.aws/sso/cache/x.json']],
  regionLikelyWrong: [['us-east-1', 'https://d-1.awsapps.com/start']],
  backedUp: [['/home/u/.aws/config', '/home/u/.aws/config.sso-setup.bak']],
  populateSummary: [[{ dryRun: false, added: 3, updated: 1, removed: 0, unchanged: 2, pairs: 6, accounts: 2 }], [{ dryRun: true, added: 0, updated: 0, removed: 1, unchanged: 0, pairs: 0, accounts: 0 }]],
  populateSkipped: [[['mine', 'other']]],
  populateFailures: [[2, ['  111122223333 Dev: ForbiddenException: No access']]],
  populateListingFailed: [['TooManyRequestsException']],
  populateBadRate: [['0']],
  configChangedMeanwhile: [['/home/u/.aws/config']],
  unknownTemplateField: [['account', '{account}-{role_name}', '{account_id} {account_name}']],
  populateHint: [['my-sso']],
  configuredProfile: [['my-dev-profile']],
  configuredNoCredentials: [['my-dev-profile']],
  verifying: [['my-dev-profile']],
  verifyFailed: [['AccessDeniedException']],
  missingValues: [[['sso_start_url', 'sso_region']]],
  sessionNotFound: [['nope']],
  profileNotFound: [['nope']],
  loggedIn: [[URL]],
  loggedOut: [[1, 1], [2, 3]],
  profileMissingRoleKeys: [['dev', ['sso_account_id']], ['dev', ['sso_account_id', 'sso_role_name']]],
  sessionExpired: [['dev']],
  sessionInvalid: [['dev']],
  roleCredentialsFailed: [['ReadOnlyAccess', '111122223333', 'ForbiddenException']],
  whoamiFailed: [['dev', 'UnauthorizedException']],
  whoamiIdentity: [[{ Account: '111122223333', Arn: 'arn:aws:sts::111122223333:assumed-role/R/u', UserId: 'AROA:u' }]],
  statusEntry: [
    [status, 42],
    [{ ...status, signedIn: false }, 0],
    [{ ...status, type: 'legacy', name: null, signedIn: false, expiresAt: null, refreshable: false, registrationExpiresAt: null, profiles: [] }, 0],
  ],
  configBinaryLine: [[3]],
  configBadHeader: [[3, '[profile dev']],
  cannotUseConfig: [['/home/u/.aws/config', 'line 3 contains binary data']],
  caBundleUnreadable: [['/etc/ca.pem', 'ENOENT: no such file or directory']],
  fileErrorReason: [['EACCES'], ['EPERM'], ['ENOSPC'], ['EDQUOT'], ['EROFS'], ['ENOTDIR'], ['EISDIR']],
  cannotWrite: [['/home/u/.aws/config', 'the disk is full']],
  unexpectedError: [['TypeError', 'x is not a function']],
  unknownLanguage: [['fr', ['en', 'ja']]],
  'help.title': [['Usage:'], ['Options:'], ['Commands:'], ['Arguments:'], ['Global Options:']],
  'help.term': [['sso-setup [options] [command]'], ['configure [options]'], ['help [command]']],
  'help.choices': [['"process", "env"']],
  'help.default': [['"process"']],
  'help.preset': [['"x"']],
  'help.env': [['AWS_PROFILE']],
  'help.commanderError': [
    ["error: unknown option '--bogus'\n"],
    ["error: unknown option '--profle'\n(Did you mean --profile?)\n"],
    ["error: unknown command 'logn'\n(Did you mean one of login, logout?)\n"],
    ["error: option '--profile <name>' argument missing\n"],
    ["error: option '--format <format>' argument 'xml' is invalid. Allowed choices are process, env.\n"],
    ["error: required option '--sso-session <name>' not specified\n"],
    ["error: command-argument value 'ksh' is invalid for argument 'shell'. Allowed choices are bash, zsh, fish.\n"],
    ["error: too many arguments for 'login'. Expected 0 arguments but got 1.\n"],
  ],
};

/**
 * Texts that are intentionally the same in both languages (path, or path#call index).
 * None today: even `help.term` and `help.title` translate commander's words.
 */
const IDENTICAL: string[] = [];

const all = leaves(en as unknown as Record<string, unknown>, ja as unknown as Record<string, unknown>);
const calls = all.flatMap((leaf) =>
  typeof leaf.en === 'function'
    ? (SAMPLES[leaf.path] ?? []).map((args, i) => ({
        id: `${leaf.path}#${i}`,
        path: leaf.path,
        en: (leaf.en as (...a: unknown[]) => unknown)(...args),
        ja: (leaf.ja as (...a: unknown[]) => unknown)(...args),
      }))
    : [{ id: leaf.path, path: leaf.path, en: leaf.en, ja: leaf.ja }],
);

afterEach(() => setLanguage('en'));

describe('the catalogues', () => {
  it('ja has exactly the keys of en, with the same kinds of values', () => {
    expect(keyTree(ja)).toEqual(keyTree(en));
  });

  it('every function has sample arguments, and only functions have them', () => {
    const functions = all.filter((l) => typeof l.en === 'function').map((l) => l.path);
    expect(functions.filter((p) => !(p in SAMPLES))).toEqual([]);
    expect(Object.keys(SAMPLES).filter((p) => !functions.includes(p))).toEqual([]);
  });

  it('every text is a non-empty string in both languages', () => {
    for (const call of calls) {
      expect(typeof call.en, call.id).toBe('string');
      expect(typeof call.ja, call.id).toBe('string');
      expect((call.ja as string).length, call.id).toBeGreaterThan(0);
    }
  });

  it('every Japanese text differs from the English one, except those listed as identical', () => {
    const same = calls.filter((c) => c.en === c.ja).map((c) => c.id);
    expect(same.sort()).toEqual([...IDENTICAL].sort());
    // …and the Japanese ones are Japanese.
    const notJapanese = calls.filter((c) => !IDENTICAL.includes(c.id) && !/[\u3040-\u30ff\u4e00-\u9fff]/.test(c.ja as string));
    expect(notJapanese.map((c) => c.id)).toEqual([]);
  });

  it('prompts keep the AWS CLI shape and the same bracketed default', () => {
    for (const call of calls.filter((c) => c.path.endsWith('Prompt'))) {
      const bracket = /\[[^\]]*\]$/.exec(call.en as string)?.[0];
      if (bracket) expect(call.ja as string, call.id).toMatch(new RegExp(`\\S ${bracket.replace(/[[\]]/g, '\\$&')}$`));
      expect(call.ja as string, call.id).not.toMatch(/[:：]\s*$/); // the prompter adds ': '
    }
    expect(ja.startUrlPrompt()).toBe('SSO 開始 URL [None]');
    expect(ja.scopesPrompt('sso:account:access')).toBe('SSO 登録スコープ [sso:account:access]');
  });

  it('commands, flags, paths, URLs, config keys and variables stay as they are in Japanese', () => {
    const tokens = /aws sts get-caller-identity(?: --profile \S+)?|sso-setup (?:configure|login|logout|status|whoami|export-credentials)(?: --[a-z-]+(?: [\w-]+)?)?|--[a-z][a-z-]*|https?:\/\/[\w.\-/?=]+|~\/\.aws\/[\w/]+|\bsso_[a-z_]+|\b(?:AWS|LC)_[A-Z_]+|\bLANG\b|STS GetCallerIdentity|IAM Identity Center/g;
    for (const call of calls) {
      const wanted = [...new Set(((call.en as string).match(tokens) ?? []).map((t) => t.replace(/[.]+$/, '')))];
      for (const token of wanted) expect(call.ja as string, `${call.id}: ${token}`).toContain(token);
    }
  });

  it('English keeps the AWS CLI texts word for word', () => {
    expect(en.startUrlPrompt()).toBe('SSO start URL [None]');
    expect(en.sessionNamePrompt()).toBe('SSO session name (Recommended)');
    expect(en.outputPrompt()).toBe('CLI default output format (json if not specified) [None]');
    expect(en.sessionNotFound('nope')).toBe('The specified sso-session does not exist: "nope"');
    expect(en.help.title('Usage:')).toBe('Usage:');
    expect(en.help.commanderError("error: unknown option '--x'\n")).toBe("error: unknown option '--x'\n");
  });

  it('translates commander errors it knows and keeps the rest of the text', () => {
    expect(ja.help.commanderError("error: unknown option '--profle'\n(Did you mean --profile?)\n")).toBe(
      "エラー: 不明なオプションです: '--profle'\n(もしかして --profile ですか?)\n",
    );
    expect(ja.help.commanderError('error: something new\n')).toBe('エラー: something new\n');
  });

  it('Japanese status lines line up in the terminal', () => {
    const lines = ja.statusEntry(status, 42).split('\n').slice(1);
    const column = (line: string) => {
      let width = 0;
      const value = line.search(/(https|はい|いいえ|有効期限|なし|dev)/);
      for (const ch of line.slice(0, value)) width += /[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1;
      return width;
    };
    expect(new Set(lines.map(column)).size).toBe(1);
  });
});

describe('setLanguage', () => {
  it('switches the live `messages` binding every module imports', () => {
    expect(messages).toBe(en);
    setLanguage('ja');
    expect(messages).toBe(ja);
    expect(messages.valueRequired).toBe('値を入力してください');
    setLanguage('en');
    expect(messages.valueRequired).toBe('A value is required');
  });

  it('types: the Japanese catalogue is a Messages', () => {
    const catalogue: Messages = ja;
    expect(catalogue).toBeDefined();
  });
});

describe('detectLanguage', () => {
  it.each<[NodeJS.ProcessEnv, 'en' | 'ja']>([
    [{}, 'en'],
    [{ LANG: 'ja_JP.UTF-8' }, 'ja'],
    [{ LANG: 'ja_JP.utf8' }, 'ja'],
    [{ LANG: 'ja_JP' }, 'ja'],
    [{ LANG: 'ja' }, 'ja'],
    [{ LANG: 'ja_JP.UTF-8@modifier' }, 'ja'],
    [{ LANG: 'en_US.UTF-8' }, 'en'],
    [{ LANG: 'C' }, 'en'],
    [{ LANG: 'C.UTF-8' }, 'en'],
    [{ LANG: 'POSIX' }, 'en'],
    [{ LANG: 'fr_FR.UTF-8' }, 'en'],
    [{ LANG: 'jam' }, 'en'],
    // Japanese in another encoding: our Japanese is UTF-8, so English rather than garbled text.
    [{ LANG: 'ja_JP.eucJP' }, 'en'],
    // LC_ALL, then LC_MESSAGES, then LANG; empty ones are skipped.
    [{ LC_ALL: 'C', LANG: 'ja_JP.UTF-8' }, 'en'],
    [{ LC_ALL: 'ja_JP.UTF-8', LANG: 'C' }, 'ja'],
    [{ LC_MESSAGES: 'ja_JP.UTF-8', LANG: 'en_US.UTF-8' }, 'ja'],
    [{ LC_ALL: '', LC_MESSAGES: 'ja_JP.UTF-8', LANG: 'en_US.UTF-8' }, 'ja'],
    [{ LC_ALL: '', LC_MESSAGES: '', LANG: 'ja_JP.UTF-8' }, 'ja'],
    [{ LC_MESSAGES: 'C', LANG: 'ja_JP.UTF-8' }, 'en'],
  ])('%j → %s', (env, expected) => {
    expect(detectLanguage(env)).toBe(expected);
  });

  it('--lang wins over the environment', () => {
    expect(detectLanguage({ LANG: 'ja_JP.UTF-8' }, 'en')).toBe('en');
    expect(detectLanguage({ LC_ALL: 'C' }, 'ja')).toBe('ja');
    expect(detectLanguage({}, 'ja')).toBe('ja');
  });

  it('an unknown --lang is a usage error naming the value and the accepted ones, in the environment language', () => {
    const attempt = (env: NodeJS.ProcessEnv, flag: string) => {
      try {
        detectLanguage(env, flag);
      } catch (error) {
        return error as CliError;
      }
      throw new Error('no error');
    };
    const english = attempt({ LANG: 'C' }, 'fr');
    expect(english).toBeInstanceOf(CliError);
    expect(english.exitCode).toBe(ExitCode.usage);
    expect(english.message).toBe('Unknown language for --lang: "fr". Expected one of: en, ja.');
    const japanese = attempt({ LANG: 'ja_JP.UTF-8' }, 'ja_JP');
    expect(japanese.exitCode).toBe(252);
    expect(japanese.message).toContain('"ja_JP"');
    expect(japanese.message).toContain('en, ja');
    expect(japanese.message).toMatch(/[\u3040-\u30ff]/);
    expect(attempt({}, '').exitCode).toBe(252);
  });
});

describe('langFlag (the --lang value main() reads before building the program)', () => {
  it.each<[string[], string | undefined]>([
    [[], undefined],
    [['--help'], undefined],
    [['--lang', 'ja', '--help'], 'ja'],
    [['login', '--profile', 'dev', '--lang=en'], 'en'],
    [['--lang', 'ja', 'login', '--lang', 'en'], 'en'],
    [['--lang'], ''],
    [['login', '--', '--lang', 'ja'], undefined],
  ])('%j → %s', (argv, expected) => {
    expect(langFlag(argv)).toBe(expected);
  });
});
