import type { Context } from '../context.js';
import type { ConfigurePreset } from '../flows/configure.js';
import { parseSignInFlags, type SignInCommandFlags } from './sign-in-flags.js';

export interface ConfigureFlags extends ConfigurePreset, SignInCommandFlags {
  profile?: string;
  remember?: boolean;
  verify: boolean;
  yes?: boolean;
  dryRun?: boolean;
}

export async function runConfigure(ctx: Context, flags: ConfigureFlags): Promise<void> {
  const signIn = parseSignInFlags(flags);
  const { configure } = await import('../flows/configure.js');
  const { profile, browser, verify, yes, dryRun, remember, useDeviceCode, callbackPort, timeout, ...preset } = flags;
  await configure(ctx, {
    // The AWS CLI's target profile: --profile, else AWS_PROFILE, else AWS_DEFAULT_PROFILE.
    profile: profile ?? (ctx.env.AWS_PROFILE || ctx.env.AWS_DEFAULT_PROFILE || undefined),
    preset,
    acceptDefaults: yes,
    interactive: ctx.interactive,
    dryRun,
    ...signIn,
    remember,
    verify,
  });
}
