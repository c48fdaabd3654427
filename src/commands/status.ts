import type { Context } from '../context.js';

export async function runStatus(ctx: Context, flags: { json?: boolean }): Promise<void> {
  const { status } = await import('../flows/status.js');
  await status(ctx, { json: flags.json });
}
