import type { Context } from '../context.js';
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
}

export async function status(ctx: Context, options: StatusOptions): Promise<SessionStatus[]> {
  const statuses = await collectStatus(ctx);
  if (options.json) ctx.stdout.write(JSON.stringify({ sessions: statuses }, null, 2) + '\n');
  else if (statuses.length === 0) ctx.stdout.write(ctx.messages.status.noSsoConfiguration);
  else ctx.stdout.write(statuses.map((s) => describe(ctx.messages, s, ctx.clock.now())).join('\n\n') + '\n');
  return statuses;
}
