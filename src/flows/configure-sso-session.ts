import type { Context } from '../context.js';
import { readAwsConfig, type AwsConfig, type ConfigSection } from '../config/read.js';
import { ssoSessionSectionName, updateSection } from '../config/edit.js';
import { CliError, ExitCode } from '../errors.js';
import { DEFAULT_SCOPE, parseScopes } from '../sso/scopes.js';
import type { Prompter } from '../ui/prompter.js';
import { Answers } from './answers.js';
import { readConfigText, showDryRun } from './dry-run.js';
import { resolveTypedStartUrl } from './start-url.js';
import { regionWarning, validateName, validateScopes, validateSsoRegion, validateStartUrl } from './validators.js';
import { loadPartitions, type Partitions } from './regions.js';
import { writeConfig } from './write-config.js';

export interface ConfigureSsoSessionOptions {
  /** --sso-session: the session to create or edit; asked for when unset. */
  ssoSession?: string;
  startUrl?: string;
  ssoRegion?: string;
  scopes?: string;
  /** --yes: take the default of every value not given, ask nothing that has one. */
  acceptDefaults?: boolean;
  /** False when there is no terminal: nothing is asked, missing values are an error. */
  interactive?: boolean;
  /** --dry-run: print the change to the config file, write nothing. */
  dryRun?: boolean;
}

export interface ConfigureSsoSessionResult {
  sessionName: string;
  values: { sso_start_url: string; sso_region: string; sso_registration_scopes: string };
  /** The AWS-owned URL a custom-domain start URL resolved to (not written: the AWS CLI keeps the typed URL). */
  resolvedStartUrl?: string;
  configChanged: boolean;
}

/**
 * What Tab completes at the prompts that the AWS CLI gives a completer (docs/compat.md §A10):
 * the sso-session names (sorted), the start URLs of every profile and sso-session, and the
 * registration scopes (the known `sso:account:access` and those existing sessions use).
 */
export function promptCompletions(config: AwsConfig): { sessionNames: string[]; startUrls: string[]; scopes: string[] } {
  const sections = [...Object.values(config.profiles), ...Object.values(config.ssoSessions)];
  const startUrls = new Set(sections.flatMap((s) => (s.sso_start_url ? [s.sso_start_url] : [])));
  const scopes = new Set([DEFAULT_SCOPE]);
  for (const session of Object.values(config.ssoSessions)) {
    for (const scope of parseScopes(session.sso_registration_scopes) ?? []) scopes.add(scope);
  }
  return { sessionNames: Object.keys(config.ssoSessions).sort(), startUrls: [...startUrls], scopes: [...scopes] };
}

/** The start URL and SSO region prompts, shared with `configure`: a custom domain's region skips the region prompt. */
export async function askStartUrlAndRegion(
  ctx: Context,
  answers: Answers,
  preset: { startUrl?: string; ssoRegion?: string },
  current: ConfigSection,
  partitions: Partitions,
  startUrls: readonly string[],
): Promise<{ startUrl: string; region: string; resolvedStartUrl?: string }> {
  const startUrl = await answers.text('start-url', preset.startUrl, {
    message: ctx.messages.configure.startUrlPrompt(current.sso_start_url),
    default: current.sso_start_url,
    completions: startUrls,
    validate: (v) => validateStartUrl(ctx.messages, v, Boolean(current.sso_start_url)),
  });
  const custom = startUrl ? await resolveTypedStartUrl(ctx, startUrl) : {};
  // docs/compat.md §A6: the region in the portal's host name is the one to use; no prompt.
  if (custom.region) return { startUrl, region: custom.region, resolvedStartUrl: custom.resolvedStartUrl };
  const region = await answers.text('sso-region', preset.ssoRegion, {
    message: ctx.messages.configure.ssoRegionPrompt(current.sso_region),
    default: current.sso_region,
    validate: (v) => validateSsoRegion(ctx.messages, partitions, v),
    completions: partitions.known,
  });
  // A region the SDK's partitions don't list yet but whose shape they allow: accepted, with a warning.
  const warning = regionWarning(ctx.messages, partitions, region);
  if (warning) ctx.stderr.write(warning);
  return { startUrl, region, ...(custom.resolvedStartUrl ? { resolvedStartUrl: custom.resolvedStartUrl } : {}) };
}

/**
 * `sso-setup configure sso-session`: the AWS CLI's `aws configure sso-session` (docs/compat.md
 * §A7). Creates or edits one sso-session section (start URL, region, scopes), prompt for
 * prompt, with the current values as defaults; writes nothing else and signs in to nothing.
 */
export async function configureSsoSession(ctx: Context, options: ConfigureSsoSessionOptions): Promise<ConfigureSsoSessionResult> {
  if (options.ssoSession !== undefined) {
    const verdict = validateName(ctx.messages, 'session name', options.ssoSession);
    if (verdict !== true) throw new CliError(ctx.messages.common.invalidFlag('sso-session', verdict), ExitCode.usage);
  }
  const prompter: Prompter | undefined = options.interactive === false ? undefined : await ctx.prompter();
  const answers = new Answers(prompter, options.acceptDefaults ?? false, ctx.messages);
  const config = await readAwsConfig(ctx.paths, ctx.messages);
  const completions = promptCompletions(config);

  const sessionName = await answers.text('sso-session', options.ssoSession, {
    message: ctx.messages.configureSsoSession.sessionNamePrompt,
    validate: (v) => validateName(ctx.messages, 'session name', v),
    completions: completions.sessionNames,
    required: true,
  });
  answers.assertComplete();
  const current = config.ssoSessions[sessionName] ?? {};
  const { startUrl, region, resolvedStartUrl } = await askStartUrlAndRegion(
    ctx,
    answers,
    options,
    current,
    await loadPartitions(),
    completions.startUrls,
  );
  const currentScopes = current.sso_registration_scopes ?? DEFAULT_SCOPE;
  const scopes = await answers.text('scopes', options.scopes, {
    message: ctx.messages.configure.scopesPrompt(currentScopes),
    default: currentScopes,
    validate: (v) => validateScopes(ctx.messages, v),
    completions: completions.scopes,
  });
  answers.assertComplete();

  const values = { sso_start_url: startUrl, sso_region: region, sso_registration_scopes: scopes };
  const edit = (text: string) => updateSection(text, ssoSessionSectionName(sessionName), Object.entries(values));
  const result = { sessionName, values, ...(resolvedStartUrl ? { resolvedStartUrl } : {}) };
  if (options.dryRun) {
    const before = await readConfigText(ctx.paths.configFile);
    await showDryRun(ctx, before, edit(before));
    return { ...result, configChanged: false };
  }
  const written = await writeConfig(ctx, edit);
  ctx.stdout.write(ctx.messages.configureSsoSession.configured(sessionName));
  return { ...result, configChanged: written.changed };
}
