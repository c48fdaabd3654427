import { readFileSync } from 'node:fs';
import type { SSOOIDCClient } from '@aws-sdk/client-sso-oidc';
import type { SSOClient } from '@aws-sdk/client-sso';
import type { STSClient } from '@aws-sdk/client-sts';
import type { SSOAdminClient } from '@aws-sdk/client-sso-admin';
import type { IdentitystoreClient } from '@aws-sdk/client-identitystore';
import type { OrganizationsClient } from '@aws-sdk/client-organizations';
import type { IAMClient } from '@aws-sdk/client-iam';
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import { CliError, ConfigurationError } from './errors.js';
import type { SdkLogger } from './ui/debug-log.js';
import type { Messages } from './ui/messages/index.js';

/**
 * Creates the AWS SDK v3 clients. Endpoint resolution (AWS_ENDPOINT_URL,
 * AWS_ENDPOINT_URL_SSO_OIDC / _SSO / _STS, the config file's services sections) and
 * retries come from the SDK itself; this adds what the SDK leaves to the application:
 * the CA bundle (--ca-bundle, AWS_CA_BUNDLE, the profile's ca_bundle), --no-verify-ssl and our
 * user agent. The SDK modules are imported on first use so that
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
   * The JS SDK's credential providers (`export-credentials` of a profile that is not an SSO
   * one): `env` is AWS_ACCESS_KEY_ID and friends, `profile` is fromIni for the profile (static
   * keys, credential_process, role_arn, web identity), `chain` is the default provider chain.
   */
  sdkCredentials(
    source: 'env' | 'profile' | 'chain',
    profile: string | undefined,
    files: { configFile: string; credentialsFile: string },
  ): Promise<AwsCredentialIdentityProvider>;
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
  /** The extra trusted certificates the clients use (--ca-bundle, AWS_CA_BUNDLE, ca_bundle), for our own HTTPS requests. */
  caBundle(): Promise<string | undefined>;
  /**
   * The administrator's clients (`sso-setup admin`): credentials from the SDK's default
   * chain (environment, `profile` or AWS_PROFILE, SSO profiles, …), one attempt per call
   * because the caller retries behind its own rate limiter.
   */
  admin(region: string, profile: string | undefined): Promise<AdminClients>;
}


export interface AdminClients {
  ssoAdmin: SSOAdminClient;
  identityStore: IdentitystoreClient;
  organizations: OrganizationsClient;
  iam: IAMClient;
}


/** The TLS settings of the AWS CLI's global options (docs/compat.md §D4). */
export interface TlsOptions {
  /** --ca-bundle. */
  caBundle?: string;
  /** False for --no-verify-ssl: certificates are not checked, with the AWS CLI's warning. */
  verifySsl?: boolean;
  /** The `ca_bundle` key of the profile in use, read only when neither --ca-bundle nor AWS_CA_BUNDLE is set. */
  profileCaBundle?: () => Promise<string | undefined>;
  /** Where the --no-verify-ssl warning goes (stderr). */
  warn?: (text: string) => void;
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
  tls?: TlsOptions;
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
  // Resolved and read once a run, for the SDK clients and our own HTTPS requests alike.
  let caText: Promise<string | undefined> | undefined;
  const caBundle = () => (caText ??= readCaBundle(options.messages, options.env, options.tls ?? {}));
  const handler = () =>
    (requestHandler ??= (async () => {
      const tls = options.tls ?? {};
      const ca = tls.verifySsl !== false ? await caBundle() : undefined;
      // Its own module, with the one named import from @smithy/node-http-handler: an import()
      // of the package itself would keep its HTTP/2 handler in the bundle, and node:http2 with it.
      const { createRequestHandler } = await import('./request-handler.js');
      return createRequestHandler(options.messages, ca, tls, { ...DEFAULT_TIMEOUTS, ...options.timeouts });
    })());
  const common = async (region: string) => ({
    region,
    ...(options.maxAttempts ? { maxAttempts: options.maxAttempts } : {}),
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...(options.userAgent ? { customUserAgent: options.userAgent } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
    requestHandler: (await handler()) as never,
  });
  return {
    caBundle,
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
    async admin(region, profile) {
      const [{ SSOAdminClient }, { IdentitystoreClient }, { OrganizationsClient }, { IAMClient }] = await Promise.all([
        import('@aws-sdk/client-sso-admin'),
        import('@aws-sdk/client-identitystore'),
        import('@aws-sdk/client-organizations'),
        import('@aws-sdk/client-iam'),
      ]);
      const config = { ...(await common(region)), maxAttempts: 1, ...(profile ? { profile } : {}) };
      return {
        ssoAdmin: new SSOAdminClient(config),
        identityStore: new IdentitystoreClient(config),
        organizations: new OrganizationsClient(config),
        iam: new IAMClient(config),
      };
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
    async sdkCredentials(source, profile, files) {
      const providers = await import('@aws-sdk/credential-providers');
      if (source === 'env') return providers.fromEnv();
      const { region: _region, ...clientConfig } = await common('');
      const init = {
        ...(profile !== undefined ? { profile } : {}),
        configFilepath: files.configFile,
        filepath: files.credentialsFile,
        ignoreCache: true,
        clientConfig,
        ...(options.logger ? { logger: options.logger } : {}),
      };
      return source === 'profile' ? providers.fromIni(init) : providers.fromNodeProviderChain(init);
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
      const ca = url.protocol === 'https:' ? await caBundle() : undefined;
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

/** The CA bundle the SDK clients trust (as resolveCaBundle chooses it), read; undefined when none is set. */
async function readCaBundle(m: Messages, env: NodeJS.ProcessEnv, tls: TlsOptions): Promise<string | undefined> {
  const bundle = await resolveCaBundle(m, { flag: tls.caBundle, env, profile: tls.profileCaBundle });
  if (!bundle) return undefined;
  try {
    return readFileSync(bundle.file, 'utf8');
  } catch (error) {
    throw new CliError(m.config.caBundleUnreadable(bundle.source, bundle.file, (error as Error).message));
  }
}

/**
 * The CA bundle, in the AWS CLI's order: --ca-bundle, else AWS_CA_BUNDLE, else the profile's
 * `ca_bundle`, else REQUESTS_CA_BUNDLE (botocore: the global option, then its config chain
 * for `ca_bundle`, environment variable before config key, then the requests variable). A source that is set wins even when empty, and an empty or blank value is a
 * configuration error, as in the AWS CLI 2.36.6 (docs/compat.md §D4). Undefined: none is set.
 */
export async function resolveCaBundle(
  m: Messages,
  sources: { flag?: string; env: NodeJS.ProcessEnv; profile?: () => Promise<string | undefined> },
): Promise<{ file: string; source: string } | undefined> {
  let chosen: { file: string; source: string } | undefined;
  if (sources.flag !== undefined) chosen = { file: sources.flag, source: '--ca-bundle' };
  else if (sources.env.AWS_CA_BUNDLE !== undefined) chosen = { file: sources.env.AWS_CA_BUNDLE, source: 'AWS_CA_BUNDLE' };
  else {
    const fromProfile = await sources.profile?.();
    if (fromProfile !== undefined) chosen = { file: fromProfile, source: 'ca_bundle' };
    // botocore's last resort when nothing else set it (awscli/botocore/endpoint.py, _get_verify_value).
    else if (sources.env.REQUESTS_CA_BUNDLE !== undefined) chosen = { file: sources.env.REQUESTS_CA_BUNDLE, source: 'REQUESTS_CA_BUNDLE' };
  }
  if (chosen && chosen.file.trim() === '') throw new ConfigurationError(m.config.caBundleEmpty);
  return chosen;
}
