import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { startEmulator, type Emulator } from '../emulator/server.js';
import { makeHome } from '../helpers/sandbox.js';
import { approveBrowser, childEnv, requireBuiltCli, runCli, Terminal } from '../helpers/cli.js';

/**
 * The journey in Japanese: with LANG=ja_JP.UTF-8 the built CLI asks in Japanese, in a
 * pseudo-terminal, and writes exactly the bytes it writes in English. `--help` and errors
 * are Japanese too; `--lang` overrides the environment.
 */
const START_URL = 'https://d-9067c0ab12.awsapps.com/start';
const PROFILE = 'my-dev-profile';
const ARN = /arn:aws:sts::111122223333:assumed-role\/AWSReservedSSO_ReadOnlyAccess_[0-9a-f]{16}\/taro\.yamada/;
/** What the English journey (journey.test.ts) writes, byte for byte. */
const EXPECTED_CONFIG =
  `[profile ${PROFILE}]\nsso_session = my-sso\nsso_account_id = 111122223333\nsso_role_name = ReadOnlyAccess\n` +
  'region = ap-northeast-1\noutput = json\n' +
  `[sso-session my-sso]\nsso_start_url = ${START_URL}\nsso_region = ap-northeast-1\nsso_registration_scopes = sso:account:access\n`;

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

let emulator: Emulator;
let home: string;
let cleanup: () => Promise<void>;
let env: Record<string, string>;

beforeAll(async () => {
  requireBuiltCli();
  emulator = await startEmulator({ interval: 1 });
  ({ home, cleanup } = await makeHome());
  env = childEnv(home, { AWS_ENDPOINT_URL: emulator.url, BROWSER: approveBrowser, LANG: 'ja_JP.UTF-8' });
});

afterAll(async () => {
  await emulator?.close();
  await cleanup?.();
});

describe('sso-setup in Japanese (LANG=ja_JP.UTF-8)', () => {
  it('configure: a person answers every Japanese prompt; the config file has the English run’s bytes', async () => {
    const term = new Terminal(['configure'], env);
    try {
      let at = await term.answer('SSO セッション名 (推奨): ', 'my-sso');
      at = await term.answer('SSO 開始 URL [None]: ', START_URL, at);
      at = await term.answer('SSO リージョン [None]: ', 'ap-northeast-1', at);
      at = await term.answer('SSO 登録スコープ [sso:account:access]: ', '', at);
      at = await term.waitFor('デフォルトのブラウザを開いています。', at);
      at = await term.waitFor('利用できる AWS アカウントは 2 件あります。', at);
      at = await term.waitFor('Development, dev@example.com (111122223333)', at);
      term.type('\r'); // the first account, Development
      at = await term.waitFor('アカウント ID 111122223333 を使用します', at);
      at = await term.waitFor('利用できるロールは 2 件あります。', at);
      at = await term.waitFor('ReadOnlyAccess', at);
      term.type('\u001b[B'); // arrow down to ReadOnlyAccess
      await new Promise((r) => setTimeout(r, 200));
      term.type('\r');
      at = await term.waitFor('ロール名 "ReadOnlyAccess" を使用します', at);
      at = await term.answer('デフォルトのクライアントリージョン [None]: ', 'ap-northeast-1', at);
      at = await term.answer('CLI のデフォルト出力形式 (指定しなければ json) [None]: ', 'json', at);
      at = await term.answer('プロファイル名 [ReadOnlyAccess-111122223333]: ', PROFILE, at);
      at = await term.waitFor('このプロファイルを使うには、次のように --profile でプロファイル名を指定します:', at);
      at = await term.waitFor(`aws sts get-caller-identity --profile ${PROFILE}`, at);
      at = await term.waitFor(`プロファイル ${PROFILE} を STS GetCallerIdentity で確認しています:`, at);
      await term.waitFor(ARN, at);
      expect(await term.exited).toBe(0);
    } finally {
      term.kill();
    }
    expect(term.text).not.toContain('SSO start URL');
    expect(term.text).not.toContain('available to you');
    // A short menu is only its list, as the AWS CLI draws it: no title, no key hints.
    expect(term.text).not.toContain('アカウントを選択してください');
    expect(term.text).not.toContain('navigate');
    expect(await readFile(path.join(home, '.aws', 'config'), 'utf8')).toBe(EXPECTED_CONFIG);
    expect(await readdir(path.join(home, '.aws', 'sso', 'cache'))).toHaveLength(2); // token and registration
    expect(emulator.calls.map((c) => c.op)).toContain('Approve');
  });

  it('status is Japanese; status --json is the same JSON as in English', async () => {
    const ja = await runCli(['status'], env);
    expect(ja.code).toBe(0);
    expect(ja.stdout).toContain('sso-session my-sso: サインイン済み');
    expect(ja.stdout).toContain(`プロファイル:`);
    const json = await runCli(['status', '--json'], env);
    const english = await runCli(['status', '--json', '--lang', 'en'], env);
    expect(JSON.parse(json.stdout)).toEqual(JSON.parse(english.stdout));
    expect(json.stdout).not.toMatch(JAPANESE);
  });

  it('--help is Japanese under LANG=ja_JP.UTF-8 and with --lang ja', async () => {
    const fromEnv = await runCli(['--help'], env);
    expect(fromEnv.code).toBe(0);
    expect(fromEnv.stdout).toMatch(/^使い方: sso-setup \[オプション\] \[コマンド\]/);
    expect(fromEnv.stdout).toContain('オプション:');
    expect(fromEnv.stdout).toContain('コマンド:');
    expect(fromEnv.stdout).toContain('コマンドのヘルプを表示する');
    expect(fromEnv.stdout).not.toContain('display help for command');

    const fromFlag = await runCli(['--lang', 'ja', 'configure', '--help'], childEnv(home, { LANG: 'C' }));
    expect(fromFlag.code).toBe(0);
    expect(fromFlag.stdout).toMatch(/^使い方: sso-setup configure \[オプション\]/);
    expect(fromFlag.stdout).toContain('SSO 開始 URL');
    expect(fromFlag.stdout).toContain('--start-url <url>');
    expect(fromFlag.stdout).not.toContain('Options:');

    const flagAfter = await runCli(['export-credentials', '--help', '--lang=ja'], childEnv(home, { LANG: 'C' }));
    expect(flagAfter.stdout).toContain('選択肢: "process"');
    expect(flagAfter.stdout).toContain('デフォルト: "process"');
  });

  it('--lang en under LANG=ja_JP.UTF-8 is English', async () => {
    const result = await runCli(['--lang', 'en', '--help'], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: sso-setup \[options\] \[command\]/);
    expect(result.stdout).toContain('display help for command');
    expect(result.stdout).not.toMatch(JAPANESE);
    const error = await runCli(['login', '--sso-session', 'nope', '--lang', 'en'], env);
    expect(error.code).toBe(253);
    expect(error.stderr).toContain('The specified sso-session does not exist: "nope"');
  });

  it('errors are Japanese, with the AWS CLI exit codes', async () => {
    const noSession = await runCli(['login', '--sso-session', 'nope'], env);
    expect(noSession.code).toBe(253);
    expect(noSession.stderr).toContain('指定された sso-session は存在しません: "nope"');
    const noProfile = await runCli(['login', '--profile', 'nope'], env);
    expect(noProfile.code).toBe(255);
    expect(noProfile.stderr).toContain('設定プロファイル (nope) が見つかりません');
    const badFlag = await runCli(['login', '--profle', 'x'], env);
    expect(badFlag.code).toBe(252);
    expect(badFlag.stderr).toContain("エラー: 不明なオプションです: '--profle'");
    expect(badFlag.stderr).toContain('使い方: sso-setup login [オプション]');
  });

  it('an unknown --lang is a usage error (252) naming the value and the accepted ones', async () => {
    const inJapanese = await runCli(['--lang', 'fr', 'status'], env);
    expect(inJapanese.code).toBe(252);
    expect(inJapanese.stderr).toContain('"fr"');
    expect(inJapanese.stderr).toContain('en, ja');
    expect(inJapanese.stderr).toMatch(JAPANESE);
    const inEnglish = await runCli(['--lang=fr', 'status'], childEnv(home, { LANG: 'C' }));
    expect(inEnglish.code).toBe(252);
    expect(inEnglish.stderr).toContain('Unknown language for --lang: "fr". Expected one of: en, ja.');
  });
});
