import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { makeHome } from '../helpers/sandbox.js';
import { childEnv, cliPath, requireBuiltCli, run, runCli } from '../helpers/cli.js';

/**
 * The completion scripts in real shells, calling back into the built CLI. bash runs the
 * generated script: COMP_WORDS/COMP_CWORD set as bash sets them, the function called,
 * COMPREPLY printed. `sso-setup` on PATH is a shim that runs bin/sso-setup.js, and HOME is a
 * scratch home whose config has two profiles and an sso-session.
 *
 * zsh and fish: when installed, their scripts must at least parse (`zsh -n`, `fish -n`);
 * when not (as on the CI image today), only their text is checked, in
 * test/unit/completion.test.ts (#compdef + compadd; complete -c). Which of the two
 * happened is visible in the test names below, never skipped silently.
 */

let home: string;
let cleanup: () => Promise<void>;
let env: Record<string, string>;
const scripts: Record<string, string> = {};

beforeAll(async () => {
  requireBuiltCli();
  ({ home, cleanup } = await makeHome());
  await writeFile(
    path.join(home, '.aws', 'config'),
    '[profile dev]\nregion = us-east-1\n\n[profile prod.admin]\nregion = us-east-1\n\n[sso-session corp]\nsso_start_url = https://d-9067c0ab12.awsapps.com/start\nsso_region = us-east-1\n',
  );
  const bin = path.join(home, 'bin');
  await mkdir(bin);
  const shim = path.join(bin, 'sso-setup');
  await writeFile(shim, `#!/bin/sh\nexec "${process.execPath}" "${cliPath}" "$@"\n`);
  await chmod(shim, 0o755);
  env = childEnv(home, { PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}` });
  for (const shell of ['bash', 'zsh', 'fish']) {
    const result = await runCli(['completion', shell], env);
    expect(result.code, result.stderr).toBe(0);
    scripts[shell] = path.join(home, `completion.${shell}`);
    await writeFile(scripts[shell]!, result.stdout);
  }
});

afterAll(async () => {
  await cleanup?.();
});

/** bash without its start-up files, in this test's environment. */
const bash = (args: string[], extraEnv: Record<string, string> = {}) => run('bash', ['--norc', '--noprofile', ...args], { ...env, ...extraEnv });

/** Runs the bash completion function for a command line (the last word is the one being completed). */
async function bashComplete(words: string[], extraEnv: Record<string, string> = {}) {
  const program = [
    'source "$1"; shift',
    'COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))',
    'COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}',
    '_sso_setup',
    'printf "%s\\n" "${COMPREPLY[@]}"',
  ].join('\n');
  const result = await bash(['-c', program, 'bash', scripts.bash!, 'sso-setup', ...words], extraEnv);
  expect(result.code, result.stderr).toBe(0);
  return { replies: result.stdout.split('\n').filter(Boolean), stderr: result.stderr };
}

describe('bash', () => {
  it('registers _sso_setup for sso-setup', async () => {
    const result = await bash(['-c', 'source "$1"; complete -p sso-setup', 'bash', scripts.bash!]);
    expect(result.stdout.trim()).toBe('complete -F _sso_setup sso-setup');
  });

  it('completes profile names from the config file after --profile', async () => {
    expect((await bashComplete(['login', '--profile', ''])).replies).toEqual(['dev', 'prod.admin']);
    expect((await bashComplete(['whoami', '--profile', 'pr'])).replies).toEqual(['prod.admin']);
  });

  it('completes sso-session names, commands, flags and choices', async () => {
    expect((await bashComplete(['populate', '--sso-session', ''])).replies).toEqual(['corp']);
    expect((await bashComplete(['lo'])).replies).toEqual(['login', 'logout']);
    expect((await bashComplete(['login', '--s'])).replies).toEqual(['--sso-session']);
    expect((await bashComplete(['export-credentials', '--format', 'env'])).replies).toEqual(['env', 'env-no-export']);
    expect((await bashComplete(['completion', ''])).replies).toEqual(['bash', 'zsh', 'fish']);
  });

  it('shows nothing, and no error, when the config file is broken', async () => {
    const broken = path.join(home, 'broken-config');
    await writeFile(broken, '[profile dev\nregion = x\n');
    const { replies, stderr } = await bashComplete(['login', '--profile', ''], { AWS_CONFIG_FILE: broken });
    expect(replies).toEqual([]);
    expect(stderr).toBe('');
  });
});

/** Whether a shell is installed. */
const installed = (shell: string) => spawnSync(shell, ['-c', 'exit 0']).status === 0;

describe('zsh and fish', () => {
  const zsh = installed('zsh');
  it(zsh ? 'zsh parses the script (zsh -n)' : 'zsh is not installed: only the script text is checked (#compdef, compadd)', async () => {
    const text = await readFile(scripts.zsh!, 'utf8');
    expect(text.startsWith('#compdef sso-setup')).toBe(true);
    expect(text).toContain('compadd');
    if (zsh) expect(spawnSync('zsh', ['-n', scripts.zsh!], { encoding: 'utf8' }).status).toBe(0);
  });

  const fish = installed('fish');
  it(fish ? 'fish parses the script (fish -n)' : 'fish is not installed: only the script text is checked (complete -c)', async () => {
    const text = await readFile(scripts.fish!, 'utf8');
    expect(text).toContain('complete -c sso-setup');
    if (fish) expect(spawnSync('fish', ['-n', scripts.fish!], { encoding: 'utf8' }).status).toBe(0);
  });
});
