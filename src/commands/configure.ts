import type { Context } from '../context.js';

export interface ConfigureFlags {
  profile?: string;
  browser: boolean;
  verify: boolean;
}

export async function runConfigure(ctx: Context, flags: ConfigureFlags): Promise<void> {
  const { configure } = await import('../flows/configure.js');
  await configure(ctx, {
    // The AWS CLI's target profile: --profile, else AWS_PROFILE, else AWS_DEFAULT_PROFILE.
    profile: flags.profile ?? (ctx.env.AWS_PROFILE || ctx.env.AWS_DEFAULT_PROFILE || undefined),
    noBrowser: !flags.browser,
    verify: flags.verify,
  });
}
