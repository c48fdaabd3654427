/** The scope the AWS CLI registers and authorizes when none is configured (and offers as the prompt's default). */
export const DEFAULT_SCOPE = 'sso:account:access';

/** `a, b,,c ` → ['a', 'b', 'c'], as the AWS CLI parses sso_registration_scopes. */
export function parseScopes(raw: string | undefined): string[] | undefined {
  if (raw === undefined) return undefined;
  return raw
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
