import type { Context } from '../context.js';
import { readAwsConfig, type AwsConfig, type ConfigSection } from '../config/read.js';
import { profileSectionName, removeKeys, ssoSessionSectionName, updateSection } from '../config/edit.js';
import { staleSessionKeys } from '../config/consistency.js';
import { writeConfig } from './write-config.js';
import { CliError, ExitCode } from '../errors.js';
import { displayAccount, listAccountRoles, listAccounts, sortAccounts, sortRoles } from '../portal/accounts.js';
import { DEFAULT_SCOPE, parseScopes } from '../sso/scopes.js';
import type { SsoTarget } from '../sso/sign-in.js';
import { errorName, describeServiceError } from '../service-errors.js';
import type { Prompter } from '../ui/prompter.js';
import { quote } from '../ui/text.js';
import { Answers } from './answers.js';
import { readConfigText, showDryRun } from './dry-run.js';
import { sessionTarget, rememberedValue } from './login.js';
import { chooseMethod, signInWithContext, type SignInFlags } from './sign-in.js';
import {
  OUTPUT_FORMATS,
  regionWarning,
  validateName,
  validateOutput,
  validateRegion,
  validateScopes,
  validateSsoRegion,
  validateStartUrl,
} from './validators.js';
import { askStartUrlAndRegion, promptCompletions } from './configure-sso-session.js';
import { resolveLoginStartUrl } from './start-url.js';
import { verifyProfile } from './verify.js';
import { sessionPresetConflicts, type SessionFlag } from './session-presets.js';
import { printable } from '../ui/terminal-text.js';
import { loadPartitions, type Partitions } from './regions.js';

/** Answers given as flags (`--start-url` …): those prompts are not shown. */
export interface ConfigurePreset {
  ssoSession?: string;
  startUrl?: string;
  ssoRegion?: string;
  scopes?: string;
  accountId?: string;
  roleName?: string;
  region?: string;
  output?: string;
}

export interface ConfigureOptions extends SignInFlags {
  /** --profile / AWS_PROFILE / AWS_DEFAULT_PROFILE: the profile to write; asked for when unset. */
  profile?: string;
  preset?: ConfigurePreset;
  /** --yes: take the default of every value not given, ask nothing that has one. */
  acceptDefaults?: boolean;
  /** False when there is no terminal: nothing is asked, missing values are an error. */
  interactive?: boolean;
  /** --dry-run: print the change to the config file, write nothing. */
  dryRun?: boolean;
  /** Skip the STS GetCallerIdentity check at the end. */
  verify?: boolean;
  /** --remember: save the sign-in flow used in the sso-session (sso_use_device_code). */
  remember?: boolean;
}

export interface ConfigureResult {
  profile: string;
  /** The sso-session used, or undefined for a legacy profile. */
  sessionName?: string;
  accountId?: string;
  roleName?: string;
  configChanged: boolean;
}

/** The SSO half of the answers: which session (or legacy start URL) the profile signs in with. */
interface SsoAnswers {
  target: SsoTarget;
  /** The sso-session section to write, for a new session; undefined for existing or legacy. */
  newSession?: { sso_start_url: string; sso_region: string; sso_registration_scopes: string };
  forceRefresh: boolean;
}

/** A region the SDK's partitions don't list yet but whose shape they allow: accepted, with a warning. */
function warnUnknownRegion(ctx: Context, partitions: Partitions, region: string): void {
  const warning = regionWarning(ctx.messages, partitions, region);
  if (warning) ctx.stderr.write(warning);
}

/** The AWS CLI's legacy-format warning, bold on a terminal (colorama `Style.BRIGHT` … `RESET_ALL`, docs/compat.md §A1.1). */
function legacyWarning(ctx: Context): string {
  const text = ctx.messages.configure.legacyWarning;
  return ctx.interactive && !ctx.env.NO_COLOR ? `\u001b[1m${text}\u001b[0m` : text;
}

async function askSso(
  ctx: Context,
  answers: Answers,
  preset: ConfigurePreset,
  scoped: ConfigSection,
  config: AwsConfig,
  partitions: Partitions,
): Promise<SsoAnswers> {
  const sessions = config.ssoSessions;
  const completions = promptCompletions(config);
  const currentSession = scoped.sso_session;
  const sessionName = await answers.text('sso-session', preset.ssoSession, {
    message: ctx.messages.configure.sessionNamePrompt(currentSession),
    default: currentSession,
    validate: (v) => (v === '' ? true : validateName(ctx.messages, 'session name', v)),
    required: true,
    completions: completions.sessionNames,
  });

  const existing = sessionName ? sessions[sessionName] : undefined;
  if (sessionName && existing) {
    refuseSessionChanges(ctx, partitions, preset, sessionName, existing);
    // A custom domain signs in at the URL it resolves to, as `login` does (docs/compat.md §A6).
    return { target: await resolveLoginStartUrl(ctx, sessionTarget(ctx.messages, sessionName, sessions)), forceRefresh: false };
  }
  // A legacy profile has no registration scopes: --scopes would be dropped.
  if (!sessionName && preset.scopes !== undefined && preset.scopes.trim() !== '') {
    throw new CliError(ctx.messages.configure.scopesNeedSession, ExitCode.usage);
  }

  if (!sessionName && answers.interactive) ctx.stdout.write(legacyWarning(ctx));
  const { startUrl, region, resolvedStartUrl } = await askStartUrlAndRegion(
    ctx,
    answers,
    preset,
    scoped,
    partitions,
    completions.startUrls,
  );
  const resolved = resolvedStartUrl ? { resolvedStartUrl } : {};
  if (!sessionName) return { target: { startUrl, region, ...resolved }, forceRefresh: false };

  const scopes = await answers.text('scopes', preset.scopes, {
    message: ctx.messages.configure.scopesPrompt(DEFAULT_SCOPE),
    default: DEFAULT_SCOPE,
    validate: (v) => validateScopes(ctx.messages, v),
    completions: completions.scopes,
  });
  return {
    target: { sessionName, startUrl, region, scopes: parseScopes(scopes), ...resolved },
    newSession: { sso_start_url: startUrl, sso_region: region, sso_registration_scopes: scopes },
    forceRefresh: true,
  };
}

/**
 * An existing sso-session is used as it is (as `aws configure sso` does), so session flags
 * that differ from it would be ignored: each is a usage error naming both values, before any
 * sign-in. Equal values (compared as the session is used: one trailing `/` of the start URL
 * aside, scopes as a set) are fine. Bad values are reported as bad values first.
 */
function refuseSessionChanges(
  ctx: Context,
  partitions: Partitions,
  preset: ConfigurePreset,
  sessionName: string,
  session: ConfigSection,
): void {
  const checks: Array<[SessionFlag, string | undefined, (v: string) => string | true]> = [
    ['start-url', preset.startUrl, (v) => validateStartUrl(ctx.messages, v, true)],
    ['sso-region', preset.ssoRegion, (v) => validateSsoRegion(ctx.messages, partitions, v)],
    ['scopes', preset.scopes, (v) => validateScopes(ctx.messages, v)],
  ];
  for (const [flag, value, validate] of checks) {
    if (value === undefined || value.trim() === '') continue;
    const verdict = validate(value.trim());
    if (verdict !== true) throw new CliError(ctx.messages.common.invalidFlag(flag, verdict), ExitCode.usage);
  }
  const conflicts = sessionPresetConflicts(preset, session);
  if (conflicts.length === 0) return;
  const m = ctx.messages.configure;
  const lines = conflicts.map((c) => m.sessionValueDiffers(c.flag, c.given, c.existing));
  throw new CliError(m.sessionConflict(sessionName, ctx.paths.configFile, lines), ExitCode.usage);
}

/** Lists accounts and roles and lets the user choose; undefined when the portal refuses (UnauthorizedException). */
async function askAccountAndRole(ctx: Context, answers: Answers, preset: ConfigurePreset, target: SsoTarget, accessToken: string) {
  const sso = await ctx.clients.portal(target.region);
  try {
    const accounts = sortAccounts(await listAccounts(sso, accessToken));
    if (accounts.length === 0) throw new CliError(ctx.messages.configure.noAccounts);
    ctx.stdout.write(accounts.length === 1 ? ctx.messages.configure.onlyAccount(printable(accounts[0]!.accountId)) : ctx.messages.configure.accountCount(accounts.length));
    const account = await answers.choose(
      'account-id',
      preset.accountId,
      accounts,
      (a) => a.accountId,
      { message: ctx.messages.configure.selectAccount, choices: accounts.map((a) => ({ name: displayAccount(a), value: a })) },
      (id, available) => ctx.messages.configure.accountNotAvailable(printable(id), available.map((a) => printable(a))),
    );
    ctx.stdout.write(ctx.messages.configure.usingAccount(printable(account.accountId)));

    const roles = sortRoles(await listAccountRoles(sso, accessToken, account.accountId));
    if (roles.length === 0) throw new CliError(ctx.messages.configure.noRoles(account.accountId));
    ctx.stdout.write(roles.length === 1 ? ctx.messages.configure.onlyRole(printable(roles[0]!)) : ctx.messages.configure.roleCount(roles.length));
    const roleName = await answers.choose(
      'role-name',
      preset.roleName,
      roles,
      (r) => r,
      { message: ctx.messages.configure.selectRole, choices: roles.map((r) => ({ name: printable(r), value: r })) },
      (role, available) => ctx.messages.configure.roleNotAvailable(printable(role), printable(account.accountId), available.map((r) => printable(r))),
    );
    ctx.stdout.write(ctx.messages.configure.usingRole(printable(roleName)));
    return { accountId: account.accountId, roleName };
  } catch (error) {
    if (errorName(error) === 'UnauthorizedException') {
      // The AWS CLI then writes the profile without account and role; an account or role
      // given as a flag would be dropped, so that is an error instead (nothing written).
      const given = [
        ...(preset.accountId !== undefined ? [`--account-id ${quote(preset.accountId.trim())}`] : []),
        ...(preset.roleName !== undefined ? [`--role-name ${quote(preset.roleName.trim())}`] : []),
      ];
      if (given.length > 0) throw new CliError(ctx.messages.configure.unableToListGiven(given));
      ctx.stdout.write(ctx.messages.configure.unableToList);
      return undefined;
    }
    if (error instanceof CliError) throw error;
    throw new CliError(ctx.messages.configure.listingFailed(describeServiceError(error, ctx.messages)));
  }
}

/**
 * `sso-setup configure`: the AWS CLI v2's `aws configure sso`, prompt for prompt, then a
 * check that the new profile really works. Every prompt can be answered by a flag instead.
 * Nothing is written until every answer is in.
 */
export async function configure(ctx: Context, options: ConfigureOptions): Promise<ConfigureResult> {
  const preset = options.preset ?? {};
  if (options.profile !== undefined) {
    const verdict = validateName(ctx.messages, 'profile name', options.profile);
    if (verdict !== true) throw new CliError(ctx.messages.common.invalidFlag('profile', verdict), ExitCode.usage);
  }
  const prompter: Prompter | undefined = options.interactive === false ? undefined : await ctx.prompter();
  const answers = new Answers(prompter, options.acceptDefaults ?? false, ctx.messages);
  const config = await readAwsConfig(ctx.paths, ctx.messages);
  const partitions = await loadPartitions();
  const scoped = (options.profile ? config.profiles[options.profile] : config.profiles.default) ?? {};

  ctx.phases.mark('ready');
  const sso = await askSso(ctx, answers, preset, scoped, config, partitions);
  ctx.phases.mark('sso-answered');
  answers.assertComplete();
  const choice = chooseMethod(ctx, sso.target, options);
  const remember = options.remember ? rememberedValue(ctx.messages, sso.target, choice) : undefined;
  const signedIn = await signInWithContext(ctx, sso.target, { ...options, choice, forceRefresh: sso.forceRefresh });
  ctx.phases.mark('signed-in');
  const chosen = await askAccountAndRole(ctx, answers, preset, sso.target, signedIn.token.accessToken);
  ctx.phases.mark('account-chosen');

  const region = await answers.text('region', preset.region, {
    message: ctx.messages.configure.regionPrompt(scoped.region),
    default: scoped.region,
    validate: (v) => validateRegion(ctx.messages, partitions, v),
    // The AWS CLI has no completer here yet (a TODO in sso_commands.py); the same regions help (docs/compat.md §A10).
    completions: partitions.known,
  });
  warnUnknownRegion(ctx, partitions, region);
  const output = await answers.text('output', preset.output, {
    message: ctx.messages.configure.outputPrompt(scoped.output),
    default: scoped.output,
    validate: (v) => validateOutput(ctx.messages, v),
    completions: OUTPUT_FORMATS,
  });
  let profile = options.profile;
  if (profile === undefined) {
    const suggested = chosen ? `${chosen.roleName}-${chosen.accountId}` : undefined;
    profile = await answers.text('profile', undefined, {
      message: ctx.messages.configure.profileNamePrompt(suggested),
      default: suggested,
      validate: (v) => validateName(ctx.messages, 'profile name', v),
    });
  }
  answers.assertComplete();
  ctx.phases.mark('answered');

  const ssoKeys: Array<[string, string | undefined]> = sso.target.sessionName
    ? [['sso_session', sso.target.sessionName]]
    : [['sso_start_url', sso.target.startUrl], ['sso_region', sso.target.region]];
  const profileValues = [
    ...ssoKeys,
    ['sso_account_id', chosen?.accountId],
    ['sso_role_name', chosen?.roleName],
    ['region', region],
    ['output', output],
  ].filter((entry): entry is [string, string] => Boolean(entry[1]));
  const targetProfile = profile;
  // A legacy profile moved to a session keeps its sso_start_url / sso_region in the AWS CLI;
  // where they differ from the session's, botocore refuses the profile, so they go.
  const session = sso.newSession ?? (sso.target.sessionName ? config.ssoSessions[sso.target.sessionName] : undefined);
  const stale = session ? staleSessionKeys(config.profiles[targetProfile] ?? {}, session) : [];
  const edit = (text: string) => {
    let next = updateSection(removeKeys(text, profileSectionName(targetProfile), stale), profileSectionName(targetProfile), profileValues);
    const sessionValues: Array<[string, string]> = [
      ...Object.entries(sso.newSession ?? {}),
      ...(remember ? [['sso_use_device_code', String(remember[1])] as [string, string]] : []),
    ];
    if (sessionValues.length > 0) next = updateSection(next, ssoSessionSectionName(sso.target.sessionName!), sessionValues);
    return next;
  };
  const result = { profile, sessionName: sso.target.sessionName, accountId: chosen?.accountId, roleName: chosen?.roleName };

  if (options.dryRun) {
    const before = await readConfigText(ctx.paths.configFile);
    const after = edit(before);
    await showDryRun(ctx, before, after);
    return { ...result, configChanged: false };
  }

  await signedIn.save();
  const written = await writeConfig(ctx, edit);
  ctx.phases.mark('saved');
  if (remember) ctx.stdout.write(ctx.messages.signIn.remembered(...remember));

  if (!chosen) ctx.stdout.write(ctx.messages.configure.configuredNoCredentials(profile));
  else if (profile.toLowerCase() === 'default') ctx.stdout.write(ctx.messages.configure.configuredDefault);
  else ctx.stdout.write(ctx.messages.configure.configuredProfile(profile));
  // The AWS CLI's own closing command fails without a region ("You must specify a region"), as
  // after `aws configure sso`; the bytes stay the AWS CLI's, the hint says what to add.
  if (chosen && !region && !ctx.env.AWS_REGION && !ctx.env.AWS_DEFAULT_REGION) ctx.stdout.write(ctx.messages.configure.noRegionHint(sso.target.region));

  if (chosen && options.verify !== false) {
    ctx.stdout.write(ctx.messages.configure.verifying(profile));
    await verifyProfile(ctx, profile, region || sso.target.region, signedIn.token.accessToken);
    ctx.phases.mark('verified');
  }
  if (chosen && sso.target.sessionName && answers.interactive) ctx.stdout.write(ctx.messages.configure.populateHint(sso.target.sessionName));
  return { ...result, configChanged: written.changed };
}
