import type { Context } from '../context.js';
import { logout as portalLogout } from '../portal/accounts.js';
import { removeFile, removeTempFiles, SsoCache } from '../sso/cache.js';
import { removeSsoRoleCredentials } from '../sso/role-credentials-cache.js';

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
export async function logout(ctx: Context): Promise<LogoutResult> {
  const tokens = await new SsoCache(ctx.paths.ssoCacheDir).listTokenFiles();
  let tokensRemoved = 0;
  for (const token of tokens) {
    if (token.region) {
      try {
        await portalLogout(await ctx.clients.portal(token.region), token.accessToken);
      } catch {
        // Like the AWS CLI: a failed sign-out still removes the local token.
      }
    }
    if (await removeFile(token.file)) tokensRemoved++;
  }
  const credentials = await removeSsoRoleCredentials(ctx.paths.cliCacheDir);
  const tempFiles = [
    ...(await removeTempFiles(ctx.paths.ssoCacheDir)),
    ...(await removeTempFiles(ctx.paths.cliCacheDir)),
  ];
  ctx.stdout.write(ctx.messages.logout.loggedOut(tokensRemoved, credentials.length));
  return { tokensRemoved, credentialsRemoved: credentials.length, tempFilesRemoved: tempFiles.length };
}
