import { afterEach, describe, expect, it } from 'vitest';
import { SSOOIDCClient, RegisterClientCommand } from '@aws-sdk/client-sso-oidc';
import { startEmulator, type Emulator } from '../emulator/server.js';
import { runDeviceFlow, type DeviceAuthorization } from '../../src/sso/device-flow.js';
import type { Clock } from '../../src/ports.js';
import type { ClientRegistration } from '../../src/sso/cache.js';
import { catalogue } from '../../src/ui/messages/index.js';

const en = catalogue('en');

/** Virtual time shared by the emulator and the flow: sleeping advances it at once. */
function virtualClock(start = Date.UTC(2026, 10, 25)) {
  let now = start;
  const sleeps: number[] = [];
  const clock: Clock = {
    now: () => now,
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
  };
  return { clock, sleeps, now: () => now };
}

let emulator: Emulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

async function setup(options: { interval?: number; deviceCodeTtlSeconds?: number } = {}) {
  const time = virtualClock();
  emulator = await startEmulator({ now: time.now, ...options });
  const oidc = new SSOOIDCClient({ region: 'ap-northeast-1', endpoint: emulator.url, maxAttempts: 1 });
  const reg = await oidc.send(new RegisterClientCommand({ clientName: 'botocore-client-test', clientType: 'public', scopes: ['sso:account:access'] }));
  const registration: ClientRegistration = {
    clientId: reg.clientId!,
    clientSecret: reg.clientSecret!,
    expiresAt: new Date(reg.clientSecretExpiresAt! * 1000),
  };
  return { time, oidc, registration, emulator };
}

describe('device authorization flow against the emulator', () => {
  it('polls on the interval while pending, then returns the token', async () => {
    const { time, oidc, registration, emulator } = await setup({ interval: 2 });
    let shown: DeviceAuthorization | undefined;
    const grant = await runDeviceFlow({
     messages: en,
      oidc,
      registration,
      startUrl: emulator.org.startUrl, region: 'ap-northeast-1',
      clock: {
        ...time.clock,
        sleep: async (ms) => {
          await time.clock.sleep(ms);
          if (time.sleeps.length === 3) emulator.approve(shown!.userCode); // approved after two pending polls
        },
      },
      onAuthorization: (a) => void (shown = a),
    });
    expect(grant.accessToken).toMatch(/\S{20,}/);
    expect(time.sleeps).toEqual([2000, 2000, 2000]);
    const polls = emulator.calls.filter((c) => c.op === 'CreateToken');
    expect(polls.map((c) => c.errorType ?? 'ok')).toEqual(['AuthorizationPendingException', 'AuthorizationPendingException', 'ok']);
    expect(shown?.verificationUriComplete).toContain(shown!.userCode);
  });

  it('waits 5 s longer after every SlowDown', async () => {
    const { time, oidc, registration, emulator } = await setup({ interval: 1 });
    emulator.failNext('CreateToken', { status: 400, errorType: 'SlowDownException', count: 2 });
    let code = '';
    await runDeviceFlow({
     messages: en,
      oidc,
      registration,
      startUrl: emulator.org.startUrl, region: 'ap-northeast-1',
      clock: time.clock,
      onAuthorization: (a) => {
        code = a.userCode;
        emulator.approve(code);
      },
    });
    expect(time.sleeps).toEqual([1000, 6000, 11000]);
  });

  it('a SlowDown storm: the wait grows by 5 s each time until the code expires', async () => {
    const { time, oidc, registration, emulator } = await setup({ interval: 1, deviceCodeTtlSeconds: 60 });
    emulator.injectFault('CreateToken', { status: 400, errorType: 'SlowDownException', always: true });
    await expect(
      runDeviceFlow({messages: en, oidc, registration, startUrl: emulator.org.startUrl, region: 'ap-northeast-1', clock: time.clock, onAuthorization: () => undefined }),
    ).rejects.toThrow(/expired before it was approved/);
    // The last wait stops at the code's expiry (60 s) rather than running 26 s past it.
    expect(time.sleeps).toEqual([1000, 6000, 11000, 16000, 21000, 5000]);
  });

  it('bounds the numbers it sleeps on: an interval of a day polls every 60 s, never past the expiry', async () => {
    const { time, oidc, registration, emulator } = await setup({ interval: 86_400, deviceCodeTtlSeconds: 150 });
    await expect(
      runDeviceFlow({ messages: en, oidc, registration, startUrl: emulator.org.startUrl, region: 'ap-northeast-1', clock: time.clock, onAuthorization: () => undefined }),
    ).rejects.toThrow(/expired before it was approved/);
    expect(time.sleeps).toEqual([60_000, 60_000, 30_000]);
  });

  it('bounds the numbers it sleeps on: a device code "valid" for years is waited on for an hour; a negative interval is 5 s', async () => {
    const long = await setup({ interval: 1, deviceCodeTtlSeconds: 1e9 });
    const started = long.time.now();
    let shown: DeviceAuthorization | undefined;
    await expect(
      runDeviceFlow({
        messages: en,
        oidc: long.oidc, registration: long.registration, startUrl: long.emulator.org.startUrl, region: 'ap-northeast-1', clock: long.time.clock,
        onAuthorization: (a) => ((shown = a), long.emulator.deny(a.userCode)),
      }),
    ).rejects.toThrow(/denied/);
    expect(shown!.expiresAt.getTime() - started).toBe(3_600_000);
    await long.emulator.close();

    // The emulator refuses to send a negative interval, so a stand-in client answers here.
    const time = virtualClock();
    let call = 0;
    const oidc = {
      send: async () => {
        if (call++ === 0) return { deviceCode: 'dc', userCode: 'ABCD-EFGH', verificationUri: 'https://device.example/', interval: -5, expiresIn: 600 };
        throw Object.assign(new Error('denied'), { name: 'AccessDeniedException' });
      },
    } as unknown as SSOOIDCClient;
    const registration: ClientRegistration = { clientId: 'c', clientSecret: 's', expiresAt: new Date(time.now() + 86_400_000) };
    await expect(
      runDeviceFlow({ messages: en, oidc, registration, startUrl: 'https://d-0000000000.awsapps.com/start', region: 'ap-northeast-1', clock: time.clock, onAuthorization: () => undefined }),
    ).rejects.toThrow(/denied/);
    expect(time.sleeps).toEqual([5000]);
  });

  it('fails clearly when the code expires or the request is denied', async () => {
    const expired = await setup({ interval: 5, deviceCodeTtlSeconds: 12 });
    await expect(
      runDeviceFlow({messages: en, oidc: expired.oidc, registration: expired.registration, startUrl: expired.emulator.org.startUrl, region: 'ap-northeast-1', clock: expired.time.clock, onAuthorization: () => undefined }),
    ).rejects.toThrow(/expired before it was approved/);
    await expired.emulator.close();

    const denied = await setup();
    emulator = denied.emulator;
    await expect(
      runDeviceFlow({
       messages: en,
        oidc: denied.oidc,
        registration: denied.registration,
        startUrl: denied.emulator.org.startUrl, region: 'ap-northeast-1',
        clock: denied.time.clock,
        onAuthorization: (a) => denied.emulator.deny(a.userCode),
      }),
    ).rejects.toThrow(/denied/);
  });

  it('says the SSO region is the likely cause when IAM Identity Center answers invalid_grant', async () => {
    const { time, oidc, registration, emulator } = await setup();
    emulator.injectFault('StartDeviceAuthorization', { status: 400, errorType: 'InvalidGrantException' });
    await expect(
      runDeviceFlow({messages: en, oidc, registration, startUrl: emulator.org.startUrl, region: 'eu-west-1', clock: time.clock, onAuthorization: () => undefined }),
    ).rejects.toThrow(/The SSO region eu-west-1 is the likely cause/);
    emulator.injectFault('CreateToken', { status: 400, errorType: 'InvalidGrantException' });
    await expect(
      runDeviceFlow({messages: en, oidc, registration, startUrl: emulator.org.startUrl, region: 'eu-west-1', clock: time.clock, onAuthorization: () => undefined }),
    ).rejects.toThrow(/Sign-in failed: InvalidGrantException[\s\S]*IAM Identity Center console → Settings/);
  });

  it('reports an unknown start URL with the service description', async () => {
    const { time, oidc, registration } = await setup();
    await expect(
      runDeviceFlow({messages: en, oidc, registration, startUrl: 'https://d-0000000000.awsapps.com/start', region: 'ap-northeast-1', clock: time.clock, onAuthorization: () => undefined }),
    ).rejects.toThrow(/InvalidRequestException/);
  });
});
