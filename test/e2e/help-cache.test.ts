import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { childEnv, requireBuiltCli, runCli } from '../helpers/cli.js';
import { makeHome } from '../helpers/sandbox.js';

/**
 * `--help` and `--version` are answered by the bundle's tiny entry from text generated at
 * build time; it must be exactly what the full CLI prints, in each language.
 */
async function fullHelp(env: Record<string, string>): Promise<string> {
  const out: string[] = [];
  const write = process.stdout.write;
  process.stdout.write = ((chunk: string) => (out.push(String(chunk)), true)) as typeof process.stdout.write;
  try {
    await main(['--help'], undefined, env);
  } finally {
    process.stdout.write = write;
  }
  return out.join('');
}

describe('the cached --help', () => {
  it.each([
    ['English', 'C.UTF-8'],
    ['Japanese', 'ja_JP.UTF-8'],
  ])('is the full CLI help in %s', async (_name, locale) => {
    requireBuiltCli();
    const { home, cleanup } = await makeHome();
    try {
      const env = childEnv(home, { LANG: locale, LC_ALL: '', LC_MESSAGES: '' });
      const cached = await runCli(['--help'], env);
      expect(cached.code).toBe(0);
      expect(cached.stdout).toBe(await fullHelp(env));
      expect((await runCli(['-h'], env)).stdout).toBe(cached.stdout);
      expect((await runCli(['--version'], env)).stdout).toBe('0.1.0\n');
    } finally {
      await cleanup();
    }
  });
});
