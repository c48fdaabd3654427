import type { SignInMethod, SsoTarget } from './sign-in.js';

/**
 * Which sign-in flow to use, and why, decided from the configuration, the flags and what
 * this machine looks like. Pure: the environment and platform come in as values.
 */

export interface SignInMethodFlags {
  /** --use-device-code (true) / --no-use-device-code (false) / neither (undefined). */
  useDeviceCode?: boolean;
  /** --callback-port: someone forwards that port here, so the browser flow can work. */
  callbackPort?: number;
}

export type SignInMethodReason =
  | { kind: 'flag-device' }
  | { kind: 'flag-pkce' }
  | { kind: 'callback-port'; port: number }
  | { kind: 'config'; sessionName: string }
  | { kind: 'legacy' }
  | { kind: 'ssh'; variable: string }
  | { kind: 'ci' }
  | { kind: 'no-display' }
  | { kind: 'default'; sessionName: string };

export interface SignInMethodChoice {
  method: SignInMethod;
  reason: SignInMethodReason;
  /** True when no browser can be opened here: print the URL (and a QR code) instead of opening one. */
  remote: boolean;
}

/**
 * Why no browser can be opened on this machine, if that is the case: an SSH session, a CI
 * job, or Linux without a display. A BROWSER variable, or WSL (which opens the Windows
 * browser), means one can.
 */
export function remoteReason(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): SignInMethodReason | undefined {
  if (env.BROWSER) return undefined;
  const ssh = ['SSH_CONNECTION', 'SSH_TTY', 'SSH_CLIENT'].find((name) => env[name]);
  if (ssh) return { kind: 'ssh', variable: ssh };
  if (env.CI && env.CI !== 'false' && env.CI !== '0') return { kind: 'ci' };
  const unixDesktop = platform !== 'win32' && platform !== 'darwin' && platform !== 'android';
  if (unixDesktop && !env.DISPLAY && !env.WAYLAND_DISPLAY && !env.WSL_DISTRO_NAME) return { kind: 'no-display' };
  return undefined;
}

export function chooseSignInMethod(
  target: Pick<SsoTarget, 'sessionName' | 'useDeviceCode'>,
  flags: SignInMethodFlags,
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform,
): SignInMethodChoice {
  const remote = remoteReason(env, platform);
  const choice = (method: SignInMethod) => (reason: SignInMethodReason): SignInMethodChoice => ({ method, reason, remote: remote !== undefined });
  const device = choice('device');
  const pkce = choice('pkce');

  // The AWS CLI signs legacy profiles (no sso-session) in with the device flow only.
  if (target.sessionName === undefined) return device({ kind: 'legacy' });
  if (flags.useDeviceCode === true) return device({ kind: 'flag-device' });
  if (flags.callbackPort !== undefined) return pkce({ kind: 'callback-port', port: flags.callbackPort });
  if (flags.useDeviceCode === false) return pkce({ kind: 'flag-pkce' });
  if (target.useDeviceCode) return device({ kind: 'config', sessionName: target.sessionName });
  if (remote) return device(remote);
  return pkce({ kind: 'default', sessionName: target.sessionName });
}

/** `sso_use_device_code` as the config file may spell it. */
export function parseUseDeviceCode(value: string | undefined): boolean {
  return value !== undefined && ['true', 'yes', '1', 'on'].includes(value.trim().toLowerCase());
}
