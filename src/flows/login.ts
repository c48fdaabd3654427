import type { Context } from '../context.js';
import { readAwsConfig, type AwsConfig } from '../config/read.js';
import { CliError, ConfigurationError } from '../errors.js';
import { parseScopes } from '../sso/scopes.js';
import type { SsoTarget } from '../sso/sign-in.js';
import { messages } from '../ui/messages.js';
import { signInWithContext, type BrowserOptions } from './sign-in.js';

export interface LoginOptions extends BrowserOptions {
  /** --profile, else AWS_PROFILE, else `default`. */
  profile: string;
  /** --sso-session: sign in to this session, no profile needed. */
  ssoSession?: string;
}

const REQUIRED = ['sso_start_url', 'sso_region'] as const;

/**
 * Which sign-in a `login` means, as `aws sso login` decides it: --sso-session, else the
 * profile's sso_session, else the profile's legacy sso_start_url / sso_region.
 */
export function resolveLoginTarget(config: AwsConfig, options: Pick<LoginOptions, 'profile' | 'ssoSession'>): SsoTarget {
  let sessionName = options.ssoSession;
  if (sessionName === undefined) {
    const profile = config.profiles[options.profile];
    if (!profile) throw new CliError(messages.profileNotFound(options.profile));
    sessionName = profile.sso_session;
    if (sessionName === undefined) {
      const missing = REQUIRED.filter((k) => !profile[k]);
      if (missing.length > 0) {
        throw new ConfigurationError(messages.missingValues(missing) + messages.missingValuesLegacyHint);
      }
      return { startUrl: profile.sso_start_url!, region: profile.sso_region! };
    }
  }
  const session = config.ssoSessions[sessionName];
  if (!session) throw new ConfigurationError(messages.sessionNotFound(sessionName));
  const missing = REQUIRED.filter((k) => !session[k]);
  if (missing.length > 0) throw new ConfigurationError(messages.missingValues(missing));
  return {
    sessionName,
    startUrl: session.sso_start_url!,
    region: session.sso_region!,
    scopes: parseScopes(session.sso_registration_scopes),
  };
}

/** `sso-setup login`: always signs in anew (like `aws sso login`) and refreshes the cache. */
export async function login(ctx: Context, options: LoginOptions): Promise<SsoTarget> {
  const target = resolveLoginTarget(await readAwsConfig(ctx.paths), options);
  const result = await signInWithContext(ctx, target, { ...options, forceRefresh: true });
  await result.save();
  ctx.stdout.write(messages.loggedIn(target.startUrl));
  return target;
}
