import type { Context } from '../context.js';
import type { ConfigurePreset } from '../flows/configure.js';

export interface ConfigureFlags extends ConfigurePreset {
  profile?: string;
  browser: boolean;
  verify: boolean;
  yes?: boolean;
  dryRun?: boolean;
}

export async function runConfigure(ctx: Context, flags: ConfigureFlags): Promise<void> {
  const { configure } = await import('../flows/configure.js');
  const { profile, browser, verify, yes, dryRun, ...preset } = flags;
  await configure(ctx, {
    // The AWS CLI's target profile: --profile, else AWS_PROFILE, else AWS_DEFAULT_PROFILE.
    profile: profile ?? (ctx.env.AWS_PROFILE || ctx.env.AWS_DEFAULT_PROFILE || undefined),
    preset,
    acceptDefaults: yes,
    interactive: ctx.interactive,
    dryRun,
    noBrowser: !browser,
    verify,
  });
}
