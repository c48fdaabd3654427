import type { Context } from '../context.js';
import { CliError, ConfigurationError, ExitCode, ExitStatus } from '../errors.js';
import { readAwsConfig } from '../config/read.js';
import { readUsable, registrationCacheKey, SsoCache, tokenCacheKey } from '../sso/cache.js';
import { parseScopes } from '../sso/scopes.js';
import type { Messages } from '../ui/messages/index.js';
import { printable } from '../ui/terminal-text.js';


/** One sign-in as `sso-setup status` shows it, and `status --json` prints it (README documents the shape). */
export interface SessionStatus {
  /** "sso-session" for `[sso-session NAME]`, "legacy" for a start URL set in profiles. */
  type: 'sso-session' | 'legacy';
  /** The session name; null for legacy. */
  name: string | null;
  startUrl: string;
  region: string;
  /** Profiles that sign in through it. */
  profiles: string[];
  /** A cached token exists and has not expired. */
  signedIn: boolean;
  /** When the cached token expires (ISO 8601), or null. */
  expiresAt: string | null;
  /** The token can be refreshed without a browser (refresh token and live registration). */
  refreshable: boolean;
  /** When the client registration expires (ISO 8601), or null when there is none. */
  registrationExpiresAt: string | null;
}

/** Reads config and caches only: no network, no writes. */
export async function collectStatus(ctx: Context): Promise<SessionStatus[]> {
  const config = await readAwsConfig(ctx.paths, ctx.messages);
  const cache = new SsoCache(ctx.paths.ssoCacheDir);
  const now = ctx.clock.now();
  const entries = new Map<string, Omit<SessionStatus, 'signedIn' | 'expiresAt' | 'refreshable' | 'registrationExpiresAt'> & { scopes?: string[] }>();

  for (const [name, session] of Object.entries(config.ssoSessions)) {
    if (!session.sso_start_url || !session.sso_region) continue;
    entries.set(`session:${name}`, {
      type: 'sso-session', name, startUrl: session.sso_start_url, region: session.sso_region, profiles: [],
      scopes: parseScopes(session.sso_registration_scopes),
    });
  }
  for (const [profile, section] of Object.entries(config.profiles)) {
    if (section.sso_session) {
      entries.get(`session:${section.sso_session}`)?.profiles.push(profile);
    } else if (section.sso_start_url && section.sso_region) {
      const key = `legacy:${section.sso_start_url}`;
      const entry = entries.get(key) ?? { type: 'legacy', name: null, startUrl: section.sso_start_url, region: section.sso_region, profiles: [] };
      entry.profiles.push(profile);
      entries.set(key, entry);
    }
  }

  const result: SessionStatus[] = [];
  for (const { scopes, ...entry } of entries.values()) {
    const sessionName = entry.name ?? undefined;
    const token = await readUsable(() => cache.readToken(tokenCacheKey({ sessionName, startUrl: entry.startUrl })));
    const registration = await readUsable(() =>
      cache.readRegistration(registrationCacheKey({ startUrl: entry.startUrl, region: entry.region, scopes, sessionName })),
    );
    const registrationExpiresAt = token?.registrationExpiresAt ?? registration?.expiresAt;
    result.push({
      ...entry,
      profiles: entry.profiles.sort(),
      signedIn: token !== undefined && token.expiresAt.getTime() > now,
      expiresAt: token ? token.expiresAt.toISOString() : null,
      refreshable: Boolean(
        sessionName && token?.refreshToken && token.clientId && token.clientSecret && registrationExpiresAt && registrationExpiresAt.getTime() > now,
      ),
      registrationExpiresAt: registrationExpiresAt ? registrationExpiresAt.toISOString() : null,
    });
  }
  return result;
}

function describe(m: Messages, status: SessionStatus, now: number): string {
  const minutes = status.expiresAt ? Math.round((Date.parse(status.expiresAt) - now) / 60_000) : 0;
  // Names and URLs come from files other programs may have written: shown without control characters.
  const shown = {
    ...status,
    name: status.name === null ? null : printable(status.name),
    startUrl: printable(status.startUrl, 2048),
    region: printable(status.region),
    profiles: status.profiles.map((profile) => printable(profile)),
  };
  return m.status.statusEntry(shown, minutes);
}

export interface StatusOptions {
  /** --json: print the entries as JSON (the README documents the shape). */
  json?: boolean;
  /** --check: answer with an exit code instead (see statusCheck). */
  check?: StatusCheckOptions;
}

export async function status(ctx: Context, options: StatusOptions): Promise<SessionStatus[]> {
  if (options.check) return statusCheck(ctx, options.check);
  const statuses = await collectStatus(ctx);
  if (options.json) ctx.stdout.write(JSON.stringify({ sessions: statuses }, null, 2) + '\n');
  else if (statuses.length === 0) ctx.stdout.write(ctx.messages.status.noSsoConfiguration);
  else ctx.stdout.write(statuses.map((s) => describe(ctx.messages, s, ctx.clock.now())).join('\n\n') + '\n');
  return statuses;
}

/**
 * `sso-setup status --check`: an answer for scripts and shell prompts, from the config and
 * the caches alone (no network, no SDK client loaded; `npm run bench` times it).
 */

/** The exit code when a session checked is not valid for long enough (README "status --check"). */
export const CHECK_FAILED = 3;

export interface StatusCheckOptions {
  /** --min-remaining, in milliseconds (0: valid now). */
  minRemainingMs: number;
  /** --profile (or AWS_PROFILE / AWS_DEFAULT_PROFILE): the session it signs in through. */
  profile?: string;
  /** --sso-session: that session. Neither: every sign-in in the config. */
  ssoSession?: string;
}

/**
 * Until when a sign-in lets the AWS CLI get role credentials without a browser: its token's
 * expiry, or, when it can be refreshed (refresh token and a live client registration), the
 * registration's expiry, whichever is later. Undefined when not signed in at all. (The
 * refresh token's own lifetime, the session duration set in IAM Identity Center, is not
 * known to a client: an administrator can end a session sooner.)
 */
export function validUntil(status: SessionStatus): number | undefined {
  const token = status.expiresAt ? Date.parse(status.expiresAt) : undefined;
  const registration = status.refreshable && status.registrationExpiresAt ? Date.parse(status.registrationExpiresAt) : undefined;
  if (token === undefined && registration === undefined) return undefined;
  return Math.max(token ?? -Infinity, registration ?? -Infinity);
}

/** The decision for one sign-in: valid now, and for at least `minRemainingMs` more. */
export function passes(status: SessionStatus, now: number, minRemainingMs: number): boolean {
  const until = validUntil(status);
  return until !== undefined && until > now && until - now >= minRemainingMs;
}

/** The one line saying which sign-in fails the check and when it expired or expires. */
export function describeFailure(m: Messages, status: SessionStatus, now: number): string {
  const name = status.type === 'sso-session' ? m.status.check.session(status.name!) : m.status.check.legacy(status.startUrl);
  const until = validUntil(status);
  if (until === undefined) return m.status.check.notSignedIn(name);
  const at = new Date(until).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return until <= now ? m.status.check.expired(name, at) : m.status.check.expiresSoon(name, at, Math.floor((until - now) / 60_000));
}

/** Which sign-ins the options name; a name that is not in the config is a configuration error. */
function selected(m: Messages, statuses: SessionStatus[], options: StatusCheckOptions): SessionStatus[] {
  if (options.ssoSession !== undefined) {
    const found = statuses.filter((s) => s.type === 'sso-session' && s.name === options.ssoSession);
    if (found.length === 0) throw new ConfigurationError(m.login.sessionNotFound(options.ssoSession));
    return found;
  }
  if (options.profile !== undefined) {
    const found = statuses.filter((s) => s.profiles.includes(options.profile!));
    if (found.length === 0) throw new ConfigurationError(m.status.check.notSsoProfile(options.profile));
    return found;
  }
  if (statuses.length === 0) throw new ConfigurationError(m.status.noSsoConfiguration.trimEnd());
  return statuses;
}

/** Prints nothing and returns when every selected sign-in passes; else one line each that fails, and exit code CHECK_FAILED. */
export async function statusCheck(ctx: Context, options: StatusCheckOptions): Promise<SessionStatus[]> {
  if (options.profile !== undefined && options.ssoSession !== undefined) {
    throw new CliError(ctx.messages.status.check.conflict('--profile', '--sso-session'), ExitCode.usage);
  }
  const now = ctx.clock.now();
  const checked = selected(ctx.messages, await collectStatus(ctx), options);
  const failing = checked.filter((s) => !passes(s, now, options.minRemainingMs));
  if (failing.length === 0) return checked;
  ctx.stdout.write(failing.map((s) => describeFailure(ctx.messages, s, now) + '\n').join(''));
  throw new ExitStatus(CHECK_FAILED);
}
