import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lstat, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { startEmulator, type Emulator } from '../emulator/server.js';
import { main } from '../../src/cli.js';
import type { FileSystemOptions } from '../../src/config/file-system.js';
import { makeHome, testContext } from '../helpers/sandbox.js';

/**
 * Bad input, as a table: every case gets a clear message that names the bad value and
 * says what is expected, a non-zero exit code, and no file changes. The CLI runs
 * in-process (`main`) with no terminal, so flags stand in for typed answers.
 */
const START_URL = 'https://d-9067c0ab12.awsapps.com/start';
const VALID = {
  '--sso-session': 'my-sso',
  '--start-url': START_URL,
  '--sso-region': 'ap-northeast-1',
  '--account-id': '111122223333',
  '--role-name': 'AdministratorAccess',
  '--profile': 'my-dev-profile',
};
const HAND_WRITTEN = '# my own settings\n[default]\nregion = eu-west-1\n\n[profile keep]\noutput = table\n';

function configureWith(overrides: Record<string, string | undefined>): string[] {
  const flags = { ...VALID, ...overrides };
  return ['configure', '--no-verify', ...Object.entries(flags).flatMap(([k, v]) => (v === undefined ? [] : [k, v]))];
}

const fsError = (code: string) =>
  async (file: unknown): Promise<never> => {
    throw Object.assign(new Error(`${code}: simulated`), { code, path: String(file) });
  };

interface Case {
  name: string;
  argv: string[];
  /** What the message must say: the bad value (as quoted in messages) and what is expected. */
  expect: RegExp[];
  config?: string | Uint8Array;
  fsOptions?: FileSystemOptions;
  exitCode?: number;
}

const long = `https://d-1.awsapps.com/${'a'.repeat(10_240)}`;
const badNames: Array<[string, RegExp]> = [
  ['[x]', /"\[x\]" contains characters the AWS SDKs cannot read/],
  ['a\nb', /"a\\nb" contains control characters/],
  ['a b', /"a b" contains spaces/],
  ['プロファイル', /"プロファイル" contains characters/],
  ['x'.repeat(300), /\(300 characters\)" is longer than 128/],
  ['__proto__', /"__proto__" is reserved/],
];

const cases: Case[] = [
  { name: 'start URL over http', argv: configureWith({ '--start-url': 'http://d-9067c0ab12.awsapps.com/start' }), expect: [/--start-url/, /"http:\/\/d-9067c0ab12.awsapps.com\/start" must start with https:\/\//, /awsapps.com\/start/] },
  { name: 'start URL without a host', argv: configureWith({ '--start-url': 'https://' }), expect: [/"https:\/\/" is not a URL/] },
  { name: 'start URL with an empty host (https:///start)', argv: configureWith({ '--start-url': 'https:///start' }), expect: [/--start-url/, /"https:\/\/\/start" has no host name right after https:\/\//, /awsapps.com\/start/] },
  { name: 'start URL whose host the URL parser rewrites', argv: configureWith({ '--start-url': 'https://d%2D9067c0ab12.awsapps.com/start' }), expect: [/--start-url/, /"https:\/\/d%2D9067c0ab12.awsapps.com\/start" would be read as host "d-9067c0ab12.awsapps.com"/] },
  { name: 'start URL with a space', argv: configureWith({ '--start-url': 'https://d-1 2.awsapps.com/start' }), expect: [/contains spaces/] },
  { name: 'start URL with a newline', argv: configureWith({ '--start-url': 'https://d-1.awsapps.com/st\nart' }), expect: [/"https:\/\/d-1.awsapps.com\/st\\nart" contains spaces or control characters/] },
  { name: 'javascript: start URL', argv: configureWith({ '--start-url': 'javascript:alert(1)' }), expect: [/"javascript:alert\(1\)" must start with https:\/\//] },
  { name: '10 KB start URL', argv: configureWith({ '--start-url': long }), expect: [/\(10264 characters\)" is longer than 2048/] },
  { name: 'unknown SSO region', argv: configureWith({ '--sso-region': 'mars-north-1' }), expect: [/--sso-region/, /Not a valid SSO region: "mars-north-1"/, /Settings/] },
  { name: 'upper-case SSO region', argv: configureWith({ '--sso-region': 'US-EAST-1' }), expect: [/"US-EAST-1". Did you mean us-east-1\?/] },
  { name: 'empty SSO region', argv: configureWith({ '--sso-region': '' }), expect: [/--sso-region: A value is required/, /e\.g\. us-east-1/] },
  { name: 'client region that is a city', argv: configureWith({ '--region': 'Tokyo' }), expect: [/Not a valid region name: "Tokyo"/, /us-east-1 or ap-northeast-1/] },
  { name: 'client region with a control character', argv: configureWith({ '--region': 'us-east-1\u0007' }), expect: [/"us-east-1\\u0007"/] },
  ...badNames.map(([value, pattern]): Case => ({ name: `session name ${JSON.stringify(value).slice(0, 20)}`, argv: configureWith({ '--sso-session': value }), expect: [/--sso-session/, pattern] })),
  ...badNames.map(([value, pattern]): Case => ({ name: `profile name ${JSON.stringify(value).slice(0, 20)}`, argv: configureWith({ '--profile': value }), expect: [/--profile/, pattern] })),
  { name: 'scopes separated by spaces', argv: configureWith({ '--scopes': 'sso:account:access codewhisperer:completions' }), expect: [/"sso:account:access codewhisperer:completions"/, /separated by commas/] },
  { name: 'output with an escape sequence', argv: configureWith({ '--output': 'json\u001b[31m' }), expect: [/"json\\u001b\[31m"/, /Expected one of: json, text/] },
  { name: 'unknown output format', argv: configureWith({ '--output': 'xml' }), expect: [/"xml"/, /yaml-stream/] },
  { name: 'account not available', argv: configureWith({ '--account-id': '999999999999' }), expect: [/account 999999999999 is not available/, /Available: 111122223333, 444455556666/] },
  { name: 'role not available', argv: configureWith({ '--role-name': 'NoSuchRole' }), expect: [/"NoSuchRole" is not available in account 111122223333/, /AdministratorAccess, ReadOnlyAccess/] },
  { name: 'nothing given and no terminal', argv: ['configure'], expect: [/Missing values and no terminal to ask for them: --sso-session, --start-url, --sso-region/] },
  { name: 'config with an unterminated header', argv: configureWith({}), config: `${HAND_WRITTEN}[profile broken\nregion = x\n`, expect: [/line 7 has an unterminated or malformed section header: "\[profile broken"/], exitCode: 253 },
  { name: 'config of binary garbage', argv: configureWith({}), config: new Uint8Array([0x5b, 0xff, 0xfe, 0x00, 0x01, 0x0a]), expect: [/is not valid UTF-8 text/], exitCode: 253 },
  { name: 'config with NUL bytes', argv: ['login', '--profile', 'keep'], config: `${HAND_WRITTEN}region\u0000 = x\n`, expect: [/line 7 contains binary data/], exitCode: 253 },
  { name: 'full disk', argv: configureWith({}), fsOptions: { fs: { open: fsError('ENOSPC') } }, expect: [/Cannot write .*: the disk is full/] },
  { name: 'unwritable ~/.aws', argv: configureWith({}), fsOptions: { fs: { open: fsError('EACCES') } }, expect: [/Cannot write .*: permission denied/] },
  { name: 'unknown sso-session at login', argv: ['login', '--sso-session', 'nope'], expect: [/The specified sso-session does not exist: "nope"/], exitCode: 253 },
  { name: 'profile without SSO settings at login', argv: ['login', '--profile', 'keep'], expect: [/Missing the following required SSO configuration values: sso_start_url, sso_region/], exitCode: 253 },
];

/** Every file under the home directory, with its bytes and mode. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true })) {
    const file = path.join(dir, entry);
    const info = await lstat(file);
    out[entry] = info.isDirectory() ? `dir ${info.mode}` : `${info.mode} ${(await readFile(file)).toString('base64')}`;
  }
  return out;
}

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ interval: 1, autoApprove: true });
});
afterAll(async () => emulator?.close());

describe('bad input', () => {
  it('has at least 30 cases', () => expect(cases.length).toBeGreaterThanOrEqual(30));

  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const { home, cleanup } = await makeHome();
    try {
      await writeFile(path.join(home, '.aws', 'config'), c.config ?? HAND_WRITTEN);
      const before = await snapshot(home);
      const ctx = testContext({ home, emulator, fsOptions: c.fsOptions });
      ctx.interactive = false;
      const code = await main(c.argv, () => ctx);
      const output = ctx.output();
      expect(code, output).not.toBe(0);
      if (c.exitCode) expect(code).toBe(c.exitCode);
      for (const pattern of c.expect) expect(output).toMatch(pattern);
      expect(await snapshot(home)).toEqual(before);
    } finally {
      await cleanup();
    }
  });
});
