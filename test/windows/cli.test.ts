import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { startEmulator, type Emulator } from '../emulator/server.js';
import { click } from '../emulator/browser-click.mjs';
import { makeHome } from '../helpers/sandbox.js';
import { approveBrowser, childEnv, repoRoot, requireBuiltCli, runCli } from '../helpers/cli.js';
import { createPrefix, type RunResult, type WinePrefix } from './wine.js';

/**
 * Every command on win32: the built CLI on the official Windows node.exe under Wine
 * (test/windows/wine.ts), against the emulator in Linux Node on 127.0.0.1. What it writes
 * under %USERPROFILE%\.aws is compared byte for byte with what the same command writes on
 * Linux: the same text, with CRLF line endings as the AWS CLI for Windows writes a new file
 * (docs/compat.md §A9 "Line endings").
 */

const START_URL = 'https://d-9067c0ab12.awsapps.com/start';
const ACCOUNT = '111122223333';
const ROLE = 'ReadOnlyAccess';
const CONFIGURE = [
  'configure', '--profile', 'dev', '--sso-session', 'corp', '--start-url', START_URL, '--sso-region', 'ap-northeast-1',
  '--account-id', ACCOUNT, '--role-name', ROLE, '--region', 'ap-northeast-1', '--output', 'json',
];

let wine: WinePrefix;
let emulator: Emulator;
let winEnv: Record<string, string>;
let linuxHome: { home: string; cleanup(): Promise<void> };
let linuxEnv: Record<string, string>;
/** C:\users\<name>, as node.exe's os.homedir() says. */
let userProfile: string;
const awsDir = () => wine.unixPath(`${userProfile}\\.aws`);

beforeAll(async () => {
  requireBuiltCli();
  wine = await createPrefix();
  emulator = await startEmulator({ interval: 1 });
  winEnv = { AWS_ENDPOINT_URL: emulator.url };
  linuxHome = await makeHome();
  linuxEnv = childEnv(linuxHome.home, { AWS_ENDPOINT_URL: emulator.url, BROWSER: approveBrowser });
  userProfile = await wine.userProfile();
});

afterAll(async () => {
  await emulator?.close();
  await wine?.close();
  await linuxHome?.cleanup();
});

const ok = (result: RunResult) => {
  expect(result.code, `stdout:\n${result.stdout}\nstderr:\n${result.stderr}`).toBe(0);
  return result;
};
const crlf = (text: string) => text.replace(/\r?\n/g, '\r\n');
const urlPattern = () => new RegExp(`${emulator.url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/(device\\?\\S*user_code=|authorize\\?)\\S*`);

/** Runs the CLI on Windows and approves the sign-in it prints, from Linux, as a person would. */
async function signInOnWindows(args: string[], extraEnv: Record<string, string> = {}): Promise<RunResult> {
  const run = wine.start(args, { ...winEnv, ...extraEnv });
  try {
    const [url] = await run.waitFor(urlPattern());
    await click(url, 'Allow');
    return await run.done;
  } catch (error) {
    run.kill();
    throw error;
  }
}

describe('on win32 under Wine', () => {
  it('configure with every value as a flag signs in (device code), writes %USERPROFILE%\\.aws\\config as on Linux, with CRLF', async () => {
    const result = ok(await signInOnWindows([...CONFIGURE, '--use-device-code', '--no-browser']));
    expect(result.stdout + result.stderr).toContain('arn:aws:sts::111122223333:assumed-role/');
    const linux = ok(await runCli([...CONFIGURE, '--use-device-code'], linuxEnv));
    expect(linux.code).toBe(0);
    const expected = await readFile(path.join(linuxHome.home, '.aws', 'config'), 'utf8');
    const written = await readFile(path.join(awsDir(), 'config'), 'utf8');
    expect(written).toBe(crlf(expected));
    expect(written).toContain('\r\n[sso-session corp]\r\n');
    // The token cache, named as botocore names it, in %USERPROFILE%\.aws\sso\cache.
    expect((await readdir(path.join(awsDir(), 'sso', 'cache'))).filter((f) => f.endsWith('.json')).length).toBeGreaterThan(0);
  });

  it('status --json and whoami', async () => {
    const status = ok(await wine.cli(['status', '--json'], winEnv));
    const parsed = JSON.parse(status.stdout);
    expect(JSON.stringify(parsed)).toContain('corp');
    const linuxStatus = JSON.parse(ok(await runCli(['status', '--json'], linuxEnv)).stdout);
    expect(Object.keys(parsed).sort()).toEqual(Object.keys(linuxStatus).sort());
    const whoami = ok(await wine.cli(['whoami', '--profile', 'dev'], winEnv));
    expect(whoami.stdout).toContain(ACCOUNT);
  });

  it('export-credentials in every format', async () => {
    for (const format of ['process', 'env', 'env-no-export', 'powershell', 'windows-cmd', 'fish']) {
      const win = ok(await wine.cli(['export-credentials', '--profile', 'dev', '--format', format], winEnv));
      const linux = ok(await runCli(['export-credentials', '--profile', 'dev', '--format', format], linuxEnv));
      // Each has its own role credentials; the shape (names, quoting) is the same.
      const shape = (text: string) => text.replace(/(AccessKeyId|SecretAccessKey|SessionToken|Expiration|AWS_[A-Z_]+)(["']?\s*[:=]?\s*["']?)[^"'\s\r\n]+/g, '$1$2X');
      expect(shape(win.stdout), format).toBe(shape(linux.stdout));
      expect(win.stdout, format).toMatch(/AccessKeyId|AWS_ACCESS_KEY_ID/);
    }
    const ps = ok(await wine.cli(['export-credentials', '--profile', 'dev', '--format', 'powershell'], winEnv));
    expect(ps.stdout).toMatch(/^\$Env:AWS_ACCESS_KEY_ID=/m);
  });

  it('login: the refresh path, then a new sign-in with the default opener (no PowerShell under Wine: the URL is printed)', async () => {
    const refresh = ok(await wine.cli(['login', '--profile', 'dev'], winEnv));
    expect(refresh.stdout + refresh.stderr).not.toMatch(urlPattern());
    // BROWSER unset: the `open` package runs PowerShell, which this Wine prefix lacks; the
    // sign-in prints the URL and keeps waiting, and the loopback callback reaches node.exe.
    const fresh = ok(await signInOnWindows(['login', '--profile', 'dev', '--force', '--no-use-device-code']));
    expect(fresh.stdout + fresh.stderr).toMatch(/authorize/);
  });

  it('login with BROWSER set to a .cmd file (its path with spaces): cmd.exe runs it with the sign-in URL as one argument', async () => {
    // Node refuses to spawn a .cmd without a shell (CVE-2024-27980): src/ui/browser.ts runs it
    // through `cmd.exe /d /s /c` with every argument quoted by cmd.exe's rules.
    const dir = 'C:\\browser test';
    await mkdir(wine.unixPath(dir), { recursive: true });
    await writeFile(wine.unixPath(`${dir}\\open url.cmd`), crlf('@echo off\n>"%~dp0received.txt" echo %1\n'));
    const result = ok(await signInOnWindows(['login', '--profile', 'dev', '--force', '--no-use-device-code'], { BROWSER: `"${dir}\\open url.cmd"` }));
    const output = result.stdout + result.stderr;
    expect(output).not.toContain('could not be opened');
    const url = output.match(urlPattern())![0];
    expect(url).toMatch(/\?.*&.*=.*%3A/); // `&`, `=` and percent-encoding: all cmd.exe syntax unquoted
    const received = (await readFile(wine.unixPath(`${dir}\\received.txt`), 'utf8')).replace(/\r\n$/, '');
    // One %1, quoted, every `&`-separated parameter in it: nothing split it or ran as a command.
    // (Wine's cmd.exe expands `%3`… again inside a batch file's %1, which Windows does not: the
    // exact text is checked below, as the program cmd.exe starts receives it.)
    expect(received).toMatch(/^".*"$/);
    const names = (query: string) => query.split('&').map((pair) => pair.split('=')[0]);
    expect(received.slice(1, -1).startsWith(url.slice(0, url.indexOf('%')))).toBe(true);
    expect(names(received.slice(1, -1).split('?')[1]!)).toEqual(names(url.split('?')[1]!));

    // The same command line with node.exe in the batch file's place: what cmd.exe hands on is
    // exactly the URL, and a string of every cmd.exe metacharacter and defined %VARIABLES%.
    const toWindows = (p: string) => `Z:${p.replaceAll('/', '\\')}`;
    const browserModule = `file:///${toWindows(path.join(repoRoot, 'dist', 'src', 'ui', 'browser.js')).replaceAll('\\', '/')}`;
    await writeFile(wine.unixPath(`${dir}\\capture.cjs`), "require('fs').writeFileSync(process.argv[2], process.argv[3]);\n");
    await writeFile(
      wine.unixPath(`${dir}\\driver.mjs`),
      `import { batchSpawn } from ${JSON.stringify(browserModule)};\n` +
        "import { spawnSync } from 'node:child_process';\n" +
        `const line = batchSpawn(process.execPath, [${JSON.stringify(`${dir}\\capture.cjs`)}, ${JSON.stringify(`${dir}\\captured.txt`)}, process.env.PASS_THIS], process.env.ComSpec);\n` +
        "const r = spawnSync(line.file, line.args, { windowsVerbatimArguments: true, stdio: 'ignore', env: { ...process.env, ...line.env } });\n" +
        'process.exitCode = r.status ?? 99;\n',
    );
    // (Undefined %NAMES% only, as in a URL: Wine's cmd.exe expands a defined %VAR% or !VAR!
    // inside the text of a !VAR! again, which Windows' does not; see batchSpawn.)
    for (const text of [url, 'https://x/?a=%3A%2F%NOT_DEFINED%&b=^&c=!x!;d,e f\\g\\ (i)|<j>*?`&k=%%41^^']) {
      ok(await wine.exec([wine.nodeExe, `${dir}\\driver.mjs`], { PASS_THIS: text }));
      expect(await readFile(wine.unixPath(`${dir}\\captured.txt`), 'utf8')).toBe(text);
    }
    // A `"` (never in a URL) ends the receiving program's argument, but no text of it is ever
    // cmd.exe syntax: nothing after it runs.
    const pwned = `${dir}\\pwned.txt`;
    ok(await wine.exec([wine.nodeExe, `${dir}\\driver.mjs`], { PASS_THIS: `x" & echo pwned > "${pwned}" & "` }));
    await expect(readFile(wine.unixPath(pwned), 'utf8')).rejects.toThrow(/ENOENT/);
  });

  it('populate writes a profile for every account and role, as on Linux', async () => {
    ok(await wine.cli(['populate', '--sso-session', 'corp'], winEnv));
    ok(await runCli(['populate', '--sso-session', 'corp'], linuxEnv));
    const expected = await readFile(path.join(linuxHome.home, '.aws', 'config'), 'utf8');
    expect(await readFile(path.join(awsDir(), 'config'), 'utf8')).toBe(crlf(expected));
  });

  it('completion prints the same scripts', async () => {
    for (const shell of ['bash', 'zsh', 'fish']) {
      const win = ok(await wine.cli(['completion', shell], winEnv));
      expect(win.stdout.replace(/\r\n/g, '\n')).toBe(ok(await runCli(['completion', shell], linuxEnv)).stdout);
    }
  });

  it('logout removes the cached tokens and leaves what it leaves on Linux (the client registration)', async () => {
    ok(await wine.cli(['logout'], winEnv));
    ok(await runCli(['logout'], linuxEnv));
    const cacheOf = async (dir: string) => {
      const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith('.json')).sort();
      const withToken = [];
      for (const f of files) if ('accessToken' in JSON.parse(await readFile(path.join(dir, f), 'utf8'))) withToken.push(f);
      return { files, withToken };
    };
    const win = await cacheOf(path.join(awsDir(), 'sso', 'cache'));
    expect(win.withToken).toEqual([]);
    expect(win.files).toEqual((await cacheOf(path.join(linuxHome.home, '.aws', 'sso', 'cache'))).files);
  });

  it.each([
    ['a drive letter and backslashes', 'C:\\aws-files\\config'],
    ['spaces and Japanese characters', 'C:\\Users\\Public\\AWS 設定 ファイル\\config'],
  ])('AWS_CONFIG_FILE with %s', async (_name, configFile) => {
    await mkdir(path.dirname(wine.unixPath(configFile)), { recursive: true });
    const result = ok(await signInOnWindows([...CONFIGURE, '--use-device-code', '--no-browser'], { AWS_CONFIG_FILE: configFile }));
    expect(result.stderr).not.toContain('Error');
    const written = await readFile(wine.unixPath(configFile), 'utf8');
    expect(written).toContain('[profile dev]\r\n');
    expect(written).toContain('[sso-session corp]\r\n');
    expect(written).not.toMatch(/[^\r]\n/);
    const status = ok(await wine.cli(['status', '--json'], { ...winEnv, AWS_CONFIG_FILE: configFile }));
    expect(status.stdout).toContain('corp');
  });
});

