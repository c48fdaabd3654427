import type { Context } from '../context.js';
import type { CredentialFormat } from '../flows/credentials.js';

export async function runExportCredentials(ctx: Context, flags: { profile?: string; format: CredentialFormat }): Promise<void> {
  const { exportCredentials } = await import('../flows/credentials.js');
  await exportCredentials(ctx, { profile: flags.profile ?? (ctx.env.AWS_PROFILE || 'default'), format: flags.format });
}
