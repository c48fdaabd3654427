import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { isIP, type AddressInfo } from 'node:net';
import { constants } from 'node:os';
import type { Context } from '../context.js';
import { CliError, ExitStatus } from '../errors.js';
import type { StopSignal } from '../ports.js';
import type { CachedRoleCredentials } from '../sso/role-credentials-cache.js';
import { MIN_REMAINING_MS } from '../sso/sign-in.js';
import { roleCredentialsForProfile } from './credentials.js';
import { profileRegion } from './exec.js';

/**
 * `sso-setup serve`: the container-credentials endpoint the AWS SDKs' container provider
 * reads (AWS_CONTAINER_CREDENTIALS_FULL_URI + AWS_CONTAINER_AUTHORIZATION_TOKEN;
 * docs/compat.md §B8), serving a profile's role credentials and nothing else.
 */
export interface ServeOptions {
  /** --profile, else AWS_PROFILE, else AWS_DEFAULT_PROFILE, else `default`. */
  profile: string;
  /** --port; 0 lets the system pick a free one. */
  port: number;
  /** --host; 127.0.0.1 unless the user says otherwise. */
  host: string;
}

export const DEFAULT_HOST = '127.0.0.1';

/** The authorization token: 32 random bytes, base64url (43 characters, a legal header value). */
export function newAuthorizationToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Compares a presented Authorization header with the token in constant time (digests of equal length). */
export function tokenMatches(presented: string | undefined, token: string): boolean {
  if (presented === undefined) return false;
  const a = createHash('sha256').update(presented, 'utf8').digest();
  const b = createHash('sha256').update(token, 'utf8').digest();
  return timingSafeEqual(a, b);
}

/** True for addresses only this machine reaches: 127.0.0.0/8, ::1, `localhost`. */
export function isLoopbackHost(host: string): boolean {
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.split('.')[0] === '127';
  return host === '::1' || host === '0:0:0:0:0:0:0:1';
}

/** The URL clients use: a wildcard address is reached through loopback; IPv6 in brackets. */
export function endpointUrl(host: string, port: number): string {
  const reachable = host === '0.0.0.0' ? DEFAULT_HOST : host === '::' ? '::1' : host;
  return `http://${isIP(reachable) === 6 ? `[${reachable}]` : reachable}:${port}/`;
}

/**
 * The JSON the SDKs' container provider reads (botocore ContainerProvider: AccessKeyId,
 * SecretAccessKey, Token, Expiration, AccountId; the JS SDK's fromHttp: the first four,
 * Expiration in RFC 3339). Role credentials only: never an SSO token.
 */
export function credentialsBody(credentials: CachedRoleCredentials): string {
  return JSON.stringify({
    AccessKeyId: credentials.accessKeyId,
    SecretAccessKey: credentials.secretAccessKey,
    Token: credentials.sessionToken,
    Expiration: credentials.expiration.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    AccountId: credentials.accountId,
  });
}

/**
 * An error as the container providers read it: the ECS agent's `{"code","message"}`, and
 * the same under `Code`/`Message`, the members the JS SDK's fromHttp copies onto its error
 * for a 4xx (docs/compat.md §B8).
 */
export function errorBody(code: string, message: string): string {
  return JSON.stringify({ code, message, Code: code, Message: message });
}

/**
 * The role credentials, renewed through roleCredentialsForProfile (the AWS CLI's cache, the
 * SSO token refreshed as botocore does) whenever those held have under 15 minutes left:
 * on a request, and ahead of time by a timer. One renewal at a time.
 */
class RoleCredentialsHolder {
  private current: CachedRoleCredentials | undefined;
  private renewal: Promise<CachedRoleCredentials> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly ctx: Context,
    private readonly profile: string,
  ) {}

  private remaining(): number {
    return this.current ? this.current.expiration.getTime() - this.ctx.clock.now() : -Infinity;
  }

  async get(): Promise<CachedRoleCredentials> {
    if (this.current && this.remaining() >= MIN_REMAINING_MS) return this.current;
    try {
      return await this.renew();
    } catch (error) {
      // Renewal failed: credentials still valid for a minute are better than none (the client retries sooner).
      if (this.current && this.remaining() > 60_000) return this.current;
      throw error;
    }
  }

  renew(): Promise<CachedRoleCredentials> {
    this.renewal ??= roleCredentialsForProfile(this.ctx, this.profile)
      .then((credentials) => {
        if (this.current && this.current.accessKeyId !== credentials.accessKeyId) {
          this.ctx.stderr.write(this.ctx.messages.serve.renewed(isoSeconds(credentials.expiration)));
        }
        this.current = credentials;
        this.schedule();
        return credentials;
      })
      .finally(() => (this.renewal = undefined));
    return this.renewal;
  }

  /** Renews ahead of the requests, as the credentials cross the 15-minute mark. */
  private schedule(): void {
    clearTimeout(this.timer);
    // Credentials issued for under 15 minutes are renewed on each request instead (no busy timer).
    if (this.stopped || this.remaining() < MIN_REMAINING_MS) return;
    const delay = Math.max(1_000, this.remaining() - MIN_REMAINING_MS + 1_000);
    this.timer = setTimeout(() => {
      this.renew().catch((error: unknown) => {
        this.ctx.stderr.write(this.ctx.messages.serve.renewalFailed(error instanceof Error ? error.message : String(error)));
        if (!this.stopped) this.timer = setTimeout(() => this.schedule(), 30_000);
      });
    }, Math.min(delay, 2 ** 31 - 1));
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }
}

const isoSeconds = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** The request's path without its query, control characters removed: safe to log. */
function loggablePath(req: IncomingMessage): string {
  // eslint-disable-next-line no-control-regex
  return (req.url ?? '').split('?')[0]!.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?').slice(0, 200);
}

function reply(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
  });
  res.end(body);
}

export async function serve(ctx: Context, options: ServeOptions): Promise<never> {
  const m = ctx.messages.serve;
  // The credentials first: a profile that cannot get them fails here, before anything listens.
  const holder = new RoleCredentialsHolder(ctx, options.profile);
  const first = await holder.renew();
  const region = await profileRegion(ctx, options.profile);
  const token = newAuthorizationToken();
  ctx.log.secret(token);

  const server: Server = createServer((req, res) => {
    const finish = (status: number, body: string) => {
      reply(res, status, body);
      ctx.stderr.write(m.requestLog(new Date(ctx.clock.now()).toISOString(), req.method ?? '?', loggablePath(req), status));
    };
    if (req.method !== 'GET') return finish(405, errorBody('MethodNotAllowed', m.errors.methodNotAllowed));
    if (loggablePath(req) !== '/') return finish(404, errorBody('NotFound', m.errors.notFound));
    const presented = req.headers.authorization;
    if (presented === undefined) return finish(401, errorBody('Unauthorized', m.errors.missingToken));
    if (!tokenMatches(presented, token)) return finish(403, errorBody('Forbidden', m.errors.wrongToken));
    holder.get().then(
      (credentials) => finish(200, credentialsBody(credentials)),
      (error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        // Our own errors say what to do (sign in again); anything else is the service's.
        finish(error instanceof CliError ? 503 : 500, errorBody(error instanceof CliError ? 'CredentialsUnavailable' : 'InternalError', message));
      },
    );
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 10_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      holder.stop();
      reject(new CliError(m.cannotListen(options.host, options.port, error.code ?? error.message)));
    });
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = endpointUrl(options.host, port);
  if (!isLoopbackHost(options.host)) ctx.stderr.write(m.notLoopbackWarning(options.host));
  ctx.stdout.write(m.serving(options.profile, url, isoSeconds(first.expiration)));
  ctx.stdout.write(m.exports(url, token, region));

  const stopped = new Promise<StopSignal>((resolve) => {
    const release = ctx.signals.trap((signal) => {
      release();
      resolve(signal);
    });
  });
  const signal = await stopped;
  holder.stop();
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
  ctx.stderr.write(m.stopped);
  throw new ExitStatus(128 + constants.signals[signal]);
}
