import { readFileSync } from 'node:fs';
import type { SSOOIDCClient } from '@aws-sdk/client-sso-oidc';
import type { SSOClient } from '@aws-sdk/client-sso';
import type { STSClient } from '@aws-sdk/client-sts';
import type { SSOAdminClient } from '@aws-sdk/client-sso-admin';
import type { IdentitystoreClient } from '@aws-sdk/client-identitystore';
import type { OrganizationsClient } from '@aws-sdk/client-organizations';
import type { IAMClient } from '@aws-sdk/client-iam';
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
  };
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
