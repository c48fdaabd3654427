import type { Context } from '../context.js';
import { readAwsConfig, type AwsConfig, type ConfigSection } from '../config/read.js';
import { profileSectionName, ssoSessionSectionName, updateSection } from '../config/edit.js';
import { writeConfig } from './write-config.js';
import { CliError, ConfigurationError, ExitCode, InterruptedError } from '../errors.js';
import type { Messages } from '../ui/messages/index.js';
import { parseScopes } from '../sso/scopes.js';
import { MIN_REMAINING_MS, type SsoTarget } from '../sso/sign-in.js';
import { chooseMethod, sessionTokenAndSource, signInWithContext, type SignInFlags } from './sign-in.js';
import { parseUseDeviceCode, type SignInMethodChoice } from '../sso/sign-in-method.js';
import { resolveLoginStartUrl } from './start-url.js';

export interface LoginOptions extends SignInFlags {
  /** --profile, else AWS_PROFILE, else AWS_DEFAULT_PROFILE, else `default` (src/config/profile-name.ts). */
  profile: string;
  /** --sso-session: sign in to this session, no profile needed. */
  ssoSession?: string;
  /** True when --profile itself was given (not AWS_PROFILE): with --sso-session it must agree. */
  profileFlag?: boolean;
  /** --force: sign in anew even when the refresh token still works. */
  force?: boolean;
  /** --remember: save the flow used in the sso-session (sso_use_device_code). */
  remember?: boolean;
  /** --all: every sso-session in the config that needs it (loginAll). */
  all?: boolean;
}

const REQUIRED = ['sso_start_url', 'sso_region'] as const;

/** The sign-in target of an sso-session section, with the AWS CLI's errors when it is missing or incomplete. */
export function sessionTarget(m: Messages, name: string, sessions: Record<string, ConfigSection>): SsoTarget {
  const session = sessions[name];
  if (!session) throw new ConfigurationError(m.login.sessionNotFound(name));
  const missing = REQUIRED.filter((k) => !session[k]);
  if (missing.length > 0) throw new ConfigurationError(m.login.missingValues(missing));
  return {
    sessionName: name,
    startUrl: session.sso_start_url!,
    region: session.sso_region!,
    scopes: parseScopes(session.sso_registration_scopes),
    useDeviceCode: parseUseDeviceCode(session.sso_use_device_code),
  };
}

/**
 * Which sign-in a `login` means, as `aws sso login` decides it: --sso-session, else the
 * profile's sso_session, else the profile's legacy sso_start_url / sso_region.
 */
export function resolveLoginTarget(
  m: Messages,
  config: AwsConfig,
  options: Pick<LoginOptions, 'profile' | 'ssoSession' | 'profileFlag'>,
): SsoTarget {
  if (options.ssoSession !== undefined) {
    // --sso-session wins, as in the AWS CLI; a --profile that names another sign-in would be ignored.
    const profileSession = config.profiles[options.profile]?.sso_session;
    if (options.profileFlag && profileSession !== options.ssoSession) {
      throw new CliError(m.login.profileAndSession(options.profile, options.ssoSession, profileSession), ExitCode.usage);
    }
    return sessionTarget(m, options.ssoSession, config.ssoSessions);
  }
  const profile = config.profiles[options.profile];
  if (!profile) throw new CliError(m.login.profileNotFound(options.profile));
  if (profile.sso_session !== undefined) return sessionTarget(m, profile.sso_session, config.ssoSessions);
  const missing = REQUIRED.filter((k) => !profile[k]);
  if (missing.length > 0) throw new ConfigurationError(m.login.missingValues(missing) + m.login.missingValuesLegacyHint);
  return { startUrl: profile.sso_start_url!, region: profile.sso_region! };
}

/** The `sso_use_device_code` value `--remember` saves for a choice, and the sso-session it goes in. */
export function rememberedValue(m: Messages, target: SsoTarget, choice: SignInMethodChoice): [section: string, value: boolean] {
  if (target.sessionName === undefined) throw new CliError(m.signIn.rememberNeedsSession, ExitCode.usage);
  return [target.sessionName, choice.method === 'device'];
}

/**
 * `sso-setup login`: refreshes the session with its refresh token when it can (unless
 * --force), and otherwise signs in anew in the chosen flow; then refreshes the cache.
 */
export async function login(ctx: Context, options: LoginOptions): Promise<SsoTarget> {
  const configured = resolveLoginTarget(ctx.messages, await readAwsConfig(ctx.paths, ctx.messages), options);
  // https only; a custom domain is resolved and its region wins (docs/compat.md §A6).
  const target = await resolveLoginStartUrl(ctx, configured);
  const choice = chooseMethod(ctx, target, options);
  const remember = options.remember ? rememberedValue(ctx.messages, target, choice) : undefined;
  const result = await signInWithContext(ctx, target, {
    ...options,
    choice,
    forceRefresh: true,
    useRefreshToken: options.force !== true,
  });
  await result.save();
  if (remember) await saveUseDeviceCode(ctx, ...remember);
  // Only after a successful sign-in, as `aws sso login` does.
  if (target.region !== configured.region) await saveSsoRegion(ctx, target, options.profile);
  ctx.stdout.write(ctx.messages.login.loggedIn(target.startUrl));
  return target;
}

async function saveUseDeviceCode(ctx: Context, sessionName: string, useDeviceCode: boolean): Promise<void> {
  const edit = (text: string) =>
    updateSection(text, ssoSessionSectionName(sessionName), [['sso_use_device_code', String(useDeviceCode)]]);
  const written = await writeConfig(ctx, edit);
  if (written.changed) ctx.stdout.write(ctx.messages.signIn.remembered(sessionName, useDeviceCode));
}

/** How one sso-session came out of `login --all`. */
export type SessionLoginOutcome =
  | { session: string; result: 'already' | 'refreshed' | 'signed-in' }
  | { session: string; result: 'failed'; reason: string };

/**
 * `sso-setup login --all`: every sso-session in the config, in the file's order. First,
 * without a browser, each cached token is checked and refreshed when under 15 minutes are
 * left (as botocore refreshes it); then one browser sign-in per session that still needs one,
 * one after the other. A summary line per session at the end; a session that failed does not
 * stop the others, and makes the command fail. With --force every session signs in anew.
 */
export async function loginAll(ctx: Context, options: LoginOptions): Promise<SessionLoginOutcome[]> {
  const m = ctx.messages;
  const config = await readAwsConfig(ctx.paths, m);
  const names = Object.keys(config.ssoSessions);
  if (names.length === 0) throw new ConfigurationError(m.login.noSessions);
  const outcomes = new Map<string, SessionLoginOutcome>();
  const targets = new Map<string, SsoTarget>();
  const failed = (session: string, error: unknown): SessionLoginOutcome => {
    if (error instanceof InterruptedError) throw error;
    return { session, result: 'failed', reason: error instanceof Error ? error.message.trim() : String(error) };
  };
  for (const name of names) {
    try {
      targets.set(name, sessionTarget(m, name, config.ssoSessions));
    } catch (error) {
      outcomes.set(name, failed(name, error));
    }
  }
  if (options.force !== true) {
    for (const [name, target] of targets) {
      try {
        const cached = await sessionTokenAndSource(ctx, target);
        if (cached && cached.token.expiresAt.getTime() - ctx.clock.now() >= MIN_REMAINING_MS) {
          outcomes.set(name, { session: name, result: cached.via === 'refresh' ? 'refreshed' : 'already' });
        }
      } catch (error) {
        ctx.log.debug(`login --all: ${name}: the cached token could not be used (${error instanceof Error ? error.message : String(error)})`);
      }
    }
  }
  for (const [name, target] of targets) {
    if (outcomes.has(name)) continue;
    ctx.stderr.write(m.login.allSigningIn(name, target.startUrl));
    try {
      const result = await signInWithContext(ctx, target, { ...options, forceRefresh: true, useRefreshToken: false });
      await result.save();
      outcomes.set(name, { session: name, result: 'signed-in' });
    } catch (error) {
      outcomes.set(name, failed(name, error));
    }
  }
  const ordered = names.map((name) => outcomes.get(name)!);
  ctx.stdout.write(ordered.map((o) => m.login.allSummary(o.session, o.result, o.result === 'failed' ? o.reason : '')).join(''));
  const failures = ordered.filter((o) => o.result === 'failed').length;
  if (failures > 0) throw new CliError(m.login.allFailed(failures, ordered.length));
  return ordered;
}

/** `aws sso login`'s `_write_sso_region`: the resolved region into the section the start URL came from. */
async function saveSsoRegion(ctx: Context, target: SsoTarget, profile: string): Promise<void> {
  const section = target.sessionName !== undefined ? ssoSessionSectionName(target.sessionName) : profileSectionName(profile);
  await writeConfig(ctx, (text) => updateSection(text, section, [['sso_region', target.region]]));
  ctx.stdout.write(ctx.messages.startUrl.regionUpdated(target.region));
}
