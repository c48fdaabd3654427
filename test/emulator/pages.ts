/**
 * The HTML a person sees: the device verification page (/device) and the PKCE consent
 * page (/authorize), each a form with Allow and Deny buttons. docs/compat.md B1 "/authorize".
 */
import { escapeHtml, formBody, htmlPage, htmlReply, redirectReply, ServiceError, type EmuRequest, type Reply } from './http.js';
import * as ids from './ids.js';
import { allowsGrant, decideDeviceCode, issueAuthorizationCode, liveRegistration, loopbackUrl, matchesRegisteredRedirect } from './oidc.js';
import type { AuthorizationRequest, PendingAuthorization, Store } from './state.js';

const PENDING_AUTHORIZATION_TTL_MS = 10 * 60 * 1000;
const CODE_CHALLENGE = /^[A-Za-z0-9_-]{43}$/;

/** A 400 page explaining what is wrong with the request. */
function badRequest(message: string): never {
  throw new ServiceError('InvalidRequestException', message, 400);
}

const decisionButtons = [
  '<p><button type="submit" name="decision" value="allow">Allow</button>',
  '<button type="submit" name="decision" value="deny">Deny</button></p>',
].join('\n');

/** 'allow' → true, 'deny' → false; anything else is a bad request. */
function readDecision(form: URLSearchParams): boolean {
  const decision = form.get('decision');
  if (decision !== 'allow' && decision !== 'deny') badRequest('Choose Allow or Deny.');
  return decision === 'allow';
}

const donePage = (allowed: boolean): Reply =>
  allowed
    ? htmlReply(htmlPage('Request approved', '<p>Request approved. You can close this window.</p>'))
    : htmlReply(htmlPage('Request denied', '<p>Request denied.</p>'));

// ---- device verification -------------------------------------------------------------------

function deviceForm(store: Store, userCode: string): string {
  const { user } = store.settings.org;
  return htmlPage(
    'Authorize request',
    [
      `<p>Signed in as <b>${escapeHtml(user.userName)}</b>.</p>`,
      '<p>Check that this code matches the one shown on the device that asked to sign in, then allow or deny the request.</p>',
      '<form method="post" action="/device/decision">',
      `<p><label for="user_code">Code</label> <input id="user_code" name="user_code" value="${escapeHtml(userCode)}" autocomplete="off"></p>`,
      decisionButtons,
      '</form>',
    ].join('\n'),
  );
}

/** GET /device[?user_code=…] */
export function devicePage(request: EmuRequest, store: Store): Reply {
  const given = request.query.get('user_code');
  if (given === null || given.trim() === '') return htmlReply(deviceForm(store, ''));
  const grant = store.deviceGrantByUserCode(ids.normaliseUserCode(given));
  if (!grant) return badRequest('This code is not valid. Check the code and try again.');
  if (store.now() >= grant.expiresAt) return badRequest('This code has expired. Start the sign-in again.');
  if (grant.status === 'denied') return donePage(false);
  if (grant.status !== 'pending') return donePage(true);
  return htmlReply(deviceForm(store, grant.userCode));
}

const DEVICE_PROBLEMS = {
  unknown: 'This code is not valid. Check the code and try again.',
  expired: 'This code has expired. Start the sign-in again.',
  'already-decided': 'This code has already been used.',
} as const;

/** POST /device/decision: user_code, decision=allow|deny */
export function deviceDecision(request: EmuRequest, store: Store): Reply {
  const form = formBody(request);
  const allow = readDecision(form);
  const outcome = decideDeviceCode(store, form.get('user_code') ?? '', allow);
  if (outcome !== 'decided') return badRequest(DEVICE_PROBLEMS[outcome]);
  return donePage(allow);
}

// ---- PKCE consent ------------------------------------------------------------------------

function parseAuthorizeRequest(query: URLSearchParams, store: Store): AuthorizationRequest {
  const param = (name: string) => query.get(name) ?? '';
  if (param('response_type') !== 'code') badRequest('response_type must be "code".');
  const clientId = param('client_id');
  const registration = liveRegistration(store, clientId);
  if (!registration) return badRequest('The client_id is unknown or its registration has expired.');
  if (!allowsGrant(registration, 'authorization_code')) badRequest('This client is not registered for the authorization_code grant.');

  const redirectUri = param('redirect_uri');
  const redirect = loopbackUrl(redirectUri, { requirePort: true });
  if (!redirect || redirect.pathname === '/') {
    badRequest('redirect_uri must be an http loopback address with a port and a path, like http://127.0.0.1:PORT/oauth/callback.');
  }
  if (!matchesRegisteredRedirect(registration, redirect)) badRequest('redirect_uri does not match a redirect URI registered for this client.');
  if (param('code_challenge_method') !== 'S256') badRequest('code_challenge_method must be S256.');
  const codeChallenge = param('code_challenge');
  if (!CODE_CHALLENGE.test(codeChallenge)) badRequest('code_challenge must be base64url(sha256(code_verifier)) without padding.');

  const requested = param('scopes').split(' ').filter((s) => s !== '');
  const unregistered = requested.find((s) => registration.scopes && !registration.scopes.includes(s));
  if (unregistered !== undefined) badRequest(`The scope ${unregistered} was not registered for this client.`);
  const scopes = requested.length > 0 ? requested : (registration.scopes ?? []);
  const state = query.get('state') ?? undefined;
  return { clientId, redirectUri, codeChallenge, scopes, ...(state !== undefined ? { state } : {}) };
}

function redirectTo(redirectUri: string, params: Record<string, string | undefined>): Reply {
  const url = new URL(redirectUri);
  for (const [name, value] of Object.entries(params)) if (value !== undefined) url.searchParams.set(name, value);
  return redirectReply(url.toString());
}

const approvedRedirect = (store: Store, request: AuthorizationRequest): Reply =>
  redirectTo(request.redirectUri, { code: issueAuthorizationCode(store, request), state: request.state });

const deniedRedirect = (request: PendingAuthorization): Reply =>
  redirectTo(request.redirectUri, { error: 'access_denied', error_description: 'The user denied the request.', state: request.state });

function consentForm(store: Store, pending: PendingAuthorization): string {
  const clientName = store.registrations.get(pending.clientId)?.clientName ?? pending.clientId;
  const scopes = pending.scopes.length > 0 ? pending.scopes.join(', ') : '(none)';
  return htmlPage(
    'Allow access?',
    [
      `<p><b>${escapeHtml(clientName)}</b> asks to access your AWS accounts as <b>${escapeHtml(store.settings.org.user.userName)}</b>.</p>`,
      `<p>Scopes: ${escapeHtml(scopes)}</p>`,
      '<form method="post" action="/authorize/decision">',
      `<input type="hidden" name="request_id" value="${escapeHtml(pending.requestId)}">`,
      decisionButtons,
      '</form>',
    ].join('\n'),
  );
}

/** GET /authorize?response_type=code&client_id&redirect_uri&state&code_challenge_method=S256&scopes&code_challenge */
export function authorizePage(request: EmuRequest, store: Store): Reply {
  const authorization = parseAuthorizeRequest(request.query, store);
  if (store.settings.autoApprove) return approvedRedirect(store, authorization);
  const pending: PendingAuthorization = {
    ...authorization,
    requestId: ids.randomToken(18),
    expiresAt: store.now() + PENDING_AUTHORIZATION_TTL_MS,
  };
  store.pendingAuthorizations.set(pending.requestId, pending);
  return htmlReply(consentForm(store, pending));
}

/** POST /authorize/decision: request_id, decision=allow|deny → 302 back to the client. */
export function authorizeDecision(request: EmuRequest, store: Store): Reply {
  const form = formBody(request);
  const allow = readDecision(form);
  const requestId = form.get('request_id') ?? '';
  const pending = store.pendingAuthorizations.get(requestId);
  store.pendingAuthorizations.delete(requestId);
  if (!pending || store.now() >= pending.expiresAt) return badRequest('This sign-in request is unknown, expired or already answered. Start the sign-in again.');
  return allow ? approvedRedirect(store, pending) : deniedRedirect(pending);
}
