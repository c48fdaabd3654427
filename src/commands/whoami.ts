import type { Context } from '../context.js';

export async function runWhoami(ctx: Context, flags: { profile?: string; json?: boolean }): Promise<void> {
  const { whoami } = await import('../flows/verify.js');
  await whoami(ctx, { profile: flags.profile ?? (ctx.env.AWS_PROFILE || 'default'), json: flags.json });
}
