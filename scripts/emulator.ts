/**
 * `npm run emulator [-- --port 4566] [--org file.json | --generate 2000 [--seed 1]] [--throttle 20] [--auto-approve] [--page-size 2] [--interval 1]`
 *
 * Runs the loopback IAM Identity Center emulator until Ctrl-C, and prints what to export so
 * the AWS CLI, the SDKs and sso-setup talk to it.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import {
  DEFAULT_THROTTLED_OPERATIONS,
  generateOrganisation,
  parseOrganisation,
  startEmulator,
  type CallRecord,
  type Organisation,
} from '../test/emulator/server.js';

const USAGE = `Usage: npm run emulator -- [options]

  --port N          port on 127.0.0.1 (default: EMULATOR_PORT, else a free one)
  --org FILE        seed organisation JSON (example: test/emulator/org.json)
  --generate N      serve a generated organisation of N accounts with awkward names
  --seed N          seed of --generate (default 1)
  --throttle RATE   allow RATE requests per second per operation (ListAccounts,
                    ListAccountRoles, GetRoleCredentials), else 429; IAM Identity
                    Center allows about 20
  --auto-approve    approve sign-ins without clicking Allow
  --page-size N     accounts/roles per page, at most max_result (1-100; default 2)
  --interval N      device-flow polling interval in seconds (default 1)
  --quiet           do not log each request
`;

function whole(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number, got "${raw}"`);
  return value;
}

function positive(name: string, raw: string): number {
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got "${raw}"`);
  return value;
}

async function readOrg(file: string): Promise<Organisation> {
  const text = await readFile(file, 'utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file}: not valid JSON (${(error as Error).message})`);
  }
  return parseOrganisation(json, file);
}

/** --org FILE, --generate N [--seed N], or neither (the default organisation). */
async function chooseOrg(values: { org?: string; generate?: string; seed?: string }): Promise<Organisation | undefined> {
  if (values.org !== undefined && values.generate !== undefined) throw new Error('--org and --generate exclude each other');
  if (values.org !== undefined) return readOrg(values.org);
  if (values.generate === undefined) return undefined;
  return generateOrganisation({ accounts: whole('--generate', values.generate, 0), seed: whole('--seed', values.seed, 1) });
}

function describeThrottle(rate: number | undefined): string {
  if (rate === undefined) return 'none';
  return `${rate} requests/s per operation, burst ${Math.max(1, Math.ceil(rate))} (${DEFAULT_THROTTLED_OPERATIONS.join(', ')})`;
}

const logCall = (call: CallRecord) =>
  process.stdout.write(
    `${new Date().toISOString()}  ${call.op.padEnd(24)} ${call.status}${call.errorType ? ` ${call.errorType}` : ''}${call.fault ? ` [${call.fault}]` : ''}\n`,
  );

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      org: { type: 'string' },
      generate: { type: 'string' },
      seed: { type: 'string' },
      throttle: { type: 'string' },
      'auto-approve': { type: 'boolean', default: false },
      'page-size': { type: 'string' },
      interval: { type: 'string' },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }

  const org = await chooseOrg(values);
  const rate = values.throttle === undefined ? undefined : positive('--throttle', values.throttle);
  const emulator = await startEmulator({
    port: whole('--port', values.port ?? process.env.EMULATOR_PORT, 0),
    ...(org ? { org } : {}),
    autoApprove: values['auto-approve'],
    pageSize: whole('--page-size', values['page-size'], 2),
    interval: whole('--interval', values.interval, 1),
    ...(rate !== undefined ? { throttle: { ratePerSecond: rate } } : {}),
    ...(values.quiet ? {} : { onCall: logCall }),
  });
  const source = values.generate !== undefined ? `, generated with seed ${values.seed ?? 1}` : '';

  const { startUrl, region, user, accounts } = emulator.org;
  process.stdout.write(
    [
      `IAM Identity Center emulator listening on ${emulator.url}`,
      '',
      'Point the AWS tools at it:',
      `  export AWS_ENDPOINT_URL=${emulator.url}`,
      '',
      `SSO start URL: ${startUrl}`,
      `SSO region:    ${region}`,
      `User:          ${user.userName} (${accounts.length} account${accounts.length === 1 ? '' : 's'}${source})`,
      `Throttle:      ${describeThrottle(rate)}`,
      `Approvals:     ${values['auto-approve'] ? 'automatic' : `click Allow on ${emulator.url}/device`}`,
      '',
      'Press Ctrl-C to stop.',
      '',
    ].join('\n'),
  );

  const stop = () => {
    void emulator.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`emulator: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
