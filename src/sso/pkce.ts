import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { DEFAULT_SCOPE } from './scopes.js';

/**
 * The pieces of the OAuth 2.0 authorization-code flow with PKCE (RFC 7636) as the AWS CLI
 * builds them for IAM Identity Center (docs/compat.md A2 "PKCE flow"). Pure functions.
 */

/** The redirect URI registered with RegisterClient: loopback, no port (RFC 8252 §7.3). */
export const REGISTERED_REDIRECT_URI = 'http://127.0.0.1/oauth/callback';
export const CALLBACK_PATH = '/oauth/callback';
/** What RegisterClient and /authorize get when no scopes are configured. */
export const DEFAULT_PKCE_SCOPES = [DEFAULT_SCOPE];
export const PKCE_GRANT_TYPES = ['authorization_code', 'refresh_token'];

/** The redirect URI sent to /authorize and CreateToken: the registered one with the listening port. */
export function redirectUriFor(port: number): string {
  return `http://127.0.0.1:${port}${CALLBACK_PATH}`;
}

/**
 * A code verifier: 64 characters of the unreserved set. 48 random bytes in base64url are
 * exactly 64 characters of [A-Za-z0-9-_], uniformly distributed (384 bits).
 */
export function createCodeVerifier(random: (size: number) => Buffer = randomBytes): string {
  return random(48).toString('base64url');
}

/** S256: base64url(sha256(verifier)) without padding. */
export function codeChallenge(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

export const createState = (): string => randomUUID();

/** Percent-encodes everything but A-Z a-z 0-9 - _ . ~ (Python's quote(safe='')). */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export interface AuthorizeRequest {
  clientId: string;
  redirectUri: string;
  state: string;
  scopes: readonly string[];
  codeChallenge: string;
}

/** `{base}/authorize?…` with the AWS CLI's parameters in the AWS CLI's order. */
export function authorizeUrl(base: string, request: AuthorizeRequest): string {
  const query: Array<[string, string]> = [
    ['response_type', 'code'],
    ['client_id', request.clientId],
    ['redirect_uri', request.redirectUri],
    ['state', request.state],
    ['code_challenge_method', 'S256'],
    ['scopes', request.scopes.join(' ')],
    ['code_challenge', request.codeChallenge],
  ];
  let end = base.length;
  while (end > 0 && base[end - 1] === '/') end--; // not /\/+$/: quadratic on many slashes
  return `${base.slice(0, end)}/authorize?${query.map(([k, v]) => `${k}=${percentEncode(v)}`).join('&')}`;
}
