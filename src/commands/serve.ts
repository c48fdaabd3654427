import type { Command } from 'commander';
import { resolveProfile } from '../config/profile-name.js';
import { CliError, ExitCode } from '../errors.js';
import type { ServeOptions } from '../flows/serve.js';
import type { Factory, RunFn } from './factory.js';

export type { ServeOptions };

/** `sso-setup serve`: a container-credentials endpoint for the AWS SDKs, serving a profile's role credentials. */
export function newServeCommand(f: Factory, run?: RunFn<ServeOptions>): Command {
  const m = f.messages;
  return f.newCommand('serve')
    .description(m.serve.help.description)
    .option('--profile <name>', m.serve.help.profile)
    .option('--port <number>', m.serve.help.port)
    .option('--host <address>', m.serve.help.host)
    .action(async (flags: { profile?: string; port?: string; host?: string }) => {
      const port = flags.port === undefined ? 0 : /^\d{1,5}$/.test(flags.port) ? Number(flags.port) : NaN;
      if (!(port >= 0 && port <= 65535)) throw new CliError(m.serve.invalidPort(flags.port!), ExitCode.usage);
      const ctx = f.context();
      const options: ServeOptions = { profile: resolveProfile(flags.profile, ctx.env), port, host: flags.host ?? '127.0.0.1' };
      if (run) return run(options);
      const { serve } = await import('../flows/serve.js');
      await serve(ctx, options);
    });
}
