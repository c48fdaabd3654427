import type { ConfigSection } from '../config/read.js';
import { parseScopes } from '../sso/scopes.js';

/** The flags of `configure` that describe an sso-session rather than the profile. */
export type SessionFlag = 'start-url' | 'sso-region' | 'scopes';

export interface PresetConflict {
  flag: SessionFlag;
  /** The value given on the command line, as typed (trimmed). */
  given: string;
  /** The session's value, or undefined when the section has no such key. */
  existing: string | undefined;
}

/** Start URLs that differ only by one trailing `/` name the same access portal. */
export function sameStartUrl(a: string, b: string): boolean {
  const strip = (url: string) => (url.trim().endsWith('/') ? url.trim().slice(0, -1) : url.trim());
  return strip(a) === strip(b);
}

/** Scopes compare as sets: `a, b` is `b,a` (and `a,,a`). */
export function sameScopes(a: string | undefined, b: string | undefined): boolean {
  const left = new Set(parseScopes(a ?? '') ?? []);
  const right = new Set(parseScopes(b ?? '') ?? []);
  return left.size === right.size && [...left].every((scope) => right.has(scope));
}

/**
 * The session flags given for an sso-session that already exists whose values differ from
 * the section's. `configure` never changes an existing session, so each of these would be
 * ignored: the caller refuses them instead. Unset and empty flags ("keep it") are no conflict.
 */
export function sessionPresetConflicts(
  preset: { startUrl?: string; ssoRegion?: string; scopes?: string },
  session: ConfigSection,
): PresetConflict[] {
  const conflicts: PresetConflict[] = [];
  const given = (value: string | undefined) => (value === undefined || value.trim() === '' ? undefined : value.trim());
  const startUrl = given(preset.startUrl);
  if (startUrl !== undefined && !(session.sso_start_url !== undefined && sameStartUrl(startUrl, session.sso_start_url))) {
    conflicts.push({ flag: 'start-url', given: startUrl, existing: session.sso_start_url });
  }
  const ssoRegion = given(preset.ssoRegion);
  if (ssoRegion !== undefined && ssoRegion !== session.sso_region?.trim()) {
    conflicts.push({ flag: 'sso-region', given: ssoRegion, existing: session.sso_region });
  }
  const scopes = given(preset.scopes);
  if (scopes !== undefined && !sameScopes(scopes, session.sso_registration_scopes)) {
    conflicts.push({ flag: 'scopes', given: scopes, existing: session.sso_registration_scopes });
  }
  return conflicts;
}
