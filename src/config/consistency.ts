import type { ConfigSection } from './read.js';

/**
 * What botocore (the AWS CLI, boto3) refuses in a profile that names an sso-session, checked
 * on the config sections alone (docs/compat.md §B5 "botocore and aws-cli, compared"):
 * - `SSOTokenProvider` and `SSOProvider`: the named `[sso-session]` must exist;
 * - `SSOProvider._resolve_sso_session_reference`, used for a profile with `sso_role_name` or
 *   `sso_account_id`: every key of the sso-session that the profile also sets must have the
 *   same value, compared as exact strings (a trailing `/` counts); otherwise
 *   `InvalidConfigError: The value for sso_start_url is inconsistent between profile (…) and
 *   sso-session (…)`. The AWS SDK for JavaScript has no such rule (it takes the session's
 *   values), so a profile it uses can still be one the AWS CLI rejects.
 */
export type BotocoreProblem =
  | { kind: 'missing-session'; session: string }
  | { kind: 'inconsistent'; session: string; key: string; profileValue: string; sessionValue: string };

export function botocoreSsoProblems(profile: ConfigSection, sessions: Record<string, ConfigSection>): BotocoreProblem[] {
  const sessionName = profile.sso_session;
  if (sessionName === undefined) return [];
  const session = Object.hasOwn(sessions, sessionName) ? sessions[sessionName] : undefined;
  if (!session) return [{ kind: 'missing-session', session: sessionName }];
  if (profile.sso_role_name === undefined && profile.sso_account_id === undefined) return [];
  // configparser lower-cases option names; values are compared as read (stripped).
  const profileValues = new Map(Object.entries(profile).map(([key, value]) => [key.toLowerCase(), value]));
  const problems: BotocoreProblem[] = [];
  for (const [key, sessionValue] of Object.entries(session)) {
    if (sessionValue === undefined) continue;
    const profileValue = profileValues.get(key.toLowerCase());
    if (profileValue !== undefined && profileValue !== sessionValue) {
      problems.push({ kind: 'inconsistent', session: sessionName, key, profileValue, sessionValue });
    }
  }
  return problems;
}

/**
 * The keys `configure` removes from a profile it writes with `sso_session`: the sso-session's
 * own keys (legacy `sso_start_url` / `sso_region`, and `sso_registration_scopes`) whose value
 * in the profile differs from the session's, which would make botocore refuse the profile.
 * Equal values are kept, as the AWS CLI keeps them.
 */
export function staleSessionKeys(profile: ConfigSection, session: ConfigSection): string[] {
  const keys = ['sso_start_url', 'sso_region', 'sso_registration_scopes'];
  return Object.keys(profile).filter((key) => {
    const name = key.toLowerCase();
    if (!keys.includes(name)) return false;
    const sessionValue = Object.entries(session).find(([k]) => k.toLowerCase() === name)?.[1];
    return sessionValue !== undefined && profile[key] !== sessionValue;
  });
}
