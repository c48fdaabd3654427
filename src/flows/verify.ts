import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import type { Context } from '../context.js';
import { CliError } from '../errors.js';
import { describeServiceError } from '../sso/oidc-errors.js';
import { messages } from '../ui/messages.js';

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
export async function verifyProfile(ctx: Context, profile: string, region: string): Promise<CallerIdentity> {
  let identity: CallerIdentity;
  try {
    const credentials = await ctx.clients.profileCredentials(profile, ctx.paths);
    const sts = await ctx.clients.sts(region, credentials);
    const response = await sts.send(new GetCallerIdentityCommand({}));
    identity = { UserId: response.UserId ?? '', Account: response.Account ?? '', Arn: response.Arn ?? '' };
  } catch (error) {
    throw new CliError(messages.verifyFailed(describeServiceError(error)));
  }
  ctx.stdout.write(JSON.stringify(identity, null, 4) + '\n');
  return identity;
}
