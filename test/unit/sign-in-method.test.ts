import { describe, expect, it } from 'vitest';
import { chooseSignInMethod, parseUseDeviceCode, remoteReason } from '../../src/sso/sign-in-method.js';

// docs/compat.md §A2 "Flow choice": PKCE for an sso-session unless --use-device-code; the device
// flow for legacy profiles. On top of that, sso-setup picks the device flow where no browser
// can open (SSH, CI, Linux without a display) unless told otherwise.

const session = { sessionName: 'corp' };
const legacy = {};
/** A Linux desktop: a browser can open. */
const desktop = { DISPLAY: ':0' };
const ssh = { SSH_CONNECTION: '10.0.0.1 50000 10.0.0.2 22' };

describe('chooseSignInMethod', () => {
  it('signs legacy profiles in with the device flow whatever the flags', () => {
    for (const flags of [{}, { useDeviceCode: false }, { useDeviceCode: true }, { callbackPort: 8400 }, { useDeviceCode: false, callbackPort: 8400 }]) {
      expect(chooseSignInMethod(legacy, flags, desktop, 'linux')).toEqual({ method: 'device', reason: { kind: 'legacy' }, remote: false });
      expect(chooseSignInMethod(legacy, flags, {}, 'darwin')).toEqual({ method: 'device', reason: { kind: 'legacy' }, remote: false });
    }
    expect(chooseSignInMethod(legacy, {}, ssh, 'linux')).toEqual({ method: 'device', reason: { kind: 'legacy' }, remote: true });
    expect(chooseSignInMethod({ sessionName: undefined, useDeviceCode: false }, { useDeviceCode: false }, {}, 'win32').method).toBe('device');
  });

  it('defaults to PKCE for an sso-session where a browser opens', () => {
    const expected = { method: 'pkce', reason: { kind: 'default', sessionName: 'corp' }, remote: false };
    expect(chooseSignInMethod(session, {}, desktop, 'linux')).toEqual(expected);
    expect(chooseSignInMethod({ sessionName: 'corp', useDeviceCode: false }, {}, desktop, 'linux')).toEqual(expected);
  });

  it('--use-device-code → device', () => {
    expect(chooseSignInMethod(session, { useDeviceCode: true }, desktop, 'linux')).toEqual({
      method: 'device',
      reason: { kind: 'flag-device' },
      remote: false,
    });
    expect(chooseSignInMethod(session, { useDeviceCode: true }, ssh, 'linux')).toEqual({
      method: 'device',
      reason: { kind: 'flag-device' },
      remote: true,
    });
    expect(chooseSignInMethod(session, { useDeviceCode: true, callbackPort: 8400 }, desktop, 'linux').method).toBe('device');
  });

  it('--callback-port → PKCE, even over SSH (remote: the URL is printed, for ssh -L) and over sso_use_device_code', () => {
    const expected = { method: 'pkce', reason: { kind: 'callback-port', port: 8400 }, remote: false };
    expect(chooseSignInMethod(session, { callbackPort: 8400 }, desktop, 'linux')).toEqual(expected);
    expect(chooseSignInMethod(session, { callbackPort: 8400 }, ssh, 'linux')).toEqual({ ...expected, remote: true });
    expect(chooseSignInMethod({ sessionName: 'corp', useDeviceCode: true }, { callbackPort: 8400 }, desktop, 'linux')).toEqual(expected);
  });

  it('--no-use-device-code → PKCE, even over SSH, in CI, without a display (remote there) and over sso_use_device_code', () => {
    const expected = { method: 'pkce', reason: { kind: 'flag-pkce' }, remote: false };
    expect(chooseSignInMethod(session, { useDeviceCode: false }, desktop, 'linux')).toEqual(expected);
    expect(chooseSignInMethod(session, { useDeviceCode: false }, ssh, 'linux')).toEqual({ ...expected, remote: true });
    expect(chooseSignInMethod(session, { useDeviceCode: false }, { CI: 'true' }, 'linux')).toEqual({ ...expected, remote: true });
    expect(chooseSignInMethod(session, { useDeviceCode: false }, {}, 'linux')).toEqual({ ...expected, remote: true });
    expect(chooseSignInMethod({ sessionName: 'corp', useDeviceCode: true }, { useDeviceCode: false }, desktop, 'linux')).toEqual(expected);
  });

  it('sso_use_device_code = true → device', () => {
    const target = { sessionName: 'corp', useDeviceCode: true };
    expect(chooseSignInMethod(target, {}, desktop, 'linux')).toEqual({
      method: 'device',
      reason: { kind: 'config', sessionName: 'corp' },
      remote: false,
    });
    expect(chooseSignInMethod(target, {}, ssh, 'linux')).toEqual({
      method: 'device',
      reason: { kind: 'config', sessionName: 'corp' },
      remote: true,
    });
  });

  it('SSH_CONNECTION / SSH_TTY / SSH_CLIENT → device, remote, naming the variable', () => {
    for (const variable of ['SSH_CONNECTION', 'SSH_TTY', 'SSH_CLIENT']) {
      for (const platform of ['linux', 'darwin', 'win32', 'freebsd'] as const) {
        expect(chooseSignInMethod(session, {}, { ...desktop, [variable]: 'x' }, platform)).toEqual({
          method: 'device',
          reason: { kind: 'ssh', variable },
          remote: true,
        });
      }
    }
    expect(chooseSignInMethod(session, {}, { ...desktop, SSH_TTY: '' }, 'linux').method).toBe('pkce');
  });

  it('CI=true → device, remote; CI=false and CI=0 are not CI', () => {
    expect(chooseSignInMethod(session, {}, { ...desktop, CI: 'true' }, 'linux')).toEqual({
      method: 'device',
      reason: { kind: 'ci' },
      remote: true,
    });
    expect(chooseSignInMethod(session, {}, { CI: 'true' }, 'darwin')).toEqual({ method: 'device', reason: { kind: 'ci' }, remote: true });
    expect(chooseSignInMethod(session, {}, { CI: '1' }, 'win32').reason).toEqual({ kind: 'ci' });
    for (const CI of ['false', '0', '']) {
      expect(chooseSignInMethod(session, {}, { ...desktop, CI }, 'linux')).toEqual({
        method: 'pkce',
        reason: { kind: 'default', sessionName: 'corp' },
        remote: false,
      });
    }
  });

  it('Linux without DISPLAY and WAYLAND_DISPLAY → device (no-display), remote', () => {
    expect(chooseSignInMethod(session, {}, {}, 'linux')).toEqual({ method: 'device', reason: { kind: 'no-display' }, remote: true });
    expect(chooseSignInMethod(session, {}, { DISPLAY: '', WAYLAND_DISPLAY: '' }, 'linux').reason).toEqual({ kind: 'no-display' });
    expect(chooseSignInMethod(session, {}, {}, 'freebsd').reason).toEqual({ kind: 'no-display' });
  });

  it('Linux with DISPLAY or WAYLAND_DISPLAY → PKCE', () => {
    for (const env of [{ DISPLAY: ':0' }, { WAYLAND_DISPLAY: 'wayland-0' }]) {
      expect(chooseSignInMethod(session, {}, env, 'linux')).toEqual({
        method: 'pkce',
        reason: { kind: 'default', sessionName: 'corp' },
        remote: false,
      });
    }
  });

  it('WSL without DISPLAY → PKCE (the Windows browser opens)', () => {
    expect(chooseSignInMethod(session, {}, { WSL_DISTRO_NAME: 'Ubuntu' }, 'linux')).toEqual({
      method: 'pkce',
      reason: { kind: 'default', sessionName: 'corp' },
      remote: false,
    });
  });

  it('win32 and darwin without DISPLAY → PKCE', () => {
    for (const platform of ['win32', 'darwin'] as const) {
      expect(chooseSignInMethod(session, {}, {}, platform)).toEqual({
        method: 'pkce',
        reason: { kind: 'default', sessionName: 'corp' },
        remote: false,
      });
    }
  });

  it('BROWSER set → never remote', () => {
    const expected = { method: 'pkce', reason: { kind: 'default', sessionName: 'corp' }, remote: false };
    const BROWSER = 'lynx %s';
    expect(chooseSignInMethod(session, {}, { BROWSER, ...ssh }, 'linux')).toEqual(expected);
    expect(chooseSignInMethod(session, {}, { BROWSER, SSH_TTY: '/dev/pts/0', CI: 'true' }, 'linux')).toEqual(expected);
    expect(chooseSignInMethod(session, {}, { BROWSER }, 'linux')).toEqual(expected);
    expect(chooseSignInMethod(session, { useDeviceCode: true }, { BROWSER, ...ssh }, 'linux')).toEqual({
      method: 'device',
      reason: { kind: 'flag-device' },
      remote: false,
    });
    expect(chooseSignInMethod(legacy, {}, { BROWSER, ...ssh }, 'linux').remote).toBe(false);
  });
});

describe('remoteReason', () => {
  it('names the first SSH variable set, before CI and the display', () => {
    expect(remoteReason({ SSH_CLIENT: 'a', CI: 'true' }, 'linux')).toEqual({ kind: 'ssh', variable: 'SSH_CLIENT' });
    expect(remoteReason({ SSH_TTY: '/dev/pts/1', SSH_CLIENT: 'a' }, 'linux')).toEqual({ kind: 'ssh', variable: 'SSH_TTY' });
    expect(remoteReason({ SSH_CONNECTION: 'a', SSH_TTY: 'b', SSH_CLIENT: 'c' }, 'darwin')).toEqual({
      kind: 'ssh',
      variable: 'SSH_CONNECTION',
    });
    expect(remoteReason({ CI: 'true' }, 'linux')).toEqual({ kind: 'ci' });
    expect(remoteReason({}, 'linux')).toEqual({ kind: 'no-display' });
  });

  it('is undefined where a browser opens', () => {
    expect(remoteReason({ DISPLAY: ':0' }, 'linux')).toBeUndefined();
    expect(remoteReason({ WAYLAND_DISPLAY: 'wayland-0' }, 'linux')).toBeUndefined();
    expect(remoteReason({ WSL_DISTRO_NAME: 'Ubuntu' }, 'linux')).toBeUndefined();
    expect(remoteReason({}, 'darwin')).toBeUndefined();
    expect(remoteReason({}, 'win32')).toBeUndefined();
    expect(remoteReason({ CI: 'false' }, 'darwin')).toBeUndefined();
    expect(remoteReason({ CI: '0' }, 'win32')).toBeUndefined();
    expect(remoteReason({ BROWSER: 'w3m', SSH_CONNECTION: 'a', CI: 'true' }, 'linux')).toBeUndefined();
  });
});

describe('parseUseDeviceCode', () => {
  it('accepts true, yes, 1 and on in any case, padded', () => {
    for (const value of ['true', 'TRUE', 'True', 'yes', 'YES', '1', 'on', 'On', ' true ', '\ttrue', 'yes\n', '  1  ']) {
      expect(parseUseDeviceCode(value), JSON.stringify(value)).toBe(true);
    }
  });

  it('is false for false, no, 0, empty and unset', () => {
    for (const value of ['false', 'FALSE', 'no', '0', 'off', '', '   ', 'truthy', '2', undefined]) {
      expect(parseUseDeviceCode(value), JSON.stringify(value)).toBe(false);
    }
  });
});
