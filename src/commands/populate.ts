import type { Context } from '../context.js';
import { parseSignInFlags, type SignInCommandFlags } from './sign-in-flags.js';

export interface PopulateFlags extends SignInCommandFlags {
  ssoSession: string;
  template?: string;
  prefix?: string;
  region?: string;
  output?: string;
  dryRun?: boolean;
  prune?: boolean;
  rate?: string;
}

export async function runPopulate(ctx: Context, flags: PopulateFlags): Promise<void> {
  const signIn = parseSignInFlags(flags);
  const { populate } = await import('../flows/populate.js');
  await populate(ctx, {
    ssoSession: flags.ssoSession,
    template: flags.template,
    prefix: flags.prefix,
    region: flags.region,
    output: flags.output,
    dryRun: flags.dryRun,
    prune: flags.prune,
    rate: flags.rate === undefined ? undefined : Number(flags.rate),
    signIn,
  });
}
