import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildProgram } from '../../src/cli.js';
import { resolveAwsPaths } from '../../src/config/paths.js';
import { readAwsConfig } from '../../src/config/read.js';
import { createContext, type Context } from '../../src/context.js';
import { completionCandidates, completionScript } from '../../src/flows/completion.js';
import { makeHome } from '../helpers/sandbox.js';
import { catalogue } from '../../src/ui/messages/index.js';

const en = catalogue('en');

/**
 * `sso-setup __complete`: the candidates for the last word, from the commander program
 * (commands, flags, choices) and from the config file the Context paths name.
 */

const CONFIG = [
  '[default]',
  'region = us-east-1',
  '[profile dev]',
  'sso_session = corp',
  '[profile prod.admin]',
  'sso_session = corp',
  '[sso-session corp]',
  'sso_start_url = https://d-9067c0ab12.awsapps.com/start',
  'sso_region = us-east-1',
  '[sso-session other]',
  'sso_start_url = https://d-9067c0ab12.awsapps.com/start',
  'sso_region = us-east-1',
  '',
].join('\n');

let home: string;
let cleanup: () => Promise<void>;
let ctx: Context;
let out: string;
let err: string;

beforeAll(async () => {
  ({ home, cleanup } = await makeHome());
  await writeFile(path.join(home, '.aws', 'config'), CONFIG);
  ctx = createContext({
    env: {},
    paths: resolveAwsPaths({}, home),
    stdout: { write: (text) => void (out += text) },
    stderr: { write: (text) => void (err += text) },
    interactive: false,
  });
});

afterAll(async () => {
  await cleanup?.();
});

const program = () => buildProgram(() => ctx, en);
const complete = (...words: string[]) => completionCandidates(program(), words, () => readAwsConfig(ctx.paths, en));

describe('completionCandidates', () => {
  it('offers the visible commands first (not the hidden __complete)', async () => {
    const commands = await complete('');
    expect(commands).toEqual(['configure', 'login', 'logout', 'populate', 'status', 'whoami', 'export-credentials', 'console', 'exec', 'serve', 'admin', 'completion', 'help']);
  });

  it('filters by the prefix of the word being completed', async () => {
    expect(await complete('lo')).toEqual(['login', 'logout']);
    expect(await complete('export')).toEqual(['export-credentials']);
    expect(await complete('x')).toEqual([]);
    expect(await complete('login', '--p')).toEqual(['--profile']);
    expect(await complete('login', '--profile', 'pr')).toEqual(['prod.admin']);
  });

  it("offers the command's own flags, taken from the program", async () => {
    const login = await complete('login', '--');
    expect(login).toEqual(expect.arrayContaining(['--profile', '--sso-session', '--no-browser', '--help']));
    expect(login).not.toContain('--start-url'); // configure's, not login's
    expect(login).not.toContain('--version');
    // Every long flag commander knows for login is offered.
    const known = program().commands.find((c) => c.name() === 'login')!.options.map((o) => o.long);
    expect(login).toEqual(expect.arrayContaining(known));
    // A flag already given is not offered again.
    expect(await complete('login', '--profile', 'dev', '--')).not.toContain('--profile');
  });

  it('offers the program options before a command', async () => {
    expect(await complete('--')).toEqual(expect.arrayContaining(['--help', '--version', '--debug', '--lang']));
    expect(await complete('--lang', '')).toEqual(['en', 'ja']);
    expect(await complete('--lang', 'ja', 'lo')).toEqual(['login', 'logout']);
  });

  it('offers configure\'s subcommand, and the subcommand\'s own flags and values after it', async () => {
    expect(await complete('configure', '')).toEqual(['sso-session']);
    expect(await complete('configure', 'sso')).toEqual(['sso-session']);
    const flags = await complete('configure', 'sso-session', '--');
    expect(flags).toEqual(expect.arrayContaining(['--sso-session', '--start-url', '--sso-region', '--scopes', '--yes', '--dry-run']));
    expect(flags).not.toContain('--profile');
    expect(flags).not.toContain('--account-id');
    expect(await complete('configure', 'sso-session', '--sso-session', '')).toEqual(['corp', 'other']);
    expect(await complete('configure', '--')).toContain('--account-id');
  });

  it('offers the profile names of the config file after --profile', async () => {
    expect(await complete('login', '--profile', '')).toEqual(['default', 'dev', 'prod.admin']);
    expect(await complete('whoami', '--profile', '')).toEqual(['default', 'dev', 'prod.admin']);
    expect(await complete('console', '--profile', '')).toEqual(['default', 'dev', 'prod.admin']);
  });

  it('offers the sso-session names after --sso-session', async () => {
    expect(await complete('populate', '--sso-session', '')).toEqual(['corp', 'other']);
    expect(await complete('login', '--sso-session', 'o')).toEqual(['other']);
  });

  it('offers the choices of --format, the output formats and the shells', async () => {
    expect(await complete('export-credentials', '--format', '')).toEqual([
      'process', 'env', 'env-no-export', 'powershell', 'windows-cmd', 'fish',
    ]);
    expect(await complete('configure', '--output', '')).toEqual(['json', 'text', 'table', 'yaml', 'yaml-stream', 'off']);
    expect(await complete('completion', '')).toEqual(['bash', 'zsh', 'fish']);
    expect(await complete('completion', 'bash', '')).toEqual([]); // one shell only
    expect(await complete('help', 'c')).toEqual(['configure', 'console', 'completion']);
  });

  it('offers nothing for values it cannot know or after an unknown command', async () => {
    expect(await complete('configure', '--start-url', '')).toEqual([]);
    expect(await complete('bogus', '')).toEqual([]);
    expect(await complete('status', '')).toEqual([]);
  });

  it('offers no names when the config file cannot be read, and throws nothing', async () => {
    const failing = () => Promise.reject(new Error('unreadable'));
    expect(await completionCandidates(program(), ['login', '--profile', ''], failing)).toEqual([]);
  });
});

describe('__complete', () => {
  it('prints one candidate a line', async () => {
    out = '';
    err = '';
    await program().parseAsync(['__complete', 'login', '--profile', ''], { from: 'user' });
    expect(out).toBe('default\ndev\nprod.admin\n');
    expect(err).toBe('');
  });

  it('prints nothing at all, not even an error, for a config file it refuses', async () => {
    const broken = await makeHome();
    try {
      await writeFile(path.join(broken.home, '.aws', 'config'), '[profile dev\nregion = x\n');
      const brokenCtx = { ...ctx, paths: resolveAwsPaths({}, broken.home) };
      out = '';
      err = '';
      await buildProgram(() => brokenCtx, en).parseAsync(['__complete', 'login', '--profile', ''], { from: 'user' });
      expect(out).toBe('');
      expect(err).toBe('');
    } finally {
      await broken.cleanup();
    }
  });
});

describe('completionScript', () => {
  it('bash: a function registered with complete -F that calls __complete', () => {
    const script = completionScript('bash');
    expect(script).toContain('complete -F _sso_setup sso-setup');
    expect(script).toContain('sso-setup __complete -- ');
  });

  it('zsh: a #compdef function using compadd', () => {
    const script = completionScript('zsh');
    expect(script.startsWith('#compdef sso-setup\n')).toBe(true);
    expect(script).toContain('compadd');
    expect(script).toContain('compdef _sso_setup sso-setup');
  });

  it('fish: complete -c with the candidates from __complete', () => {
    const script = completionScript('fish');
    expect(script).toContain("complete -c sso-setup -f -a '(__sso_setup_complete)'");
    expect(script).toContain('sso-setup __complete -- ');
  });
});
