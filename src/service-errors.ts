/**
 * What an AWS SDK service error says, for any service (SSO OIDC, the access portal, STS).
 * SSO OIDC errors carry their text in `error_description` (the SDK's `message` is just
 * "UnknownError", docs/compat.md §B1). These helpers read them without importing the SDK.
 */
import type { Messages } from './ui/messages/index.js';
import { printable } from './ui/terminal-text.js';

export interface OidcError extends Error {
  error?: string;
  error_description?: string;
}

export function errorName(error: unknown): string | undefined {
  return error instanceof Error ? error.name : undefined;
}

/** Node's codes for a certificate chain it cannot verify: usually a TLS-inspecting proxy. */
const UNTRUSTED_CERTIFICATE = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'CERT_UNTRUSTED',
]);

export function describeServiceError(error: unknown, m: Messages): string {
  if (!(error instanceof Error)) return String(error);
  const { error_description: description, code } = error as OidcError & { code?: string };
  const message = description || (error.message && error.message !== 'UnknownError' ? error.message : '');
  // The server's words reach the terminal: without control characters or escape sequences.
  const text = message ? `${printable(error.name, 100)}: ${printable(message, 1000)}` : printable(error.name, 100);
  return code && UNTRUSTED_CERTIFICATE.has(code) ? `${text}. ${m.common.untrustedCertificate}` : text;
}
