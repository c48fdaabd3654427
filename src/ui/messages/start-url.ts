/**
 * Custom-domain ("vanity") start URLs, resolved as the AWS CLI 2.35.13+ resolves them
 * (awscli/customizations/sso/resolve.py, docs/compat.md §A6). The English texts are the
 * AWS CLI's, word for word; URLs that come from a server are passed in already printable.
 */

export const en = {
  httpsRequired: 'The sso_start_url must use the https scheme.',
  invalidStartUrl: (url: string) => `Invalid sso_start_url: '${url}'`,
  missingLocation: 'Redirect response missing Location header.',
  failedStatus: (status: number) => `Failed to resolve start URL: HTTP ${status}`,
  failedReason: (reason: string) => `Failed to resolve start URL: ${reason}`,
  timedOut: (seconds: number) => `timed out after ${seconds} s`,
  notAwsOwned: (startUrl: string, finalUrl: string) =>
    `Could not resolve start URL '${startUrl}' to an AWS-owned endpoint. Final URL: '${finalUrl}'`,
  resolvedNotHttps: (finalUrl: string) => `Resolved URL must use https. Got: '${finalUrl}'`,
  noRegion: (startUrl: string) =>
    `Cannot determine region from start URL '${startUrl}'. Please provide sso_region in your configuration.`,
  regionUpdated: (region: string) => `SSO region updated to ${region}\n`,
  /** On stderr when configure can't reach a custom domain and asks for the region instead. */
  askingRegion: (reason: string) => `${reason}. Enter the SSO region instead.\n`,
};
