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
  /** The extra trusted certificates the clients use (AWS_CA_BUNDLE), for our own HTTPS requests. */
  caBundle(): Promise<string | undefined>;
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
  const caBundle = async () => readCaBundle(options.messages, options.env.AWS_CA_BUNDLE);
  const handler = () => (requestHandler ??= createRequestHandler(caBundle(), { ...DEFAULT_TIMEOUTS, ...options.timeouts }));
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
  };
}

/** The PEM text of AWS_CA_BUNDLE (extra trusted certificates, as the AWS CLI honours it), if set. */
function readCaBundle(m: Messages, caBundle: string | undefined): string | undefined {
  if (!caBundle) return undefined;
  try {
    return readFileSync(caBundle, 'utf8');
  } catch (error) {
    throw new CliError(m.config.caBundleUnreadable(caBundle, (error as Error).message));
  }
}

/** The HTTP handler: timeouts always, and the CA bundle when one is set. */
async function createRequestHandler(
  caBundle: Promise<string | undefined>,
  timeouts: { connectionTimeoutMs: number; requestTimeoutMs: number },
): Promise<object> {
  const ca = await caBundle;
  const [{ NodeHttpHandler }, { Agent }] = await Promise.all([import('@smithy/node-http-handler'), import('node:https')]);
  return new NodeHttpHandler({
    connectionTimeout: timeouts.connectionTimeoutMs,
    requestTimeout: timeouts.requestTimeoutMs,
    throwOnRequestTimeout: true, // otherwise the handler only logs a warning and keeps waiting
    ...(ca ? { httpsAgent: new Agent({ ca, keepAlive: true }) } : {}),
  });
}
