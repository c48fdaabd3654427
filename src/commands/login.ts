import type { Context } from '../context.js';

export interface LoginFlags {
  profile?: string;
  ssoSession?: string;
  browser: boolean;
}

export async function runLogin(ctx: Context, flags: LoginFlags): Promise<void> {
  const { login } = await import('../flows/login.js');
  await login(ctx, {
    profile: flags.profile ?? (ctx.env.AWS_PROFILE || 'default'),
    ssoSession: flags.ssoSession,
    noBrowser: !flags.browser,
  });
}
