import type { Context } from '../context.js';
import { readAwsConfig, type ConfigSection } from '../config/read.js';
import { profileSectionName, ssoSessionSectionName, updateSection } from '../config/edit.js';
import { updateFile } from '../config/write.js';
import { CliError, ConfigurationError } from '../errors.js';
import { displayAccount, listAccountRoles, listAccounts, sortAccounts, sortRoles, type Account } from '../portal/accounts.js';
import { parseScopes, type SsoTarget } from '../sso/sign-in.js';
import { errorName, describeServiceError } from '../sso/oidc-errors.js';
import { messages } from '../ui/messages.js';
import type { Prompter } from '../ui/prompter.js';
import { signInWithContext, type BrowserOptions } from './sign-in.js';
import { validateName, validateOutput, validateRegion, validateScopes, validateStartUrl } from './validators.js';
import { verifyProfile } from './verify.js';

export const DEFAULT_SCOPES = 'sso:account:access';

export interface ConfigureOptions extends BrowserOptions {
  /** --profile / AWS_PROFILE / AWS_DEFAULT_PROFILE: the profile to write; asked for when unset. */
  profile?: string;
  /** Skip the STS GetCallerIdentity check at the end. */
  verify?: boolean;
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

async function askSso(ctx: Context, prompter: Prompter, scoped: ConfigSection, sessions: Record<string, ConfigSection>): Promise<SsoAnswers> {
  const currentSession = scoped.sso_session;
  const sessionName = await prompter.input({
    message: messages.sessionNamePrompt(currentSession),
    default: currentSession,
    validate: (v) => (v === '' ? true : validateName('session name', v)),
  });

  const existing = sessionName ? sessions[sessionName] : undefined;
  if (sessionName && existing) {
    const missing = (['sso_start_url', 'sso_region'] as const).filter((k) => !existing[k]);
    if (missing.length > 0) throw new ConfigurationError(messages.missingValues(missing));
    return {
      target: {
        sessionName,
        startUrl: existing.sso_start_url!,
        region: existing.sso_region!,
        scopes: parseScopes(existing.sso_registration_scopes),
      },
      forceRefresh: false,
    };
  }

  if (!sessionName) ctx.stdout.write(messages.legacyWarning);
  const startUrl = await prompter.input({
    message: messages.startUrlPrompt(scoped.sso_start_url),
    default: scoped.sso_start_url,
    validate: (v) => validateStartUrl(v, Boolean(scoped.sso_start_url)),
  });
  const region = await prompter.input({
    message: messages.ssoRegionPrompt(scoped.sso_region),
    default: scoped.sso_region,
    validate: (v) => validateRegion(v, true),
  });
  if (!sessionName) return { target: { startUrl, region }, forceRefresh: false };

  const scopes = await prompter.input({
    message: messages.scopesPrompt(DEFAULT_SCOPES),
    default: DEFAULT_SCOPES,
    validate: validateScopes,
  });
  return {
    target: { sessionName, startUrl, region, scopes: parseScopes(scopes) },
    newSession: { sso_start_url: startUrl, sso_region: region, sso_registration_scopes: scopes },
    forceRefresh: true,
  };
}

async function pick<T>(
  ctx: Context,
  prompter: Prompter,
  items: readonly T[],
  text: { only: (label: string) => string; count: (n: number) => string; select: string },
  label: (item: T) => string,
  display: (item: T) => string,
): Promise<T> {
  if (items.length === 1) {
    ctx.stdout.write(text.only(label(items[0]!)));
    return items[0]!;
  }
  ctx.stdout.write(text.count(items.length));
  return prompter.select({ message: text.select, choices: items.map((item) => ({ name: display(item), value: item })) });
}

/** Lists accounts and roles and lets the user choose; undefined when the portal refuses (UnauthorizedException). */
async function askAccountAndRole(ctx: Context, prompter: Prompter, target: SsoTarget, accessToken: string) {
  const sso = await ctx.clients.portal(target.region);
  let account: Account;
  let roleName: string;
  try {
    const accounts = sortAccounts(await listAccounts(sso, accessToken));
    if (accounts.length === 0) throw new CliError(messages.noAccounts);
    account = await pick(ctx, prompter, accounts, { only: messages.onlyAccount, count: messages.accountCount, select: messages.selectAccount }, (a) => a.accountId, displayAccount);
    ctx.stdout.write(messages.usingAccount(account.accountId));
    const roles = sortRoles(await listAccountRoles(sso, accessToken, account.accountId));
    if (roles.length === 0) throw new CliError(messages.noRoles(account.accountId));
    roleName = await pick(ctx, prompter, roles, { only: messages.onlyRole, count: messages.roleCount, select: messages.selectRole }, (r) => r, (r) => r);
    ctx.stdout.write(messages.usingRole(roleName));
  } catch (error) {
    if (errorName(error) === 'UnauthorizedException') {
      ctx.stdout.write(messages.unableToList);
      return undefined;
    }
    if (error instanceof CliError) throw error;
    throw new CliError(`Listing your AWS accounts and roles failed: ${describeServiceError(error)}`);
  }
  return { accountId: account.accountId, roleName };
}

/**
 * `sso-setup configure`: the AWS CLI v2's `aws configure sso`, prompt for prompt, then a
 * check that the new profile really works. Nothing is written until every answer is in.
 */
export async function configure(ctx: Context, options: ConfigureOptions): Promise<ConfigureResult> {
  const prompter = await ctx.prompter();
  const config = await readAwsConfig(ctx.paths);
  const scoped = (options.profile ? config.profiles[options.profile] : config.profiles.default) ?? {};

  const sso = await askSso(ctx, prompter, scoped, config.ssoSessions);
  const signedIn = await signInWithContext(ctx, sso.target, { ...options, forceRefresh: sso.forceRefresh });
  const chosen = await askAccountAndRole(ctx, prompter, sso.target, signedIn.token.accessToken);

  const region = await prompter.input({
    message: messages.regionPrompt(scoped.region),
    default: scoped.region,
    validate: (v) => validateRegion(v, false),
  });
  const output = await prompter.input({
    message: messages.outputPrompt(scoped.output),
    default: scoped.output,
    validate: validateOutput,
  });
  let profile = options.profile;
  if (profile === undefined) {
    const suggested = chosen ? `${chosen.roleName}-${chosen.accountId}` : undefined;
    profile = await prompter.input({
      message: messages.profileNamePrompt(suggested),
      default: suggested,
      validate: (v) => validateName('profile name', v),
    });
  }

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

  await signedIn.save();
  const written = await updateFile(ctx.paths.configFile, (text) => {
    let next = updateSection(text, profileSectionName(profile), profileValues);
    if (sso.newSession) next = updateSection(next, ssoSessionSectionName(sso.target.sessionName!), Object.entries(sso.newSession));
    return next;
  });

  if (!chosen) ctx.stdout.write(messages.configuredNoCredentials(profile));
  else if (profile.toLowerCase() === 'default') ctx.stdout.write(messages.configuredDefault);
  else ctx.stdout.write(messages.configuredProfile(profile));

  if (chosen && options.verify !== false) {
    ctx.stdout.write(messages.verifying(profile));
    await verifyProfile(ctx, profile, region || sso.target.region);
  }
  return {
    profile,
    sessionName: sso.target.sessionName,
    accountId: chosen?.accountId,
    roleName: chosen?.roleName,
    configChanged: written.changed,
  };
}
