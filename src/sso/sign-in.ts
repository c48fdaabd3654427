import { RegisterClientCommand, type SSOOIDCClient } from '@aws-sdk/client-sso-oidc';
import type { Clock } from '../context.js';
import { CliError } from '../errors.js';
import { messages } from '../ui/messages.js';
import {
  readUsable,
  type CacheFileError,
  registrationCacheKey,
  tokenCacheKey,
  type ClientRegistration,
  type SsoCache,
  type SsoToken,
} from './cache.js';
import { runDeviceFlow, type DeviceAuthorization } from './device-flow.js';
import { describeServiceError } from './oidc-errors.js';

/** What to sign in to: an sso-session, or a legacy profile's start URL. */
export interface SsoTarget {
  startUrl: string;
  /** The SSO region (sso_region). */
  region: string;
  /** Set for sso-session configurations; undefined for legacy profiles. */
  sessionName?: string;
  /** sso_registration_scopes, parsed; undefined when not configured. */
  scopes?: string[];
}

export interface SignInDeps {
  cache: SsoCache;
  oidc: SSOOIDCClient;
  clock: Clock;
  onDeviceAuthorization(authorization: DeviceAuthorization): Promise<void> | void;
  /** A cache file that can't be used (truncated, not JSON…): it is replaced, and the user told. */
  onCacheProblem?(problem: CacheFileError): void;
}

export interface SignInResult {
  token: SsoToken;
  /** True when a cached token was good enough and nobody had to sign in. */
  reused: boolean;
  /**
   * Writes the token and registration to the cache. Separate from signing in so a wizard
   * can write nothing at all when the user stops it half-way.
   */
  save(): Promise<void>;
}

/** Cached tokens and registrations are used only with at least this much time left (botocore). */
export const MIN_REMAINING_MS = 15 * 60 * 1000;

function usable(expiresAt: Date | undefined, now: number): boolean {
  return expiresAt !== undefined && expiresAt.getTime() - now >= MIN_REMAINING_MS;
}

async function registerClient(target: SsoTarget, deps: SignInDeps): Promise<ClientRegistration> {
  const clientName = `botocore-client-${target.sessionName ?? Math.floor(deps.clock.now() / 1000)}`;
  const scopes = target.scopes && target.scopes.length > 0 ? target.scopes : undefined;
  let response;
  try {
    response = await deps.oidc.send(new RegisterClientCommand({ clientName, clientType: 'public', scopes }));
  } catch (error) {
    throw new CliError(messages.registerFailed(describeServiceError(error)));
  }
  if (!response.clientId || !response.clientSecret || !response.clientSecretExpiresAt) {
    throw new CliError(messages.incompleteRegistration);
  }
  return {
    clientId: response.clientId,
    clientSecret: response.clientSecret,
    expiresAt: new Date(response.clientSecretExpiresAt * 1000),
    ...(scopes ? { scopes } : {}),
  };
}

/**
 * Signs in to IAM Identity Center with the device authorization flow, reusing what the
 * cache already holds the way the AWS CLI does: a token with 15+ minutes left (unless
 * forceRefresh), and a device-flow registration with 15+ minutes left.
 */
export async function signIn(
  target: SsoTarget,
  deps: SignInDeps,
  options: { forceRefresh: boolean },
): Promise<SignInResult> {
  const { cache, clock } = deps;
  const tokenKey = tokenCacheKey(target);
  if (!options.forceRefresh) {
    const cached = await readUsable(() => cache.readToken(tokenKey), deps.onCacheProblem);
    if (cached && usable(cached.expiresAt, clock.now())) {
      return { token: cached, reused: true, save: async () => undefined };
    }
  }

  const registrationKey = registrationCacheKey(target);
  const cachedRegistration = await readUsable(() => cache.readRegistration(registrationKey), deps.onCacheProblem);
  const reuseRegistration =
    cachedRegistration !== undefined &&
    usable(cachedRegistration.expiresAt, clock.now()) &&
    !cachedRegistration.grantTypes?.includes('authorization_code');
  const registration = reuseRegistration ? cachedRegistration : await registerClient(target, deps);

  const grant = await runDeviceFlow({
    oidc: deps.oidc,
    registration,
    startUrl: target.startUrl,
    region: target.region,
    clock,
    onAuthorization: deps.onDeviceAuthorization,
  });
  const token: SsoToken = {
    startUrl: target.startUrl,
    region: target.region,
    accessToken: grant.accessToken,
    expiresAt: new Date(clock.now() + grant.expiresIn * 1000),
    clientId: registration.clientId,
    clientSecret: registration.clientSecret,
    registrationExpiresAt: registration.expiresAt,
    ...(grant.refreshToken ? { refreshToken: grant.refreshToken } : {}),
  };
  return {
    token,
    reused: false,
    async save() {
      if (!reuseRegistration) await cache.writeRegistration(registrationKey, registration);
      await cache.writeToken(tokenKey, token);
    },
  };
}
