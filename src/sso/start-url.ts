import { ConfigurationError } from '../errors.js';
import type { Messages } from '../ui/messages/index.js';
import { printable } from '../ui/terminal-text.js';

/**
 * Custom-domain ("vanity") start URLs, resolved exactly as the AWS CLI 2.35.13+ resolves them
 * (aws-cli `awscli/customizations/sso/resolve.py`, docs/compat.md §A6): a start URL whose host
 * is not AWS-owned gets one HEAD request (GET when the server answers 405 or 501), without
 * following the redirect; the Location it names is the AWS-owned URL to sign in to, and its
 * host name carries the SSO region.
 */

/** resolve.py `_AWS_OWNED_SUFFIXES` (2.36.7): commercial, China, EUSC. */
export const AWS_OWNED_SUFFIXES = [
  '.app.aws',
  '.portal.amazonaws.com',
  '.portal.amazonaws.com.cn',
  '.app.amazonwebservices.com.cn',
  '.portal.amazonaws.eu',
  '.api.amazonwebservices.eu',
  '.awsapps.com',
  '.awsapps.cn',
] as const;

/** resolve.py `_AWS_OWNED_EXACT` (2.36.7): the issuer hosts, GovCloud's added in 2.36.4, EUSC's in 2.36.1. */
export const AWS_OWNED_EXACT = [
  'identitycenter.amazonaws.com',
  'identitycenter.amazonaws.com.cn',
  'identitycenter.amazonaws.eu',
  'identitycenter.us-gov.amazonaws.com',
] as const;

/** resolve.py `_REGION_PATTERNS`, in its order; case-insensitive, matched against the whole host. */
const REGION_PATTERNS: readonly RegExp[] = [
  /^[^.]+\.portal\.(?<region>[a-z0-9-]+)\.app\.aws$/i, // {id}.portal.{region}.app.aws
  /^[^.]+\.(?<region>[a-z0-9-]+)\.portal\.amazonaws\.com$/i, // {id}.{region}.portal.amazonaws.com
  /^[^.]+\.(?<region>[a-z0-9-]+)\.portal\.amazonaws\.com\.cn$/i, // {id}.{region}.portal.amazonaws.com.cn
  /^[^.]+\.portal\.(?<region>[a-z0-9-]+)\.app\.amazonwebservices\.com\.cn$/i, // {id}.portal.{region}.app.amazonwebservices.com.cn
  /^[^.]+\.(?<region>[a-z0-9-]+)\.portal\.amazonaws\.eu$/i, // {id}.{region}.portal.amazonaws.eu
  /^[^.]+\.portal\.(?<region>[a-z0-9-]+)\.api\.amazonwebservices\.eu$/i, // {id}.portal.{region}.api.amazonwebservices.eu
];

/** resolve.py `_DEFAULT_TIMEOUT`: seconds for the request (the AWS CLI's `--cli-connect-timeout` overrides it). */
export const DEFAULT_RESOLVE_TIMEOUT_MS = 10_000;

const REDIRECT_CODES = new Set([301, 302, 303, 307, 308]);
const DEFAULT_PORTS: Record<string, string> = { 'https:': '443', 'http:': '80' };

const bareHost = (hostname: string): string => hostname.toLowerCase().replace(/\.$/, '');

/** resolve.py `is_aws_owned_domain`: an exact issuer host, or a host under (or equal to) an AWS suffix. */
export function isAwsOwnedDomain(hostname: string): boolean {
  const host = bareHost(hostname);
  if ((AWS_OWNED_EXACT as readonly string[]).includes(host)) return true;
  return AWS_OWNED_SUFFIXES.some((suffix) => host === suffix.slice(1) || host.endsWith(suffix));
}

/** resolve.py `_extract_region_from_hostname`: the region in an AWS portal host name, if it has one. */
export function regionFromHostname(hostname: string): string | undefined {
  const host = bareHost(hostname);
  for (const pattern of REGION_PATTERNS) {
    const region = pattern.exec(host)?.groups?.region;
    if (region) return region;
  }
  return undefined;
}

/** resolve.py `_normalize_url`: scheme, host, a non-default port and the path without trailing slashes; no query, no fragment. */
export function normalizeUrl(url: string): string {
  const parsed = new URL(url);
  const port = parsed.port && parsed.port !== DEFAULT_PORTS[parsed.protocol] ? `:${parsed.port}` : '';
  let end = parsed.pathname.length; // Python's rstrip('/'), without a regex that backtracks
  while (end > 0 && parsed.pathname[end - 1] === '/') end--;
  return `${parsed.protocol}//${parsed.hostname}${port}${parsed.pathname.slice(0, end)}`;
}

/** What one request answered: its status and Location header. */
export interface ProbeAnswer {
  status: number;
  location?: string;
}

/** Sends one request without following redirects; rejects on a network error or the timeout. */
export type Probe = (url: string, method: 'HEAD' | 'GET') => Promise<ProbeAnswer>;

/** Why a start URL could not be resolved: the host could not be asked, or its answer was refused. */
export class StartUrlResolutionError extends ConfigurationError {
  constructor(
    message: string,
    /** `unreachable`: no usable answer (network, timeout, HTTP error); `refused`: the answer leads off AWS. */
    readonly kind: 'unreachable' | 'refused',
  ) {
    super(message);
    this.name = 'StartUrlResolutionError';
  }
}

/**
 * resolve.py `_follow_redirect` with `_MAX_REDIRECTS = 1`: one request, and the Location of a
 * redirect (joined to the URL) is the answer; the redirect target itself is never requested.
 */
export async function followRedirect(url: string, probe: Probe, m: Messages): Promise<string> {
  const unreachable = (message: string) => new StartUrlResolutionError(message, 'unreachable');
  let answer: ProbeAnswer;
  try {
    answer = await probe(url, 'HEAD');
    if (answer.status === 405 || answer.status === 501) answer = await probe(url, 'GET');
  } catch (error) {
    throw unreachable(m.startUrl.failedReason(printable((error as Error).message)));
  }
  if (answer.status >= 200 && answer.status < 300) return url;
  if (!REDIRECT_CODES.has(answer.status)) {
    // urllib raises HTTPError for 1xx/3xx it doesn't follow and for 4xx/5xx alike.
    throw unreachable(m.startUrl.failedStatus(answer.status));
  }
  if (!answer.location) throw unreachable(m.startUrl.missingLocation);
  try {
    return new URL(answer.location, url).toString();
  } catch {
    throw new StartUrlResolutionError(m.startUrl.notAwsOwned(url, printable(answer.location)), 'refused');
  }
}

export interface ResolvedStartUrl {
  /** The URL to sign in to: the resolved one, or the typed one when its host is AWS-owned. */
  url: string;
  /** The region read from the resolved host, else the configured one; undefined only when neither is known. */
  region?: string;
  /** True when a request was made (the host was not AWS-owned). */
  resolved: boolean;
}

/**
 * resolve.py `resolve_start_url` up to the region rule: https only; an AWS-owned host is
 * returned as it is; any other host is asked where it redirects, and the answer must be an
 * https URL on an AWS-owned host, whose name may carry the region.
 */
export async function resolveCustomDomain(startUrl: string, probe: Probe, m: Messages): Promise<ResolvedStartUrl> {
  let parsed: URL;
  try {
    parsed = new URL(startUrl);
  } catch {
    throw new StartUrlResolutionError(m.startUrl.invalidStartUrl(startUrl), 'refused');
  }
  if (parsed.protocol !== 'https:') throw new StartUrlResolutionError(m.startUrl.httpsRequired, 'refused');
  if (!parsed.hostname) throw new StartUrlResolutionError(m.startUrl.invalidStartUrl(startUrl), 'refused');
  if (isAwsOwnedDomain(parsed.hostname)) return { url: startUrl, resolved: false };

  const resolvedUrl = normalizeUrl(await followRedirect(startUrl, probe, m));
  const resolved = new URL(resolvedUrl);
  if (!resolved.hostname || !isAwsOwnedDomain(resolved.hostname)) {
    throw new StartUrlResolutionError(m.startUrl.notAwsOwned(startUrl, printable(resolvedUrl)), 'refused');
  }
  if (resolved.protocol !== 'https:') throw new StartUrlResolutionError(m.startUrl.resolvedNotHttps(printable(resolvedUrl)), 'refused');
  return { url: resolvedUrl, region: regionFromHostname(resolved.hostname), resolved: true };
}

/**
 * resolve.py `resolve_start_url`, as `aws sso login` calls it: the region comes from the
 * resolved host name, else the configured region; a custom domain without either is an error.
 * (The AWS CLI also fails for an AWS-owned host without a configured region; our callers have
 * already required sso_region by then, with the AWS CLI's own message.)
 */
export async function resolveStartUrl(startUrl: string, configuredRegion: string | undefined, probe: Probe, m: Messages): Promise<ResolvedStartUrl> {
  const resolved = await resolveCustomDomain(startUrl, probe, m);
  const region = resolved.region ?? configuredRegion;
  if (resolved.resolved && !region) throw new StartUrlResolutionError(m.startUrl.noRegion(startUrl), 'refused');
  return { ...resolved, ...(region ? { region } : {}) };
}

export interface HttpProbeOptions {
  messages: Messages;
  timeoutMs: number;
  /** Extra trusted certificates (AWS_CA_BUNDLE), as the SDK clients use them. */
  ca?: () => Promise<string | undefined>;
  /**
   * Tests only, set through the Context a test builds (never from the environment or a flag):
   * where to send the request for a URL, so that a custom domain in a test reaches the
   * emulator on loopback. The URL the checks see is always the one asked for.
   */
  route?: (url: URL) => URL;
}

/** The real probe: node:http(s), no redirect following, no body read, one timeout for the whole request. */
export function createHttpProbe(options: HttpProbeOptions): Probe {
  return async (url, method) => {
    const target = options.route ? options.route(new URL(url)) : new URL(url);
    const ca = target.protocol === 'https:' ? await options.ca?.() : undefined;
    const transport = target.protocol === 'https:' ? await import('node:https') : await import('node:http');
    return new Promise<ProbeAnswer>((resolve, reject) => {
      const request = transport.request(target, { method, agent: false, ...(ca ? { ca } : {}) }, (response) => {
        const location = response.headers.location;
        resolve({ status: response.statusCode ?? 0, ...(location ? { location } : {}) });
        response.destroy();
      });
      const timer = setTimeout(
        () => request.destroy(new Error(options.messages.startUrl.timedOut(options.timeoutMs / 1000))),
        options.timeoutMs,
      );
      request.on('close', () => clearTimeout(timer));
      request.on('error', reject);
      request.end();
    });
  };
}
