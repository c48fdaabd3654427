/**
 * `npm run demo`: the main job, `sso-setup configure`, against the embedded Identity Center
 * emulator, in a scratch home directory (.demo/home) so your own ~/.aws is never touched.
 *
 * Approval: with a display, your browser opens the emulator's page and you click Allow;
 * without one (SSH, containers, CI), a scripted browser clicks Allow for you.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmulator } from '../test/emulator/server.js';
import { demoCheck } from './demo-check.js';

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

async function main(): Promise<number> {
  await rm(home, { recursive: true, force: true });
  await mkdir(path.join(home, '.aws'), { recursive: true });
  const emulator = await startEmulator({ interval: 1 });
  const display = hasDisplay(process.env);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOME: home,
    USERPROFILE: home,
    AWS_CONFIG_FILE: path.join(home, '.aws', 'config'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(home, '.aws', 'credentials'),
    AWS_ENDPOINT_URL: emulator.url,
  };
  for (const k of ['AWS_PROFILE', 'AWS_DEFAULT_PROFILE', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN']) delete env[k];
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

  const code = await runChild(process.execPath, [path.join(root, 'bin', 'sso-setup.js'), 'configure'], env);
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
