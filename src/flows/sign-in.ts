import type { Context } from '../context.js';
import { CliError, ExitCode } from '../errors.js';
import type { BrowserAuthorization } from '../sso/auth-code-flow.js';
import { SsoCache, type SsoToken } from '../sso/cache.js';
import type { DeviceAuthorization } from '../sso/device-flow.js';
import { sessionToken, signIn, type SignInResult, type SsoTarget } from '../sso/sign-in.js';
import {
  chooseSignInMethod,
  type SignInMethodChoice,
  type SignInMethodFlags,
  type SignInMethodReason,
} from '../sso/sign-in-method.js';
import { renderCallbackPage } from '../ui/callback-page.js';
import type { Messages } from '../ui/messages/index.js';
import type { BrowserFailure, BrowserOpenResult } from '../ui/browser.js';
import { printable } from '../ui/terminal-text.js';

/** The sign-in flags `configure`, `login` and `populate` share. */
export interface SignInFlags extends SignInMethodFlags {
  /** --no-browser: print the URL (and code) with a QR code, open nothing. */
  noBrowser?: boolean;
  /** --timeout in seconds: how long to wait for the approval. */
  timeoutSeconds?: number;
}

/** Prints what the user needs to approve a device sign-in, and opens the browser on it. */
function announceDeviceAuthorization(ctx: Context, noBrowser: boolean) {
  return async (received: DeviceAuthorization) => {
    // The server's URLs and code, as the terminal shows them: no control characters or escape sequences.
    const authorization = {
      ...received,
      verificationUri: printable(received.verificationUri, 2048),
      verificationUriComplete: printable(received.verificationUriComplete, 2048),
      userCode: printable(received.userCode, 64),
    };
    if (noBrowser) {
      ctx.stdout.write(ctx.messages.signIn.deviceNoBrowser(authorization));
      await printQr(ctx, authorization.verificationUriComplete, ctx.messages.signIn.qrDevice);
      return;
    }
    ctx.stdout.write(ctx.messages.signIn.deviceBrowser(authorization));
    await openOrFallBack(ctx, authorization.verificationUriComplete);
  };
}

/** Prints the /authorize URL of a PKCE sign-in, and opens the browser on it. */
function announceBrowserAuthorization(ctx: Context, noBrowser: boolean) {
  return async (authorization: BrowserAuthorization) => {
    if (noBrowser) {
      ctx.stdout.write(ctx.messages.signIn.pkceNoBrowser(authorization.url));
      await printQr(ctx, authorization.url, ctx.messages.signIn.qrPkce(authorization.port));
      return;
    }
    ctx.stdout.write(ctx.messages.signIn.pkceBrowser(authorization.url));
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
  ctx.stderr.write(ctx.messages.signIn.browserNotOpened(result.failures.map((failure) => describeBrowserFailure(ctx.messages, failure))));
}

function describeBrowserFailure(m: Messages, failure: BrowserFailure): string {
  if ('error' in failure) return failure.command ? `${failure.command}: ${failure.error}` : failure.error;
  if (failure.signal) return m.signIn.browserStopped(failure.command, failure.signal);
  return m.signIn.browserExited(failure.command, failure.exitCode ?? 1);
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

/** The reason of a flow choice, in words. */
function methodReasonText(m: Messages, reason: SignInMethodReason): string {
  const words = m.signIn.methodReason;
  switch (reason.kind) {
    case 'flag-device':
      return words.flagDevice;
    case 'flag-pkce':
      return words.flagPkce;
    case 'callback-port':
      return words.callbackPort(reason.port);
    case 'config':
      return words.config(reason.sessionName);
    case 'legacy':
      return words.legacy;
    case 'ssh':
      return words.ssh(reason.variable);
    case 'ci':
      return words.ci;
    case 'no-display':
      return words.noDisplay;
    case 'default':
      return words.default(reason.sessionName);
  }
}

/** Decides the flow, says which and why (one line on stderr), and checks the flags fit it. */
export function chooseMethod(ctx: Context, target: SsoTarget, flags: SignInFlags): SignInMethodChoice {
  if (target.sessionName === undefined && (flags.callbackPort !== undefined || flags.useDeviceCode === false)) {
    throw new CliError(ctx.messages.signIn.pkceNeedsSession, ExitCode.usage);
  }
  if (flags.useDeviceCode === true && flags.callbackPort !== undefined) throw new CliError(ctx.messages.signIn.callbackPortWithDeviceCode, ExitCode.usage);
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
  const announce = () => ctx.stderr.write(ctx.messages.signIn.signInMethod(choice.method, methodReasonText(ctx.messages, choice.reason)));
  const device = announceDeviceAuthorization(ctx, noBrowser);
  const browser = announceBrowserAuthorization(ctx, noBrowser);
  const result = await signIn(
    target,
    {
      messages: ctx.messages,
      cache: new SsoCache(ctx.paths.ssoCacheDir, ctx.fsOptions),
      oidc: await ctx.clients.oidc(target.region),
      clock: ctx.clock,
      onDeviceAuthorization: (authorization) => (announce(), device(authorization)),
      onBrowserAuthorization: (authorization) => (announce(), browser(authorization)),
      renderCallbackPage: (outcome) => renderCallbackPage(ctx.messages.signIn.callbackPage, ctx.lang, outcome),
      onRefreshFailed: (reason) => ctx.stderr.write(ctx.messages.signIn.refreshFailed(reason)),
      onCacheProblem: (problem) => {
        ctx.log.debug(problem.message);
        ctx.stderr.write(ctx.messages.signIn.cacheFileReplaced(problem.file));
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
  if (result.via === 'refresh') ctx.stdout.write(ctx.messages.signIn.refreshed(target.sessionName ?? target.startUrl));
  ctx.log.debug(
    `sign-in: token from ${result.via}, expires ${token.expiresAt.toISOString()}, ` +
      `refresh token ${token.refreshToken ? 'present' : 'absent'}`,
  );
  return result;
}

/**
 * The cached token of a sign-in for a command that needs one, refreshed as botocore would
 * (sessionToken) and written back; undefined when not signed in. Says nothing on the
 * terminal: export-credentials' output is the credentials. The caller decides what an
 * expired token means.
 */
export async function sessionTokenWithContext(ctx: Context, target: SsoTarget): Promise<SsoToken | undefined> {
  const result = await sessionToken(target, {
    messages: ctx.messages,
    cache: new SsoCache(ctx.paths.ssoCacheDir, ctx.fsOptions),
    clock: ctx.clock,
    oidc: () => ctx.clients.oidc(target.region),
    onCacheProblem: (problem) => ctx.log.debug(problem.message),
    onRefreshFailed: (reason) => ctx.log.debug(`token: the refresh failed (${reason}); the cached token is kept`),
  });
  if (!result) return undefined;
  const { token, via } = result;
  for (const secret of [token.accessToken, token.refreshToken, token.clientSecret]) ctx.log.secret(secret);
  ctx.log.debug(`token: from ${via}, expires ${token.expiresAt.toISOString()}, refresh token ${token.refreshToken ? 'present' : 'absent'}`);
  return token;
}
