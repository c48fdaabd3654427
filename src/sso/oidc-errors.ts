/**
 * SSO OIDC errors carry their text in `error_description` (the SDK's `message` is just
 * "UnknownError", compat.md §B1). These helpers read them without importing the SDK.
 */
export interface OidcError extends Error {
  error?: string;
  error_description?: string;
}

export function errorName(error: unknown): string | undefined {
  return error instanceof Error ? error.name : undefined;
}

export function describeServiceError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const { error_description: description } = error as OidcError;
  const message = description || (error.message && error.message !== 'UnknownError' ? error.message : '');
  return message ? `${error.name}: ${message}` : error.name;
}
