import { afterEach, describe, expect, it } from 'vitest';
import { Agent, get } from 'node:http';
import { CreateTokenCommand, RegisterClientCommand, SSOOIDCClient, StartDeviceAuthorizationCommand } from '@aws-sdk/client-sso-oidc';
import {
  GetRoleCredentialsCommand,
  ListAccountRolesCommand,
  ListAccountsCommand,
  paginateListAccountRoles,
  paginateListAccounts,
  SSOClient,
  SSOServiceException,
} from '@aws-sdk/client-sso';
import type { NodeHttpHandlerOptions } from '@smithy/node-http-handler';
import {
  generateOrganisation,
  parseOrganisation,
  startEmulator,
  type Emulator,
  type EmulatorOptions,
  type Organisation,
} from '../emulator/server.js';
import { manualClock, rejectionOf, type AwsError } from '../helpers/aws-errors.js';

/**
 * The emulator's fault injection, throttling and generated organisations, observed through
 * the real AWS SDK clients, as the reliability and scale tests will observe them.
 */

const REGION = 'us-east-1';
const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';


let emulator: Emulator | undefined;
const destroyers: Array<() => void> = [];

afterEach(async () => {
  for (const destroy of destroyers.splice(0)) destroy();
  await emulator?.close();
  emulator = undefined;
});

interface ClientOptions {
  maxAttempts?: number;
  requestHandler?: NodeHttpHandlerOptions;
}

function clients(url: string, { maxAttempts = 1, requestHandler }: ClientOptions = {}) {
  const config = { region: REGION, endpoint: url, maxAttempts, ...(requestHandler ? { requestHandler } : {}) };
  const oidc = new SSOOIDCClient(config);
  const sso = new SSOClient(config);
  destroyers.push(() => oidc.destroy(), () => sso.destroy());
  return { oidc, sso };
}

async function setup(options: EmulatorOptions = {}, clientOptions: ClientOptions = {}) {
  emulator = await startEmulator({ autoApprove: true, ...options });
  return { emulator, ...clients(emulator.url, clientOptions) };
}

type Setup = Awaited<ReturnType<typeof setup>>;

/** A device-flow sign-in (auto-approved) by a client registered for refresh tokens too. */
async function signIn({ oidc, emulator }: Pick<Setup, 'oidc' | 'emulator'>) {
  const reg = await oidc.send(
    new RegisterClientCommand({ clientName: 'sso-setup-test', clientType: 'public', scopes: ['sso:account:access'], grantTypes: [DEVICE_GRANT, 'refresh_token'] }),
  );
  const client = { clientId: reg.clientId!, clientSecret: reg.clientSecret! };
  const auth = await oidc.send(new StartDeviceAuthorizationCommand({ ...client, startUrl: emulator.org.startUrl }));
  const token = await oidc.send(new CreateTokenCommand({ ...client, grantType: DEVICE_GRANT, deviceCode: auth.deviceCode! }));
  return { client, accessToken: token.accessToken!, refreshToken: token.refreshToken! };
}

const listAccounts = (s: Pick<Setup, 'sso'>, accessToken: string) => s.sso.send(new ListAccountsCommand({ accessToken }));
const listRoles = (s: Pick<Setup, 'sso'>, accessToken: string, accountId = '111122223333') =>
  s.sso.send(new ListAccountRolesCommand({ accessToken, accountId }));
const credentials = (s: Pick<Setup, 'sso'>, accessToken: string, accountId: string, roleName: string) =>
  s.sso.send(new GetRoleCredentialsCommand({ accessToken, accountId, roleName }));

describe('injected errors', () => {
  it('429 TooManyRequestsException carries the Retry-After header', async () => {
    const s = await setup();
    const { accessToken } = await signIn(s);
    s.emulator.injectFault('ListAccounts', { errorType: 'TooManyRequestsException', retryAfter: 7 });
    const error = await rejectionOf(listAccounts(s, accessToken));
    expect(error.name).toBe('TooManyRequestsException');
    expect(error.$metadata.httpStatusCode).toBe(429);
    expect(error.$response?.headers['retry-after']).toBe('7');
    await expect(listAccounts(s, accessToken)).resolves.toHaveProperty('accountList');
  });

  it('500 InternalServerException and 503 ServiceUnavailableException, status from the type', async () => {
    const s = await setup();
    const { accessToken } = await signIn(s);
    s.emulator.injectFault('ListAccountRoles', { errorType: 'InternalServerException' });
    s.emulator.injectFault('ListAccountRoles', { errorType: 'ServiceUnavailableException', message: 'Try later' });
    const internal = await rejectionOf(listRoles(s, accessToken));
    expect([internal.name, internal.$metadata.httpStatusCode]).toEqual(['InternalServerException', 500]);
    const unavailable = await rejectionOf(listRoles(s, accessToken));
    expect([unavailable.name, unavailable.message, unavailable.$metadata.httpStatusCode]).toEqual(['ServiceUnavailableException', 'Try later', 503]);
    expect(unavailable).toBeInstanceOf(SSOServiceException);
    await expect(listRoles(s, accessToken)).resolves.toHaveProperty('roleList');
  });

  it('the SDK retries (maxAttempts 3) through one injected 500 and one 429', async () => {
    const s = await setup({}, { maxAttempts: 3 });
    const { accessToken } = await signIn(s);
    s.emulator.injectFault('GetRoleCredentials', { errorType: 'InternalServerException' });
    s.emulator.injectFault('GetRoleCredentials', { errorType: 'TooManyRequestsException', retryAfter: 0 });
    const output = await credentials(s, accessToken, '111122223333', 'ReadOnlyAccess');
    expect(output.roleCredentials?.accessKeyId).toMatch(/^ASIA/);
    expect(output.$metadata.attempts).toBe(3);
    expect(s.emulator.calls.filter((c) => c.op === 'GetRoleCredentials').map((c) => c.status)).toEqual([500, 429, 200]);
  });
});

describe('connection faults', () => {
  it('reset drops the connection without an answer: a network error, then the next call works', async () => {
    const s = await setup();
    const { accessToken } = await signIn(s);
    s.emulator.injectFault('ListAccounts', { kind: 'reset' });
    const error = await rejectionOf(listAccounts(s, accessToken));
    expect(error.$metadata?.httpStatusCode).toBeUndefined();
    expect(error.code ?? error.message).toMatch(/ECONNRESET|socket hang up/);
    await expect(listAccounts(s, accessToken)).resolves.toHaveProperty('accountList');
    expect(s.emulator.calls.filter((c) => c.op === 'ListAccounts')).toEqual([
      { op: 'ListAccounts', status: 0, fault: 'reset' },
      { op: 'ListAccounts', status: 200 },
    ]);
  });

  it('delay answers late: a client timeout raises TimeoutError, though the call was handled', async () => {
    const timeouts: NodeHttpHandlerOptions[] = [{ requestTimeout: 200, throwOnRequestTimeout: true }, { socketTimeout: 200 }];
    for (const requestHandler of timeouts) {
      const s = await setup({}, { requestHandler });
      const { accessToken } = await signIn(s);
      s.emulator.injectFault('GetRoleCredentials', { kind: 'delay', ms: 1000 });
      const secretsBefore = s.emulator.issuedSecrets().length;
      const started = Date.now();
      const error = await rejectionOf(credentials(s, accessToken, '111122223333', 'ReadOnlyAccess'));
      expect(error.name).toBe('TimeoutError');
      expect(Date.now() - started).toBeLessThan(900);
      expect(s.emulator.issuedSecrets().length).toBe(secretsBefore + 2); // a secret key and a session token, lost in transit
      await s.emulator.close();
    }
  });

  it('requestTimeout alone (smithy node-http-handler 4.x) only logs a warning and waits for the late answer', async () => {
    const warnings: string[] = [];
    const logger = { debug() {}, info() {}, warn: (message: string) => void warnings.push(message), error() {} };
    const s = await setup({}, { requestHandler: { requestTimeout: 200, logger } });
    const { accessToken } = await signIn(s);
    s.emulator.injectFault('ListAccounts', { kind: 'delay', ms: 500 });
    await expect(listAccounts(s, accessToken)).resolves.toHaveProperty('accountList');
    expect(warnings.join('\n')).toMatch(/exceeded the configured 200 ms requestTimeout/);
  });

  it('a delay shorter than the timeout only slows the answer down', async () => {
    const s = await setup({}, { requestHandler: { requestTimeout: 2000, throwOnRequestTimeout: true } });
    const { accessToken } = await signIn(s);
    s.emulator.injectFault('ListAccounts', { kind: 'delay', ms: 300 });
    const started = Date.now();
    await expect(listAccounts(s, accessToken)).resolves.toHaveProperty('accountList');
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(s.emulator.calls.at(-1)).toEqual({ op: 'ListAccounts', status: 200, fault: 'delay' });
  });

  it('close() does not wait for delayed answers', async () => {
    const s = await setup({}, { requestHandler: { requestTimeout: 5000, throwOnRequestTimeout: true } });
    const { accessToken } = await signIn(s);
    s.emulator.injectFault('*', { kind: 'delay', ms: 60_000 });
    const pending = rejectionOf(listAccounts(s, accessToken));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = Date.now();
    await s.emulator.close();
    expect(Date.now() - started).toBeLessThan(1000);
    expect((await pending).$metadata?.httpStatusCode).toBeUndefined();
  });
});

describe('fault targeting and lifetime', () => {
  it("count strikes that many calls; always strikes until clearFaults(); '*' hits every API operation", async () => {
    const s = await setup();
    const { accessToken } = await signIn(s);
    s.emulator.injectFault('ListAccounts', { errorType: 'InternalServerException', count: 2 });
    expect((await rejectionOf(listAccounts(s, accessToken))).$metadata.httpStatusCode).toBe(500);
    expect((await rejectionOf(listAccounts(s, accessToken))).$metadata.httpStatusCode).toBe(500);
    await expect(listAccounts(s, accessToken)).resolves.toHaveProperty('accountList');

    s.emulator.injectFault('*', { errorType: 'ServiceUnavailableException', always: true });
    for (let i = 0; i < 3; i++) {
      expect((await rejectionOf(listAccounts(s, accessToken))).name).toBe('ServiceUnavailableException');
      expect((await rejectionOf(listRoles(s, accessToken))).name).toBe('ServiceUnavailableException');
      expect((await rejectionOf(s.oidc.send(new RegisterClientCommand({ clientName: 'c', clientType: 'public' })))).name).toBe(
        'ServiceUnavailableException',
      );
    }
    expect((await fetch(`${s.emulator.url}/device`)).status).toBe(200); // the HTML pages are not API operations
    s.emulator.clearFaults();
    await expect(listAccounts(s, accessToken)).resolves.toHaveProperty('accountList');
    await expect(listRoles(s, accessToken)).resolves.toHaveProperty('roleList');
  });

  it('clearFaults(op) removes only the faults of that target, and faults strike in injection order', async () => {
    const s = await setup();
    const { accessToken } = await signIn(s);
    s.emulator.injectFault('ListAccounts', { errorType: 'InternalServerException', always: true });
    s.emulator.injectFault('ListAccountRoles', { kind: 'reset', always: true });
    s.emulator.clearFaults('ListAccounts');
    await expect(listAccounts(s, accessToken)).resolves.toHaveProperty('accountList');
    expect((await rejectionOf(listRoles(s, accessToken))).$metadata?.httpStatusCode).toBeUndefined();
    s.emulator.clearFaults('ListAccountRoles');

    s.emulator.failNext('ListAccounts', { errorType: 'TooManyRequestsException' });
    s.emulator.failNext('*', { errorType: 'InternalServerException' });
    expect((await rejectionOf(listAccounts(s, accessToken))).name).toBe('TooManyRequestsException');
    expect((await rejectionOf(listAccounts(s, accessToken))).name).toBe('InternalServerException');
    await expect(listAccounts(s, accessToken)).resolves.toHaveProperty('accountList');
  });

  it('refuses unknown operations and malformed faults', async () => {
    const { emulator } = await setup();
    expect(() => emulator.injectFault('ListAccount', { kind: 'reset' })).toThrow(/injectFault: unknown operation "ListAccount"/);
    expect(() => emulator.injectFault('ListAccounts', { kind: 'reset', count: 2, always: true })).toThrow(/exclude each other/);
    expect(() => emulator.injectFault('ListAccounts', { kind: 'reset', count: 0 })).toThrow(/count/);
    expect(() => emulator.injectFault('ListAccounts', { kind: 'delay', ms: -1 })).toThrow(/ms/);
    expect(() => emulator.injectFault('ListAccounts', { errorType: 'MadeUpException' })).toThrow(/status is required/);
    expect(() => emulator.injectFault('ListAccounts', { kind: 'drop' } as never)).toThrow(/unknown fault kind/);
    expect(() => emulator.failNext('ListAccounts', { errorType: 'MadeUpException', status: 302 })).toThrow(/failNext: status/);
  });
});

describe('revoke', () => {
  it('ends one sign-in mid-run: its access token gets 401 and its refresh token InvalidGrant; others go on', async () => {
    const s = await setup();
    const first = await signIn(s);
    const second = await signIn(s);
    await expect(listAccounts(s, first.accessToken)).resolves.toHaveProperty('accountList');

    s.emulator.revoke(first.accessToken);
    const error = await rejectionOf(listAccounts(s, first.accessToken));
    expect([error.name, error.message, error.$metadata.httpStatusCode]).toEqual(['UnauthorizedException', 'Session token not found or invalid', 401]);
    const refresh = await rejectionOf(
      s.oidc.send(new CreateTokenCommand({ ...first.client, grantType: 'refresh_token', refreshToken: first.refreshToken })),
    );
    expect(refresh.name).toBe('InvalidGrantException');
    await expect(listAccounts(s, second.accessToken)).resolves.toHaveProperty('accountList');
  });

  it('without a token, ends every sign-in so far; refuses a token never issued', async () => {
    const s = await setup();
    const tokens = [await signIn(s), await signIn(s)];
    s.emulator.revoke();
    for (const { accessToken } of tokens) expect((await rejectionOf(listRoles(s, accessToken))).$metadata.httpStatusCode).toBe(401);
    const later = await signIn(s);
    await expect(listRoles(s, later.accessToken)).resolves.toHaveProperty('roleList');
    expect(() => s.emulator.revoke('aoa-never-issued')).toThrow(/no such access token/);
  });
});

describe('denied roles', () => {
  const org: Organisation = {
    startUrl: 'https://d-1234567890.awsapps.com/start',
    region: 'eu-west-1',
    user: { userName: 'ana' },
    accounts: [{ accountId: '012345678901', accountName: 'Prod', roles: ['AdministratorAccess', 'ReadOnlyAccess'], deniedRoles: ['AdministratorAccess'] }],
  };

  it('a denied role is listed but GetRoleCredentials answers 403 ForbiddenException "No access"', async () => {
    const s = await setup({ org });
    const { accessToken } = await signIn(s);
    const listed = await listRoles(s, accessToken, '012345678901');
    expect(listed.roleList?.map((r) => r.roleName)).toEqual(['AdministratorAccess', 'ReadOnlyAccess']);
    const error = await rejectionOf(credentials(s, accessToken, '012345678901', 'AdministratorAccess'));
    expect(error).toBeInstanceOf(SSOServiceException);
    expect([error.name, error.message, error.$metadata.httpStatusCode]).toEqual(['ForbiddenException', 'No access', 403]);
    await expect(credentials(s, accessToken, '012345678901', 'ReadOnlyAccess')).resolves.toHaveProperty('roleCredentials');
  });

  it('seed files may carry deniedRoles', () => {
    expect(parseOrganisation(org).accounts[0]?.deniedRoles).toEqual(['AdministratorAccess']);
    expect(() => parseOrganisation({ ...org, accounts: [{ ...org.accounts[0], deniedRoles: 'x' }] })).toThrow(/deniedRoles/);
  });
});

describe('throttling', () => {
  it('a token bucket per operation: exactly burst calls at once, then 429 "Rate exceeded" with Retry-After, refilled in time', async () => {
    const clock = manualClock();
    const s = await setup({ now: clock.now, throttle: { ratePerSecond: 2, burst: 5 } });
    const { accessToken } = await signIn(s);
    const outcomes = [];
    for (let i = 0; i < 8; i++) outcomes.push(await listRoles(s, accessToken).then(() => 200, (e: AwsError) => e));
    expect(outcomes.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    for (const error of outcomes.slice(5) as AwsError[]) {
      expect([error.name, error.message, error.$metadata.httpStatusCode]).toEqual(['TooManyRequestsException', 'Rate exceeded', 429]);
      expect(error.$response?.headers['retry-after']).toBe('1');
    }
    await expect(listAccounts(s, accessToken)).resolves.toHaveProperty('accountList'); // another operation's bucket

    clock.advance(500); // one token at 2/s
    await expect(listRoles(s, accessToken)).resolves.toHaveProperty('roleList');
    expect((await rejectionOf(listRoles(s, accessToken))).$metadata.httpStatusCode).toBe(429);

    clock.advance(60_000); // refills to burst, no further
    for (let i = 0; i < 5; i++) await expect(listRoles(s, accessToken)).resolves.toHaveProperty('roleList');
    expect((await rejectionOf(listRoles(s, accessToken))).$metadata.httpStatusCode).toBe(429);

    expect(s.emulator.stats()).toEqual({
      requests: { RegisterClient: 1, StartDeviceAuthorization: 1, CreateToken: 1, ListAccountRoles: 16, ListAccounts: 1 },
      throttled: { ListAccountRoles: 5 },
    });
  });

  it('Retry-After is the whole seconds until the next token; unlisted operations are never throttled', async () => {
    const clock = manualClock();
    const s = await setup({ now: clock.now, throttle: { ratePerSecond: 0.25, burst: 1, operations: ['GetRoleCredentials', 'RegisterClient'] } });
    const { accessToken } = await signIn(s);
    for (let i = 0; i < 5; i++) await expect(listAccounts(s, accessToken)).resolves.toHaveProperty('accountList');
    await credentials(s, accessToken, '111122223333', 'ReadOnlyAccess');
    expect((await rejectionOf(credentials(s, accessToken, '111122223333', 'ReadOnlyAccess'))).$response?.headers['retry-after']).toBe('4');
    clock.advance(3000);
    expect((await rejectionOf(credentials(s, accessToken, '111122223333', 'ReadOnlyAccess'))).$response?.headers['retry-after']).toBe('1');
    clock.advance(1000);
    await expect(credentials(s, accessToken, '111122223333', 'ReadOnlyAccess')).resolves.toHaveProperty('roleCredentials');
  });

  it('refuses nonsense settings', async () => {
    await expect(startEmulator({ throttle: { ratePerSecond: 0 } })).rejects.toThrow(/ratePerSecond/);
    await expect(startEmulator({ throttle: { ratePerSecond: 20, burst: 0.5 } })).rejects.toThrow(/burst/);
    await expect(startEmulator({ throttle: { ratePerSecond: 20, operations: ['ListAccount'] } })).rejects.toThrow(/unknown operation/);
  });
});

describe('generateOrganisation', () => {
  it('is deterministic per seed and produces the requested counts', () => {
    const org = generateOrganisation({ accounts: 300, seed: 42 });
    expect(generateOrganisation({ accounts: 300, seed: 42 })).toEqual(org);
    expect(generateOrganisation({ accounts: 300, seed: 43 })).not.toEqual(org);
    expect(org.accounts).toHaveLength(300);
    expect(new Set(org.accounts.map((a) => a.accountId)).size).toBe(300);
    for (const account of org.accounts) {
      expect(account.accountId).toMatch(/^\d{12}$/);
      expect(account.emailAddress).toMatch(/^[^@\s]+@[^@\s]+$/);
      expect(account.roles.length).toBeGreaterThanOrEqual(1);
      expect(account.roles.length).toBeLessThanOrEqual(5);
      expect(new Set(account.roles).size).toBe(account.roles.length);
    }
    expect(() => parseOrganisation(JSON.parse(JSON.stringify(org)))).not.toThrow();
  });

  it('names need sanitising: spaces, slashes, quotes, unicode, very long, duplicates differing only in case', () => {
    const names = generateOrganisation({ accounts: 50 }).accounts.map((a) => a.accountName!);
    expect(names).toContain('本番 (Prod)/Team A');
    expect(names.some((n) => n.includes(' '))).toBe(true);
    expect(names.some((n) => n.includes('/'))).toBe(true);
    expect(names.some((n) => n.includes("'"))).toBe(true);
    expect(names.some((n) => /[^\x20-\x7e]/.test(n))).toBe(true);
    expect(names.some((n) => n.length > 64)).toBe(true);
    const lower = names.map((n) => n.toLowerCase());
    expect(new Set(lower).size).toBeLessThan(new Set(names).size);
  });

  it('honours minRoles, maxRoles, startUrl and region', () => {
    const org = generateOrganisation({ accounts: 100, minRoles: 3, maxRoles: 3, seed: 7, startUrl: 'https://x.awsapps.com/start', region: 'eu-west-1' });
    expect(org.accounts.every((a) => a.roles.length === 3)).toBe(true);
    expect([org.startUrl, org.region]).toEqual(['https://x.awsapps.com/start', 'eu-west-1']);
    expect(generateOrganisation({ accounts: 3 }).accounts).toHaveLength(3);
    expect(() => generateOrganisation({ accounts: 1, minRoles: 4, maxRoles: 2 })).toThrow(/minRoles/);
  });
});

describe('scale', () => {
  it('2,000 accounts × 3 roles at 20 req/s (virtual time), pages of 100: limited only by the throttle', async () => {
    const clock = manualClock();
    const org = generateOrganisation({ accounts: 2000, minRoles: 3, maxRoles: 3, seed: 3 });
    const s = await setup({ org, pageSize: 100, now: clock.now, throttle: { ratePerSecond: 20 } });
    const { accessToken } = await signIn(s);
    const started = Date.now();
    const accounts = [];
    for await (const page of paginateListAccounts({ client: s.sso, pageSize: 100 }, { accessToken })) {
      accounts.push(...page.accountList!);
      clock.advance(50);
    }
    let roles = 0;
    for (const account of accounts) {
      clock.advance(50);
      for await (const page of paginateListAccountRoles({ client: s.sso, pageSize: 100 }, { accessToken, accountId: account.accountId! })) {
        roles += page.roleList!.length;
      }
    }
    const elapsed = Date.now() - started;
    expect(accounts).toHaveLength(2000);
    expect(roles).toBe(6000);
    expect(s.emulator.stats().requests.ListAccounts).toBe(20);
    expect(s.emulator.stats().throttled).toEqual({});
    // How long it took is a measurement, not a verdict (no timed assertions): it is printed.
    console.log(`listed 2,000 accounts and 6,000 roles through the SDK in ${elapsed} ms (${2020} requests)`);
  }, 180_000);

  it('serves 10,000 ListAccountRoles requests from 16 concurrent clients, every one correctly', async () => {
    const org = generateOrganisation({ accounts: 2000, minRoles: 3, maxRoles: 3, seed: 3 });
    const s = await setup({ org, pageSize: 100 });
    const { accessToken } = await signIn(s);
    const agent = new Agent({ keepAlive: true, maxSockets: 16 });
    destroyers.push(() => agent.destroy());
    const roleCount = (accountId: string) =>
      new Promise<number>((resolve, reject) => {
        const url = `${s.emulator.url}/assignment/roles?account_id=${accountId}&max_result=100`;
        get(url, { agent, headers: { 'x-amz-sso_bearer_token': accessToken } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve(res.statusCode === 200 ? (JSON.parse(Buffer.concat(chunks).toString()) as { roleList: unknown[] }).roleList.length : -1));
        }).on('error', reject);
      });
    const total = 10_000;
    let next = 0;
    let ok = 0;
    const worker = async () => {
      while (next < total) if ((await roleCount(org.accounts[next++ % org.accounts.length]!.accountId)) === 3) ok++;
    };
    const started = Date.now();
    await Promise.all(Array.from({ length: 16 }, worker));
    const elapsed = Date.now() - started;
    console.log(`10,000 ListAccountRoles in ${elapsed} ms (${Math.round(total / (elapsed / 1000))} req/s), client in the same process`);
    expect(ok).toBe(total);
  }, 180_000);
});
