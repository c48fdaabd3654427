import { Option, type Command } from 'commander';
import { resolveProfile } from '../config/profile-name.js';
import { CREDENTIAL_FORMATS, type CredentialFormat } from '../flows/credential-formats.js';
import type { ExportCredentialsOptions } from '../flows/credentials.js';
import type { Factory, RunFn } from './factory.js';

export type { ExportCredentialsOptions };

/** `sso-setup export-credentials`: the AWS CLI's `aws configure export-credentials`. */
export function newExportCredentialsCommand(f: Factory, run?: RunFn<ExportCredentialsOptions>): Command {
  const m = f.messages;
  return f.newCommand('export-credentials')
    .description(m.credentials.help.exportCredentials)
    .option('--profile <name>', m.credentials.help.profileToUse)
    .addOption(new Option('--format <format>', m.credentials.help.exportFormat).choices(CREDENTIAL_FORMATS).default('process'))
    .action(async (flags: { profile?: string; format: CredentialFormat }) => {
      const ctx = f.context();
      const options: ExportCredentialsOptions = {
        profile: resolveProfile(flags.profile, ctx.env),
        profileFlag: flags.profile !== undefined,
        format: flags.format,
      };
      if (run) return run(options);
      const { exportCredentials } = await import('../flows/credentials.js');
      await exportCredentials(ctx, options);
    });
}
