/** The AWS access portal (SSO, restJson1): ListAccounts, ListAccountRoles, GetRoleCredentials, Logout. docs/compat.md B2. */
import { emptyReply, fail, jsonReply, type EmuRequest, type Reply } from './http.js';
import * as ids from './ids.js';
import type { IndexedAccount } from './org.js';
import type { AccessGrant, Store } from './state.js';

const MAX_RESULT_LIMIT = 100;

/** The sign-in behind the x-amz-sso_bearer_token header: known, unexpired and not logged out. */
function authenticate(request: EmuRequest, store: Store): AccessGrant {
  const header = request.headers['x-amz-sso_bearer_token'];
  const token = typeof header === 'string' ? header : undefined;
  const grant = token === undefined ? undefined : store.accessTokens.get(token);
  if (!grant || grant.session.revoked || store.now() >= grant.expiresAt) {
    fail('UnauthorizedException', 'Session token not found or invalid');
  }
  return grant;
}

function requiredParam(request: EmuRequest, name: string): string {
  const value = request.query.get(name);
  if (value === null || value === '') fail('InvalidRequestException', `Missing required parameter: ${name}`);
  return value;
}

function assignedAccount(store: Store, accountId: string): IndexedAccount {
  const account = store.index.accounts.get(accountId);
  if (!account) fail('ForbiddenException', 'No access');
  return account;
}

// ---- pagination ------------------------------------------------------------------------

function pageSize(request: EmuRequest, store: Store): number {
  const raw = request.query.get('max_result');
  if (raw === null) return store.settings.pageSize;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < 1 || value > MAX_RESULT_LIMIT) {
    fail('InvalidRequestException', `max_result must be between 1 and ${MAX_RESULT_LIMIT}`);
  }
  return Math.min(value, store.settings.pageSize);
}

function startOffset(request: EmuRequest, store: Store, listing: string): number {
  const token = request.query.get('next_token');
  if (token === null) return 0;
  const cursor = store.pageCursors.get(token);
  if (!cursor || cursor.listing !== listing) fail('InvalidRequestException', 'Invalid next token');
  return cursor.offset;
}

/** One page of `items` and, when more follow, an opaque token for the next. */
function page<T>(request: EmuRequest, store: Store, listing: string, items: readonly T[]): { items: T[]; nextToken?: string } {
  const size = pageSize(request, store);
  const offset = startOffset(request, store, listing);
  const end = offset + size;
  if (end >= items.length) return { items: items.slice(offset) };
  const nextToken = ids.pageToken();
  store.pageCursors.set(nextToken, { listing, offset: end });
  return { items: items.slice(offset, end), nextToken };
}

// ---- operations --------------------------------------------------------------------------

/** GET /assignment/accounts?max_result&next_token */
export function listAccounts(request: EmuRequest, store: Store): Reply {
  authenticate(request, store);
  const { items, nextToken } = page(request, store, 'accounts', store.index.accountList);
  return jsonReply({ ...(nextToken ? { nextToken } : {}), accountList: items });
}

/** GET /assignment/roles?account_id&max_result&next_token */
export function listAccountRoles(request: EmuRequest, store: Store): Reply {
  authenticate(request, store);
  const account = assignedAccount(store, requiredParam(request, 'account_id'));
  const { items, nextToken } = page(request, store, `roles:${account.accountId}`, account.roleList);
  return jsonReply({ ...(nextToken ? { nextToken } : {}), roleList: items });
}

/** GET /federation/credentials?account_id&role_name */
export function getRoleCredentials(request: EmuRequest, store: Store): Reply {
  authenticate(request, store);
  const account = assignedAccount(store, requiredParam(request, 'account_id'));
  const roleName = requiredParam(request, 'role_name');
  if (!account.roles.has(roleName) || account.deniedRoles.has(roleName)) fail('ForbiddenException', 'No access');

  const expiresAt = store.now() + store.settings.roleCredentialTtlSeconds * 1000;
  const accessKeyId = ids.accessKeyId();
  const secretAccessKey = store.secret(ids.secretAccessKey());
  const sessionToken = store.secret(ids.sessionToken());
  store.roleCredentials.set(accessKeyId, {
    accountId: account.accountId,
    roleName,
    userName: store.settings.org.user.userName,
    secretAccessKey,
    sessionToken,
    expiresAt,
  });
  return jsonReply({ roleCredentials: { accessKeyId, secretAccessKey, sessionToken, expiration: expiresAt } });
}

/** POST /logout: ends the sign-in, so its access and refresh tokens stop working. */
export function logout(request: EmuRequest, store: Store): Reply {
  authenticate(request, store).session.revoked = true;
  return emptyReply(200);
}
