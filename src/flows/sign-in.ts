import type { Context } from '../context.js';
import { CliError, ExitCode } from '../errors.js';
import type { BrowserAuthorization } from '../sso/auth-code-flow.js';
import { SsoCache } from '../sso/cache.js';
import type { CallbackOutcome } from '../sso/callback-server.js';
import type { DeviceAuthorization } from '../sso/device-flow.js';
import { signIn, type SignInResult, type SsoTarget } from '../sso/sign-in.js';
import type { BrowserFailure, BrowserOpenResult } from '../ui/browser.js';
import { language, messages } from '../ui/messages.js';
import { printable } from '../ui/terminal-text.js';
import { chooseSignInMethod, type SignInMethodChoice, type SignInMethodFlags } from './sign-in-method.js';

/** The sign-in flags `configure`, `login` and `populate` share. */
export interface SignInFlags extends SignInMethodFlags {
  /** --no-browser: print the URL (and code) with a QR code, open nothing. */
  noBrowser?: boolean;
  /** --timeout in seconds: how long to wait for the approval. */
  timeoutSeconds?: number;
}

/** Prints what the user needs to approve a device sign-in, and opens the browser on it. */
function announceDeviceAuthorization(ctx: Context, noBrowser: boolean) {
  return async (authorization: DeviceAuthorization) => {
    if (noBrowser) {
      ctx.stdout.write(messages.deviceNoBrowser(authorization));
      await printQr(ctx, authorization.verificationUriComplete, messages.qrDevice);
      return;
    }
    ctx.stdout.write(messages.deviceBrowser(authorization));
    await openOrFallBack(ctx, authorization.verificationUriComplete);
  };
}

/** Prints the /authorize URL of a PKCE sign-in, and opens the browser on it. */
function announceBrowserAuthorization(ctx: Context, noBrowser: boolean) {
  return async (authorization: BrowserAuthorization) => {
    if (noBrowser) {
      ctx.stdout.write(messages.pkceNoBrowser(authorization.url));
      await printQr(ctx, authorization.url, messages.qrPkce(authorization.port));
      return;
    }
    ctx.stdout.write(messages.pkceBrowser(authorization.url));
    await openOrFallBack(ctx, authorization.url);
  };
}

/**
 * Opens the browser on a URL already printed. Whatever goes wrong (the opener rejects,
 * throws, or reports a failure), the sign-in goes on: the user is told to open the URL
 * themselves, and the wait continues.
 */
async function openOrFallBack(ctx: Context, url: string): Promise<void> {
  let result: BrowserOpenResult;
  try {
    result = await ctx.openBrowser(url);
  } catch (error) {
    result = { opened: false, failures: [{ error: printable(error instanceof Error ? error.message : String(error)) }] };
  }
  if (result.opened) return;
  ctx.log.debug(`browser: not opened (${JSON.stringify(result.failures)})`);
  ctx.stderr.write(messages.browserNotOpened(result.failures.map(describeBrowserFailure)));
}

function describeBrowserFailure(failure: BrowserFailure): string {
  if ('error' in failure) return failure.command ? `${failure.command}: ${failure.error}` : failure.error;
  if (failure.signal) return messages.browserStopped(failure.command, failure.signal);
  return messages.browserExited(failure.command, failure.exitCode ?? 1);
}

/** The QR code is an extra: a URL too long for one (many scopes, a long endpoint) is printed without it. */
async function printQr(ctx: Context, url: string, caption: string): Promise<void> {
  let qr: string;
  try {
    const { renderQr } = await import('../ui/qr.js');
    qr = renderQr(url, { color: ctx.interactive && !ctx.env.NO_COLOR });
  } catch (error) {
    ctx.log.debug(`QR code not shown: ${error instanceof Error ? error.message : String(error)}`);
    return;
  }
  ctx.stdout.write(`\n${caption}\n\n${qr}\n`);
}

/** The page the browser shows at the end of a PKCE sign-in, in the user's language. */
export function renderCallbackPage(outcome: CallbackOutcome): string {
  const page = messages.callbackPage;
  const escape = (text: string) =>
    text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
  const [heading, body] = outcome.ok ? [page.successHeading, page.successBody] : [page.failureHeading, outcome.reason];
  return [
    '<!DOCTYPE html>',
    `<html lang="${language}"><head><meta charset="utf-8"><title>${escape(page.title)}</title>`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#16191f}',
    `h1{font-size:1.5rem;color:${outcome.ok ? '#037f0c' : '#d91515'}}</style></head>`,
    `<body><h1 id="result" data-ok="${outcome.ok}">${escape(heading)}</h1>`,
    `<p id="detail">${escape(body)}</p><p>${escape(page.close)}</p></body></html>`,
    '',
  ].join('\n');
}

/** Decides the flow, says which and why (one line on stderr), and checks the flags fit it. */
export function chooseMethod(ctx: Context, target: SsoTarget, flags: SignInFlags): SignInMethodChoice {
  if (target.sessionName === undefined && (flags.callbackPort !== undefined || flags.useDeviceCode === false)) {
    throw new CliError(messages.pkceNeedsSession, ExitCode.usage);
  }
  if (flags.useDeviceCode === true && flags.callbackPort !== undefined) throw new CliError(messages.callbackPortWithDeviceCode, ExitCode.usage);
  return chooseSignInMethod(target, flags, ctx.env, ctx.platform);
}

/** Signs in to the target with the context's clients and cache; nothing is written yet. */
export async function signInWithContext(
  ctx: Context,
  target: SsoTarget,
  options: SignInFlags & { forceRefresh: boolean; useRefreshToken?: boolean; choice?: SignInMethodChoice },
): Promise<SignInResult> {
  const choice = options.choice ?? chooseMethod(ctx, target, options);
  const noBrowser = options.noBrowser === true || choice.remote;
  ctx.log.debug(
    `sign-in: start URL ${target.startUrl}, SSO region ${target.region}, ` +
      `${target.sessionName ? `sso-session ${target.sessionName}` : 'legacy profile'}, force refresh ${options.forceRefresh}, ` +
      `method ${choice.method} (${choice.reason.kind})`,
  );
  // Said only when someone has to sign in (not for a cached or refreshed token); one flow runs, once.
  const announce = () => ctx.stderr.write(messages.signInMethod(choice));
  const device = announceDeviceAuthorization(ctx, noBrowser);
  const browser = announceBrowserAuthorization(ctx, noBrowser);
  const result = await signIn(
    target,
    {
      cache: new SsoCache(ctx.paths.ssoCacheDir, ctx.fsOptions),
      oidc: await ctx.clients.oidc(target.region),
      clock: ctx.clock,
      onDeviceAuthorization: (authorization) => (announce(), device(authorization)),
      onBrowserAuthorization: (authorization) => (announce(), browser(authorization)),
      renderCallbackPage,
      onRefreshFailed: (reason) => ctx.stderr.write(messages.refreshFailed(reason)),
      onCacheProblem: (problem) => {
        ctx.log.debug(problem.message);
        ctx.stderr.write(messages.cacheFileReplaced(problem.file));
      },
    },
    {
      method: choice.method,
      forceRefresh: options.forceRefresh,
      useRefreshToken: options.useRefreshToken,
      callbackPort: options.callbackPort,
      timeoutMs: options.timeoutSeconds === undefined ? undefined : options.timeoutSeconds * 1000,
    },
  );
  const { token } = result;
  for (const secret of [token.accessToken, token.refreshToken, token.clientSecret]) ctx.log.secret(secret);
  if (result.via === 'refresh') ctx.stdout.write(messages.refreshed(target.sessionName ?? target.startUrl));
  ctx.log.debug(
    `sign-in: token from ${result.via}, expires ${token.expiresAt.toISOString()}, ` +
      `refresh token ${token.refreshToken ? 'present' : 'absent'}`,
  );
  return result;
}
