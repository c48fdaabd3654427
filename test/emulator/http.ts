import type { IncomingHttpHeaders } from 'node:http';

/** The wire format of an operation's errors. */
export type Service = 'oidc' | 'portal' | 'sts' | 'page' | 'generic';

interface ErrorSpec {
  status: number;
  /** The RFC 6749/8628 `error` value OIDC sends in the body. */
  oauth?: string;
}

/** Every error type the emulator raises, with its HTTP status (docs/compat.md B1–B3). */
export const ERRORS = {
  // SSO OIDC
  AuthorizationPendingException: { status: 400, oauth: 'authorization_pending' },
  SlowDownException: { status: 400, oauth: 'slow_down' },
  ExpiredTokenException: { status: 400, oauth: 'expired_token' },
  AccessDeniedException: { status: 400, oauth: 'access_denied' },
  InvalidGrantException: { status: 400, oauth: 'invalid_grant' },
  InvalidClientException: { status: 401, oauth: 'invalid_client' },
  InvalidRequestException: { status: 400, oauth: 'invalid_request' },
  UnauthorizedClientException: { status: 400, oauth: 'unauthorized_client' },
  InvalidScopeException: { status: 400, oauth: 'invalid_scope' },
  UnsupportedGrantTypeException: { status: 400, oauth: 'unsupported_grant_type' },
  InvalidClientMetadataException: { status: 400, oauth: 'invalid_client_metadata' },
  InvalidRedirectUriException: { status: 400, oauth: 'invalid_redirect_uri' },
  InternalServerException: { status: 500, oauth: 'server_error' },
  ServiceUnavailableException: { status: 503, oauth: 'temporarily_unavailable' },
  // SSO portal
  UnauthorizedException: { status: 401 },
  ForbiddenException: { status: 403 },
  ResourceNotFoundException: { status: 404 },
  TooManyRequestsException: { status: 429 },
  // STS
  InvalidClientTokenId: { status: 403 },
  ExpiredToken: { status: 400 },
  InvalidAction: { status: 400 },
  MissingAuthenticationToken: { status: 403 },
  // Any service
  SerializationException: { status: 400 },
  UnknownOperationException: { status: 404 },
  InternalFailure: { status: 500 },
} as const satisfies Record<string, ErrorSpec>;

export type ErrorType = keyof typeof ERRORS;

const spec = (type: string): ErrorSpec | undefined => (ERRORS as Record<string, ErrorSpec>)[type];

/** The usual HTTP status of an error type, if the table knows it. */
export const statusOf = (type: string): number | undefined => spec(type)?.status;

/**
 * An error answer. `status` defaults to the table's; injected faults bring their own type and
 * status. `headers` are added to the answer (Retry-After).
 */
export class ServiceError extends Error {
  readonly status: number;
  constructor(
    readonly type: ErrorType | (string & {}),
    message: string,
    status?: number,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.status = status ?? spec(type)?.status ?? 400;
  }
}

/** Throws the error of `type` with `message`. */
export function fail(type: ErrorType, message: string): never {
  throw new ServiceError(type, message);
}

export interface EmuRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
  requestId: string;
}

export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export const jsonReply = (value: unknown, status = 200): Reply => ({
  status,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(value),
});

export const xmlReply = (xml: string, status = 200): Reply => ({ status, headers: { 'content-type': 'text/xml' }, body: xml });

export const htmlReply = (html: string, status = 200): Reply => ({
  status,
  headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
  body: html,
});

export const emptyReply = (status = 200): Reply => ({ status, headers: {}, body: '' });

export const redirectReply = (location: string): Reply => ({ status: 302, headers: { location, 'cache-control': 'no-store' }, body: '' });

/** A restJson1 body: a JSON object (an empty body counts as `{}`), else SerializationException. */
export function jsonBody(request: EmuRequest): Record<string, unknown> {
  if (request.body.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(request.body);
  } catch {
    throw new ServiceError('SerializationException', 'The request body is not valid JSON.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ServiceError('SerializationException', 'The request body must be a JSON object.');
  }
  return value as Record<string, unknown>;
}

export const formBody = (request: EmuRequest): URLSearchParams => new URLSearchParams(request.body);

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

export const escapeXml = escapeHtml;

/** A minimal, self-contained HTML page. `body` must already be escaped. */
export function htmlPage(title: string, body: string): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>${escapeHtml(title)}</title>`,
    '<style>body{font-family:sans-serif;max-width:32em;margin:3em auto}button{margin-right:1em;padding:.4em 1.2em}code{font-size:1.4em}</style>',
    '</head><body>',
    `<h1>${escapeHtml(title)}</h1>`,
    body,
    '</body></html>',
  ].join('\n');
}

/** `SlowDownException` → `slow_down`, for injected OIDC faults not in the table. */
const snakeCase = (type: string) =>
  type
    .replace(/Exception$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase();

function errorBody(service: Service, error: ServiceError, requestId: string): Reply {
  switch (service) {
    case 'oidc':
      return jsonReply({ error: spec(error.type)?.oauth ?? snakeCase(error.type), error_description: error.message }, error.status);
    case 'sts':
      return xmlReply(
        `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">\n` +
          `  <Error>\n    <Type>${error.status >= 500 ? 'Receiver' : 'Sender'}</Type>\n` +
          `    <Code>${escapeXml(error.type)}</Code>\n    <Message>${escapeXml(error.message)}</Message>\n  </Error>\n` +
          `  <RequestId>${requestId}</RequestId>\n</ErrorResponse>\n`,
        error.status,
      );
    case 'page':
      return htmlReply(htmlPage('Something went wrong', `<p>${escapeHtml(error.message)}</p>`), error.status);
    case 'portal':
    case 'generic':
      return jsonReply({ message: error.message }, error.status);
  }
}

/** Errors of the protocol layer, not of an operation: always `{"message"}`. */
const PROTOCOL_ERRORS = new Set<string>(['SerializationException', 'UnknownOperationException', 'InternalFailure']);

/** The error in the service's wire format, typed by the `x-amzn-ErrorType` header as AWS does. */
export function errorReply(service: Service, error: ServiceError, requestId: string): Reply {
  const format = PROTOCOL_ERRORS.has(error.type) && (service === 'oidc' || service === 'portal') ? 'generic' : service;
  const reply = errorBody(format, error, requestId);
  Object.assign(reply.headers, error.headers);
  if (service !== 'sts' && service !== 'page') reply.headers['x-amzn-ErrorType'] = error.type;
  return reply;
}
