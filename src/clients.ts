import { readFileSync } from 'node:fs';
import type { SSOOIDCClient } from '@aws-sdk/client-sso-oidc';
import type { SSOClient } from '@aws-sdk/client-sso';
import type { STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import { CliError } from './errors.js';
import type { SdkLogger } from './ui/debug-log.js';
import type { Messages } from './ui/messages/index.js';

/**
 * Creates the AWS SDK v3 clients. Endpoint resolution (AWS_ENDPOINT_URL,
 * AWS_ENDPOINT_URL_SSO_OIDC / _SSO / _STS, the config file's services sections) and
 * retries come from the SDK itself; this adds what the SDK leaves to the application:
 * AWS_CA_BUNDLE and our user agent. The SDK modules are imported on first use so that
 * commands which need no AWS call start fast.
 */
export interface ClientFactory {
  oidc(region: string): Promise<SSOOIDCClient>;
  /** `maxAttempts: 1` when the caller retries itself (behind its own rate limiter). */
  portal(region: string, overrides?: { maxAttempts?: number }): Promise<SSOClient>;
  sts(region: string, credentials: AwsCredentialIdentityProvider): Promise<STSClient>;
  /**
   * The JS SDK's own SSO credential provider for a profile: it reads the config file and
   * the token cache itself, so credentials from it prove the SDK can use what we wrote.
   */
  profileCredentials(profile: string, files: { configFile: string; credentialsFile: string }): Promise<AwsCredentialIdentityProvider>;
  /**
   * The console sign-in endpoint (docs/compat.md §B7): the explicit `endpoint`, else
   * AWS_ENDPOINT_URL_SIGNIN, else AWS_ENDPOINT_URL (neither under
   * AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true), else the partition's `defaultUrl`.
   */
  federationEndpoint(defaultUrl: string): string;
  /**
   * `Action=getSigninToken` at a federation endpoint: role credentials in, a sign-in token
   * out. Not an SDK operation (no SDK models it), so a plain HTTPS GET with the same
   * timeouts and AWS_CA_BUNDLE as the SDK clients. Rejects with FederationError.
   */
  getSigninToken(endpoint: string, session: { sessionId: string; sessionKey: string; sessionToken: string }): Promise<string>;
}

/** A getSigninToken that failed: the HTTP status (0 when no answer came) and the server's text. */
export class FederationError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'FederationError';
  }
}

/** An endpoint's `/federation` URL: a base path that already ends in it is kept. */
export function federationUrl(base: string): string {
  const url = new URL(base);
  let path = url.pathname;
  while (path.endsWith('/')) path = path.slice(0, -1);
  url.pathname = path.endsWith('/federation') ? path : `${path}/federation`;
  url.search = '';
  url.hash = '';
  return url.toString();
}

export interface ClientFactoryOptions {
  env: NodeJS.ProcessEnv;
  /** The texts, in the user's language (a CA bundle that can't be read). */
  messages: Messages;
  /** Overrides the SDK's default of 3 attempts (tests use 1). */
  maxAttempts?: number;
  /** An explicit endpoint for all three services (tests); otherwise the SDK resolves it. */
  endpoint?: string;
  userAgent?: string;
  /** The --debug logger; the SDK already hides members its models mark sensitive. */
  logger?: SdkLogger;
  timeouts?: Partial<typeof DEFAULT_TIMEOUTS>;
}

/** Without these the SDK waits forever on a server that accepts and never answers. */
export const DEFAULT_TIMEOUTS = { connectionTimeoutMs: 10_000, requestTimeoutMs: 30_000 };

export function createClientFactory(options: ClientFactoryOptions): ClientFactory {
  let requestHandler: Promise<object> | undefined;
  const handler = () =>
    (requestHandler ??= createRequestHandler(options.messages, options.env.AWS_CA_BUNDLE, { ...DEFAULT_TIMEOUTS, ...options.timeouts }));
  const common = async (region: string) => ({
    region,
    ...(options.maxAttempts ? { maxAttempts: options.maxAttempts } : {}),
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...(options.userAgent ? { customUserAgent: options.userAgent } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
    requestHandler: (await handler()) as never,
  });
  return {
    async oidc(region) {
      const { SSOOIDCClient } = await import('@aws-sdk/client-sso-oidc');
      return new SSOOIDCClient(await common(region));
    },
    async portal(region, overrides) {
      const { SSOClient } = await import('@aws-sdk/client-sso');
      return new SSOClient({ ...(await common(region)), ...overrides });
    },
    async sts(region, credentials) {
      const { STSClient } = await import('@aws-sdk/client-sts');
      return new STSClient({ ...(await common(region)), credentials });
    },
    async profileCredentials(profile, files) {
      const { fromSSO } = await import('@aws-sdk/credential-provider-sso');
      const { region: _region, ...clientConfig } = await common('');
      return fromSSO({
        profile,
        configFilepath: files.configFile,
        filepath: files.credentialsFile,
        ignoreCache: true,
        clientConfig,
      });
    },
    federationEndpoint(defaultUrl) {
      const env = options.env;
      const configured = env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS?.toLowerCase() === 'true'
        ? undefined
        : env.AWS_ENDPOINT_URL_SIGNIN || env.AWS_ENDPOINT_URL || undefined;
      return federationUrl(options.endpoint ?? configured ?? defaultUrl);
    },
    async getSigninToken(endpoint, session) {
      const url = new URL(endpoint);
      url.search = new URLSearchParams({ Action: 'getSigninToken', Session: JSON.stringify(session) }).toString();
      const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
      const ca = url.protocol === 'https:' ? readCaBundle(options.messages, options.env.AWS_CA_BUNDLE) : undefined;
      const { status, body } = await httpGet(url, timeouts, ca, options.userAgent);
      let token: unknown;
      try {
        token = (JSON.parse(body) as { SigninToken?: unknown }).SigninToken;
      } catch {
        token = undefined;
      }
      if (status !== 200 || typeof token !== 'string' || token === '') throw new FederationError(status, body.slice(0, 500));
      return token;
    },
  };
}

/** One GET with the SDK clients' timeouts; the answer's status and text (at most 64 KiB). */
async function httpGet(
  url: URL,
  timeouts: { connectionTimeoutMs: number; requestTimeoutMs: number },
  ca: string | undefined,
  userAgent: string | undefined,
): Promise<{ status: number; body: string }> {
  const { request } = url.protocol === 'https:' ? await import('node:https') : await import('node:http');
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'GET', headers: userAgent ? { 'user-agent': userAgent } : {}, ...(ca ? { ca } : {}), timeout: timeouts.connectionTimeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size <= 64 * 1024) chunks.push(chunk);
      });
      res.on('end', () => {
        clearTimeout(overall);
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') });
      });
      res.on('error', (error) => reject(new FederationError(0, error.message)));
    });
    const overall = setTimeout(() => req.destroy(new Error(`no answer within ${timeouts.requestTimeoutMs} ms`)), timeouts.requestTimeoutMs);
    req.on('timeout', () => req.destroy(new Error(`no connection within ${timeouts.connectionTimeoutMs} ms`)));
    req.on('error', (error) => {
      clearTimeout(overall);
      reject(new FederationError(0, error.message));
    });
    req.end();
  });
}

function readCaBundle(m: Messages, caBundle: string | undefined): string | undefined {
  if (!caBundle) return undefined;
  try {
    return readFileSync(caBundle, 'utf8');
  } catch (error) {
    throw new CliError(m.config.caBundleUnreadable(caBundle, (error as Error).message));
  }
}

/**
 * The HTTP handler: timeouts always, and AWS_CA_BUNDLE (a PEM file of extra trusted
 * certificates, as the AWS CLI honours it) when set.
 */
async function createRequestHandler(
  m: Messages,
  caBundle: string | undefined,
  timeouts: { connectionTimeoutMs: number; requestTimeoutMs: number },
): Promise<object> {
  let ca: string | undefined;
  if (caBundle) {
    try {
      ca = readFileSync(caBundle, 'utf8');
    } catch (error) {
      throw new CliError(m.config.caBundleUnreadable(caBundle, (error as Error).message));
    }
  }
  const [{ NodeHttpHandler }, { Agent }] = await Promise.all([import('@smithy/node-http-handler'), import('node:https')]);
  return new NodeHttpHandler({
    connectionTimeout: timeouts.connectionTimeoutMs,
    requestTimeout: timeouts.requestTimeoutMs,
    throwOnRequestTimeout: true, // otherwise the handler only logs a warning and keeps waiting
    ...(ca ? { httpsAgent: new Agent({ ca, keepAlive: true }) } : {}),
  });
}
