import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { CliError } from '../errors.js';
import type { Messages } from '../ui/messages/index.js';
import { printable } from '../ui/terminal-text.js';
import { CALLBACK_PATH, redirectUriFor } from './pkce.js';

/**
 * The loopback HTTP server that receives the browser's redirect at the end of the
 * authorization-code flow. It listens on 127.0.0.1 only (never on all interfaces, unlike
 * the AWS CLI), on a random port or the one asked for (`--callback-port`, for
 * `ssh -L N:127.0.0.1:N`), and answers the browser with a page saying how it went.
 */

/** How the sign-in ended, as the browser's page shows it. */
export type CallbackOutcome = { ok: true } | { ok: false; reason: string };

export interface CallbackServerOptions {
  /** The texts, in the user's language. */
  messages: Messages;
  /** 0 (or undefined) picks a free port. */
  port?: number;
  /** The HTML page for an outcome (translated by the caller). */
  renderPage(outcome: CallbackOutcome): string;
}

export interface CallbackServer {
  port: number;
  /** The redirect URI with the port, for /authorize and CreateToken. */
  redirectUri: string;
  /**
   * Waits for the browser to come back with a code for `state`. Rejects with the AWS CLI's
   * messages when the redirect for `state` carries `error`, and on timeout. Requests with
   * another state or to another host are answered with an error page and ignored.
   */
  waitForCode(state: string, timeoutMs: number): Promise<string>;
  close(): Promise<void>;
}

const HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
  'X-Content-Type-Options': 'nosniff',
  Connection: 'close',
};

/** The Host header of a request to the loopback server, as a browser sends it (no DNS rebinding). */
function isLoopbackHost(host: string | undefined, port: number): boolean {
  const value = host?.toLowerCase();
  return value === `127.0.0.1:${port}` || value === `localhost:${port}`;
}

/** Compares the state without revealing through timing how much of it matched. */
function sameState(given: string | null, expected: string | undefined): boolean {
  if (given === null || expected === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function startCallbackServer(options: CallbackServerOptions): Promise<CallbackServer> {
  let settle: ((result: { code: string } | { error: CliError }) => void) | undefined;
  let expectedState: string | undefined;
  let finished: { code: string } | { error: CliError } | undefined;
  let timer: NodeJS.Timeout | undefined;
  let port = 0;

  const reply = (response: ServerResponse, status: number, outcome: CallbackOutcome) => {
    response.writeHead(status, HEADERS).end(options.renderPage(outcome));
  };

  /**
   * Only the browser of this sign-in may end the wait: a request to a loopback host with
   * this sign-in's state. Anything else (another page reaching the port, an older tab, a
   * forged link, a DNS-rebinding page) gets an error page and changes nothing.
   */
  const handle = (request: IncomingMessage, response: ServerResponse) => {
    const target = request.url ?? '';
    const url = target.startsWith('/') ? new URL(target, 'http://127.0.0.1') : undefined;
    if (request.method !== 'GET' || url?.pathname !== CALLBACK_PATH) {
      response.writeHead(404, { ...HEADERS, 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
      return;
    }
    if (!isLoopbackHost(request.headers.host, port)) {
      reply(response, 400, { ok: false, reason: options.messages.signIn.callbackWrongHost(port) });
      return;
    }
    const query = url.searchParams;
    if (!sameState(query.get('state'), expectedState)) {
      reply(response, 400, { ok: false, reason: options.messages.signIn.stateMismatch });
      return;
    }
    if (finished) {
      // A reload of the page after the sign-in ended: show the same outcome, change nothing.
      reply(response, 'code' in finished ? 200 : 400, 'code' in finished ? { ok: true } : { ok: false, reason: finished.error.message });
      return;
    }
    const error = query.get('error');
    const code = query.get('code');
    let result: { code: string } | { error: CliError };
    if (error !== null) {
      const description = query.get('error_description');
      const message =
        error === 'access_denied'
          ? options.messages.signIn.authorizationCodeDenied
          : options.messages.signIn.authorizationCodeFailed(printable(error, 100), description === null ? undefined : printable(description));
      result = { error: new CliError(message) };
    } else if (code !== null) {
      result = { code };
    } else {
      // Neither an answer nor an error (a half-typed URL): keep waiting.
      reply(response, 400, { ok: false, reason: options.messages.signIn.callbackIncomplete });
      return;
    }
    finished = result;
    reply(response, 'code' in result ? 200 : 400, 'code' in result ? { ok: true } : { ok: false, reason: result.error.message });
    settle?.(result);
  };

  const server = createServer(handle);
  server.keepAliveTimeout = 1000;
  server.requestTimeout = 10_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      const port = options.port ?? 0;
      if (error.code === 'EADDRINUSE') reject(new CliError(options.messages.signIn.callbackPortInUse(port)));
      else if (error.code === 'EACCES') reject(new CliError(options.messages.signIn.callbackPortDenied(port)));
      else reject(new CliError(options.messages.signIn.callbackServerFailed(error.message)));
    });
    server.listen({ host: '127.0.0.1', port: options.port ?? 0, exclusive: true }, resolve);
  });
  ({ port } = server.address() as AddressInfo);

  return {
    port,
    redirectUri: redirectUriFor(port),
    waitForCode(state, timeoutMs) {
      expectedState = state;
      return new Promise<string>((resolve, reject) => {
        timer = setTimeout(() => {
          finished ??= { error: new CliError(options.messages.signIn.authorizationTimedOut(Math.round(timeoutMs / 1000))) };
          if ('error' in finished) reject(finished.error);
        }, timeoutMs);
        settle = (result) => {
          clearTimeout(timer);
          if ('code' in result) resolve(result.code);
          else reject(result.error);
        };
      });
    },
    /** Stops listening; a page still being sent is finished first (at most a second). */
    close() {
      clearTimeout(timer);
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), 1000).unref();
      });
    },
  };
}
