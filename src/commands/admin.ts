import type { Command } from 'commander';
import { profileFromEnvironment } from '../config/profile-name.js';
import type { AdminOptions, AdminPreset } from '../flows/admin.js';
import type { Factory, RunFn } from './factory.js';

export type { AdminOptions };

/** The flags as commander gives them; each is mapped below, none passes through unnamed. */
interface AdminFlags extends Omit<AdminPreset, 'managedPolicies' | 'accountIds'> {
  profile?: string;
  /** Repeatable flags, in the singular as typed (`--managed-policy A --managed-policy B`). */
  managedPolicy?: string[];
  accountId?: string[];
  yes?: boolean;
  dryRun?: boolean;
}

const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];

/** `sso-setup admin`: the IAM Identity Center console's steps for one user, every prompt also a flag. */
export function newAdminCommand(f: Factory, run?: RunFn<AdminOptions>): Command {
  const m = f.messages;
  const h = m.admin.help;
  return f
    .newCommand('admin')
    .description(h.description)
    .option('--profile <name>', h.profile)
    .option('--region <region>', h.region)
    .option('--user-name <name>', h.userName)
    .option('--email <address>', h.email)
    .option('--given-name <name>', h.givenName)
    .option('--family-name <name>', h.familyName)
    .option('--display-name <name>', h.displayName)
    .option('--group <name>', h.group)
    .option('--permission-set <name>', h.permissionSet)
    .option('--description <text>', h.setDescription)
    .option('--session-duration <duration>', h.sessionDuration)
    .option('--managed-policy <name>', h.managedPolicy, collect)
    .option('--account-id <id>', h.accountId, collect)
    .option('-y, --yes', h.yes)
    .option('--dry-run', h.dryRun)
    .action(async (flags: AdminFlags) => {
      const ctx = f.context();
      const options: AdminOptions = {
        profile: profileFromEnvironment(flags.profile, ctx.env),
        preset: {
          region: flags.region,
          userName: flags.userName,
          email: flags.email,
          givenName: flags.givenName,
          familyName: flags.familyName,
          displayName: flags.displayName,
          group: flags.group,
          permissionSet: flags.permissionSet,
          description: flags.description,
          sessionDuration: flags.sessionDuration,
          managedPolicies: flags.managedPolicy,
          accountIds: flags.accountId,
        },
        acceptDefaults: flags.yes,
        interactive: ctx.interactive,
        dryRun: flags.dryRun,
      };
      if (run) return run(options);
      const { admin } = await import('../flows/admin.js');
      await admin(ctx, options);
    });
}
