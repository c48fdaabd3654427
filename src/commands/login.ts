import type { Context } from '../context.js';
import { parseSignInFlags, type SignInCommandFlags } from './sign-in-flags.js';

export interface LoginFlags extends SignInCommandFlags {
  profile?: string;
  ssoSession?: string;
  force?: boolean;
  remember?: boolean;
}

export async function runLogin(ctx: Context, flags: LoginFlags): Promise<void> {
  const signIn = parseSignInFlags(flags);
  const { login } = await import('../flows/login.js');
  await login(ctx, {
    ...signIn,
    profile: flags.profile ?? (ctx.env.AWS_PROFILE || 'default'),
    ssoSession: flags.ssoSession,
    force: flags.force,
    remember: flags.remember,
  });
}
