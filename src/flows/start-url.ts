import type { Context } from '../context.js';
import { isAwsOwnedDomain, resolveCustomDomain, resolveStartUrl, StartUrlResolutionError } from '../sso/start-url.js';
import type { SsoTarget } from '../sso/sign-in.js';

/**
 * Custom-domain start URLs in the wizards and in `login` (docs/compat.md §A6).
 */

/** What a wizard learns from a typed start URL before it asks for the SSO region. */
export interface StartUrlAnswer {
  /** The region read from the resolved host: the region prompt is skipped. */
  region?: string;
  /** The AWS-owned URL a custom domain redirects to, for the sign-in. */
  resolvedStartUrl?: string;
}

/**
 * As `aws configure sso` / `aws configure sso-session` do it: an AWS-owned start URL needs
 * the region prompt; a custom domain is resolved, and its region skips the prompt. A host
 * that can't be asked (network, timeout, HTTP error) falls back to the prompt, as in the
 * AWS CLI; a host whose answer leads off AWS is refused here (the AWS CLI falls back to the
 * prompt and `aws sso login` refuses it later), so nothing is written that can't sign in.
 */
export async function resolveTypedStartUrl(ctx: Context, startUrl: string): Promise<StartUrlAnswer> {
  let host: string;
  try {
    host = new URL(startUrl).hostname;
  } catch {
    return {};
  }
  if (!host || isAwsOwnedDomain(host)) return {};
  try {
    const resolved = await resolveCustomDomain(startUrl, ctx.startUrlProbe, ctx.messages);
    ctx.log.debug(`start URL: ${startUrl} resolved to ${resolved.url}, SSO region ${resolved.region ?? 'not in the host name'}`);
    return { resolvedStartUrl: resolved.url, ...(resolved.region ? { region: resolved.region } : {}) };
  } catch (error) {
    if (error instanceof StartUrlResolutionError && error.kind === 'unreachable') {
      ctx.log.debug(`start URL: failed to resolve ${startUrl}: ${error.message}; falling back to the region prompt`);
      ctx.stderr.write(ctx.messages.startUrl.askingRegion(error.message.replace(/\.$/, '')));
      return {};
    }
    throw error;
  }
}

/**
 * As `aws sso login` does it: https only; a custom domain must resolve to an AWS-owned URL
 * (any failure is an error), whose host's region replaces the configured one.
 */
export async function resolveLoginStartUrl(ctx: Context, target: SsoTarget): Promise<SsoTarget> {
  const resolved = await resolveStartUrl(target.startUrl, target.region, ctx.startUrlProbe, ctx.messages);
  if (!resolved.resolved) return target;
  ctx.log.debug(`start URL: ${target.startUrl} resolved to ${resolved.url}, SSO region ${resolved.region}`);
  return { ...target, resolvedStartUrl: resolved.url, region: resolved.region ?? target.region };
}
