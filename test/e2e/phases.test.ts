import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { startEmulator, type Emulator } from '../emulator/server.js';
import { makeHome } from '../helpers/sandbox.js';
import { approveBrowser, childEnv, requireBuiltCli, runCli } from '../helpers/cli.js';

/**
 * The phase marks `npm run bench` splits configure's CPU by (SSO_SETUP_PHASES, src/ports.ts):
 * the built CLI writes every mark, in the order the phases happen, with cumulative CPU and
 * wall times that never go back.
 */
const START_URL = 'https://d-9067c0ab12.awsapps.com/start';
const ORDER = ['node', 'cli', 'ready', 'sso-answered', 'signed-in', 'account-chosen', 'answered', 'saved', 'verified', 'exit'];
let emulator: Emulator;
let home: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  requireBuiltCli();
  emulator = await startEmulator({ interval: 1 });
  ({ home, cleanup } = await makeHome());
});

afterAll(async () => {
  await emulator?.close();
  await cleanup?.();
});

const configureArgs = (profile: string) => [
  'configure', '--profile', profile, '--sso-session', 'corp', '--start-url', START_URL, '--sso-region', 'ap-northeast-1',
  '--account-id', '111122223333', '--role-name', 'ReadOnlyAccess', '--region', 'ap-northeast-1', '--output', 'json',
];

describe('configure phase marks', () => {
  it('writes each mark once, in order, with times that only grow', async () => {
    const file = path.join(home, 'phases.json');
    const env = childEnv(home, { AWS_ENDPOINT_URL: emulator.url, BROWSER: approveBrowser, SSO_SETUP_PHASES: file });
    const result = await runCli(configureArgs('dev'), env);
    expect(result.code, result.stderr).toBe(0);
    const marks = JSON.parse(await readFile(file, 'utf8')) as Array<{ name: string; cpuMs: number; wallMs: number; monotonicUs: number }>;
    expect(marks.map((m) => m.name)).toEqual(ORDER);
    for (let i = 1; i < marks.length; i++) {
      expect(marks[i]!.cpuMs).toBeGreaterThanOrEqual(marks[i - 1]!.cpuMs);
      expect(marks[i]!.wallMs).toBeGreaterThanOrEqual(marks[i - 1]!.wallMs);
      // The same distance on the profile's clock as on the wall clock (rounding aside).
      expect(marks[i]!.monotonicUs - marks[i - 1]!.monotonicUs).toBeCloseTo((marks[i]!.wallMs - marks[i - 1]!.wallMs) * 1000, -1);
    }
    expect(marks[0]!.cpuMs).toBeGreaterThan(0);
  });

});
