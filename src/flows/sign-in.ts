import type { Context } from '../context.js';
import { SsoCache } from '../sso/cache.js';
import type { DeviceAuthorization } from '../sso/device-flow.js';
import { signIn, type SignInResult, type SsoTarget } from '../sso/sign-in.js';
import { messages } from '../ui/messages.js';

export interface BrowserOptions {
  /** --no-browser: print the URL and code, open nothing. */
  noBrowser?: boolean;
}

/** Prints what the user needs to approve the sign-in and opens the browser on it. */
export function announceDeviceAuthorization(ctx: Context, options: BrowserOptions) {
  return async (authorization: DeviceAuthorization) => {
    if (options.noBrowser) {
      ctx.stdout.write(messages.deviceNoBrowser(authorization));
      return;
    }
    ctx.stdout.write(messages.deviceBrowser(authorization));
    await ctx.openBrowser(authorization.verificationUriComplete);
  };
}

/** Signs in to the target with the context's clients and cache; nothing is written yet. */
export async function signInWithContext(
  ctx: Context,
  target: SsoTarget,
  options: BrowserOptions & { forceRefresh: boolean },
): Promise<SignInResult> {
  ctx.log.debug(
    `sign-in: start URL ${target.startUrl}, SSO region ${target.region}, ` +
      `${target.sessionName ? `sso-session ${target.sessionName}` : 'legacy profile'}, force refresh ${options.forceRefresh}`,
  );
  const result = await signIn(
    target,
    {
      cache: new SsoCache(ctx.paths.ssoCacheDir, ctx.fsOptions),
      oidc: await ctx.clients.oidc(target.region),
      clock: ctx.clock,
      onDeviceAuthorization: announceDeviceAuthorization(ctx, options),
      onCacheProblem: (problem) => {
        ctx.log.debug(problem.message);
        ctx.stderr.write(messages.cacheFileReplaced(problem.file));
      },
    },
    { forceRefresh: options.forceRefresh },
  );
  const { token } = result;
  for (const secret of [token.accessToken, token.refreshToken, token.clientSecret]) ctx.log.secret(secret);
  ctx.log.debug(
    `sign-in: ${result.reused ? 'reused the cached token' : 'new token'}, expires ${token.expiresAt.toISOString()}, ` +
      `refresh token ${token.refreshToken ? 'present' : 'absent'}`,
  );
  return result;
}
