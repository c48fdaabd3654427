import { describe, expect, it } from 'vitest';
import { langFlag } from '../../src/commands/root.js';
import { CliError, ExitCode } from '../../src/errors.js';
import type { SessionStatus } from '../../src/flows/status.js';
import { bilingual, catalogue, detectLanguage, loadCatalogue, type Messages } from '../../src/ui/messages/index.js';

const en = catalogue('en');
const ja = await loadCatalogue('ja');

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
const status: SessionStatus = {
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
  'admin.regionPrompt': [[], ['us-east-1']],
  'admin.userNamePrompt': [[], ['workday_worker']],
  'admin.emailPrompt': [[], ['hogehoge@example.ne.jp']],
  'admin.givenNamePrompt': [[], ['Taro']],
  'admin.familyNamePrompt': [[], ['Yamada']],
  'admin.displayNamePrompt': [[], ['Taro Yamada']],
  'admin.permissionSetPrompt': [[], ['S3DynamoDBAccess']],
  'admin.sessionDurationPrompt': [['PT1H']],
  'admin.accountCount': [[3]],
  'admin.usingInstance': [['arn:aws:sso:::instance/ssoins-1234567890abcdef', 'd-1234567890', 'us-east-1']],
  'admin.noInstance': [['ap-northeast-1']],
  'admin.invalidEmail': [['hoge']],
  'admin.invalidSessionDuration': [['8h']],
  'admin.invalidPolicyName': [['Amazon S3']],
  'admin.invalidUserName': [['a b']],
  'admin.invalidPermissionSetName': [['a b']],
  'admin.unknownPolicies': [[['AmazonS3FullAcess']]],
  'admin.noAccountsListed': [['AccessDeniedException: not allowed']],
  'admin.plan.createUser': [['workday_worker', 'hogehoge@example.ne.jp']],
  'admin.plan.userExists': [['workday_worker']],
  'admin.plan.createGroup': [['developers']],
  'admin.plan.groupExists': [['developers']],
  'admin.plan.addMember': [['workday_worker', 'developers']],
  'admin.plan.memberExists': [['workday_worker', 'developers']],
  'admin.plan.createPermissionSet': [['S3DynamoDBAccess', 'PT1H']],
  'admin.plan.permissionSetExists': [['S3DynamoDBAccess']],
  'admin.plan.attachPolicy': [['AmazonS3FullAccess', 'S3DynamoDBAccess']],
  'admin.plan.policyAttached': [['AmazonS3FullAccess']],
  'admin.plan.provision': [['S3DynamoDBAccess', '111122223333']],
  'admin.plan.assign': [['workday_worker', 'S3DynamoDBAccess', '111122223333']],
  'admin.plan.assigned': [['workday_worker', 'S3DynamoDBAccess', '111122223333']],
  'admin.conflicts': [[['user workday_worker has the email address a@example.com, not b@example.com']]],
  'admin.conflict.email': [['workday_worker', 'a@example.com', 'b@example.com']],
  'admin.conflict.description': [['S3DynamoDBAccess', 'old', 'new']],
  'admin.conflict.duration': [['S3DynamoDBAccess', 'PT1H', 'PT8H']],
  'admin.nameDiffers': [['workday_worker', 'given name', 'Taro', 'Jiro']],
  'admin.done': [['create user workday_worker']],
  'admin.assigning': [[1, 2]],
  'admin.assignmentFailed': [['111122223333', 'AccessDenied']],
  'admin.assignmentsFailed': [[['Assignment to account 111122223333 failed: AccessDenied']]],
  'admin.provisioningFailed': [['111122223333', 'AccessDenied']],
  'admin.portalUrl': [['https://d-1234567890.awsapps.com/start']],
  'admin.ssoRegion': [['us-east-1']],
  'admin.passwordNote': [['workday_worker']],
  'configure.sessionNamePrompt': [[], ['my-sso']],
  'configure.startUrlPrompt': [[], [URL]],
  'configure.ssoRegionPrompt': [[], ['ap-northeast-1']],
  'configure.scopesPrompt': [['sso:account:access']],
  'configure.regionPrompt': [[], ['ap-northeast-1']],
  'configure.outputPrompt': [[], ['json']],
  'configure.profileNamePrompt': [[], ['ReadOnlyAccess-111122223333']],
  'validate.invalidStartUrl': [['http://x', 'is not a URL']],
  'validate.invalidSsoRegion': [['ap-northeast1'], ['ap-northeast1', 'ap-northeast-1']],
  'validate.invalidScopes': [['a b']],
  'validate.invalidRegion': [['tokyo'], ['ap-northeast1', 'ap-northeast-1']],
  'validate.unknownRegion': [['eu-mars-1']],
  'validate.invalidOutput': [['xml', ['json', 'text']]],
  'validate.invalidName': [['profile name', 'a b', 'contains spaces'], ['session name', 'a b', 'contains spaces']],
  'validate.invalidAccountId': [['123']],
  'validate.reason.tooLong': [[128]],
  'validate.reason.hostNotAsTyped': [['start']],
  'populate.retryAfterCapped': [[7200, 60]],
  'configureSsoSession.configured': [['dev']],
  'configureSsoSession.notAnOption': [['--profile']],
  'startUrl.invalidStartUrl': [['https:///start']],
  'startUrl.failedStatus': [[404]],
  'startUrl.failedReason': [['getaddrinfo ENOTFOUND sso.example.com']],
  'startUrl.timedOut': [[10]],
  'startUrl.notAwsOwned': [['https://sso.example.com/start', 'https://login.example.net/start']],
  'startUrl.resolvedNotHttps': [['http://d-1234567890.awsapps.com/start']],
  'startUrl.noRegion': [['https://sso.example.com/start']],
  'startUrl.regionUpdated': [['us-east-1']],
  'startUrl.askingRegion': [['Failed to resolve start URL: timed out after 10 s']],
  'signIn.deviceBrowser': [[{ verificationUri: 'https://device.sso.aws/', userCode: 'ABCD-EFGH' }]],
  'signIn.pkceBrowser': [['https://oidc.us-east-1.amazonaws.com/authorize?response_type=code']],
  'signIn.pkceNoBrowser': [['https://oidc.us-east-1.amazonaws.com/authorize?response_type=code']],
  'signIn.qrPkce': [[8400]],
  'signIn.signInMethod': [
    ['pkce', 'it is the default for sso-session "my-sso"'],
    ['device', '--use-device-code was given'],
  ],
  'signIn.methodReason.callbackPort': [[8400]],
  'signIn.methodReason.config': [['my-sso']],
  'signIn.methodReason.ssh': [['SSH_CONNECTION']],
  'signIn.methodReason.default': [['my-sso']],
  'signIn.authorizationCodeFailed': [['access_denied'], ['access_denied', 'The user denied the request']],
  'signIn.callbackPortInUse': [[8400]],
  'signIn.callbackWrongHost': [[8400]],
  'signIn.browserNotOpened': [[['/usr/bin/firefox: ENOENT']], [['xdg-open exited with code 3', 'lynx was stopped by SIGKILL']]],
  'signIn.browserExited': [['xdg-open', 3]],
  'signIn.browserStopped': [['lynx', 'SIGKILL']],
  'signIn.callbackPortDenied': [[80]],
  'signIn.callbackServerFailed': [['EADDRNOTAVAIL']],
  'signIn.authorizationTimedOut': [[600]],
  'signIn.refreshed': [['my-sso']],
  'signIn.refreshFailed': [['InvalidGrantException: Invalid refresh token provided']],
  'signIn.remembered': [['my-sso', true], ['my-sso', false]],
  'signIn.deviceNoBrowser': [[{ verificationUri: 'https://device.sso.aws/', userCode: 'ABCD-EFGH', verificationUriComplete: 'https://device.sso.aws/?user_code=ABCD-EFGH' }]],
  'signIn.startSignInFailed': [[URL, 'InvalidRequestException: bad']],
  'signIn.signInFailed': [['InternalServerException']],
  'signIn.registerFailed': [['InternalServerException']],
  'configure.onlyAccount': [['111122223333']],
  'configure.accountCount': [[2]],
  'configure.usingAccount': [['111122223333']],
  'configure.onlyRole': [['ReadOnlyAccess']],
  'configure.roleCount': [[2]],
  'configure.usingRole': [['ReadOnlyAccess']],
  'configure.noRoles': [['111122223333']],
  'login.profileAndSession': [['dev', 'my-sso'], ['dev', 'my-sso', 'other-sso']],
  'signIn.flagsNotUsed': [[['--timeout']], [['--use-device-code', '--timeout']]],
  'configure.listingFailed': [['InternalServerException']],
  'configure.unableToListGiven': [[['--account-id 111122223333']], [['--account-id 111122223333', '--role-name ReadOnlyAccess']]],
  'common.missingFlags': [[['--start-url', '--sso-region']]],
  'common.invalidFlag': [['start-url', 'bad']],
  'configure.accountNotAvailable': [['111122223333', ['444455556666']]],
  'configure.roleNotAvailable': [['Admin', '111122223333', ['ReadOnlyAccess']]],
  'common.chooseWithFlag': [['role-name', ['Admin', 'ReadOnlyAccess']]],
  'common.dryRunNoChange': [['/home/u/.aws/config']],
  'common.dryRunHeader': [['/home/u/.aws/config']],
  'signIn.cacheFileReplaced': [['/home/u/.aws/sso/cache/x.json']],
  'signIn.regionLikelyWrong': [['us-east-1', 'https://d-1.awsapps.com/start']],
  'common.backedUp': [['/home/u/.aws/config', '/home/u/.aws/config.sso-setup.bak']],
  'populate.populateSummary': [[{ dryRun: false, added: 3, updated: 1, removed: 0, unchanged: 2, pairs: 6, accounts: 2 }], [{ dryRun: true, added: 0, updated: 0, removed: 1, unchanged: 0, pairs: 0, accounts: 0 }]],
  'populate.populateSkipped': [[['mine', 'other']]],
  'populate.populateFailures': [[2, ['  111122223333 Dev: ForbiddenException: No access']]],
  'populate.populateListingFailed': [['TooManyRequestsException']],
  'populate.populateBadRate': [['0']],
  'populate.configChangedMeanwhile': [['/home/u/.aws/config']],
  'populate.unknownTemplateField': [['account', '{account}-{role_name}', '{account_id} {account_name}']],
  'configure.populateHint': [['my-sso']],
  'configure.noRegionHint': [['ap-northeast-1']],
  'configure.configuredProfile': [['my-dev-profile']],
  'configure.configuredNoCredentials': [['my-dev-profile']],
  'configure.verifying': [['my-dev-profile']],
  'credentials.botocoreRejects': [['dev', 'my-sso', 'profile dev', '/home/me/.aws/config', ['sso_region: "us-east-1" in the profile, "ap-northeast-1" in the sso-session'], ['sso_region']]],
  'credentials.inconsistentValue': [['sso_region', 'us-east-1', 'ap-northeast-1']],
  'credentials.writtenButRejected': [['the AWS CLI and boto3 cannot use the profile dev']],
  'configure.sessionConflict': [['my-sso', '/home/me/.aws/config', ['--sso-region "us-east-1", but the session has "ap-northeast-1"']]],
  'configure.sessionValueDiffers': [['sso-region', 'us-east-1', 'ap-northeast-1'], ['scopes', 'sso:account:access']],
  'credentials.verifyFailed': [['AccessDeniedException']],
  'login.missingValues': [[['sso_start_url', 'sso_region']]],
  'login.sessionNotFound': [['nope']],
  'login.profileNotFound': [['nope']],
  'login.loggedIn': [[URL]],
  'logout.loggedOut': [[1, 1], [2, 3]],
  'logout.loggedOutOne': [['corp', 1, 1], [URL, 0, 2]],
  'login.allSigningIn': [['corp', URL]],
  'login.allSummary': [['corp', 'already', ''], ['corp', 'refreshed', ''], ['corp', 'signed-in', ''], ['corp', 'failed', 'Timed out']],
  'login.allFailed': [[1, 3]],
  'console.opening': [['111122223333', 'ReadOnlyAccess', 'https://console.aws.amazon.com/s3/home?region=ap-northeast-1']],
  'console.openingPortal': [['111122223333', 'ReadOnlyAccess']],
  'console.browserNotOpened': [[['xdg-open exited with code 3']]],
  'console.portalNotOpened': [[['xdg-open exited with code 3'], URL]],
  'console.badDestination': [['ftp://x', 'console.aws.amazon.com']],
  'console.badRegion': [['tokyo']],
  'console.unsupportedPartition': [['aws-iso', 'us-iso-east-1']],
  'console.partitionMismatch': [['cn-north-1', 'aws-cn', 'us-east-1', 'aws']],
  'console.signinTokenFailed': [['https://signin.aws.amazon.com/federation', 400, 'Invalid'], ['https://signin.aws.amazon.com/federation', 0, 'ECONNREFUSED']],
  'credentials.profileMissingRoleKeys': [['dev', ['sso_account_id']], ['dev', ['sso_account_id', 'sso_role_name']]],
  'credentials.sessionExpired': [['dev']],
  'credentials.sessionInvalid': [['dev']],
  'config.replaceBusy': [['C:\\Users\\taro\\.aws\\config', 'EBUSY', 1.86]],
  'credentials.cmdUnsafeValue': [['AWS_SESSION_TOKEN', '%']],
  'credentials.roleCredentialsFailed': [['ReadOnlyAccess', '111122223333', 'ForbiddenException']],
  'credentials.unableToRetrieve': [['Could not resolve credentials using profile: [dev] in configuration/credentials file(s).']],
  'credentials.profileChainTooDeep': [[4, ['a', 'b', 'c', 'd']]],
  'credentials.profileChainLoop': [[['dev', 'dev']]],
  'credentials.whoamiFailed': [['dev', 'UnauthorizedException']],
  'credentials.whoamiIdentity': [[{ Account: '111122223333', Arn: 'arn:aws:sts::111122223333:assumed-role/R/u', UserId: 'AROA:u' }]],
  'exec.commandNotFound': [['terraform']],
  'exec.commandNotExecutable': [['./deploy.sh', 'EACCES']],
  'exec.cannotRun': [['terraform', 'E2BIG']],
  'exec.windowsScript': [['cdk.cmd']],
  'status.check.session': [['my-sso']],
  'status.check.legacy': [[URL]],
  'status.check.notSignedIn': [['sso-session my-sso']],
  'status.check.expired': [['sso-session my-sso', '2026-01-01T09:00:00Z']],
  'status.check.expiresSoon': [['sso-session my-sso', '2026-01-01T09:00:00Z', 12]],
  'status.check.notSsoProfile': [['plain']],
  'status.check.conflict': [['--profile', '--sso-session']],
  'status.check.needsCheck': [['--min-remaining']],
  'status.check.invalidDuration': [['30x']],
  'serve.serving': [['dev', 'http://127.0.0.1:49152/', '2026-01-01T09:00:00Z']],
  'serve.exports': [['http://127.0.0.1:49152/', 'c2VjcmV0LXRva2VuLWZvci10aGUtdGVzdHM', 'ap-northeast-1']],
  'serve.notLoopbackWarning': [['0.0.0.0']],
  'serve.requestLog': [['2026-01-01T09:00:00.000Z', 'GET', '/', 200]],
  'serve.renewed': [['2026-01-01T09:00:00Z']],
  'serve.renewalFailed': [['The SSO session for profile dev has expired']],
  'serve.cannotListen': [['127.0.0.1', 8080, 'EADDRINUSE']],
  'serve.invalidPort': [['http']],
  'status.statusEntry': [
    [status, 42],
    [{ ...status, signedIn: false }, 0],
    [{ ...status, type: 'legacy', name: null, signedIn: false, expiresAt: null, refreshable: false, registrationExpiresAt: null, profiles: [] }, 0],
  ],
  'config.configBinaryLine': [[3]],
  'config.configBadHeader': [[3, '[profile dev']],
  'config.cannotUseConfig': [['/home/u/.aws/config', 'line 3 contains binary data']],
  'config.lockTimedOut': [
    ['/home/u/.aws/config.lock', 15, 10, { pid: 4242, hostname: 'devbox', time: '2026-01-02T03:04:05.000Z' }],
    ['/home/u/.aws/config.lock', 15, 10, undefined],
  ],
  'config.notUtf8': [['/home/u/.aws/config']],
  'config.danglingLink': [['/home/u/.aws/config']],
  'config.caBundleUnreadable': [['AWS_CA_BUNDLE', '/etc/ca.pem', 'ENOENT: no such file or directory'], ['--ca-bundle', '/etc/ca.pem', 'EACCES: permission denied']],
  'config.unverifiedHttps': [['oidc.us-east-1.amazonaws.com']],
  'common.fileErrorReason': [['EACCES'], ['EPERM'], ['ENOSPC'], ['EDQUOT'], ['EROFS'], ['ENOTDIR'], ['EISDIR']],
  'common.cannotWrite': [['/home/u/.aws/config', 'the disk is full']],
  'common.unexpectedError': [['TypeError', 'x is not a function']],
  'common.unknownLanguage': [['fr', ['en', 'ja']]],
  'program.help.title': [['Usage:'], ['Options:'], ['Commands:'], ['Arguments:'], ['Global Options:']],
  'program.help.term': [['sso-setup [options] [command]'], ['configure [options]'], ['help [command]']],
  'program.help.choices': [['"process", "env"']],
  'program.help.default': [['"process"']],
  'program.help.preset': [['"x"']],
  'program.help.env': [['AWS_PROFILE']],
  'program.help.commanderError': [
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
 * Texts that are intentionally the same in both languages (path, or path#call index): log
 * lines made of values only. Even `help.term` and `help.title` translate commander's words.
 */
const IDENTICAL: string[] = ['serve.requestLog#0'];

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
    expect(ja.configure.startUrlPrompt()).toBe('SSO 開始 URL [None]');
    expect(ja.configure.scopesPrompt('sso:account:access')).toBe('SSO 登録スコープ [sso:account:access]');
  });

  it('commands, flags, paths, URLs, config keys and variables stay as they are in Japanese', () => {
    const tokens = /aws sts get-caller-identity(?: --profile \S+)?|sso-setup (?:configure|login|logout|status|whoami|export-credentials)(?: --[a-z-]+(?: [\w-]+)?)?|--[a-z][a-z-]*|https?:\/\/[\w.\-/?=]+|~\/\.aws\/[\w/]+|\bsso_[a-z_]+|\b(?:AWS|LC)_[A-Z_]+|\bLANG\b|STS GetCallerIdentity|IAM Identity Center/g;
    for (const call of calls) {
      const wanted = [...new Set(((call.en as string).match(tokens) ?? []).map((t) => t.replace(/[.]+$/, '')))];
      for (const token of wanted) expect(call.ja as string, `${call.id}: ${token}`).toContain(token);
    }
  });

  it('English keeps the AWS CLI texts word for word', () => {
    expect(en.configure.startUrlPrompt()).toBe('SSO start URL [None]');
    expect(en.configure.sessionNamePrompt()).toBe('SSO session name (Recommended)');
    expect(en.configure.outputPrompt()).toBe('CLI default output format (json if not specified) [None]');
    expect(en.login.sessionNotFound('nope')).toBe('The specified sso-session does not exist: "nope"');
    expect(en.program.help.title('Usage:')).toBe('Usage:');
    expect(en.program.help.commanderError("error: unknown option '--x'\n")).toBe("error: unknown option '--x'\n");
  });

  it('translates commander errors it knows and keeps the rest of the text', () => {
    expect(ja.program.help.commanderError("error: unknown option '--profle'\n(Did you mean --profile?)\n")).toBe(
      "エラー: 不明なオプションです: '--profle'\n(もしかして --profile ですか?)\n",
    );
    expect(ja.program.help.commanderError('error: something new\n')).toBe('エラー: something new\n');
  });

  it('Japanese status lines line up in the terminal', () => {
    const lines = ja.status.statusEntry(status, 42).split('\n').slice(1);
    const column = (line: string) => {
      let width = 0;
      const value = line.search(/(https|はい|いいえ|有効期限|なし|dev)/);
      for (const ch of line.slice(0, value)) width += /[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1;
      return width;
    };
    expect(new Set(lines.map(column)).size).toBe(1);
  });
});

describe('catalogue (the language is passed in, nothing global)', () => {
  it('gives each language its own texts, the same object every time', () => {
    expect(catalogue('en')).toBe(en);
    expect(catalogue('ja')).toBe(ja);
    expect(ja.validate.valueRequired).toBe('値を入力してください');
    expect(en.validate.valueRequired).toBe('A value is required');
  });

  it('each area module holds en and ja with the same keys', async () => {
    for (const [area, texts] of Object.entries(await bilingual())) {
      expect(keyTree(texts.ja), area).toEqual(keyTree(texts.en));
    }
  });

  it('types: the Japanese catalogue is a Messages', () => {
    const japanese: Messages = ja;
    expect(japanese).toBeDefined();
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
  ])('%j → %s', async (env, expected) => {
    expect(await detectLanguage(env)).toBe(expected);
  });

  it('--lang wins over the environment', async () => {
    expect(await detectLanguage({ LANG: 'ja_JP.UTF-8' }, 'en')).toBe('en');
    expect(await detectLanguage({ LC_ALL: 'C' }, 'ja')).toBe('ja');
    expect(await detectLanguage({}, 'ja')).toBe('ja');
  });

  it('an unknown --lang is a usage error naming the value and the accepted ones, in the environment language', async () => {
    const attempt = async (env: NodeJS.ProcessEnv, flag: string) => {
      try {
        await detectLanguage(env, flag);
      } catch (error) {
        return error as CliError;
      }
      throw new Error('no error');
    };
    const english = await attempt({ LANG: 'C' }, 'fr');
    expect(english).toBeInstanceOf(CliError);
    expect(english.exitCode).toBe(ExitCode.usage);
    expect(english.message).toBe('Unknown language for --lang: "fr". Expected one of: en, ja.');
    const japanese = await attempt({ LANG: 'ja_JP.UTF-8' }, 'ja_JP');
    expect(japanese.exitCode).toBe(252);
    expect(japanese.message).toContain('"ja_JP"');
    expect(japanese.message).toContain('en, ja');
    expect(japanese.message).toMatch(/[\u3040-\u30ff]/);
    expect((await attempt({}, '')).exitCode).toBe(252);
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
