import type { Context } from '../context.js';
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import { readAwsConfig, type ConfigSection } from '../config/read.js';
import type { Messages } from '../ui/messages/index.js';
import { CliError, ConfigurationError } from '../errors.js';
import { getRoleCredentials } from '../portal/accounts.js';
import { describeServiceError, errorName } from '../service-errors.js';
import {
  readRoleCredentials,
  roleCredentialsCacheKey,
  writeRoleCredentials,
  type CachedRoleCredentials,
} from '../sso/role-credentials-cache.js';
import { MIN_REMAINING_MS } from '../sso/sign-in.js';
import { resolveLoginTarget } from './login.js';
import { formatCredentials, type CredentialFormat, type ExportableCredentials } from './credential-formats.js';
import { sessionTokenWithContext } from './sign-in.js';
import { botocoreRejection } from './verify.js';

/**
 * Role credentials for an SSO profile, the way the AWS CLI gets them: from its cache in
 * ~/.aws/cli/cache while they have 15+ minutes left, else GetRoleCredentials with the cached
 * SSO token, refreshed first when it has under 15 minutes left, as botocore does (and the
 * result cached again, in the AWS CLI's format).
 */
export async function roleCredentialsForProfile(ctx: Context, profile: string): Promise<CachedRoleCredentials> {
  const config = await readAwsConfig(ctx.paths, ctx.messages);
  const target = resolveLoginTarget(ctx.messages, config, { profile });
  // `aws configure export-credentials` refuses what botocore refuses; so do we.
  const rejection = botocoreRejection(ctx, config, profile);
  if (rejection) throw new ConfigurationError(rejection);
  const section = config.profiles[profile]!;
  const accountId = section.sso_account_id;
  const roleName = section.sso_role_name;
  const missing = [!accountId && 'sso_account_id', !roleName && 'sso_role_name'].filter(Boolean) as string[];
  if (missing.length > 0) {
    throw new ConfigurationError(ctx.messages.credentials.profileMissingRoleKeys(profile, missing));
  }

  const key = roleCredentialsCacheKey({ accountId: accountId!, roleName: roleName!, sessionName: target.sessionName, startUrl: target.startUrl });
  const cached = await readRoleCredentials(ctx.paths.cliCacheDir, key);
  if (cached && cached.expiration.getTime() - ctx.clock.now() >= MIN_REMAINING_MS) {
    ctx.log.debug(`role credentials: reused the AWS CLI cache entry ${key}`);
    return cached;
  }

  const token = await sessionTokenWithContext(ctx, target);
  if (!token || token.expiresAt.getTime() <= ctx.clock.now()) {
    throw new CliError(ctx.messages.credentials.sessionExpired(profile));
  }
  let credentials;
  try {
    credentials = await getRoleCredentials(await ctx.clients.portal(target.region), token.accessToken, accountId!, roleName!, ctx.messages);
  } catch (error) {
    if (errorName(error) === 'UnauthorizedException') {
      throw new CliError(ctx.messages.credentials.sessionInvalid(profile));
    }
    throw new CliError(ctx.messages.credentials.roleCredentialsFailed(roleName!, accountId!, describeServiceError(error, ctx.messages)));
  }
  const result = { ...credentials, accountId: accountId! };
  for (const secret of [result.secretAccessKey, result.sessionToken]) ctx.log.secret(secret);
  await writeRoleCredentials(ctx.paths.cliCacheDir, key, result, ctx.fsOptions);
  return result;
}

/** `sso-setup export-credentials`: prints the profile's credentials (they are the output, by request). */
export interface ExportCredentialsOptions {
  /** --profile, else AWS_PROFILE, else AWS_DEFAULT_PROFILE, else `default`. */
  profile: string;
  /** True when --profile was given: then AWS_ACCESS_KEY_ID… are not used, as in botocore. */
  profileFlag?: boolean;
  format: CredentialFormat;
}

/**
 * The loop guard of `aws configure export-credentials`: the profiles being exported, outermost
 * first, as one CSV row in `_AWS_CLI_PROFILE_CHAIN`, which a `credential_process` child
 * inherits. The AWS CLI's own variable, so a loop through `aws` and sso-setup alike is caught.
 * docs/compat.md §D5.
 */
export const PROFILE_CHAIN_VAR = '_AWS_CLI_PROFILE_CHAIN';
export const MAX_PROFILE_CHAIN = 4;

/** One CSV row as Python's csv module reads it (`''` is no field). */
export function parseCsvRow(text: string): string[] {
  const fields: string[] = [];
  if (text === '') return fields;
  let i = 0;
  for (;;) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (; i < text.length; i++) {
        if (text[i] === '"') {
          if (text[i + 1] === '"') field += text[++i];
          else {
            i++;
            break;
          }
        } else field += text[i];
      }
    }
    while (i < text.length && text[i] !== ',') field += text[i++];
    fields.push(field);
    if (i >= text.length) return fields;
    i++; // the comma
  }
}

/** One CSV row as Python's csv.writer writes it (QUOTE_MINIMAL). */
export function formatCsvRow(fields: readonly string[]): string {
  return fields.map((f) => (/[",\r\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f)).join(',');
}

/** Refuses a loop or a chain too deep; otherwise returns the chain with `profile` added, for the environment. */
export function nextProfileChain(m: Messages, current: string | undefined, profile: string): string {
  const seen = parseCsvRow(current ?? '');
  if (seen.length >= MAX_PROFILE_CHAIN) throw new ConfigurationError(m.credentials.profileChainTooDeep(MAX_PROFILE_CHAIN, seen));
  if (seen.includes(profile)) throw new ConfigurationError(m.credentials.profileChainLoop([...seen, profile]));
  return formatCsvRow([...seen, profile]);
}

/** A profile IAM Identity Center gives credentials to (and not one that assumes a role from it). */
function isSsoProfile(section: ConfigSection): boolean {
  return !section.role_arn && !section.credential_process && Boolean(section.sso_session || section.sso_start_url || section.sso_account_id);
}

/**
 * Credentials the way the AWS CLI resolves them (botocore's chain, in its order): the
 * environment's keys unless --profile was given; an SSO profile through our own sign-in cache
 * and refresh (roleCredentialsForProfile); any other profile in the config or credentials file
 * through the SDK's fromIni (static keys, credential_process, role_arn, web identity); with no
 * such profile, the SDK's default chain (web identity from the environment, container, IMDS).
 */
async function resolveCredentials(ctx: Context, options: ExportCredentialsOptions): Promise<ExportableCredentials> {
  const files = { configFile: ctx.paths.configFile, credentialsFile: ctx.paths.credentialsFile };
  if (!options.profileFlag && ctx.env.AWS_ACCESS_KEY_ID && ctx.env.AWS_SECRET_ACCESS_KEY) {
    return fromSdk(ctx, await ctx.clients.sdkCredentials('env', undefined, files));
  }
  const config = await readAwsConfig(ctx.paths, ctx.messages);
  const section = config.profiles[options.profile];
  if (section && isSsoProfile(section)) return roleCredentialsForProfile(ctx, options.profile);
  const { loadSharedConfigFiles } = await import('@smithy/shared-ini-file-loader');
  const shared = await loadSharedConfigFiles({ configFilepath: files.configFile, filepath: files.credentialsFile, ignoreCache: true });
  const known = Boolean(section ?? shared.credentialsFile[options.profile]);
  if (known || options.profileFlag) {
    return fromSdk(ctx, await ctx.clients.sdkCredentials('profile', options.profile, files));
  }
  return fromSdk(ctx, await ctx.clients.sdkCredentials('chain', undefined, files));
}

async function fromSdk(ctx: Context, provider: AwsCredentialIdentityProvider): Promise<ExportableCredentials> {
  let identity;
  try {
    identity = await provider();
  } catch (error) {
    const message = String((error as Error)?.message ?? error).trim();
    if (message.startsWith('Could not load credentials from any providers')) {
      throw new ConfigurationError(ctx.messages.credentials.noCredentialsFound);
    }
    throw new ConfigurationError(ctx.messages.credentials.unableToRetrieve(message));
  }
  for (const secret of [identity.secretAccessKey, identity.sessionToken]) if (secret) ctx.log.secret(secret);
  return identity;
}

/** `sso-setup export-credentials`: `aws configure export-credentials`, guard, resolution, messages and exit code 253. */
export async function exportCredentials(ctx: Context, options: ExportCredentialsOptions): Promise<void> {
  // Set while a credential_process may run: the child inherits it (ctx.env is process.env in production).
  const before = ctx.env[PROFILE_CHAIN_VAR];
  ctx.env[PROFILE_CHAIN_VAR] = nextProfileChain(ctx.messages, before, options.profile);
  let credentials: ExportableCredentials;
  try {
    credentials = await resolveCredentials(ctx, options);
  } finally {
    if (before === undefined) delete ctx.env[PROFILE_CHAIN_VAR];
    else ctx.env[PROFILE_CHAIN_VAR] = before;
  }
  ctx.stdout.write(formatCredentials(credentials, options.format, ctx.messages));
}
