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
import { messages } from '../ui/messages.js';
import { resolveLoginTarget } from './login.js';
import { sessionTokenWithContext } from './sign-in.js';

/**
 * Role credentials for an SSO profile, the way the AWS CLI gets them: from its cache in
 * ~/.aws/cli/cache while they have 15+ minutes left, else GetRoleCredentials with the cached
 * SSO token, refreshed first when it has under 15 minutes left, as botocore does (and the
 * result cached again, in the AWS CLI's format).
 */
export async function roleCredentialsForProfile(ctx: Context, profile: string): Promise<CachedRoleCredentials> {
  const config = await readAwsConfig(ctx.paths);
  const target = resolveLoginTarget(config, { profile });
  const section = config.profiles[profile]!;
  const accountId = section.sso_account_id;
  const roleName = section.sso_role_name;
  const missing = [!accountId && 'sso_account_id', !roleName && 'sso_role_name'].filter(Boolean) as string[];
  if (missing.length > 0) {
    throw new ConfigurationError(messages.profileMissingRoleKeys(profile, missing));
  }

  const key = roleCredentialsCacheKey({ accountId: accountId!, roleName: roleName!, sessionName: target.sessionName, startUrl: target.startUrl });
  const cached = await readRoleCredentials(ctx.paths.cliCacheDir, key);
  if (cached && cached.expiration.getTime() - ctx.clock.now() >= MIN_REMAINING_MS) {
    ctx.log.debug(`role credentials: reused the AWS CLI cache entry ${key}`);
    return cached;
  }

  const token = await sessionTokenWithContext(ctx, target);
  if (!token || token.expiresAt.getTime() <= ctx.clock.now()) {
    throw new CliError(messages.sessionExpired(profile));
  }
  let credentials;
  try {
    credentials = await getRoleCredentials(await ctx.clients.portal(target.region), token.accessToken, accountId!, roleName!);
  } catch (error) {
    if (errorName(error) === 'UnauthorizedException') {
      throw new CliError(messages.sessionInvalid(profile));
    }
    throw new CliError(messages.roleCredentialsFailed(roleName!, accountId!, describeServiceError(error)));
  }
  const result = { ...credentials, accountId: accountId! };
  for (const secret of [result.secretAccessKey, result.sessionToken]) ctx.log.secret(secret);
  await writeRoleCredentials(ctx.paths.cliCacheDir, key, result, ctx.fsOptions);
  return result;
}

export const CREDENTIAL_FORMATS = ['process', 'env', 'env-no-export', 'powershell', 'windows-cmd', 'fish'] as const;
export type CredentialFormat = (typeof CREDENTIAL_FORMATS)[number];

/** ISO 8601 with an explicit UTC offset, as `aws configure export-credentials` prints it. */
function expiry(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

/** The output of `aws configure export-credentials --format F`, byte for byte. */
export function formatCredentials(credentials: CachedRoleCredentials, format: CredentialFormat): string {
  if (format === 'process') {
    const body = {
      Version: 1,
      AccessKeyId: credentials.accessKeyId,
      SecretAccessKey: credentials.secretAccessKey,
      SessionToken: credentials.sessionToken,
      Expiration: expiry(credentials.expiration),
    };
    return JSON.stringify(body, null, 2) + '\n';
  }
  const line: Record<Exclude<CredentialFormat, 'process'>, (name: string, value: string) => string> = {
    env: (n, v) => `export ${n}=${v}`,
    'env-no-export': (n, v) => `${n}=${v}`,
    powershell: (n, v) => `$Env:${n}="${v}"`,
    'windows-cmd': (n, v) => `set ${n}=${v}`,
    fish: (n, v) => `set -gx ${n} "${v}"`,
  };
  const vars: Array<[string, string]> = [
    ['AWS_ACCESS_KEY_ID', credentials.accessKeyId],
    ['AWS_SECRET_ACCESS_KEY', credentials.secretAccessKey],
    ['AWS_SESSION_TOKEN', credentials.sessionToken],
    ['AWS_CREDENTIAL_EXPIRATION', expiry(credentials.expiration)],
  ];
  return vars.map(([n, v]) => line[format](n, v) + '\n').join('');
}

/** `sso-setup export-credentials`: prints the profile's credentials (they are the output, by request). */
export async function exportCredentials(ctx: Context, options: { profile: string; format: CredentialFormat }): Promise<void> {
  const credentials = await roleCredentialsForProfile(ctx, options.profile);
  ctx.stdout.write(formatCredentials(credentials, options.format));
}
