import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { startEmulator, type Emulator } from '../emulator/server.js';
import { CliError, ExitStatus } from '../../src/errors.js';
import { login } from '../../src/flows/login.js';
import { serve } from '../../src/flows/serve.js';
import { makeHome, testContext, type TestContext } from '../helpers/sandbox.js';

/** `serve` in-process: what it does when the credentials cannot be had, and how it stops. */
const START_URL = 'https://d-9067c0ab12.awsapps.com/start';
let emulator: Emulator;
let home: string;
let cleanup: () => Promise<void>;
let ctx: TestContext;

beforeEach(async () => {
  ({ home, cleanup } = await makeHome());
  // Role credentials for one minute: under 15 minutes, so every request renews them.
  emulator = await startEmulator({ interval: 1, roleCredentialTtlSeconds: 60 });
  await writeFile(
    path.join(home, '.aws', 'config'),
    `[profile dev]\nsso_session = corp\nsso_account_id = 111122223333\nsso_role_name = ReadOnlyAccess\n` +
      `[sso-session corp]\nsso_start_url = ${START_URL}\nsso_region = ap-northeast-1\n`,
  );
  ctx = testContext({ home, emulator });
});
afterEach(async () => {
  ctx.signal('SIGTERM');
  await emulator.close();
  await cleanup();
});

async function started(): Promise<{ url: string; token: string; done: Promise<unknown> }> {
  const done = serve(ctx, { profile: 'dev', port: 0, host: '127.0.0.1' }).catch((error: unknown) => error);
  for (let i = 0; i < 200 && !ctx.output().includes('AUTHORIZATION_TOKEN='); i++) await new Promise((r) => setTimeout(r, 25));
  const url = /FULL_URI=(\S+)/.exec(ctx.output())![1]!;
  const token = /AUTHORIZATION_TOKEN=(\S+)/.exec(ctx.output())![1]!;
  return { url, token, done };
}

describe('serve', () => {
  it('does not listen at all when the profile cannot get credentials (not signed in)', async () => {
    await expect(serve(ctx, { profile: 'dev', port: 0, host: '127.0.0.1' })).rejects.toThrow(CliError);
    expect(ctx.output()).not.toContain('AUTHORIZATION_TOKEN');
  });

  it('answers 503 {code, message} saying to sign in once the session is gone, and stops with 128 + the signal', async () => {
    await login(ctx, { profile: 'dev' });
    const { url, token, done } = await started();
    const ok = await fetch(url, { headers: { authorization: token } });
    expect(ok.status).toBe(200);
    expect(emulator.calls.filter((c) => c.op === 'GetRoleCredentials')).toHaveLength(2); // under 15 minutes: renewed on the request
    // Signed out behind its back: no SSO token, no cached role credentials.
    await rm(path.join(home, '.aws', 'sso'), { recursive: true });
    await rm(path.join(home, '.aws', 'cli'), { recursive: true });
    const gone = await fetch(url, { headers: { authorization: token } });
    expect(gone.status).toBe(503);
    expect(await gone.json()).toMatchObject({
      code: 'CredentialsUnavailable',
      message: 'The SSO session for profile dev has expired or you are not signed in: run: sso-setup login --profile dev',
    });
    ctx.signal('SIGINT');
    const stopped = await done;
    expect(stopped).toBeInstanceOf(ExitStatus);
    expect((stopped as ExitStatus).exitCode).toBe(130);
    await expect(fetch(url)).rejects.toThrow();
  });

  it('warns when it listens on an address other machines can reach', async () => {
    await login(ctx, { profile: 'dev' });
    const done = serve(ctx, { profile: 'dev', port: 0, host: '0.0.0.0' }).catch((error: unknown) => error);
    for (let i = 0; i < 200 && !ctx.output().includes('AUTHORIZATION_TOKEN='); i++) await new Promise((r) => setTimeout(r, 25));
    expect(ctx.output()).toContain('Warning: listening on 0.0.0.0, not on a loopback address');
    expect(ctx.output()).toMatch(/FULL_URI=http:\/\/127\.0\.0\.1:\d+\//);
    ctx.signal('SIGTERM');
    expect(((await done) as ExitStatus).exitCode).toBe(143);
  });
});
