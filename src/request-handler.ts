/**
 * The HTTP handler every SDK client of a run shares (src/clients.ts creates it with the first
 * client). A module of its own, imported by clients.ts when the first client is made, that
 * names NodeHttpHandler alone: the bundler then leaves @smithy/node-http-handler's HTTP/2
 * handler out, and no run loads node:http2 (an import() of the package keeps every export).
 */
import { Agent } from 'node:https';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { Messages } from './ui/messages/index.js';

/**
 * The HTTP handler: timeouts always; the CA bundle (a PEM file of extra trusted certificates,
 * as the AWS CLI honours it, already read: `ca`) when one is set; with --no-verify-ssl
 * (`verifySsl: false`) no certificate check, and the AWS CLI's (urllib3's) warning once per host.
 */
export function createRequestHandler(
  m: Messages,
  ca: string | undefined,
  tls: { verifySsl?: boolean; warn?: (text: string) => void },
  timeouts: { connectionTimeoutMs: number; requestTimeoutMs: number },
): NodeHttpHandler {
  const handlerOptions = {
    connectionTimeout: timeouts.connectionTimeoutMs,
    requestTimeout: timeouts.requestTimeoutMs,
    throwOnRequestTimeout: true, // otherwise the handler only logs a warning and keeps waiting
    ...(ca ? { httpsAgent: new Agent({ ca, keepAlive: true }) } : {}),
  };
  if (tls.verifySsl !== false) return new NodeHttpHandler(handlerOptions);
  const warned = new Set<string>();
  const warn = tls.warn ?? ((text: string) => process.stderr.write(text));
  type Handle = NodeHttpHandler['handle'];
  class UnverifiedHandler extends NodeHttpHandler {
    override handle(request: Parameters<Handle>[0], options?: Parameters<Handle>[1]): ReturnType<Handle> {
      if (request.protocol === 'https:' && !warned.has(request.hostname)) {
        warned.add(request.hostname);
        warn(m.config.unverifiedHttps(request.hostname));
      }
      return super.handle(request, options);
    }
  }
  return new UnverifiedHandler({ ...handlerOptions, httpsAgent: new Agent({ rejectUnauthorized: false, keepAlive: true }) });
}
