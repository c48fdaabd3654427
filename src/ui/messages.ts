/**
 * Every text the user reads, in one place, in English (`en`, below) and Japanese
 * (`ja`, ./messages-ja.ts). The English texts are the AWS CLI v2's, word for word where it
 * has one, because our users follow guides that show them. The Japanese ones use the words
 * of the Japanese AWS console and guides; prompts keep the AWS CLI's `text [default]: ` shape.
 *
 * Code reads `messages.*`: an ES module live binding that `setLanguage` points at the chosen
 * catalogue, so every `import { messages }` sees it. Only messages change with the language;
 * what is written to files never does.
 */
import { CliError, ExitCode } from '../errors.js';
import { ja } from './messages-ja.js';
import { environmentLanguage, type Language } from './locale.js';
import type { SignInMethodChoice, SignInMethodReason } from '../flows/sign-in-method.js';

function methodReason(reason: SignInMethodReason): string {
  switch (reason.kind) {
    case 'flag-device':
      return '--use-device-code was given';
    case 'flag-pkce':
      return '--no-use-device-code was given';
    case 'callback-port':
      return `--callback-port ${reason.port} was given`;
    case 'config':
      return `sso-session ${quote(reason.sessionName)} has sso_use_device_code = true`;
    case 'legacy':
      return 'the profile has no sso-session (legacy configuration)';
    case 'ssh':
      return `this is an SSH session (${reason.variable} is set) and no browser opens here; approve on any device`;
    case 'ci':
      return 'CI is set and no browser opens here';
    case 'no-display':
      return 'no display is available (DISPLAY and WAYLAND_DISPLAY are unset) and no browser opens here; approve on any device';
    case 'default':
      return `it is the default for sso-session ${quote(reason.sessionName)}`;
  }
}

/** A user's value shown safely in a message: quoted, control characters escaped, long values cut. */
export function quote(value: string): string {
  const shown = value.length > 80 ? `${value.slice(0, 60)}…(${value.length} characters)` : value;
  return JSON.stringify(shown);
}

/** Columns a text takes in a terminal: East Asian wide and fullwidth characters take two. */
export function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    const wide =
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf && c !== 0x303f) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      (c >= 0x1f300 && c <= 0x1faff) ||
      (c >= 0x20000 && c <= 0x3fffd);
    width += wide ? 2 : 1;
  }
  return width;
}

/** What a name validator checks: the kind of name, as the messages call it. */
export type NameKind = 'profile name' | 'session name';

/** One sign-in as `sso-setup status` shows it, and `status --json` prints it (README documents the shape). */
export interface StatusEntry {
  /** "sso-session" for `[sso-session NAME]`, "legacy" for a start URL set in profiles. */
  type: 'sso-session' | 'legacy';
  /** The session name; null for legacy. */
  name: string | null;
  startUrl: string;
  region: string;
  /** Profiles that sign in through it. */
  profiles: string[];
  /** A cached token exists and has not expired. */
  signedIn: boolean;
  /** When the cached token expires (ISO 8601), or null. */
  expiresAt: string | null;
  /** The token can be refreshed without a browser (refresh token and live registration). */
  refreshable: boolean;
  /** When the client registration expires (ISO 8601), or null when there is none. */
  registrationExpiresAt: string | null;
}

const FILE_ERROR_REASONS: Record<string, string> = {
  EACCES: 'permission denied; check the owner and permissions of the file and its folder',
  EPERM: 'the operation is not permitted; check the owner and permissions of the file and its folder',
  ENOSPC: 'the disk is full; free some space and run the command again',
  EDQUOT: 'the disk quota is exceeded; free some space and run the command again',
  EROFS: 'the file system is read-only',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'it is a folder, not a file',
};

export const en = {
  sessionNamePrompt: (current?: string) => (current ? `SSO session name [${current}]` : 'SSO session name (Recommended)'),
  startUrlPrompt: (current?: string) => `SSO start URL [${current ?? 'None'}]`,
  ssoRegionPrompt: (current?: string) => `SSO region [${current ?? 'None'}]`,
  scopesPrompt: (current: string) => `SSO registration scopes [${current}]`,
  regionPrompt: (current?: string) => `Default client Region [${current ?? 'None'}]`,
  outputPrompt: (current?: string) => `CLI default output format (json if not specified) [${current ?? 'None'}]`,
  profileNamePrompt: (current?: string) => `Profile name [${current ?? 'None'}]`,

  legacyWarning:
    'WARNING: Configuring using legacy format (e.g. without an SSO session).\n' +
    'Consider re-running "configure" command and providing a session name.\n',
  invalidStartUrl: (value: string, reason: string) =>
    `Not a valid Start URL: ${quote(value)} ${reason}. ` +
    'Expected https://d-xxxxxxxxxx.awsapps.com/start (or your custom https://NAME.awsapps.com/start). ' +
    'Find it in the AWS access portal (Access keys → "SSO start URL"), or in the IAM Identity Center console → Dashboard → "AWS access portal URL".',
  startUrlRequired:
    'A value is required. Enter the AWS access portal URL, e.g. https://d-xxxxxxxxxx.awsapps.com/start ' +
    '(IAM Identity Center console → Dashboard → "AWS access portal URL").',
  valueRequired: 'A value is required',
  ssoRegionRequired:
    'A value is required. Enter the region where IAM Identity Center runs, e.g. us-east-1 ' +
    '(IAM Identity Center console → Settings → "Region"; the access portal shows it as "SSO Region").',
  invalidSsoRegion: (value: string, suggestion?: string) =>
    `Not a valid SSO region: ${quote(value)}.${suggestion ? ` Did you mean ${suggestion}?` : ''} ` +
    'Use the region where IAM Identity Center runs, as shown in the IAM Identity Center console → Settings, e.g. us-east-1 or ap-northeast-1.',
  invalidScopes: (value: string) =>
    `Scope values must be separated by commas: ${quote(value)}. Expected e.g. sso:account:access or "sso:account:access, codewhisperer:completions".`,
  invalidRegion: (value: string, suggestion?: string) =>
    `Not a valid region name: ${quote(value)}.${suggestion ? ` Did you mean ${suggestion}?` : ''} Expected a region such as us-east-1 or ap-northeast-1.`,
  invalidOutput: (value: string, allowed: readonly string[]) =>
    `Not a valid output format: ${quote(value)}. Expected one of: ${allowed.join(', ')}.`,
  invalidName: (kind: NameKind, value: string, reason: string) =>
    `Not a valid ${kind}: ${quote(value)} ${reason}. Use letters, digits and - _ . @ + % : / only, as the AWS SDKs require.`,
  invalidAccountId: (value: string) => `Not a valid AWS account ID: ${quote(value)}. Expected 12 digits.`,
  /** Why a value is not valid; they follow the quoted value ("x" is not a URL). */
  reason: {
    tooLong: (max: number) => `is longer than ${max} characters`,
    spacesOrControl: 'contains spaces or control characters',
    notUrl: 'is not a URL',
    notHttps: 'must start with https://',
    noHost: 'has no valid host name',
    userInfo: 'must not contain a user name or password',
    control: 'contains control characters',
    spaces: 'contains spaces',
    reserved: 'is reserved',
    unreadable: 'contains characters the AWS SDKs cannot read',
  },

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
  untrustedCertificate:
    'The server certificate is not trusted; behind a TLS-inspecting proxy, set AWS_CA_BUNDLE to a PEM file with its CA certificate',
  regionLikelyWrong: (region: string, startUrl: string) =>
    `The SSO region ${region} is the likely cause: IAM Identity Center refuses a start URL (${startUrl}) that belongs to another region. ` +
    'Check the region in the IAM Identity Center console → Settings (or "SSO Region" in the AWS access portal) and fix sso_region.',
  signInExpired: 'The sign-in request expired before it was approved. Run the command again to get a new code.',
  pkceBrowser: (url: string) =>
    'Attempting to open your default browser. If the browser does not open, open the following URL.\n' +
    "If you are unable to open the URL on this device, run this command again with the '--use-device-code' option.\n\n" +
    `${url}\n\n`,
  pkceNoBrowser: (url: string) => `Browser will not be automatically opened.\nPlease visit the following URL:\n\n${url}\n`,
  browserNotOpened: (reasons: string[]) =>
    `The browser could not be opened (${reasons.join('; ')}). Open the URL above in a browser yourself; the sign-in is waiting for it.\n`,
  browserExited: (command: string, exitCode: number) => `${command} exited with code ${exitCode}`,
  browserStopped: (command: string, signal: string) => `${command} was stopped by ${signal}`,
  qrDevice: 'Or scan this QR code with a phone to open the page with the code filled in:',
  qrPkce: (port: number) =>
    `Or scan this QR code. The sign-in finishes only in a browser that can reach 127.0.0.1:${port} of this machine ` +
    `(for example through ssh -L ${port}:127.0.0.1:${port}); to approve on a phone, use --use-device-code.`,
  signInMethod: (choice: SignInMethodChoice): string => {
    const method = choice.method === 'pkce' ? 'browser (authorization code with PKCE)' : 'device code';
    return `Sign-in method: ${method}, because ${methodReason(choice.reason)}.\n`;
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
  refreshUnavailable: 'the cached token has no refresh token or client',
  refreshRegistrationExpired: 'the client registration has expired',
  remembered: (session: string, useDeviceCode: boolean) =>
    `Saved sso_use_device_code = ${useDeviceCode} in [sso-session ${session}]: later sign-ins use the ${useDeviceCode ? 'device code' : 'browser'} flow.\n`,
  rememberNeedsSession: '--remember needs an sso-session configuration: there is nowhere to save the choice for a legacy profile.',
  registerFailed: (reason: string) => `Registering the client with IAM Identity Center failed: ${reason}`,
  incompleteRegistration: 'IAM Identity Center returned an incomplete client registration.',

  onlyAccount: (id: string) => `The only AWS account available to you is: ${id}\n`,
  accountCount: (n: number) => `There are ${n} AWS accounts available to you.\n`,
  usingAccount: (id: string) => `Using the account ID ${id}\n`,
  onlyRole: (role: string) => `The only role available to you is: ${role}\n`,
  roleCount: (n: number) => `There are ${n} roles available to you.\n`,
  usingRole: (role: string) => `Using the role name "${role}"\n`,
  noAccounts: 'No AWS accounts are available to you.',
  noRoles: (id: string) => `No roles are available for the account ${id}`,
  unableToList:
    'Unable to list AWS accounts and/or roles. Skipping configuring AWS credential provider for profile.\n',
  listingFailed: (reason: string) => `Listing your AWS accounts and roles failed: ${reason}`,
  selectAccount: 'Select an account',
  missingFlags: (flags: readonly string[]) =>
    `Missing values and no terminal to ask for them: ${flags.join(', ')}. Pass them as options (see sso-setup configure --help).`,
  invalidFlag: (flag: string, reason: string) => `Invalid value for --${flag}: ${reason}`,
  expectedPort: 'is not a port number from 1 to 65535',
  expectedSeconds: 'is not a whole number of seconds from 1 to 86400',
  accountNotAvailable: (id: string, available: readonly string[]) =>
    `The account ${id} is not available to you. Available: ${available.join(', ')}.`,
  roleNotAvailable: (role: string, id: string, available: readonly string[]) =>
    `The role "${role}" is not available in account ${id}. Available: ${available.join(', ')}.`,
  chooseWithFlag: (flag: string, available: readonly string[]) =>
    `More than one is available and there is no terminal to ask: pass --${flag} with one of: ${available.join(', ')}.`,
  dryRunNoChange: (file: string) => `Dry run: ${file} would not change.\n`,
  dryRunHeader: (file: string) => `Dry run: the change that would be written to ${file} (nothing was written):\n`,
  backedUp: (file: string, backup: string) => `Saved a copy of ${file} as it was before this change: ${backup}\n`,
  populateSummary: (s: { dryRun: boolean; added: number; updated: number; removed: number; unchanged: number; pairs: number; accounts: number }) =>
    `${s.dryRun ? 'Would write' : 'Profiles'}: ${s.added} added, ${s.updated} updated, ${s.removed} removed, ${s.unchanged} unchanged ` +
    `(${s.pairs} account × role pairs in ${s.accounts} accounts).\n`,
  populateSkipped: (names: readonly string[]) => `Left alone (not written by populate): ${names.join(', ')}\n`,
  populateFailures: (count: number, lines: readonly string[]) =>
    `The roles of ${count} account(s) could not be listed; their profiles were not written or pruned:\n${lines.join('\n')}`,
  populateListingFailed: (reason: string) => `Listing your AWS accounts failed: ${reason}`,
  populateBadRate: (rate: string) => `${rate} is not a number of requests per second between 0 and 1000`,
  configChangedMeanwhile: (file: string) => `${file} was changed by another program while populate was listing accounts; nothing was written. Run populate again.`,
  progressAccounts: 'accounts',
  unknownTemplateField: (field: string, template: string, known: string) =>
    `Unknown field {${field}} in the name template "${template}". Known fields: ${known}.`,
  populateHint: (session: string) =>
    `\nTip: to write a profile for every account and role you can use, run: sso-setup populate --sso-session ${session}\n`,
  selectRole: 'Select a role',

  configuredDefault:
    '\nThe AWS CLI is now configured to use the default profile.\n' +
    'Run the following command to verify your configuration:\n\naws sts get-caller-identity\n',
  configuredProfile: (p: string) =>
    '\nTo use this profile, specify the profile name using --profile, as shown:\n\n' +
    `aws sts get-caller-identity --profile ${p}\n`,
  configuredNoCredentials: (p: string) => `Successfully configured SSO for profile: ${p}\n`,
  verifying: (p: string) => `\nVerifying the profile ${p} with STS GetCallerIdentity:\n`,
  verifyFailed: (reason: string) =>
    `The profile was written, but signing in with it failed: ${reason}`,

  missingValues: (keys: readonly string[]) => `Missing the following required SSO configuration values: ${keys.join(', ')}. `,
  missingValuesLegacyHint: 'To make sure this profile is properly configured to use SSO, please run: sso-setup configure',
  sessionNotFound: (name: string) => `The specified sso-session does not exist: "${name}"`,
  profileNotFound: (name: string) => `The config profile (${name}) could not be found`,
  loggedIn: (startUrl: string) => `Successfully logged into Start URL: ${startUrl}\n`,
  loggedOut: (tokens: number, credentials: number) =>
    `Signed out: removed ${tokens} cached SSO token${tokens === 1 ? '' : 's'} and ${credentials} cached role credential${credentials === 1 ? '' : 's'}.\n`,

  profileMissingRoleKeys: (profile: string, keys: readonly string[]) =>
    `The profile ${profile} has no ${keys.join(' or ')}: run sso-setup configure --profile ${profile}.`,
  sessionExpired: (profile: string) =>
    `The SSO session for profile ${profile} has expired or you are not signed in: run: sso-setup login --profile ${profile}`,
  sessionInvalid: (profile: string) =>
    `The SSO session for profile ${profile} is no longer valid: run: sso-setup login --profile ${profile}`,
  roleCredentialsFailed: (roleName: string, accountId: string, reason: string) =>
    `Getting role credentials for ${roleName} in ${accountId} failed: ${reason}`,
  incompleteRoleCredentials: 'IAM Identity Center returned incomplete role credentials.',

  whoamiFailed: (profile: string, reason: string) =>
    `Cannot sign in with profile ${profile}: ${reason}. If the session has expired, run: sso-setup login --profile ${profile}`,
  whoamiIdentity: (identity: { Account: string; Arn: string; UserId: string }) =>
    `Account: ${identity.Account}\nArn:     ${identity.Arn}\nUserId:  ${identity.UserId}\n`,

  noSsoConfiguration: 'No SSO configuration found. Run: sso-setup configure\n',
  /** One sign-in in `sso-setup status`; `minutes` is the time left on its token. */
  statusEntry: (status: StatusEntry, minutes: number) => {
    const title = status.type === 'sso-session' ? `sso-session ${status.name}` : `legacy start URL`;
    const state = status.signedIn
      ? `signed in, expires ${status.expiresAt} (in ${minutes} min)`
      : status.expiresAt
        ? `expired ${status.expiresAt}`
        : 'not signed in';
    return [
      `${title}: ${state}`,
      `  start URL:    ${status.startUrl} (${status.region})`,
      `  refreshable:  ${status.refreshable ? 'yes' : 'no'}`,
      `  registration: ${status.registrationExpiresAt ? `expires ${status.registrationExpiresAt}` : 'none'}`,
      `  profiles:     ${status.profiles.join(', ') || '(none)'}`,
    ].join('\n');
  },

  configNotUtf8: 'it is not valid UTF-8 text',
  configBinaryLine: (line: number) => `line ${line} contains binary data`,
  configBadHeader: (line: number, text: string) =>
    `line ${line} has an unterminated or malformed section header: ${JSON.stringify(text)}`,
  cannotUseConfig: (file: string, problem: string) =>
    `Cannot use ${file}: ${problem}. Fix the file by hand; sso-setup changed nothing.`,

  caBundleUnreadable: (file: string, reason: string) =>
    `Cannot read the CA bundle named by AWS_CA_BUNDLE (${file}): ${reason}`,

  /** File-system failures people can act on (by error code); undefined for other codes. */
  fileErrorReason: (code: string): string | undefined => FILE_ERROR_REASONS[code],
  cannotWrite: (file: string, reason: string) => `Cannot write ${file}: ${reason}. Files already there were left as they were.`,
  unexpectedError: (name: string, message: string) => `Unexpected error: ${name}: ${message}`,
  interrupted: 'Interrupted.',
  unknownLanguage: (value: string, accepted: readonly string[]) =>
    `Unknown language for --lang: ${quote(value)}. Expected one of: ${accepted.join(', ')}.`,

  /** `--help`: the descriptions of the program, its commands and options, and commander's own words. */
  help: {
    program: 'Set up and run AWS IAM Identity Center (SSO) sign-in for the AWS CLI and SDKs.',
    version: 'output the version number',
    helpOption: 'display help for command',
    helpCommand: 'display help for command',
    debug: 'print debug output on stderr (tokens and secrets are redacted)',
    lang: 'language of the messages: en or ja (default: from LC_ALL, LC_MESSAGES or LANG)',
    configure: 'Create or update an SSO profile: sign in, choose an account and role, write ~/.aws/config, verify it',
    configureProfile: 'profile to write (default: asked, or AWS_PROFILE)',
    configureSsoSession: 'SSO session name ("" for a legacy profile)',
    startUrl: 'SSO start URL, e.g. https://d-xxxxxxxxxx.awsapps.com/start',
    ssoRegion: 'SSO region, where IAM Identity Center runs',
    scopes: 'SSO registration scopes, comma-separated (default sso:account:access)',
    accountId: 'AWS account to use',
    roleName: 'role to use in that account',
    region: 'default client Region of the profile',
    output: 'CLI default output format: json, text, table, yaml, yaml-stream, off',
    yes: 'accept the default of every value not given; ask nothing that has one',
    dryRun: 'show the change to the config file; write nothing',
    noBrowser: 'print the sign-in URL (and code) with a QR code instead of opening a browser',
    useDeviceCode: 'sign in with the device code flow (for a browser on another device)',
    noUseDeviceCode: 'sign in with the browser flow (PKCE) even where the device code flow would be chosen',
    callbackPort: 'fixed 127.0.0.1 port for the browser flow, e.g. for ssh -L PORT:127.0.0.1:PORT (default: a free port)',
    timeout: 'seconds to wait for the approval in the browser (default: 600)',
    remember: 'save this choice of flow in the sso-session (sso_use_device_code) for later sign-ins',
    force: 'sign in anew in the browser even when the refresh token still works',
    noVerify: 'skip the STS GetCallerIdentity check at the end',
    login: 'Sign in again and refresh the cached SSO token',
    loginProfile: 'profile to sign in with (default: AWS_PROFILE, then "default")',
    loginSsoSession: 'sso-session to sign in to, without a profile',
    logout: 'Sign out: revoke cached SSO tokens at the portal and delete them and cached role credentials',
    status: 'Show each SSO sign-in: signed in or not, when it expires, whether it can refresh (no network)',
    statusJson: 'print JSON (shape in the README)',
    whoami: 'Show who a profile signs in as (STS GetCallerIdentity)',
    profileToUse: 'profile to use (default: AWS_PROFILE, then "default")',
    whoamiJson: 'print JSON, as aws sts get-caller-identity does',
    exportCredentials:
      "Print a profile's role credentials, like aws configure export-credentials (usable as credential_process)",
    exportFormat: 'output format',
    completion: 'Print the shell completion script for bash, zsh or fish (e.g. source <(sso-setup completion bash))',
    completionShell: 'the shell to complete in',
    /** Commander's headings: 'Usage:', 'Options:', 'Commands:', 'Arguments:', 'Global Options:'. */
    title: (title: string) => title,
    /** A usage line or command term, with commander's `[options]` and `[command]` in it. */
    term: (term: string) => term,
    choices: (list: string) => `choices: ${list}`,
    default: (value: string) => `default: ${value}`,
    preset: (value: string) => `preset: ${value}`,
    env: (name: string) => `env: ${name}`,
    /** Commander's own error messages ("error: unknown option '--x'"). */
    commanderError: (text: string) => text,
  },
};

/** The catalogue's shape: every language has exactly these keys, with these parameters. */
export type Messages = typeof en;

export type { Language };
export const LANGUAGES: readonly Language[] = ['en', 'ja'];

/** The messages in the chosen language (English until `setLanguage` says otherwise). */
export let messages: Messages = en;
/** The language `messages` speaks (an HTML page's lang attribute). */
export let language: Language = 'en';

export function catalogue(lang: Language): Messages {
  return lang === 'ja' ? ja : en;
}

export function setLanguage(lang: Language): void {
  messages = catalogue(lang);
  language = lang;
}


/**
 * The language to use: `--lang` when given, else the first non-empty of LC_ALL,
 * LC_MESSAGES and LANG (as gettext reads them). An unknown `--lang` value is a usage error,
 * told in the environment's language.
 */
export function detectLanguage(env: NodeJS.ProcessEnv, flag?: string): Language {
  const fromEnv = environmentLanguage(env);
  if (flag === undefined) return fromEnv;
  if ((LANGUAGES as readonly string[]).includes(flag)) return flag as Language;
  throw new CliError(catalogue(fromEnv).unknownLanguage(flag, LANGUAGES), ExitCode.usage);
}
