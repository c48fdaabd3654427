import { CreateTokenCommand, RegisterClientCommand, type SSOOIDCClient } from '@aws-sdk/client-sso-oidc';
import type { Clock } from '../ports.js';
import { CliError } from '../errors.js';
import type { Messages } from '../ui/messages/index.js';
import { runAuthCodeFlow, withAuthCodeUserAgent, type BrowserAuthorization } from './auth-code-flow.js';
import {
  readUsable,
  type CacheFileError,
  registrationCacheKey,
  tokenCacheKey,
  type ClientRegistration,
  type SsoCache,
  type SsoToken,
} from './cache.js';
import { startCallbackServer, type CallbackOutcome, type CallbackServer } from './callback-server.js';
import { runDeviceFlow, type DeviceAuthorization } from './device-flow.js';
import { describeServiceError } from '../service-errors.js';
import { DEFAULT_PKCE_SCOPES, PKCE_GRANT_TYPES, REGISTERED_REDIRECT_URI } from './pkce.js';
import { tokenGrant, type TokenGrant } from './token-grant.js';

/** What to sign in to: an sso-session, or a legacy profile's start URL. */
export interface SsoTarget {
  startUrl: string;
  /** The SSO region (sso_region). */
  region: string;
  /** Set for sso-session configurations; undefined for legacy profiles. */
  sessionName?: string;
  /** sso_registration_scopes, parsed; undefined when not configured. */
  scopes?: string[];
  /** The sso-session's `sso_use_device_code = true`. */
  useDeviceCode?: boolean;
  /**
   * A custom-domain start URL resolved to the AWS-owned URL it redirects to: sent as
   * RegisterClient's issuerUrl and StartDeviceAuthorization's startUrl, while the cache keeps
   * the typed `startUrl` (docs/compat.md §A6).
   */
  resolvedStartUrl?: string;
}

/** The two ways to sign in: the authorization-code flow with PKCE, and the device authorization flow. */
export type SignInMethod = 'pkce' | 'device';

/** How a sign-in got its token. */
export type SignInVia = 'cache' | 'refresh' | SignInMethod;

export interface SignInDeps {
  /** The texts, in the user's language. */
  messages: Messages;
  cache: SsoCache;
  oidc: SSOOIDCClient;
  clock: Clock;
  onDeviceAuthorization(authorization: DeviceAuthorization): Promise<void> | void;
  onBrowserAuthorization(authorization: BrowserAuthorization): Promise<void> | void;
  /** The page the browser lands on at the end of the PKCE flow. */
  renderCallbackPage(outcome: CallbackOutcome): string;
  /** The refresh token was tried and refused: the sign-in goes on in the browser. */
  onRefreshFailed?(reason: string): void;
  /** A cache file that can't be used (truncated, not JSON…): it is replaced, and the user told. */
  onCacheProblem?(problem: CacheFileError): void;
}

export interface SignInOptions {
  method: SignInMethod;
  /** Skips a cached access token that is still good. */
  forceRefresh: boolean;
  /** Tries the cached refresh token (RefreshToken grant) before asking anyone to sign in. */
  useRefreshToken?: boolean;
  /** PKCE: the loopback port (`--callback-port`); undefined picks a free one. */
  callbackPort?: number;
  /** How long to wait for the user's approval (`--timeout`). */
  timeoutMs?: number;
}

export interface SignInResult {
  token: SsoToken;
  via: SignInVia;
  /**
   * Writes the token and registration to the cache. Separate from signing in so a wizard
   * can write nothing at all when the user stops it half-way.
   */
  save(): Promise<void>;
}

/** Cached tokens and registrations are used only with at least this much time left (botocore). */
export const MIN_REMAINING_MS = 15 * 60 * 1000;
/** The AWS CLI waits 600 s for the browser's redirect. */
export const DEFAULT_TIMEOUT_MS = 600 * 1000;

function usable(expiresAt: Date | undefined, now: number): boolean {
  return expiresAt !== undefined && expiresAt.getTime() - now >= MIN_REMAINING_MS;
}

/** A cached registration serves a flow only if it was registered for that flow's grant (docs/compat.md A2). */
export function registrationFits(registration: ClientRegistration, method: SignInMethod, now: number): boolean {
  const forAuthCode = registration.grantTypes?.includes('authorization_code') ?? false;
  return usable(registration.expiresAt, now) && forAuthCode === (method === 'pkce');
}

async function registerClient(target: SsoTarget, method: SignInMethod, deps: SignInDeps): Promise<ClientRegistration> {
  const clientName = `botocore-client-${target.sessionName ?? Math.floor(deps.clock.now() / 1000)}`;
  const configured = target.scopes && target.scopes.length > 0 ? target.scopes : undefined;
  const scopes = method === 'pkce' ? (configured ?? DEFAULT_PKCE_SCOPES) : configured;
  const pkce =
    method === 'pkce' ? { grantTypes: PKCE_GRANT_TYPES, redirectUris: [REGISTERED_REDIRECT_URI], issuerUrl: target.resolvedStartUrl ?? target.startUrl } : {};
  let response;
  try {
    const command = new RegisterClientCommand({ clientName, clientType: 'public', scopes, ...pkce });
    response = await deps.oidc.send(method === 'pkce' ? withAuthCodeUserAgent(command) : command);
  } catch (error) {
    throw new CliError(deps.messages.signIn.registerFailed(describeServiceError(error, deps.messages)));
  }
  if (!response.clientId || !response.clientSecret || !response.clientSecretExpiresAt) {
    throw new CliError(deps.messages.signIn.incompleteRegistration);
  }
  return {
    clientId: response.clientId,
    clientSecret: response.clientSecret,
    expiresAt: new Date(response.clientSecretExpiresAt * 1000),
    ...(scopes ? { scopes } : {}),
    ...(method === 'pkce' ? { grantTypes: PKCE_GRANT_TYPES } : {}),
  };
}

/**
 * The RefreshToken grant on a cached token, as botocore refreshes it: it needs the refresh
 * token, the client and a registration that has not expired. The token written back keeps
 * the client fields verbatim and the refresh token only if a new one came back.
 */
async function refresh(
  target: SsoTarget,
  cached: SsoToken,
  deps: { oidc(): Promise<SSOOIDCClient>; clock: Clock; messages: Messages },
): Promise<SsoToken | { failed: string }> {
  const { refreshToken, clientId, clientSecret, registrationExpiresAt } = cached;
  if (!refreshToken || !clientId || !clientSecret || !registrationExpiresAt) return { failed: deps.messages.signIn.refreshUnavailable };
  if (registrationExpiresAt.getTime() <= deps.clock.now()) return { failed: deps.messages.signIn.refreshRegistrationExpired };
  let grant: TokenGrant;
  try {
    const oidc = await deps.oidc();
    grant = tokenGrant(await oidc.send(new CreateTokenCommand({ clientId, clientSecret, grantType: 'refresh_token', refreshToken })), deps.messages);
  } catch (error) {
    return { failed: error instanceof CliError ? error.message : describeServiceError(error, deps.messages) };
  }
  return cachedToken(target, grant, { clientId, clientSecret, registrationExpiresAt }, deps.clock.now());
}

export interface SessionTokenDeps {
  /** The texts, in the user's language. */
  messages: Messages;
  cache: SsoCache;
  clock: Clock;
  /** The OIDC client, created only when a refresh is due. */
  oidc(): Promise<SSOOIDCClient>;
  /** A cache file that can't be used: it counts as no token. */
  onCacheProblem?(problem: CacheFileError): void;
  /** A refresh was due but could not be made or was refused: the cached token is kept. */
  onRefreshFailed?(reason: string): void;
}

/**
 * The cached token of a sign-in for a command that needs one (export-credentials, whoami),
 * as botocore's SSOTokenProvider hands it out (docs/compat.md "SSOTokenProvider"): with 15+ minutes
 * left it is used as it is; with less, an sso-session's token is refreshed (the same refresh
 * as `login`'s) and written back at once, in botocore's format. A refresh that fails keeps the
 * cached token, expired or not: the caller reports an expired session. Legacy profiles are
 * not refreshed, as in botocore. One attempt per run (botocore: at most one a minute per
 * process). Undefined when there is no usable cache file.
 */
export async function sessionToken(target: SsoTarget, deps: SessionTokenDeps): Promise<{ token: SsoToken; via: 'cache' | 'refresh' } | undefined> {
  const key = tokenCacheKey(target);
  const cached = await readUsable(() => deps.cache.readToken(key), deps.onCacheProblem);
  if (!cached) return undefined;
  if (usable(cached.expiresAt, deps.clock.now()) || target.sessionName === undefined) return { token: cached, via: 'cache' };
  const refreshed = await refresh(target, cached, deps);
  if ('failed' in refreshed) {
    deps.onRefreshFailed?.(refreshed.failed);
    return { token: cached, via: 'cache' };
  }
  await deps.cache.writeToken(key, refreshed);
  return { token: refreshed, via: 'refresh' };
}

/**
 * The token cache entry for a grant, in the AWS CLI's fields: startUrl and region from the
 * configuration, the client's fields, and the refresh token only if one came back.
 */
function cachedToken(
  target: SsoTarget,
  grant: TokenGrant,
  client: Pick<SsoToken, 'clientId' | 'clientSecret' | 'registrationExpiresAt'>,
  now: number,
): SsoToken {
  return {
    startUrl: target.startUrl,
    region: target.region,
    accessToken: grant.accessToken,
    expiresAt: new Date(now + grant.expiresIn * 1000),
    clientId: client.clientId,
    clientSecret: client.clientSecret,
    registrationExpiresAt: client.registrationExpiresAt,
    ...(grant.refreshToken ? { refreshToken: grant.refreshToken } : {}),
  };
}

/** The chosen flow, with a registration made for it. */
function runFlow(
  target: SsoTarget,
  registration: ClientRegistration,
  server: CallbackServer | undefined,
  deps: SignInDeps,
  options: SignInOptions,
): Promise<TokenGrant> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (server) {
    return runAuthCodeFlow({
      messages: deps.messages,
      oidc: deps.oidc,
      registration,
      scopes: registration.scopes ?? target.scopes ?? DEFAULT_PKCE_SCOPES,
      server,
      timeoutMs,
      onAuthorization: deps.onBrowserAuthorization,
    });
  }
  return runDeviceFlow({
    messages: deps.messages,
    oidc: deps.oidc,
    registration,
    startUrl: target.resolvedStartUrl ?? target.startUrl,
    region: target.region,
    clock: deps.clock,
    timeoutMs,
    onAuthorization: deps.onDeviceAuthorization,
  });
}

/**
 * Signs in to IAM Identity Center, reusing what the cache holds the way the AWS CLI does:
 * a token with 15+ minutes left (unless forceRefresh), then (when asked) the session's
 * refresh token, and otherwise the chosen flow with a registration made for it (a cached
 * one if it has 15+ minutes left and the right grant types; a new one replaces it in the
 * same cache file).
 */
export async function signIn(target: SsoTarget, deps: SignInDeps, options: SignInOptions): Promise<SignInResult> {
  const { cache, clock } = deps;
  const tokenKey = tokenCacheKey(target);
  const cached =
    options.forceRefresh && !options.useRefreshToken ? undefined : await readUsable(() => cache.readToken(tokenKey), deps.onCacheProblem);
  if (cached && !options.forceRefresh && usable(cached.expiresAt, clock.now())) {
    return { token: cached, via: 'cache', save: async () => undefined };
  }
  if (cached && options.useRefreshToken && cached.refreshToken) {
    const refreshed = await refresh(target, cached, { oidc: async () => deps.oidc, clock, messages: deps.messages });
    if (!('failed' in refreshed)) {
      return { token: refreshed, via: 'refresh', save: () => cache.writeToken(tokenKey, refreshed) };
    }
    deps.onRefreshFailed?.(refreshed.failed);
  }

  // The browser's way back listens before anything else happens, so a port in use fails at once.
  const server =
    options.method === 'pkce' ? await startCallbackServer({ port: options.callbackPort, renderPage: deps.renderCallbackPage, messages: deps.messages }) : undefined;
  let registration: ClientRegistration;
  let reuseRegistration: boolean;
  let grant: TokenGrant;
  const registrationKey = registrationCacheKey(target);
  try {
    const cachedRegistration = await readUsable(() => cache.readRegistration(registrationKey), deps.onCacheProblem);
    reuseRegistration = cachedRegistration !== undefined && registrationFits(cachedRegistration, options.method, clock.now());
    registration = reuseRegistration ? cachedRegistration! : await registerClient(target, options.method, deps);
    grant = await runFlow(target, registration, server, deps, options);
  } finally {
    await server?.close();
  }
  const token = cachedToken(
    target,
    grant,
    { clientId: registration.clientId, clientSecret: registration.clientSecret, registrationExpiresAt: registration.expiresAt },
    clock.now(),
  );
  return {
    token,
    via: options.method,
    save: () => cache.writeSignIn({ key: tokenKey, token }, reuseRegistration ? undefined : { key: registrationKey, registration }),
  };
}
