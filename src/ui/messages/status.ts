/** `sso-setup status`. */

/** One sign-in as `status` shows it (the fields of flows/status.ts's StatusEntry it prints). */
export interface StatusLine {
  type: 'sso-session' | 'legacy';
  name: string | null;
  startUrl: string;
  region: string;
  profiles: readonly string[];
  signedIn: boolean;
  expiresAt: string | null;
  refreshable: boolean;
  registrationExpiresAt: string | null;
}

export const en = {
  noSsoConfiguration: 'No SSO configuration found. Run: sso-setup configure\n',
  /** One sign-in in `sso-setup status`; `minutes` is the time left on its token. */
  statusEntry: (status: StatusLine, minutes: number) => {
    const title = status.type === 'sso-session' ? `sso-session ${status.name}` : `legacy start URL`;
    const state = status.signedIn
      ? `signed in, expires ${status.expiresAt} (in ${minutes} min)`
      : status.expiresAt
        ? `expired ${status.expiresAt}`
        : 'not signed in';
    return [
      `${title}: ${state}`,
      `  start URL:    ${status.startUrl} (${status.region})`,
      `  refreshable:  ${status.refreshable ? 'yes' : 'no'}`,
      `  registration: ${status.registrationExpiresAt ? `expires ${status.registrationExpiresAt}` : 'none'}`,
      `  profiles:     ${status.profiles.join(', ') || '(none)'}`,
    ].join('\n');
  },
  /** `status --check`: one line for a sign-in that fails the check. */
  check: {
    session: (name: string) => `sso-session ${name}`,
    legacy: (startUrl: string) => `start URL ${startUrl}`,
    notSignedIn: (name: string) => `${name}: not signed in`,
    expired: (name: string, at: string) => `${name}: expired at ${at}`,
    expiresSoon: (name: string, at: string, minutes: number) => `${name}: expires at ${at} (in ${minutes} min)`,
    notSsoProfile: (profile: string) => `The profile ${profile} does not sign in with SSO (or does not exist): run sso-setup configure --profile ${profile}.`,
    conflict: (a: string, b: string) => `${a} and ${b} cannot be used together.`,
    needsCheck: (flag: string) => `${flag} can only be used with --check.`,
    invalidDuration: (text: string) => `Invalid value for --min-remaining: "${text}". Use a number with a unit, such as 90s, 30m, 2h or 1h30m.`,
  },
  help: {
    description: 'Show each SSO sign-in: signed in or not, when it expires, whether it can refresh (no network)',
    statusJson: 'print JSON (shape in the README)',
    check: 'exit 0 if the sign-in(s) are valid (refreshable counts), else exit 3 with one line each saying when it expired or expires',
    minRemaining: 'with --check: valid for at least this long (90s, 30m, 2h, 1h30m; default 0)',
    profile: 'with --check: only the sign-in this profile uses (default: AWS_PROFILE, else every sign-in)',
    ssoSession: 'with --check: only this sso-session',
  },
};
