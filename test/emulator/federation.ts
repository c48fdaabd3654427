/**
 * The AWS sign-in federation endpoint (`/federation`), strict: `Action=getSigninToken` takes
 * the `Session` JSON ({"sessionId","sessionKey","sessionToken"}) of role credentials this
 * emulator issued (GetRoleCredentials), unexpired, and answers {"SigninToken"}; the token is
 * single-use and expires after 15 minutes. `Action=login` with a valid token redirects (302)
 * to the `Destination`. Anything else is 400. docs/compat.md §B7.
 */
import * as ids from './ids.js';
import { jsonReply, redirectReply, ServiceError, type EmuRequest, type Reply } from './http.js';
import type { Store } from './state.js';

export const SIGNIN_TOKEN_TTL_MS = 15 * 60 * 1000;
const MIN_SESSION_DURATION = 900;
const MAX_SESSION_DURATION = 43_200;

const bad = (message: string): never => {
  throw new ServiceError('InvalidRequest', message, 400);
};

/** Query parameters for GET, the form body for POST (the endpoint takes both). */
function params(request: EmuRequest): URLSearchParams {
  return request.method === 'POST' ? new URLSearchParams(request.body) : request.query;
}

function sessionOf(raw: string | null): { sessionId: string; sessionKey: string; sessionToken: string } {
  if (raw === null) bad('Missing parameter: Session');
  let value: unknown;
  try {
    value = JSON.parse(raw!);
  } catch {
    bad('Session is not valid JSON');
  }
  const session = value as Record<string, unknown>;
  if (typeof session !== 'object' || session === null || Array.isArray(session)) bad('Session must be a JSON object');
  const keys = Object.keys(session).sort().join(',');
  if (keys !== 'sessionId,sessionKey,sessionToken') bad('Session must have exactly sessionId, sessionKey and sessionToken');
  for (const key of ['sessionId', 'sessionKey', 'sessionToken']) {
    if (typeof session[key] !== 'string' || session[key] === '') bad(`Session.${key} must be a non-empty string`);
  }
  return session as { sessionId: string; sessionKey: string; sessionToken: string };
}

function getSigninToken(request: EmuRequest, store: Store): Reply {
  const query = params(request);
  const session = sessionOf(query.get('Session'));
  const duration = query.get('SessionDuration');
  if (duration !== null) {
    const seconds = Number(duration);
    if (!/^\d+$/.test(duration) || seconds < MIN_SESSION_DURATION || seconds > MAX_SESSION_DURATION) bad('SessionDuration is out of range');
  }
  const credential = store.roleCredentials.get(session.sessionId);
  if (!credential || credential.secretAccessKey !== session.sessionKey || credential.sessionToken !== session.sessionToken) {
    bad('The credentials in Session are not valid');
  }
  if (store.now() >= credential!.expiresAt) bad('The credentials in Session have expired');
  const token = store.secret(ids.randomToken(96));
  store.signinTokens.set(token, { accessKeyId: session.sessionId, expiresAt: store.now() + SIGNIN_TOKEN_TTL_MS, used: false });
  return jsonReply({ SigninToken: token });
}

function login(request: EmuRequest, store: Store): Reply {
  const query = params(request);
  const token = query.get('SigninToken');
  const destination = query.get('Destination');
  if (!destination) bad('Missing parameter: Destination');
  let url: URL;
  try {
    url = new URL(destination!);
  } catch {
    return bad('Destination is not a URL');
  }
  if (url.protocol !== 'https:') bad('Destination must be an https URL');
  const grant = token === null ? undefined : store.signinTokens.get(token);
  if (!grant) bad('Invalid SigninToken');
  if (grant!.used) bad('The SigninToken has already been used');
  if (store.now() >= grant!.expiresAt) bad('The SigninToken has expired');
  grant!.used = true;
  return redirectReply(url.toString());
}

/** GET|POST /federation?Action=… */
export function federation(request: EmuRequest, store: Store): Reply {
  const action = params(request).get('Action');
  if (action === 'getSigninToken') return getSigninToken(request, store);
  if (action === 'login') return login(request, store);
  return bad(`Unknown or missing Action: ${action ?? ''}`);
}
