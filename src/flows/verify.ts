import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import type { Context } from '../context.js';
import { CliError, ConfigurationError } from '../errors.js';
import { botocoreSsoProblems } from '../config/consistency.js';
import { profileSectionName } from '../config/edit.js';
import { printable } from '../ui/terminal-text.js';
import { describeServiceError } from '../service-errors.js';
import { readAwsConfig, type AwsConfig } from '../config/read.js';
import { getRoleCredentials } from '../portal/accounts.js';
import { sessionTarget } from './login.js';
import { sessionTokenWithContext } from './sign-in.js';

export interface CallerIdentity {
  UserId: string;
  Account: string;
  Arn: string;
}

/**
 * STS GetCallerIdentity with the profile, through the SDK's own SSO credential provider
 * (it reads the config file and the token cache itself): what `whoami` shows.
 */
export async function callerIdentity(ctx: Context, profile: string, region: string): Promise<CallerIdentity> {
  return identityWith(ctx, region, await ctx.clients.profileCredentials(profile, ctx.paths));
}

async function identityWith(ctx: Context, region: string, credentials: AwsCredentialIdentityProvider): Promise<CallerIdentity> {
  const sts = await ctx.clients.sts(region, credentials);
  const response = await sts.send(new GetCallerIdentityCommand({}));
  return { UserId: response.UserId ?? '', Account: response.Account ?? '', Arn: response.Arn ?? '' };
}

/**
 * botocore's rules for a profile with an sso-session (src/config/consistency.ts): the JS SDK
 * behind callerIdentity doesn't apply them, so without this a profile the AWS CLI and boto3
 * refuse would be reported as working. Returns the error message, or undefined.
 */
export function botocoreRejection(ctx: Context, config: AwsConfig, profile: string): string | undefined {
  const section = config.profiles[profile];
  if (!section) return undefined;
  const problems = botocoreSsoProblems(section, config.ssoSessions);
  const missing = problems.find((p) => p.kind === 'missing-session');
  // Names and keys come from a file other programs may have written: shown printable.
  if (missing) return ctx.messages.login.sessionNotFound(printable(missing.session));
  const inconsistent = problems.flatMap((p) => (p.kind === 'inconsistent' ? [p] : []));
  if (inconsistent.length === 0) return undefined;
  const m = ctx.messages.credentials;
  return m.botocoreRejects(
    printable(profile),
    printable(inconsistent[0]!.session),
    printable(profileSectionName(profile)),
    ctx.paths.configFile,
    inconsistent.map((p) => m.inconsistentValue(printable(p.key), p.profileValue, p.sessionValue)),
    inconsistent.map((p) => printable(p.key)),
  );
}

const asJson = (identity: CallerIdentity) => JSON.stringify(identity, null, 4) + '\n';

/**
 * `configure`'s check of the profile it has just written, the one the guides make users run
 * by hand: the config file read back and held to botocore's rules (botocoreRejection), then
 * the profile's account and role, as the file now names them, turned into role credentials
 * (GetRoleCredentials in the file's SSO region, with the token the sign-in just got and
 * cached) and STS GetCallerIdentity signed with them. Prints the identity as `aws sts
 * get-caller-identity` does. The token comes from the caller rather than through the SDK's
 * own provider (whoami's path): that provider reads the config and the cache once more and
 * loads a second SSO client, for a token configure already holds.
 */
export async function verifyProfile(ctx: Context, profile: string, region: string, accessToken: string): Promise<CallerIdentity> {
  const config = await readAwsConfig(ctx.paths, ctx.messages);
  const rejection = botocoreRejection(ctx, config, profile);
  if (rejection) throw new ConfigurationError(ctx.messages.credentials.writtenButRejected(rejection));
  const section = config.profiles[profile] ?? {};
  const ssoRegion = section.sso_session ? config.ssoSessions[section.sso_session]?.sso_region : section.sso_region;
  const { sso_account_id: accountId, sso_role_name: roleName } = section;
  if (!accountId || !roleName || !ssoRegion) {
    // Only when another program changed the file since our write: the profile is not what was chosen.
    const missing = [!accountId && 'sso_account_id', !roleName && 'sso_role_name', !ssoRegion && 'sso_region'].filter(Boolean) as string[];
    throw new CliError(ctx.messages.credentials.verifyFailed(ctx.messages.credentials.profileMissingRoleKeys(printable(profile), missing)));
  }
  let identity: CallerIdentity;
  try {
    const credentials = await getRoleCredentials(await ctx.clients.portal(ssoRegion), accessToken, accountId, roleName, ctx.messages);
    for (const secret of [credentials.secretAccessKey, credentials.sessionToken]) ctx.log.secret(secret);
    identity = await identityWith(ctx, region, async () => credentials);
  } catch (error) {
    throw new CliError(ctx.messages.credentials.verifyFailed(describeServiceError(error, ctx.messages)));
  }
  ctx.stdout.write(asJson(identity));
  return identity;
}

/** `sso-setup whoami`: the identity a profile signs in as, through the SDK's own provider. */
export interface WhoamiOptions {
  /** --profile, else AWS_PROFILE, else AWS_DEFAULT_PROFILE, else `default`. */
  profile: string;
  /** --json: print what `aws sts get-caller-identity` prints. */
  json?: boolean;
}

export async function whoami(ctx: Context, options: WhoamiOptions): Promise<CallerIdentity> {
  const config = await readAwsConfig(ctx.paths, ctx.messages);
  const section = config.profiles[options.profile];
  if (!section) throw new CliError(ctx.messages.login.profileNotFound(options.profile));
  const rejection = botocoreRejection(ctx, config, options.profile);
  if (rejection) throw new ConfigurationError(rejection);
  const sessionRegion = section.sso_session ? config.ssoSessions[section.sso_session]?.sso_region : section.sso_region;
  const region = section.region || sessionRegion || 'us-east-1';
  // The SDK's provider refreshes only in the last 5 minutes and writes its own format;
  // refreshing first, as botocore would, leaves it a token it uses as it is.
  const session = section.sso_session ? config.ssoSessions[section.sso_session] : undefined;
  if (session?.sso_start_url && session.sso_region) {
    await sessionTokenWithContext(ctx, sessionTarget(ctx.messages, section.sso_session!, config.ssoSessions));
  }
  let identity: CallerIdentity;
  try {
    identity = await callerIdentity(ctx, options.profile, region);
  } catch (error) {
    throw new CliError(ctx.messages.credentials.whoamiFailed(options.profile, describeServiceError(error, ctx.messages)));
  }
  // From the server: the text form drops control characters; JSON escapes them as the AWS CLI's does.
  const shown = { Account: printable(identity.Account), Arn: printable(identity.Arn, 2048), UserId: printable(identity.UserId, 512) };
  ctx.stdout.write(options.json ? asJson(identity) : ctx.messages.credentials.whoamiIdentity(shown));
  return identity;
}
