import type { Context } from '../context.js';
import { readAwsConfig, type AwsConfig, type ConfigSection } from '../config/read.js';
import { profileSectionName, ssoSessionSectionName, updateSection } from '../config/edit.js';
import { writeConfig } from './write-config.js';
import { CliError, ConfigurationError, ExitCode } from '../errors.js';
import type { Messages } from '../ui/messages/index.js';
import { parseScopes } from '../sso/scopes.js';
import type { SsoTarget } from '../sso/sign-in.js';
import { chooseMethod, signInWithContext, type SignInFlags } from './sign-in.js';
import { parseUseDeviceCode, type SignInMethodChoice } from '../sso/sign-in-method.js';
import { resolveLoginStartUrl } from './start-url.js';

export interface LoginOptions extends SignInFlags {
  /** --profile, else AWS_PROFILE, else AWS_DEFAULT_PROFILE, else `default` (src/config/profile-name.ts). */
  profile: string;
  /** --sso-session: sign in to this session, no profile needed. */
  ssoSession?: string;
  /** --force: sign in anew even when the refresh token still works. */
  force?: boolean;
  /** --remember: save the flow used in the sso-session (sso_use_device_code). */
  remember?: boolean;
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
export function resolveLoginTarget(m: Messages, config: AwsConfig, options: Pick<LoginOptions, 'profile' | 'ssoSession'>): SsoTarget {
  if (options.ssoSession !== undefined) return sessionTarget(m, options.ssoSession, config.ssoSessions);
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

/** `aws sso login`'s `_write_sso_region`: the resolved region into the section the start URL came from. */
async function saveSsoRegion(ctx: Context, target: SsoTarget, profile: string): Promise<void> {
  const section = target.sessionName !== undefined ? ssoSessionSectionName(target.sessionName) : profileSectionName(profile);
  await writeConfig(ctx, (text) => updateSection(text, section, [['sso_region', target.region]]));
  ctx.stdout.write(ctx.messages.startUrl.regionUpdated(target.region));
}
