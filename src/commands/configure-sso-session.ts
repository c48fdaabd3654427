import type { Command } from 'commander';
import { CliError, ExitCode } from '../errors.js';
import type { ConfigureSsoSessionOptions } from '../flows/configure-sso-session.js';
import type { Factory, RunFn } from './factory.js';

export type { ConfigureSsoSessionOptions };

/** The flags as commander gives them; each is mapped below, none passes through unnamed. */
interface ConfigureSsoSessionFlags {
  ssoSession?: string;
  startUrl?: string;
  ssoRegion?: string;
  scopes?: string;
  yes?: boolean;
  dryRun?: boolean;
}

const SHARED: ReadonlyArray<keyof ConfigureSsoSessionFlags> = ['ssoSession', 'startUrl', 'ssoRegion', 'scopes', 'yes', 'dryRun'];

/**
 * commander lets the program take options anywhere, so it hands `configure` the options typed
 * after `sso-session` and `configure` (which has the same ones) keeps them. They are taken back
 * here; an option of `configure` alone (`--profile`, `--account-id` …) is a usage error.
 */
function withParentFlags(own: ConfigureSsoSessionFlags, command: Command, notAnOption: (flag: string) => string): ConfigureSsoSessionFlags {
  const parent = command.parent;
  if (!parent) return own;
  const flags: ConfigureSsoSessionFlags = { ...own };
  for (const option of parent.options) {
    const key = option.attributeName();
    if (parent.getOptionValueSource(key) !== 'cli') continue;
    if (!(SHARED as readonly string[]).includes(key)) throw new CliError(notAnOption(option.long ?? option.flags), ExitCode.usage);
    (flags as Record<string, unknown>)[key] ??= parent.getOptionValue(key);
  }
  return flags;
}

/** `sso-setup configure sso-session`: the AWS CLI's `aws configure sso-session`, every prompt also a flag. */
export function newConfigureSsoSessionCommand(f: Factory, run?: RunFn<ConfigureSsoSessionOptions>): Command {
  const m = f.messages;
  return f
    .newCommand('sso-session')
    .description(m.configureSsoSession.help.description)
    .option('--sso-session <name>', m.configureSsoSession.help.ssoSession)
    .option('--start-url <url>', m.configureSsoSession.help.startUrl)
    .option('--sso-region <region>', m.configureSsoSession.help.ssoRegion)
    .option('--scopes <list>', m.configureSsoSession.help.scopes)
    .option('-y, --yes', m.configureSsoSession.help.yes)
    .option('--dry-run', m.configureSsoSession.help.dryRun)
    .action(async (own: ConfigureSsoSessionFlags, command: Command) => {
      const flags = withParentFlags(own, command, m.configureSsoSession.notAnOption);
      const ctx = f.context();
      const options: ConfigureSsoSessionOptions = {
        ssoSession: flags.ssoSession,
        startUrl: flags.startUrl,
        ssoRegion: flags.ssoRegion,
        scopes: flags.scopes,
        acceptDefaults: flags.yes,
        interactive: ctx.interactive,
        dryRun: flags.dryRun,
      };
      if (run) return run(options);
      const { configureSsoSession } = await import('../flows/configure-sso-session.js');
      await configureSsoSession(ctx, options);
    });
}
