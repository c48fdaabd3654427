import path from 'node:path';
import type { Context } from '../context.js';
import { readAwsConfig, type AwsConfig } from '../config/read.js';
import { logout as portalLogout } from '../portal/accounts.js';
import { removeFile, removeTempFiles, SsoCache, tokenCacheKey } from '../sso/cache.js';
import { readRoleCredentials, removeSsoRoleCredentials, roleCredentialsCacheKey } from '../sso/role-credentials-cache.js';
import type { SsoTarget } from '../sso/sign-in.js';
import { resolveLoginTarget } from './login.js';

/** `sso-setup logout [--sso-session NAME | --profile P]`: no option signs out of everything, as `aws sso logout` does. */
export interface LogoutOptions {
  /** --sso-session: only this session's token and its profiles' role credentials. */
  ssoSession?: string;
  /** --profile: only the sign-in this profile uses (its sso-session, or its legacy start URL). */
  profile?: string;
}

export interface LogoutResult {
  tokensRemoved: number;
  credentialsRemoved: number;
  /** Temp files of interrupted writes (ours or botocore's) in both cache folders. */
  tempFilesRemoved: number;
}

/**
 * `sso-setup logout`, as `aws sso logout` does it: every cached token is signed out at the
 * portal (errors ignored: the token may be expired or already revoked) and its file
 * deleted; then every cached SSO role credential, and the temp files an interrupted write
 * (ours or botocore's) left in either cache folder, which may hold tokens. Registrations and
 * files that are not valid JSON are left alone.
 */
export async function logout(ctx: Context, options: LogoutOptions = {}): Promise<LogoutResult> {
  if (options.ssoSession !== undefined || options.profile !== undefined) return logoutOne(ctx, options);
  const tokens = await new SsoCache(ctx.paths.ssoCacheDir).listTokenFiles();
  let tokensRemoved = 0;
  for (const token of tokens) if (await signOut(ctx, token.file, token.region ? { accessToken: token.accessToken, region: token.region } : undefined)) tokensRemoved++;
  const credentials = await removeSsoRoleCredentials(ctx.paths.cliCacheDir);
  const tempFiles = [
    ...(await removeTempFiles(ctx.paths.ssoCacheDir)),
    ...(await removeTempFiles(ctx.paths.cliCacheDir)),
  ];
  ctx.stdout.write(ctx.messages.logout.loggedOut(tokensRemoved, credentials.length));
  return { tokensRemoved, credentialsRemoved: credentials.length, tempFilesRemoved: tempFiles.length };
}

/**
 * Signs one token out: revoked at the access portal (a failure is only logged: like the AWS
 * CLI, the local token goes anyway), then its cache file deleted. True when a file was removed.
 */
async function signOut(ctx: Context, file: string, token: { accessToken: string; region: string } | undefined): Promise<boolean> {
  if (token) {
    ctx.log.secret(token.accessToken);
    try {
      await portalLogout(await ctx.clients.portal(token.region), token.accessToken);
    } catch (error) {
      ctx.log.debug(`logout: the portal's Logout failed (${error instanceof Error ? error.message : String(error)}); the token is removed anyway`);
    }
  }
  return removeFile(file);
}

/**
 * The profiles that use a sign-in: an sso-session's profiles (`sso_session = NAME`), or for a
 * legacy start URL the profiles that name it without an sso-session.
 */
function profilesOf(config: AwsConfig, target: SsoTarget): string[] {
  return Object.entries(config.profiles)
    .filter(([, section]) =>
      target.sessionName !== undefined
        ? section.sso_session === target.sessionName
        : section.sso_session === undefined && section.sso_start_url === target.startUrl,
    )
    .map(([name]) => name);
}

/**
 * Signs out of one sign-in: its token is revoked at the portal (errors ignored, as the AWS CLI
 * does) and its cache file deleted; then the AWS CLI's cached role credentials of its profiles,
 * each found by its cache key (docs/compat.md §A3 "Role credentials"). Other sessions' tokens,
 * every registration and other role credentials stay as they are.
 */
async function logoutOne(ctx: Context, options: LogoutOptions): Promise<LogoutResult> {
  const m = ctx.messages;
  const config = await readAwsConfig(ctx.paths, m);
  const target = resolveLoginTarget(m, config, { profile: options.profile ?? '', ssoSession: options.ssoSession });
  const cache = new SsoCache(ctx.paths.ssoCacheDir, ctx.fsOptions);
  const key = tokenCacheKey(target);
  let token;
  try {
    token = await cache.readToken(key);
  } catch (error) {
    ctx.log.debug(`logout: the token file cannot be read (${error instanceof Error ? error.message : String(error)}); it is removed unrevoked`);
  }
  const tokensRemoved = (await signOut(ctx, cache.fileFor(key), token && { accessToken: token.accessToken, region: token.region || target.region })) ? 1 : 0;
  let credentialsRemoved = 0;
  for (const profile of profilesOf(config, target)) {
    const section = config.profiles[profile]!;
    if (!section.sso_account_id || !section.sso_role_name) continue;
    const credentialsKey = roleCredentialsCacheKey({
      accountId: section.sso_account_id,
      roleName: section.sso_role_name,
      sessionName: target.sessionName,
      startUrl: target.startUrl,
    });
    // Only an SSO entry of the AWS CLI's is ours to delete.
    if (!(await readRoleCredentials(ctx.paths.cliCacheDir, credentialsKey))) continue;
    if (await removeFile(path.join(ctx.paths.cliCacheDir, `${credentialsKey}.json`))) credentialsRemoved++;
  }
  ctx.stdout.write(m.logout.loggedOutOne(target.sessionName ?? target.startUrl, tokensRemoved, credentialsRemoved));
  return { tokensRemoved, credentialsRemoved, tempFilesRemoved: 0 };
}
