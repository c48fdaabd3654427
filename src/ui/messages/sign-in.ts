/** Signing in: the device code and PKCE flows, the loopback callback and its page, refresh, registration. */
import { quote } from '../text.js';

export const en = {
  deviceBrowser: (a: { verificationUri: string; userCode: string }) =>
    'Attempting to open your default browser.\n' +
    'If the browser does not open or you wish to use a different device to authorize this request, open the following URL:\n\n' +
    `${a.verificationUri}\n\nThen enter the code:\n\n${a.userCode}\n`,
  deviceNoBrowser: (a: { verificationUri: string; userCode: string; verificationUriComplete: string }) =>
    'Browser will not be automatically opened.\nPlease visit the following URL:\n\n' +
    `${a.verificationUri}\n\nThen enter the code:\n\n${a.userCode}\n\n` +
    'Alternatively, you may visit the following URL which will autofill the code upon loading:\n' +
    `${a.verificationUriComplete}\n`,
  startSignInFailed: (startUrl: string, reason: string) => `Starting the sign-in at ${startUrl} failed: ${reason}`,
  incompleteDeviceAuthorization: 'IAM Identity Center returned an incomplete device authorization.',
  tokenWithoutAccessToken: 'IAM Identity Center returned a token response without an access token.',
  signInDenied: 'The sign-in request was denied in the browser. Run the command again to retry.',
  signInFailed: (reason: string) => `Sign-in failed: ${reason}`,
  cacheFileReplaced: (file: string) => `Warning: the cache file ${file} could not be used (damaged or not a cache file); this sign-in replaces it.
`,
  regionLikelyWrong: (region: string, startUrl: string) =>
    `The SSO region ${region} is the likely cause: IAM Identity Center refuses a start URL (${startUrl}) that belongs to another region. ` +
    'Check the region in the IAM Identity Center console → Settings (or "SSO Region" in the AWS access portal) and fix sso_region.',
  signInExpired: 'The sign-in request expired before it was approved. Run the command again to get a new code.',
  pkceBrowser: (url: string) =>
    'Attempting to open your default browser. If the browser does not open, open the following URL.\n' +
    "If you are unable to open the URL on this device, run this command again with the '--use-device-code' option.\n\n" +
    `${url}\n\n`,
  pkceNoBrowser: (url: string) => `Browser will not be automatically opened.\nPlease visit the following URL:\n\n${url}\n`,
  qrDevice: 'Or scan this QR code with a phone to open the page with the code filled in:',
  qrPkce: (port: number) =>
    `Or scan this QR code. The sign-in finishes only in a browser that can reach 127.0.0.1:${port} of this machine ` +
    `(for example through ssh -L ${port}:127.0.0.1:${port}); to approve on a phone, use --use-device-code.`,
  /** The one line that says which flow signs in, and why (`reason` is one of `methodReason`). */
  signInMethod: (method: 'pkce' | 'device', reason: string) =>
    `Sign-in method: ${method === 'pkce' ? 'browser (authorization code with PKCE)' : 'device code'}, because ${reason}.\n`,
  methodReason: {
    flagDevice: '--use-device-code was given',
    flagPkce: '--no-use-device-code was given',
    callbackPort: (port: number) => `--callback-port ${port} was given`,
    config: (session: string) => `sso-session ${quote(session)} has sso_use_device_code = true`,
    legacy: 'the profile has no sso-session (legacy configuration)',
    ssh: (variable: string) => `this is an SSH session (${variable} is set) and no browser opens here; approve on any device`,
    ci: 'CI is set and no browser opens here',
    noDisplay: 'no display is available (DISPLAY and WAYLAND_DISPLAY are unset) and no browser opens here; approve on any device',
    default: (session: string) => `it is the default for sso-session ${quote(session)}`,
  },
  pkceNeedsSession:
    '--callback-port and --no-use-device-code need an sso-session configuration: legacy profiles sign in with the device code flow.',
  callbackPortWithDeviceCode:
    '--callback-port is the browser flow\'s loopback port and the device code flow has none: give one of --callback-port and --use-device-code.',
  authorizationCodeFailed: (error: string, description?: string) =>
    `Failed to retrieve an authorization code. The browser came back with error ${quote(error)}` +
    `${description ? ` (${quote(description)})` : ''}. Run the command again to retry.`,
  authorizationCodeDenied:
    'Failed to retrieve an authorization code: the sign-in request was denied in the browser. Run the command again to retry.',
  stateMismatch:
    'State parameter does not match expected value: this answer belongs to another sign-in ' +
    '(an older tab, or a link from someone else), so it was ignored. The sign-in in your terminal is still waiting.',
  callbackWrongHost: (port: number) =>
    `This address answers only requests to 127.0.0.1:${port} or localhost:${port}; this one named another host, so it was ignored. ` +
    'The sign-in in your terminal is still waiting.',
  browserNotOpened: (reasons: string[]) =>
    `The browser could not be opened (${reasons.join('; ')}). Open the URL above in a browser yourself; the sign-in is waiting for it.\n`,
  browserExited: (command: string, exitCode: number) => `${command} exited with code ${exitCode}`,
  browserStopped: (command: string, signal: string) => `${command} was stopped by ${signal}`,
  callbackIncomplete: 'This address expects the sign-in answer (a code or an error); it had neither. Still waiting.',
  callbackPortInUse: (port: number) =>
    `Port ${port} on 127.0.0.1 is already in use, so the sign-in cannot receive the browser's answer there. ` +
    'Stop the program using it, choose another port with --callback-port, or use --use-device-code.',
  callbackPortDenied: (port: number) =>
    `Not allowed to listen on port ${port} on 127.0.0.1. Choose a port above 1023 with --callback-port, or use --use-device-code.`,
  callbackServerFailed: (reason: string) =>
    `Could not listen on 127.0.0.1 for the browser's answer: ${reason}. Use --use-device-code to sign in without it.`,
  authorizationTimedOut: (seconds: number) =>
    `No answer from the browser within ${seconds} second${seconds === 1 ? '' : 's'}. Run the command again (--timeout sets the wait), or use --use-device-code.`,
  callbackPage: {
    title: 'sso-setup sign-in',
    successHeading: 'Signed in',
    successBody: 'sso-setup received the authorization and is finishing the sign-in in your terminal.',
    failureHeading: 'Sign-in failed',
    close: 'You can close this window and return to the terminal.',
  },
  refreshed: (session: string) =>
    `Refreshed the sign-in of ${quote(session)} with its refresh token; no browser needed (--force signs in anew).\n`,
  refreshFailed: (reason: string) => `The sign-in could not be refreshed (${reason}); signing in again.\n`,
  flagsNotUsed: (flags: readonly string[]) =>
    `No new sign-in was needed, so ${flags.join(', ')} ${flags.length === 1 ? 'was' : 'were'} not used. To sign in anew, run: sso-setup login --force\n`,
  refreshUnavailable: 'the cached token has no refresh token or client',
  refreshRegistrationExpired: 'the client registration has expired',
  remembered: (session: string, useDeviceCode: boolean) =>
    `Saved sso_use_device_code = ${useDeviceCode} in [sso-session ${session}]: later sign-ins use the ${useDeviceCode ? 'device code' : 'browser'} flow.\n`,
  rememberNeedsSession: '--remember needs an sso-session configuration: there is nowhere to save the choice for a legacy profile.',
  registerFailed: (reason: string) => `Registering the client with IAM Identity Center failed: ${reason}`,
  incompleteRegistration: 'IAM Identity Center returned an incomplete client registration.',
  help: {
    noBrowser: 'print the sign-in URL (and code) with a QR code instead of opening a browser',
    useDeviceCode: 'sign in with the device code flow (for a browser on another device)',
    noUseDeviceCode: 'sign in with the browser flow (PKCE) even where the device code flow would be chosen',
    callbackPort: 'fixed 127.0.0.1 port for the browser flow, e.g. for ssh -L PORT:127.0.0.1:PORT (default: a free port)',
    timeout: 'seconds to wait for the approval in the browser (default: 600)',
    remember: 'save this choice of flow in the sso-session (sso_use_device_code) for later sign-ins',
  },
};
