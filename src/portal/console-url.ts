import { CliError, ExitCode } from '../errors.js';
import type { Messages } from '../ui/messages/index.js';

/**
 * The console's URLs (docs/compat.md §B7): the partition's sign-in and console hosts, a
 * `--destination` as a console URL, the federation `login` URL and the access portal's
 * shortcut link. Pure: the partition's name comes from the SDK's partition data.
 */

export interface ConsoleHosts {
  partition: string;
  /** signin.aws.amazon.com */
  signin: string;
  /** console.aws.amazon.com */
  console: string;
}

/** The SDK's partitions carry no console or sign-in host; these are the three that have a federation sign-in. */
const HOSTS: Readonly<Record<string, { signin: string; console: string }>> = {
  aws: { signin: 'signin.aws.amazon.com', console: 'console.aws.amazon.com' },
  'aws-cn': { signin: 'signin.amazonaws.cn', console: 'console.amazonaws.cn' },
  'aws-us-gov': { signin: 'signin.amazonaws-us-gov.com', console: 'console.amazonaws-us-gov.com' },
};

/** A Region name's shape: letters, dash-separated words, a number (`us-east-1`, `us-gov-west-1`). */
export function isRegionName(value: string): boolean {
  const parts = value.split('-');
  if (parts.length < 3 || value.length > 32) return false;
  const last = parts.pop()!;
  return /^\d{1,2}$/.test(last) && parts.every((part) => /^[a-z]{1,12}$/.test(part));
}

/** The hosts of a partition (its SDK name, such as `aws-cn`); refused for partitions without a federation sign-in. */
export function consoleHosts(m: Messages, partition: string, region: string): ConsoleHosts {
  const hosts = Object.hasOwn(HOSTS, partition) ? HOSTS[partition] : undefined;
  if (!hosts) throw new CliError(m.console.unsupportedPartition(partition, region), ExitCode.usage);
  return { partition, ...hosts };
}

const SERVICE_NAME = /^[a-z0-9][a-z0-9-]{0,62}$/;

/**
 * The console URL a `--destination` means: none → the console home in `region`; a service
 * name (`s3`, `cloudformation`) → its page in `region`; an https URL on the partition's console
 * host (or a Region's subdomain of it) → itself. Anything else is refused.
 */
export function consoleDestination(m: Messages, value: string | undefined, region: string, hosts: ConsoleHosts): string {
  const page = (service: string) => `https://${hosts.console}/${service}/home?region=${encodeURIComponent(region)}`;
  if (value === undefined || value === '') return page('console');
  if (SERVICE_NAME.test(value)) return page(value);
  const refuse = () => new CliError(m.console.badDestination(value, hosts.console), ExitCode.usage);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw refuse();
  }
  const onConsoleHost = url.hostname === hosts.console || url.hostname.endsWith(`.${hosts.console}`);
  if (url.protocol !== 'https:' || !onConsoleHost || url.port !== '' || url.username !== '' || url.password !== '') throw refuse();
  return url.href;
}

/** The federation `login` URL: a credential while the token is valid (15 minutes, once). */
export function signInUrl(federationEndpoint: string, issuer: string, destination: string, signinToken: string): string {
  const url = new URL(federationEndpoint);
  url.search = new URLSearchParams({ Action: 'login', Issuer: issuer, Destination: destination, SigninToken: signinToken }).toString();
  return url.toString();
}

/**
 * The access portal's shortcut link: `<start URL>/#/console?account_id=…&role_name=…&destination=…`.
 * The start URL loses a trailing slash and any fragment of its own.
 */
export function portalConsoleUrl(startUrl: string, accountId: string, roleName: string, destination: string): string {
  let base = startUrl.split('#')[0]!;
  while (base.endsWith('/')) base = base.slice(0, -1);
  const query = new URLSearchParams({ account_id: accountId, role_name: roleName, destination });
  return `${base}/#/console?${query.toString().replaceAll('+', '%20')}`;
}
