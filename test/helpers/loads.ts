import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { repoRoot } from './cli.js';

/**
 * Which sources a run of the built CLI loaded, for a run in a pseudo-terminal (where
 * test/e2e/startup.test.ts's `runRecorded` cannot go): `env` preloads
 * test/fixtures/record-loads.mjs through NODE_OPTIONS, and `sources()` turns the bundle
 * files it recorded into the sources esbuild put in them (dist/sso-setup.meta.json).
 */
export function recordLoads(file: string): { env: Record<string, string>; sources(): string[] } {
  const recorder = pathToFileURL(path.join(repoRoot, 'test', 'fixtures', 'record-loads.mjs')).href;
  return {
    env: { NODE_OPTIONS: `--import=${recorder}`, RECORD_LOADS_FILE: file },
    sources() {
      const meta = JSON.parse(readFileSync(path.join(repoRoot, 'dist', 'sso-setup.meta.json'), 'utf8')) as {
        outputs: Record<string, { inputs: Record<string, unknown> }>;
      };
      const lines = existsSync(file) ? readFileSync(file, 'utf8').split('\n') : [];
      // `module <url>`: an ES module (the entry); `script <cache> <url>`: a file of the CLI bundle (src/bundle-loader.ts).
      const urls = lines.flatMap((line) =>
        line.startsWith('module file:') ? [line.slice('module '.length)] : line.startsWith('script ') ? [line.split(' ')[2]!] : [],
      );
      const bundleFiles = urls
        .map((url) => path.relative(repoRoot, fileURLToPath(url)).split(path.sep).join('/'))
        .filter((output) => output in meta.outputs);
      if (!bundleFiles.includes('dist/sso-setup.mjs')) throw new Error(`the recorder saw no bundle file in ${file}`);
      return [...new Set(bundleFiles.flatMap((output) => Object.keys(meta.outputs[output]!.inputs)))];
    },
  };
}
