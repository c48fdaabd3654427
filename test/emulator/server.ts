/**
 * A strict loopback emulator of IAM Identity Center: SSO OIDC, the access portal and STS
 * GetCallerIdentity on one port (their paths do not collide), plus the HTML approval pages.
 * Wire formats and errors follow docs/compat.md Part B. Node built-ins only.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FaultBook, type Strike } from './faults.js';
import { emptyReply, errorReply, redirectReply, ServiceError, type EmuRequest, type Reply, type Service } from './http.js';
import * as ids from './ids.js';
import { createToken, decideDeviceCode, registerClient, startDeviceAuthorization } from './oidc.js';
import { copyOrganisation, DEFAULT_ORG } from './org.js';
import { authorizeDecision, authorizePage, deviceDecision, devicePage } from './pages.js';
import { federation } from './federation.js';
import { getRoleCredentials, listAccountRoles, listAccounts, logout } from './portal.js';
import { Store, type Settings } from './state.js';
import { sts } from './sts.js';
import { Throttle, throttleSettings } from './throttle.js';
import type { CallRecord, Emulator, EmulatorOptions, EmulatorStats } from './types.js';

export type {
  CallRecord,
  DelayFault,
  Emulator,
  EmulatorOptions,
  EmulatorStats,
  ErrorFault,
  Fault,
  FaultRepeat,
  FaultTarget,
  OrgAccount,
  Organisation,
  ResetFault,
  ThrottleOptions,
} from './types.js';
export { DEFAULT_ORG, parseOrganisation } from './org.js';
export { generateOrganisation, type GenerateOptions } from './generate.js';
export { DEFAULT_THROTTLED_OPERATIONS } from './throttle.js';

interface Route {
  method: 'GET' | 'POST' | 'HEAD';
  path: string;
  op: string;
  service: Service;
  handle(request: EmuRequest, store: Store): Reply;
}

const ROUTES: readonly Route[] = [
  { method: 'HEAD', path: '/start', op: 'CustomDomain', service: 'page', handle: customDomainHead },
  { method: 'GET', path: '/start', op: 'CustomDomain', service: 'page', handle: customDomainGet },
  { method: 'POST', path: '/client/register', op: 'RegisterClient', service: 'oidc', handle: registerClient },
  { method: 'POST', path: '/device_authorization', op: 'StartDeviceAuthorization', service: 'oidc', handle: startDeviceAuthorization },
  { method: 'POST', path: '/token', op: 'CreateToken', service: 'oidc', handle: createToken },
  { method: 'GET', path: '/authorize', op: 'Authorize', service: 'page', handle: authorizePage },
  { method: 'POST', path: '/authorize/decision', op: 'Approve', service: 'page', handle: authorizeDecision },
  { method: 'GET', path: '/device', op: 'ApprovalPage', service: 'page', handle: devicePage },
  { method: 'POST', path: '/device/decision', op: 'Approve', service: 'page', handle: deviceDecision },
  { method: 'GET', path: '/assignment/accounts', op: 'ListAccounts', service: 'portal', handle: listAccounts },
  { method: 'GET', path: '/assignment/roles', op: 'ListAccountRoles', service: 'portal', handle: listAccountRoles },
  { method: 'GET', path: '/federation/credentials', op: 'GetRoleCredentials', service: 'portal', handle: getRoleCredentials },
  { method: 'POST', path: '/logout', op: 'Logout', service: 'portal', handle: logout },
  { method: 'POST', path: '/', op: 'GetCallerIdentity', service: 'sts', handle: sts },
  { method: 'GET', path: '/federation', op: 'Federation', service: 'page', handle: federation },
  { method: 'POST', path: '/federation', op: 'Federation', service: 'page', handle: federation },
];

const OPERATIONS: ReadonlySet<string> = new Set(ROUTES.map((r) => r.op));
const ROUTE_INDEX = new Map(ROUTES.map((r) => [`${r.method} ${r.path}`, r]));
const MAX_BODY_BYTES = 1024 * 1024;
const DAY_SECONDS = 24 * 60 * 60;

/** The custom domain's answer: a redirect to the AWS-owned portal URL (as CloudFront or a web server would send it). */
function customDomainGet(_request: EmuRequest, store: Store): Reply {
  return redirectReply(store.settings.customDomain.location);
}

function customDomainHead(request: EmuRequest, store: Store): Reply {
  const { headStatus } = store.settings.customDomain;
  return headStatus === undefined ? customDomainGet(request, store) : emptyReply(headStatus);
}

function findRoute(method: string, path: string, query: URLSearchParams): Route | undefined {
  if (path === '/token' && query.has('aws_iam')) return undefined; // CreateTokenWithIAM is out of scope
  return ROUTE_INDEX.get(`${method} ${path}`);
}

function settingsFrom(options: EmulatorOptions): Settings {
  const settings: Settings = {
    org: copyOrganisation(options.org ?? DEFAULT_ORG),
    pageSize: options.pageSize ?? 2,
    interval: options.interval ?? 1,
    deviceCodeTtlSeconds: options.deviceCodeTtlSeconds ?? 600,
    accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? 8 * 60 * 60,
    registrationTtlSeconds: options.registrationTtlSeconds ?? 90 * DAY_SECONDS,
    roleCredentialTtlSeconds: options.roleCredentialTtlSeconds ?? 60 * 60,
    autoApprove: options.autoApprove ?? false,
    now: options.now ?? Date.now,
    ...(options.onCall ? { onCall: options.onCall } : {}),
    ...(options.throttle ? { throttle: throttleSettings(options.throttle, OPERATIONS) } : {}),
    customDomain: {
      location: options.customDomain?.location ?? `https://ssoins-7907a2c1d4e5f6a7.portal.${(options.org ?? DEFAULT_ORG).region}.app.aws/start`,
      ...(options.customDomain?.headStatus !== undefined ? { headStatus: options.customDomain.headStatus } : {}),
    },
  };
  if (!Number.isInteger(settings.pageSize) || settings.pageSize < 1) throw new Error('pageSize must be a whole number of at least 1');
  if (!Number.isInteger(settings.interval) || settings.interval < 0) throw new Error('interval must be a whole number of seconds');
  return settings;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) req.destroy(new Error('request body too large'));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** The request target as a URL; `//x` stays a path and anything unparsable becomes `/?`. */
function requestTarget(raw: string): URL {
  try {
    return raw.startsWith('/') ? new URL(`http://127.0.0.1${raw}`) : new URL(raw);
  } catch {
    return new URL('http://127.0.0.1/?');
  }
}

function send(res: ServerResponse, reply: Reply, requestId: string): void {
  res.writeHead(reply.status, {
    ...reply.headers,
    'x-amzn-RequestId': requestId,
    'content-length': Buffer.byteLength(reply.body),
  });
  res.end(reply.body);
}

/** A bug in the emulator: report it on stderr (never request data) and answer 500. */
function internalError(error: unknown, route: Route | undefined): ServiceError {
  process.stderr.write(`emulator: ${route?.op ?? 'request'} failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  const type = route?.service === 'oidc' ? 'InternalServerException' : 'InternalFailure';
  return new ServiceError(type, 'An internal error occurred in the emulator.', 500);
}

function answer(
  route: Route | undefined,
  request: EmuRequest,
  store: Store,
  strike: Strike | undefined,
  throttle: Throttle | undefined,
): { reply: Reply; errorType?: string } {
  try {
    if (!route) throw new ServiceError('UnknownOperationException', `No operation at ${request.method} ${request.path}`);
    if (strike?.kind === 'error') throw strike.error;
    throttle?.admit(route.op);
    return { reply: route.handle(request, store) };
  } catch (error) {
    const serviceError = error instanceof ServiceError ? error : internalError(error, route);
    return { reply: errorReply(route?.service ?? 'generic', serviceError, request.requestId), errorType: serviceError.type };
  }
}

/** Every call in order of its answer, counted per operation, and told to onCall. */
class CallLog {
  readonly calls: CallRecord[] = [];
  private readonly requests = new Map<string, number>();
  private readonly throttled = new Map<string, number>();

  constructor(private readonly onCall: ((call: CallRecord) => void) | undefined) {}

  record(call: CallRecord): void {
    this.calls.push(call);
    increment(this.requests, call.op);
    if (call.status === 429) increment(this.throttled, call.op);
    try {
      this.onCall?.(call);
    } catch {
      // a failing observer must not take the server down
    }
  }

  stats(): EmulatorStats {
    return { requests: Object.fromEntries(this.requests), throttled: Object.fromEntries(this.throttled) };
  }
}

const increment = (counts: Map<string, number>, key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);

/** Timers of delayed answers, cancelled when the emulator closes. */
class Timers {
  private readonly pending = new Set<NodeJS.Timeout>();

  later(ms: number, run: () => void): void {
    const timer = setTimeout(() => {
      this.pending.delete(timer);
      run();
    }, ms);
    this.pending.add(timer);
  }

  cancelAll(): void {
    for (const timer of this.pending) clearTimeout(timer);
    this.pending.clear();
  }
}

/** Drops the connection with a TCP RST and no answer, as a failing network does. */
function resetConnection(req: IncomingMessage): void {
  req.socket.resetAndDestroy();
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const settings = settingsFrom(options);
  const store = new Store(settings);
  const faults = new FaultBook(OPERATIONS);
  const throttle = settings.throttle ? new Throttle(settings.throttle, settings.now) : undefined;
  const log = new CallLog(settings.onCall);
  const timers = new Timers();

  async function onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = ids.requestId();
    const url = requestTarget(req.url ?? '/');
    let body: string;
    try {
      body = await readBody(req);
    } catch {
      res.destroy();
      return;
    }
    const request: EmuRequest = { method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers, body, requestId };
    const route = findRoute(request.method, request.path, request.query);
    const op = route?.op ?? 'UnknownOperation';
    const strike = route ? faults.take(route.op, route.service !== 'page') : undefined;
    if (strike?.kind === 'reset') {
      resetConnection(req);
      log.record({ op, status: 0, fault: 'reset' });
      return;
    }
    const { reply, errorType } = answer(route, request, store, strike, throttle);
    const call: CallRecord = { op, status: reply.status, ...(errorType ? { errorType } : {}) };
    if (strike?.kind === 'delay') {
      timers.later(strike.ms, () => {
        send(res, reply, requestId);
        log.record({ ...call, fault: 'delay' });
      });
      return;
    }
    send(res, reply, requestId);
    log.record(call);
  }

  const server = createServer((req, res) => void onRequest(req, res));
  const port = await listen(server, options.port ?? 0);
  const url = `http://127.0.0.1:${port}`;
  store.baseUrl = url;

  const decide = (userCode: string, allow: boolean) => {
    if (decideDeviceCode(store, userCode, allow) === 'unknown') throw new Error(`No device authorization has the user code ${userCode}`);
  };
  let closing: Promise<void> | undefined;
  const close = () => {
    timers.cancelAll();
    return closeServer(server);
  };

  return {
    url,
    port,
    org: settings.org,
    calls: log.calls,
    issuedSecrets: () => store.issuedSecrets(),
    approve: (userCode) => decide(userCode, true),
    deny: (userCode) => decide(userCode, false),
    injectFault: (op, fault) => faults.add(op, fault, 'injectFault'),
    failNext: (op, fault) => faults.add(op, fault, 'failNext'),
    clearFaults: (op) => faults.clear(op),
    revoke: (accessToken) => store.revoke(accessToken),
    stats: () => log.stats(),
    close: () => (closing ??= close()),
  };
}
