import type { Context } from '../context.js';
import { readAwsConfig, type ConfigSection } from '../config/read.js';
import { profileSectionName, removeSection, updateSection } from '../config/edit.js';
import type { Messages } from '../ui/messages/index.js';
import { writeConfig } from './write-config.js';
import { CliError, ExitCode } from '../errors.js';
import { listAccess, type Access } from '../portal/listing.js';
import { RateLimiter } from '../portal/rate-limit.js';
import { describeServiceError } from '../service-errors.js';
import { createProgress } from '../ui/progress.js';
import { readConfigText, showDryRun } from './dry-run.js';
import { signInWithContext, type SignInFlags } from './sign-in.js';
import { sessionTarget } from './login.js';
import { checkTemplate, DEFAULT_TEMPLATE, nameProfiles, type GeneratedProfile } from './profile-names.js';
import { validateOutput, validateRegion } from './validators.js';
import { printable } from '../ui/terminal-text.js';

/** Marks the profiles `populate` writes, so that it only ever changes or prunes its own. */
export const GENERATED_KEY = 'sso_setup_generated';

export interface PopulateOptions {
  ssoSession: string;
  template?: string;
  prefix?: string;
  region?: string;
  output?: string;
  dryRun?: boolean;
  prune?: boolean;
  /** Requests per second to the access portal (IAM Identity Center's throttle is about 20). */
  rate?: number;
  concurrency?: number;
  /** How to sign in when the cached token can't be used. */
  signIn?: SignInFlags;
}

export interface PopulateResult {
  added: string[];
  updated: string[];
  removed: string[];
  unchanged: number;
  /** Same-named profiles that populate did not write: left alone. */
  skipped: string[];
  failures: Access['failures'];
  retries: number;
  configChanged: boolean;
}

function usage(m: Messages, flag: string, verdict: string | true): void {
  if (verdict !== true) throw new CliError(m.common.invalidFlag(flag, verdict), ExitCode.usage);
}

function desiredValues(profile: GeneratedProfile, options: PopulateOptions): Array<[string, string]> {
  const values: Array<[string, string | undefined]> = [
    ['sso_session', options.ssoSession],
    ['sso_account_id', profile.account.accountId],
    ['sso_role_name', profile.roleName],
    ['region', options.region],
    ['output', options.output],
    [GENERATED_KEY, 'true'],
  ];
  return values.filter((v): v is [string, string] => Boolean(v[1]));
}

/** The new config text: changed and new generated profiles, pruned ones removed. Pure. */
export function planPopulate(
  text: string,
  existing: Record<string, ConfigSection>,
  profiles: readonly GeneratedProfile[],
  options: PopulateOptions,
  failedAccounts: ReadonlySet<string>,
): { text: string; result: Omit<PopulateResult, 'failures' | 'retries' | 'configChanged'> } {
  const result = { added: [] as string[], updated: [] as string[], removed: [] as string[], unchanged: 0, skipped: [] as string[] };
  const fresh: Array<[string, Array<[string, string]>]> = [];
  for (const profile of profiles) {
    const values = desiredValues(profile, options);
    const current = existing[profile.name];
    if (!current) {
      fresh.push([profile.name, values]);
    } else if (current[GENERATED_KEY] !== 'true') {
      result.skipped.push(profile.name); // hand-written: never touched
    } else if (values.every(([k, v]) => current[k] === v)) {
      result.unchanged++;
    } else {
      text = updateSection(text, profileSectionName(profile.name), values);
      result.updated.push(profile.name);
    }
  }

  if (options.prune) {
    const wanted = new Set(profiles.map((p) => p.name));
    for (const [name, section] of Object.entries(existing)) {
      const ours = section[GENERATED_KEY] === 'true' && section.sso_session === options.ssoSession;
      // A profile of an account that could not be listed this time is kept: absence of proof is not proof of absence.
      if (ours && !wanted.has(name) && !failedAccounts.has(section.sso_account_id ?? '')) {
        text = removeSection(text, profileSectionName(name));
        result.removed.push(name);
      }
    }
  }

  // New sections go to the end. Appending them one by one with updateSection would re-read
  // the whole file each time (quadratic at thousands of profiles): the first append settles
  // the line ending and final newline, the rest are the same blocks in the file's line ending.
  if (fresh.length > 0) {
    const [first, ...rest] = fresh;
    text = updateSection(text, profileSectionName(first![0]), first![1]);
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    text += rest.map(([name, values]) => updateSection('', profileSectionName(name), values).replaceAll('\n', eol)).join('');
    result.added.push(...fresh.map(([name]) => name));
  }
  return { text, result };
}

/**
 * `sso-setup populate`: one profile for every account × role the user may use, listed
 * behind one rate limiter, written in one atomic change. A second run with no change in
 * access changes no byte.
 */
export async function populate(ctx: Context, options: PopulateOptions): Promise<PopulateResult> {
  const template = options.template ?? DEFAULT_TEMPLATE;
  try {
    checkTemplate(ctx.messages, template);
  } catch (error) {
    throw new CliError(ctx.messages.common.invalidFlag('template', (error as Error).message), ExitCode.usage);
  }
  usage(ctx.messages, 'region', validateRegion(ctx.messages, options.region ?? ''));
  usage(ctx.messages, 'output', validateOutput(ctx.messages, options.output ?? ''));
  const rate = options.rate ?? 20;
  if (!(rate > 0 && rate <= 1000)) usage(ctx.messages, 'rate', ctx.messages.populate.populateBadRate(String(rate)));

  const config = await readAwsConfig(ctx.paths, ctx.messages);
  const before = await readConfigText(ctx.paths.configFile); // what the plan is made against
  const target = sessionTarget(ctx.messages, options.ssoSession, config.ssoSessions);
  const signedIn = await signInWithContext(ctx, target, { ...options.signIn, forceRefresh: false, useRefreshToken: true });
  await signedIn.save();

  const sso = await ctx.clients.portal(target.region, { maxAttempts: 1 });
  const progress = createProgress(ctx.stderr, { terminal: ctx.interactive, label: ctx.messages.populate.progressAccounts, now: ctx.clock.now });
  let access: Access;
  let quietUntil = -Infinity;
  try {
    access = await listAccess(sso, signedIn.token.accessToken, {
      messages: ctx.messages,
      limiter: new RateLimiter(rate, ctx.clock),
      clock: ctx.clock,
      concurrency: options.concurrency ?? 8,
      onProgress: (done, total) => progress.update(done, total),
      // Said once per wait, not by each worker the same 429 holds back.
      onRetryAfterCapped: (askedMs, waitMs) => {
        if (ctx.clock.now() < quietUntil) return;
        quietUntil = ctx.clock.now() + waitMs;
        progress.note(ctx.messages.populate.retryAfterCapped(Math.ceil(askedMs / 1000), Math.round(waitMs / 1000)));
      },
    });
  } catch (error) {
    throw new CliError(ctx.messages.populate.populateListingFailed(describeServiceError(error, ctx.messages)));
  }

  const profiles = nameProfiles(access.accounts, { template, prefix: options.prefix, session: options.ssoSession });
  const failed = new Set(access.failures.map((f) => f.account.accountId));
  const { text: after, result } = planPopulate(before, config.profiles, profiles, options, failed);

  let configChanged = false;
  if (options.dryRun) {
    await showDryRun(ctx, before, after);
  } else if (before !== after) {
    // The plan was made against `before`, read (with the SDK's loader) before the listing.
    // If another process changed the file since, the plan may be stale: change nothing.
    const written = await writeConfig(ctx, (text) => {
      if (text !== before) throw new CliError(ctx.messages.populate.configChangedMeanwhile(ctx.paths.configFile));
      return after;
    });
    configChanged = written.changed;
  }

  ctx.stdout.write(
    ctx.messages.populate.populateSummary({
      dryRun: Boolean(options.dryRun),
      added: result.added.length,
      updated: result.updated.length,
      removed: result.removed.length,
      unchanged: result.unchanged,
      pairs: profiles.length,
      accounts: access.accounts.length,
    }),
  );
  if (result.skipped.length > 0) ctx.stdout.write(ctx.messages.populate.populateSkipped(result.skipped));
  const full = { ...result, failures: access.failures, retries: access.retries, configChanged };
  if (access.failures.length > 0) {
    const lines = access.failures.map((f) => `  ${printable(f.account.accountId)} ${printable(f.account.accountName ?? '')}: ${f.reason}`);
    throw new CliError(ctx.messages.populate.populateFailures(access.failures.length, lines), 1);
  }
  return full;
}
