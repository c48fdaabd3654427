import type { Context } from '../context.js';

export async function runLogout(ctx: Context): Promise<void> {
  const { logout } = await import('../flows/logout.js');
  await logout(ctx);
}
