import type { Context } from '../context.js';
import { readAwsConfig } from '../config/read.js';
import { CliError, ConfigurationError, ExitCode } from '../errors.js';
import { FederationError } from '../clients.js';
import { consoleDestination, consoleHosts, isRegionName, portalConsoleUrl, signInUrl } from '../portal/console-url.js';
import { printable } from '../ui/terminal-text.js';
import { roleCredentialsForProfile } from './credentials.js';
import { resolveLoginTarget } from './login.js';
import { openBrowserOrReasons } from './sign-in.js';

export interface ConsoleOptions {
  /** --profile, else AWS_PROFILE, else AWS_DEFAULT_PROFILE, else `default`. */
  profile: string;
  /** --destination: a service name (`s3`) or an https URL on the partition's console host. */
  destination?: string;
  /** --region: the console page's Region; default the profile's `region`, else its SSO region. */
  region?: string;
  /** --print: print the URL instead of opening it. */
  print?: boolean;
  /** --portal: the access portal's shortcut link instead of a federation sign-in. */
  portal?: boolean;
}

/**
 * `sso-setup console`: the AWS console as the profile's role (docs/compat.md §B7). By default
 * a federation sign-in: the role credentials (through the AWS CLI's cache and botocore's
 * refresh rules), a sign-in token from the partition's federation endpoint, and the `login`
 * URL opened in the browser. The URL is a credential: it is printed only with --print and
 * registered with the --debug log's redactor. With --portal, the access portal's link, which
 * needs no credentials. Returns the URL (for tests).
 */
export async function openConsole(ctx: Context, options: ConsoleOptions): Promise<string> {
  const m = ctx.messages;
  const config = await readAwsConfig(ctx.paths, m);
  const target = resolveLoginTarget(m, config, { profile: options.profile });
  const section = config.profiles[options.profile]!;
  const accountId = section.sso_account_id;
  const roleName = section.sso_role_name;
  const missing = [!accountId && 'sso_account_id', !roleName && 'sso_role_name'].filter(Boolean) as string[];
  if (missing.length > 0) throw new ConfigurationError(m.credentials.profileMissingRoleKeys(options.profile, missing));

  const region = options.region ?? section.region ?? target.region;
  if (!isRegionName(region)) throw new CliError(m.console.badRegion(region), ExitCode.usage);
  const { partition } = await import('@aws-sdk/core/client');
  const hosts = consoleHosts(m, partition(region).name, region);
  const ssoPartition = partition(target.region).name;
  if (ssoPartition !== hosts.partition) {
    throw new CliError(m.console.partitionMismatch(region, hosts.partition, target.region, ssoPartition), ExitCode.usage);
  }
  const destination = consoleDestination(m, options.destination, region, hosts);

  if (options.portal) {
    const url = portalConsoleUrl(target.startUrl, accountId!, roleName!, destination);
    if (options.print) {
      ctx.stdout.write(`${url}\n`);
      return url;
    }
    ctx.stdout.write(m.console.openingPortal(accountId!, roleName!));
    const reasons = await openBrowserOrReasons(ctx, url);
    if (reasons) ctx.stderr.write(m.console.portalNotOpened(reasons, url));
    return url;
  }

  const credentials = await roleCredentialsForProfile(ctx, options.profile);
  for (const secret of [credentials.secretAccessKey, credentials.sessionToken]) ctx.log.secret(secret);
  const endpoint = ctx.clients.federationEndpoint(`https://${hosts.signin}/federation`);
  ctx.log.debug(`console: getSigninToken at ${endpoint}`);
  let token: string;
  try {
    token = await ctx.clients.getSigninToken(endpoint, {
      sessionId: credentials.accessKeyId,
      sessionKey: credentials.secretAccessKey,
      sessionToken: credentials.sessionToken,
    });
  } catch (error) {
    if (!(error instanceof FederationError)) throw error;
    throw new CliError(m.console.signinTokenFailed(endpoint, error.status, printable(error.message).trim()));
  }
  const url = signInUrl(endpoint, target.startUrl, destination, token);
  for (const secret of [token, encodeURIComponent(token), new URLSearchParams({ t: token }).toString().slice(2), url]) ctx.log.secret(secret);

  if (options.print) {
    ctx.stdout.write(`${url}\n`);
    ctx.stderr.write(m.console.printedNotice);
    return url;
  }
  ctx.stdout.write(m.console.opening(accountId!, roleName!, destination));
  const reasons = await openBrowserOrReasons(ctx, url);
  if (reasons) {
    // Whatever an opener says about its failure, the URL is not repeated.
    throw new CliError(m.console.browserNotOpened(reasons.map((reason) => reason.replaceAll(url, '…'))));
  }
  return url;
}
