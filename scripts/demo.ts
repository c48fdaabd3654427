/**
 * `npm run demo`: the main job, `sso-setup configure`, against the embedded Identity Center
 * emulator, in a scratch home directory (.demo/home) so your own ~/.aws is never touched.
 *
 * Approval: with a display, your browser opens the emulator's page and you click Allow;
 * without one (SSH, containers, CI), a scripted browser clicks Allow for you.
 *
 * `npm run demo -- --admin`: the administrator's half first (issue 16). moto, an independent
 * emulator of Identity Center's administration APIs, plays the organization; `sso-setup admin`
 * creates the guide's user, permission set and assignment there; the embedded emulator is then
 * seeded from what moto holds (scripts/seed-from-moto.ts, read through the AWS SDK), and the
 * user's `configure` runs against it as without --admin.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startEmulator, type Emulator } from '../test/emulator/server.js';
import { demoCheck } from './demo-check.js';
import { startMoto, type Moto } from './moto.js';
import { organisationFromMoto } from './seed-from-moto.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
// SSO_SETUP_DEMO_HOME: another scratch home (the demo's test uses one of its own).
const home = process.env.SSO_SETUP_DEMO_HOME || path.join(root, '.demo', 'home');

function hasDisplay(env: NodeJS.ProcessEnv): boolean {
  if (env.CI || env.SSH_CONNECTION || env.SSH_TTY) return false;
  if (process.platform === 'linux') return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
  return true;
}

function runChild(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env, stdio: 'inherit' });
    child.on('error', () => resolve(127));
    child.on('close', (code) => resolve(code ?? 1));
  });
}

const cli = path.join(root, 'bin', 'sso-setup.js');

/** The guide's section 1 (issue 16): Identity Center's region and the administrator's answers. */
const ADMIN_REGION = 'us-east-1';
const MOTO_CREDENTIALS = { accessKeyId: 'testing', secretAccessKey: 'testing' };
const adminArgs = (accountId: string) => [
  'admin', '--region', ADMIN_REGION, '--yes',
  '--user-name', 'workday_worker', '--email', 'hogehoge@example.ne.jp',
  '--permission-set', 'S3DynamoDBAccess',
  '--managed-policy', 'AmazonDynamoDBFullAccess', '--managed-policy', 'AmazonS3FullAccess',
  '--account-id', accountId,
];

/** Scratch-home environment without the caller's AWS identity or endpoints. */
function scratchEnv(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOME: home,
    USERPROFILE: home,
    AWS_CONFIG_FILE: path.join(home, '.aws', 'config'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(home, '.aws', 'credentials'),
  };
  for (const k of Object.keys(env)) if (k.startsWith('AWS_ENDPOINT_URL')) delete env[k];
  for (const k of ['AWS_PROFILE', 'AWS_DEFAULT_PROFILE', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN']) delete env[k];
  return { ...env, ...extra };
}

/**
 * The administrator's half on moto; returns the emulator seeded from what moto then holds,
 * or the admin command's exit code when it failed.
 */
async function adminHalf(moto: Moto): Promise<Emulator | number> {
  const { OrganizationsClient, CreateOrganizationCommand, CreateAccountCommand } = await import('@aws-sdk/client-organizations');
  const organizations = new OrganizationsClient({ region: ADMIN_REGION, endpoint: moto.url, credentials: MOTO_CREDENTIALS });
  await organizations.send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
  const created = await organizations.send(new CreateAccountCommand({ AccountName: 'workloads', Email: 'workloads@example.com' }));
  organizations.destroy();
  const accountId = created.CreateAccountStatus!.AccountId!;
  const args = adminArgs(accountId);
  process.stdout.write(
    [
      'sso-setup demo, the administrator\'s half: moto (an independent AWS emulator) plays an',
      `organization with IAM Identity Center enabled in ${ADMIN_REGION} and one workload account, ${accountId},`,
      `on ${moto.url}. The administrator runs, with the guide's values:`,
      '',
      `$ sso-setup ${args.join(' ')}`,
      '',
      '',
    ].join('\n'),
  );
  const code = await runChild(process.execPath, [cli, ...args], scratchEnv({
    AWS_ENDPOINT_URL: moto.url,
    AWS_ACCESS_KEY_ID: MOTO_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: MOTO_CREDENTIALS.secretAccessKey,
  }));
  if (code !== 0) return code;
  const org = await organisationFromMoto({ endpoint: moto.url, region: ADMIN_REGION, userName: 'workday_worker', credentials: MOTO_CREDENTIALS });
  const roles = org.accounts.map((a) => `${a.accountId}: ${a.roles.join(', ')}`).join('; ');
  process.stdout.write(
    [
      '',
      `What moto now holds for ${org.user.userName} (read through the AWS SDK): ${roles || 'no account'}.`,
      'The emulator serves exactly that to the user. Now the user\'s half:',
      '',
      '',
    ].join('\n'),
  );
  return startEmulator({ org, interval: 1 });
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { admin: { type: 'boolean', default: false } } });
  await rm(home, { recursive: true, force: true });
  await mkdir(path.join(home, '.aws'), { recursive: true });
  let moto: Moto | undefined;
  let emulator: Emulator;
  if (values.admin) {
    try {
      moto = await startMoto();
    } catch (error) {
      throw new Error(`npm run demo -- --admin runs the administrator's half against moto. ${(error as Error).message}`);
    }
    try {
      const seeded = await adminHalf(moto);
      if (typeof seeded === 'number') return seeded;
      emulator = seeded;
    } finally {
      await moto.stop();
    }
  } else {
    emulator = await startEmulator({ interval: 1 });
  }
  const display = hasDisplay(process.env);
  const env = scratchEnv({ AWS_ENDPOINT_URL: emulator.url });
  if (!display) env.BROWSER = path.join(root, 'test', 'emulator', 'approve-browser.mjs');

  const org = emulator.org;
  process.stdout.write(
    [
      'sso-setup demo: IAM Identity Center is emulated on ' + emulator.url,
      `Files go to ${home} (your own ~/.aws is not touched).`,
      '',
      'Answer the prompts as a guide would tell you:',
      `  SSO session name:  my-sso`,
      `  SSO start URL:     ${org.startUrl}`,
      `  SSO region:        ${org.region}`,
      `  scopes, region, output: press Enter or type your own; Profile name: my-dev-profile`,
      display
        ? 'Your browser will open the emulator\'s sign-in page: click "Allow".'
        : 'No display here: a scripted browser will click "Allow" on the emulator\'s page for you.',
      '',
      '',
    ].join('\n'),
  );

  const code = await runChild(process.execPath, [cli, 'configure'], env);
  let checkCode = 0;
  if (code === 0 && spawnSync('aws', ['--version'], { stdio: 'ignore' }).status === 0) {
    const check = await demoCheck({ configFile: env.AWS_CONFIG_FILE!, credentialsFile: env.AWS_SHARED_CREDENTIALS_FILE! });
    if (check) {
      process.stdout.write(`\nThe AWS CLI, with only the files sso-setup wrote:\n$ aws ${check.args.join(' ')}\n`);
      checkCode = await runChild('aws', check.args, env);
    }
  }
  await emulator.close();
  return code || checkCode;
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(`demo failed: ${(error as Error).message}\n`);
    process.exitCode = 1;
  },
);
