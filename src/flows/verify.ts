import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import type { Context } from '../context.js';
import { CliError } from '../errors.js';
import { describeServiceError } from '../service-errors.js';
import { readAwsConfig } from '../config/read.js';
import { sessionTarget } from './login.js';
import { sessionTokenWithContext } from './sign-in.js';
import { printable } from '../ui/terminal-text.js';

export interface CallerIdentity {
  UserId: string;
  Account: string;
  Arn: string;
}

/**
 * STS GetCallerIdentity with the profile, through the SDK's own SSO credential provider:
 * the check the guides make users run by hand. Prints the identity as `aws sts
 * get-caller-identity` does.
 */
export async function callerIdentity(ctx: Context, profile: string, region: string): Promise<CallerIdentity> {
  const credentials = await ctx.clients.profileCredentials(profile, ctx.paths);
  const sts = await ctx.clients.sts(region, credentials);
  const response = await sts.send(new GetCallerIdentityCommand({}));
  return { UserId: response.UserId ?? '', Account: response.Account ?? '', Arn: response.Arn ?? '' };
}

const asJson = (identity: CallerIdentity) => JSON.stringify(identity, null, 4) + '\n';

export async function verifyProfile(ctx: Context, profile: string, region: string): Promise<CallerIdentity> {
  let identity: CallerIdentity;
  try {
    identity = await callerIdentity(ctx, profile, region);
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
