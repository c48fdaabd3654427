import type { Command } from 'commander';
import type { Factory, RunFn } from './factory.js';

/** `sso-setup logout` takes no options (the AWS CLI's `aws sso logout` signs out of everything). */
export type LogoutOptions = Record<string, never>;

/** `sso-setup logout`: the AWS CLI's `aws sso logout`. */
export function newLogoutCommand(f: Factory, run?: RunFn<LogoutOptions>): Command {
  return f.newCommand('logout').description(f.messages.logout.help.description).action(async () => {
    if (run) return run({});
    const { logout } = await import('../flows/logout.js');
    await logout(f.context());
  });
}
