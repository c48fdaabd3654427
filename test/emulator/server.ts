/**
 * A strict loopback emulator of IAM Identity Center: SSO OIDC, the access portal and STS
 * GetCallerIdentity on one port (their paths do not collide), plus the HTML approval pages.
 * Wire formats and errors follow /work/shared/compat.md Part B. Node built-ins only.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { errorReply, ServiceError, type EmuRequest, type Reply, type Service } from './http.js';
import * as ids from './ids.js';
import { createToken, decideDeviceCode, registerClient, startDeviceAuthorization } from './oidc.js';
import { copyOrganisation, DEFAULT_ORG } from './org.js';
import { authorizeDecision, authorizePage, deviceDecision, devicePage } from './pages.js';
import { getRoleCredentials, listAccountRoles, listAccounts, logout } from './portal.js';
import { Store, type Settings } from './state.js';
import { sts } from './sts.js';
import type { CallRecord, Emulator, EmulatorOptions, Fault } from './types.js';

export type { CallRecord, Emulator, EmulatorOptions, Fault, OrgAccount, Organisation } from './types.js';
export { DEFAULT_ORG, parseOrganisation } from './org.js';

interface Route {
  method: 'GET' | 'POST';
  path: string;
  op: string;
  service: Service;
  handle(request: EmuRequest, store: Store): Reply;
}

const ROUTES: readonly Route[] = [
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
];

const OPERATIONS = new Set(ROUTES.map((r) => r.op));
const MAX_BODY_BYTES = 1024 * 1024;
const DAY_SECONDS = 24 * 60 * 60;

function findRoute(method: string, path: string, query: URLSearchParams): Route | undefined {
  if (path === '/token' && query.has('aws_iam')) return undefined; // CreateTokenWithIAM is out of scope
  return ROUTES.find((r) => r.method === method && r.path === path);
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
  };
  if (!Number.isInteger(settings.pageSize) || settings.pageSize < 1) throw new Error('pageSize must be a whole number of at least 1');
  if (!Number.isInteger(settings.interval) || settings.interval < 0) throw new Error('interval must be a whole number of seconds');
  return settings;
}

/** Faults queued by failNext, per operation, used up in order. */
class FaultQueue {
  private readonly queued = new Map<string, Array<{ fault: Fault; left: number }>>();

  add(op: string, fault: Fault): void {
    if (!OPERATIONS.has(op)) throw new Error(`failNext: unknown operation "${op}"; one of ${[...OPERATIONS].join(', ')}`);
    const count = fault.count ?? 1;
    if (!Number.isInteger(count) || count < 1) throw new Error('failNext: count must be a whole number of at least 1');
    const queue = this.queued.get(op) ?? [];
    queue.push({ fault, left: count });
    this.queued.set(op, queue);
  }

  take(op: string): Fault | undefined {
    const queue = this.queued.get(op);
    const head = queue?.[0];
    if (!queue || !head) return undefined;
    head.left -= 1;
    if (head.left === 0) queue.shift();
    return head.fault;
  }
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

function answer(route: Route | undefined, request: EmuRequest, store: Store, faults: FaultQueue): { reply: Reply; errorType?: string } {
  try {
    if (!route) throw new ServiceError('UnknownOperationException', `No operation at ${request.method} ${request.path}`);
    const fault = faults.take(route.op);
    if (fault) throw new ServiceError(fault.errorType, fault.message ?? `Injected ${fault.errorType}`, fault.status);
    return { reply: route.handle(request, store) };
  } catch (error) {
    const serviceError = error instanceof ServiceError ? error : internalError(error, route);
    return { reply: errorReply(route?.service ?? 'generic', serviceError, request.requestId), errorType: serviceError.type };
  }
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
  const faults = new FaultQueue();
  const calls: CallRecord[] = [];

  const record = (call: CallRecord) => {
    calls.push(call);
    try {
      settings.onCall?.(call);
    } catch {
      // a failing observer must not take the server down
    }
  };

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
    const { reply, errorType } = answer(route, request, store, faults);
    send(res, reply, requestId);
    record({ op: route?.op ?? 'UnknownOperation', status: reply.status, ...(errorType ? { errorType } : {}) });
  }

  const server = createServer((req, res) => void onRequest(req, res));
  const port = await listen(server, options.port ?? 0);
  const url = `http://127.0.0.1:${port}`;
  store.baseUrl = url;

  const decide = (userCode: string, allow: boolean) => {
    if (decideDeviceCode(store, userCode, allow) === 'unknown') throw new Error(`No device authorization has the user code ${userCode}`);
  };
  let closing: Promise<void> | undefined;

  return {
    url,
    port,
    org: settings.org,
    calls,
    issuedSecrets: () => store.issuedSecrets(),
    approve: (userCode) => decide(userCode, true),
    deny: (userCode) => decide(userCode, false),
    failNext: (op, fault) => faults.add(op, fault),
    close: () => (closing ??= closeServer(server)),
  };
}
