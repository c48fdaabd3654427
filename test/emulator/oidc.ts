/** SSO OIDC (restJson1): RegisterClient, StartDeviceAuthorization, CreateToken. docs/compat.md B1. */
import { fail, jsonBody, jsonReply, type EmuRequest, type Reply } from './http.js';
import * as ids from './ids.js';
import type { AuthorizationRequest, DeviceGrant, Registration, SignInSession, Store } from './state.js';

export const DEVICE_CODE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';
const GRANT_TYPES = new Set(['authorization_code', 'refresh_token', DEVICE_CODE_GRANT]);

/** Polls this much sooner than the interval still count as on time (timer slack). */
const POLL_SLACK_MS = 150;
const AUTHORIZATION_CODE_TTL_MS = 5 * 60 * 1000;
const SCOPE = /^[A-Za-z0-9_.-]+(:[A-Za-z0-9_.*-]+)*$/;

// ---- members ---------------------------------------------------------------------------

type Body = Record<string, unknown>;

function optionalString(body: Body, name: string): string | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') fail('InvalidRequestException', `${name} must be a string`);
  return value;
}

function requiredString(body: Body, name: string): string {
  const value = optionalString(body, name);
  if (value === undefined || value === '') fail('InvalidRequestException', `Missing required parameter: ${name}`);
  return value;
}

function optionalStringList(body: Body, name: string): string[] | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
    fail('InvalidRequestException', `${name} must be a list of strings`);
  }
  return value as string[];
}

// ---- shared rules ----------------------------------------------------------------------

/** An http loopback URL (RFC 8252 §7.3), or undefined. */
export function loopbackUrl(uri: string, options: { requirePort: boolean }): URL | undefined {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return undefined;
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'http:' || !loopback || url.username || url.password || url.hash) return undefined;
  if (options.requirePort && url.port === '') return undefined;
  return url;
}

/** Registered redirect URIs match whatever port the client listens on (RFC 8252 §7.3). */
export function matchesRegisteredRedirect(registration: Registration, redirect: URL): boolean {
  if (!registration.redirectUris) return true;
  return registration.redirectUris.some((uri) => {
    const registered = new URL(uri);
    return registered.hostname === redirect.hostname && registered.pathname === redirect.pathname && registered.search === redirect.search;
  });
}

/** The registration behind clientId, if its secret matches and it has not expired. */
export function liveRegistration(store: Store, clientId: string, clientSecret?: string): Registration | undefined {
  const registration = store.registrations.get(clientId);
  if (!registration || (clientSecret !== undefined && registration.clientSecret !== clientSecret)) return undefined;
  return store.now() < registration.expiresAt ? registration : undefined;
}

function authenticateClient(store: Store, clientId: string, clientSecret: string): Registration {
  const registration = liveRegistration(store, clientId, clientSecret);
  if (!registration) fail('InvalidClientException', 'Invalid client: unknown or expired client id, or wrong client secret.');
  return registration;
}

/**
 * Without grantTypes a registration may use the device flow, and refresh the tokens it was
 * given refresh tokens for (registered with scopes: see issuesRefreshToken).
 */
export function allowsGrant(registration: Registration, grantType: string): boolean {
  if (registration.grantTypes) return registration.grantTypes.includes(grantType);
  return grantType === DEVICE_CODE_GRANT || (grantType === 'refresh_token' && issuesRefreshToken(registration));
}

function checkScopes(scopes: string[] | undefined): void {
  const bad = scopes?.find((scope) => !SCOPE.test(scope));
  if (bad !== undefined) fail('InvalidScopeException', `Invalid scope: ${bad}`);
}

// ---- RegisterClient ----------------------------------------------------------------------

export function registerClient(request: EmuRequest, store: Store): Reply {
  const body = jsonBody(request);
  const clientName = requiredString(body, 'clientName');
  const clientType = requiredString(body, 'clientType');
  const scopes = optionalStringList(body, 'scopes');
  const grantTypes = optionalStringList(body, 'grantTypes');
  const redirectUris = optionalStringList(body, 'redirectUris');
  const issuerUrl = optionalString(body, 'issuerUrl');
  optionalString(body, 'entitledApplicationArn');

  if (clientType !== 'public') fail('InvalidClientMetadataException', `Invalid client type: ${clientType}. Only "public" is supported.`);
  checkScopes(scopes);
  const unsupported = grantTypes?.find((g) => !GRANT_TYPES.has(g));
  if (unsupported !== undefined) fail('UnsupportedGrantTypeException', `Unsupported grant type: ${unsupported}`);
  const badUri = redirectUris?.find((uri) => !loopbackUrl(uri, { requirePort: false }));
  if (badUri !== undefined) fail('InvalidRedirectUriException', `Invalid redirect URI: ${badUri}. Only http loopback addresses are allowed.`);
  if (grantTypes?.includes('authorization_code') && !redirectUris?.length) {
    fail('InvalidRedirectUriException', 'redirectUris are required for the authorization_code grant.');
  }
  // The issuer is the organisation's AWS-owned portal URL; a custom domain is not one (docs/compat.md §A6).
  if (issuerUrl !== undefined && issuerUrl !== store.settings.org.startUrl && issuerUrl !== store.settings.customDomain.location) {
    fail('InvalidRequestException', `The issuer URL ${issuerUrl} is unknown.`);
  }

  const now = store.now();
  const registration: Registration = {
    clientId: ids.clientId(),
    clientSecret: store.secret(ids.clientSecret()),
    clientName,
    ...(scopes ? { scopes } : {}),
    ...(grantTypes ? { grantTypes } : {}),
    ...(redirectUris ? { redirectUris } : {}),
    ...(issuerUrl !== undefined ? { issuerUrl } : {}),
    expiresAt: now + store.settings.registrationTtlSeconds * 1000,
  };
  store.registrations.set(registration.clientId, registration);
  return jsonReply({
    clientId: registration.clientId,
    clientSecret: registration.clientSecret,
    clientIdIssuedAt: Math.floor(now / 1000),
    clientSecretExpiresAt: Math.floor(registration.expiresAt / 1000),
  });
}

// ---- StartDeviceAuthorization ------------------------------------------------------------

function uniqueUserCode(store: Store): string {
  for (;;) {
    const code = ids.userCode();
    if (!store.userCodes.has(code)) return code;
  }
}

export function startDeviceAuthorization(request: EmuRequest, store: Store): Reply {
  const body = jsonBody(request);
  const clientId = requiredString(body, 'clientId');
  const clientSecret = requiredString(body, 'clientSecret');
  const startUrl = requiredString(body, 'startUrl');
  const registration = authenticateClient(store, clientId, clientSecret);
  if (!allowsGrant(registration, DEVICE_CODE_GRANT)) {
    fail('UnauthorizedClientException', 'This client is not registered for the device code grant.');
  }
  if (startUrl !== store.settings.org.startUrl && startUrl !== store.settings.customDomain.location) fail('InvalidRequestException', `The start URL ${startUrl} is unknown.`);

  const { deviceCodeTtlSeconds, interval, autoApprove } = store.settings;
  const grant: DeviceGrant = {
    deviceCode: store.secret(ids.deviceCode()),
    userCode: uniqueUserCode(store),
    clientId,
    expiresAt: store.now() + deviceCodeTtlSeconds * 1000,
    interval,
    status: autoApprove ? 'approved' : 'pending',
  };
  store.deviceGrants.set(grant.deviceCode, grant);
  store.userCodes.set(grant.userCode, grant.deviceCode);
  return jsonReply({
    deviceCode: grant.deviceCode,
    userCode: grant.userCode,
    verificationUri: `${store.baseUrl}/device`,
    verificationUriComplete: `${store.baseUrl}/device?user_code=${encodeURIComponent(grant.userCode)}`,
    expiresIn: deviceCodeTtlSeconds,
    interval,
  });
}

/** What a click on Allow or Deny did to a device code. */
export type DeviceDecision = 'decided' | 'unknown' | 'expired' | 'already-decided';

export function decideDeviceCode(store: Store, userCode: string, allow: boolean): DeviceDecision {
  const grant = store.deviceGrantByUserCode(ids.normaliseUserCode(userCode));
  if (!grant) return 'unknown';
  if (store.now() >= grant.expiresAt) return 'expired';
  if (grant.status !== 'pending') return 'already-decided';
  grant.status = allow ? 'approved' : 'denied';
  return 'decided';
}

/** The code an approved /authorize request redirects back with: single use, 5 minutes. */
export function issueAuthorizationCode(store: Store, request: AuthorizationRequest): string {
  const code = ids.authorizationCode();
  store.authorizationCodes.set(code, {
    code,
    clientId: request.clientId,
    redirectUri: request.redirectUri,
    codeChallenge: request.codeChallenge,
    scopes: request.scopes,
    expiresAt: store.now() + AUTHORIZATION_CODE_TTL_MS,
    used: false,
  });
  return code;
}

// ---- CreateToken -----------------------------------------------------------------------

interface TokenResponse {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  refreshToken?: string;
}

/**
 * IAM Identity Center returns refresh tokens to clients registered for the refresh_token
 * grant (PKCE), and to device-flow clients registered with scopes (the AWS CLI's
 * sso-session configurations, `sso:account:access`); legacy clients without scopes get none.
 */
function issuesRefreshToken(registration: Registration): boolean {
  if (registration.grantTypes) return registration.grantTypes.includes('refresh_token');
  return (registration.scopes ?? []).length > 0;
}

function issueTokens(store: Store, session: SignInSession, registration: Registration): TokenResponse {
  const ttl = store.settings.accessTokenTtlSeconds;
  const accessToken = store.secret(ids.accessToken());
  store.accessTokens.set(accessToken, { session, expiresAt: store.now() + ttl * 1000 });
  const response: TokenResponse = { accessToken, tokenType: 'Bearer', expiresIn: ttl };
  if (issuesRefreshToken(registration)) {
    const refreshToken = store.secret(ids.refreshToken());
    store.refreshTokens.set(refreshToken, { session, used: false });
    response.refreshToken = refreshToken;
  }
  return response;
}

const newSession = (registration: Registration, scopes: string[] | undefined): SignInSession => ({
  clientId: registration.clientId,
  scopes: scopes ?? registration.scopes ?? [],
  revoked: false,
});

type Grant = (body: Body, registration: Registration, store: Store) => TokenResponse;

const deviceCodeGrant: Grant = (body, registration, store) => {
  const deviceCode = requiredString(body, 'deviceCode');
  const grant = store.deviceGrants.get(deviceCode);
  if (!grant || grant.clientId !== registration.clientId || grant.status === 'used') {
    fail('InvalidGrantException', 'Invalid device code provided');
  }
  const now = store.now();
  const previousPoll = grant.lastPollAt;
  grant.lastPollAt = now;
  if (now >= grant.expiresAt) fail('ExpiredTokenException', 'The device code has expired.');
  if (grant.status === 'denied') fail('AccessDeniedException', 'The user denied the authorization request.');
  if (grant.status === 'approved') {
    grant.status = 'used';
    return issueTokens(store, newSession(registration, undefined), registration);
  }
  if (previousPoll !== undefined && now - previousPoll < grant.interval * 1000 - POLL_SLACK_MS) {
    grant.interval += 5;
    fail('SlowDownException', `Polling too fast: wait at least ${grant.interval} seconds between requests.`);
  }
  fail('AuthorizationPendingException', 'Authorization is still pending');
};

const authorizationCodeGrant: Grant = (body, registration, store) => {
  const code = requiredString(body, 'code');
  const redirectUri = requiredString(body, 'redirectUri');
  const codeVerifier = optionalString(body, 'codeVerifier');
  const issued = store.authorizationCodes.get(code);
  if (!issued || issued.clientId !== registration.clientId) fail('InvalidGrantException', 'Invalid authorization code provided');
  const firstUse = !issued.used;
  issued.used = true; // single use, even when this attempt fails
  if (!firstUse) fail('InvalidGrantException', 'The authorization code has already been used.');
  if (store.now() >= issued.expiresAt) fail('InvalidGrantException', 'The authorization code has expired.');
  if (redirectUri !== issued.redirectUri) fail('InvalidGrantException', 'The redirect URI does not match the authorization request.');
  if (codeVerifier === undefined || ids.s256(codeVerifier) !== issued.codeChallenge) {
    fail('InvalidGrantException', 'The code verifier does not match the code challenge.');
  }
  return issueTokens(store, newSession(registration, issued.scopes), registration);
};

const refreshTokenGrant: Grant = (body, registration, store) => {
  const refreshToken = requiredString(body, 'refreshToken');
  const grant = store.refreshTokens.get(refreshToken);
  if (!grant || grant.used || grant.session.revoked || grant.session.clientId !== registration.clientId) {
    fail('InvalidGrantException', 'Invalid refresh token provided');
  }
  grant.used = true; // refresh tokens rotate
  return issueTokens(store, grant.session, registration);
};

const GRANTS: Record<string, Grant> = {
  [DEVICE_CODE_GRANT]: deviceCodeGrant,
  authorization_code: authorizationCodeGrant,
  refresh_token: refreshTokenGrant,
};

export function createToken(request: EmuRequest, store: Store): Reply {
  const body = jsonBody(request);
  const clientId = requiredString(body, 'clientId');
  const clientSecret = requiredString(body, 'clientSecret');
  const grantType = requiredString(body, 'grantType');
  const scope = optionalStringList(body, 'scope');
  const registration = authenticateClient(store, clientId, clientSecret);
  const grant = GRANTS[grantType];
  if (!grant) fail('UnsupportedGrantTypeException', `Unsupported grant type: ${grantType}`);
  if (!allowsGrant(registration, grantType)) fail('UnauthorizedClientException', `This client is not registered for the ${grantType} grant.`);
  checkScopes(scope);
  const unregistered = scope?.find((s) => registration.scopes && !registration.scopes.includes(s));
  if (unregistered !== undefined) fail('InvalidScopeException', `The scope ${unregistered} was not registered for this client.`);
  return jsonReply(grant(body, registration, store));
}
