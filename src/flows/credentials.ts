import type { Context } from '../context.js';
import { readAwsConfig } from '../config/read.js';
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
import { formatCredentials, type CredentialFormat } from './credential-formats.js';
import { sessionTokenWithContext } from './sign-in.js';

/**
 * Role credentials for an SSO profile, the way the AWS CLI gets them: from its cache in
 * ~/.aws/cli/cache while they have 15+ minutes left, else GetRoleCredentials with the cached
 * SSO token, refreshed first when it has under 15 minutes left, as botocore does (and the
 * result cached again, in the AWS CLI's format).
 */
export async function roleCredentialsForProfile(ctx: Context, profile: string): Promise<CachedRoleCredentials> {
  const config = await readAwsConfig(ctx.paths, ctx.messages);
  const target = resolveLoginTarget(ctx.messages, config, { profile });
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
  format: CredentialFormat;
}

export async function exportCredentials(ctx: Context, options: ExportCredentialsOptions): Promise<void> {
  const credentials = await roleCredentialsForProfile(ctx, options.profile);
  ctx.stdout.write(formatCredentials(credentials, options.format, ctx.messages));
}
