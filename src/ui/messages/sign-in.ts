/** Signing in: the device code and PKCE flows, the loopback callback and its page, refresh, registration. */
import { quote } from '../text.js';

const en = {
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

const ja: typeof en = {
  deviceBrowser: (a: { verificationUri: string; userCode: string }) =>
    'デフォルトのブラウザを開いています。\n' +
    'ブラウザが開かない場合や、別のデバイスでこのリクエストを承認する場合は、次の URL を開いてください:\n\n' +
    `${a.verificationUri}\n\n次にコードを入力してください:\n\n${a.userCode}\n`,
  deviceNoBrowser: (a: { verificationUri: string; userCode: string; verificationUriComplete: string }) =>
    'ブラウザは自動では開きません。\n次の URL にアクセスしてください:\n\n' +
    `${a.verificationUri}\n\n次にコードを入力してください:\n\n${a.userCode}\n\n` +
    'または、次の URL にアクセスすると、コードが自動で入力されます:\n' +
    `${a.verificationUriComplete}\n`,
  startSignInFailed: (startUrl: string, reason: string) => `${startUrl} へのサインインを開始できませんでした: ${reason}`,
  incompleteDeviceAuthorization: 'IAM Identity Center から返されたデバイス認可が不完全です。',
  tokenWithoutAccessToken: 'IAM Identity Center から返されたトークンの応答にアクセストークンがありません。',
  signInDenied: 'サインインのリクエストがブラウザで拒否されました。やり直すには、もう一度コマンドを実行してください。',
  signInFailed: (reason: string) => `サインインに失敗しました: ${reason}`,
  cacheFileReplaced: (file: string) => `警告: キャッシュファイル ${file} を使用できませんでした (破損しているか、キャッシュファイルではありません)。このサインインで置き換えます。
`,
  regionLikelyWrong: (region: string, startUrl: string) =>
    `SSO リージョン ${region} が間違っている可能性があります: IAM Identity Center は別のリージョンの開始 URL (${startUrl}) を受け付けません。` +
    'IAM Identity Center コンソールの「設定」(または AWS アクセスポータルの「SSO Region」) でリージョンを確認し、sso_region を修正してください。',
  signInExpired:
    'サインインのリクエストは、承認される前に有効期限が切れました。新しいコードを取得するには、もう一度コマンドを実行してください。',
  registerFailed: (reason: string) => `IAM Identity Center へのクライアントの登録に失敗しました: ${reason}`,
  pkceBrowser: (url: string) =>
    'デフォルトのブラウザを開いています。ブラウザが開かない場合は、次の URL を開いてください。\n' +
    "このデバイスで URL を開けない場合は、'--use-device-code' オプションを付けてこのコマンドをもう一度実行してください。\n\n" +
    `${url}\n\n`,
  pkceNoBrowser: (url: string) => `ブラウザは自動では開きません。\n次の URL にアクセスしてください:\n\n${url}\n`,
  qrDevice: 'または、スマートフォンでこの QR コードを読み取ると、コードが入力済みのページが開きます:',
  qrPkce: (port: number) =>
    `または、この QR コードを読み取ってください。サインインは、このマシンの 127.0.0.1:${port} に接続できるブラウザでのみ完了します ` +
    `(例: ssh -L ${port}:127.0.0.1:${port})。スマートフォンで承認するには --use-device-code を使用してください。`,
  signInMethod: (method: 'pkce' | 'device', reason: string) =>
    `サインイン方法: ${method === 'pkce' ? 'ブラウザ (PKCE による認可コード)' : 'デバイスコード'} (${reason})。\n`,
  methodReason: {
    flagDevice: '--use-device-code が指定されたため',
    flagPkce: '--no-use-device-code が指定されたため',
    callbackPort: (port: number) => `--callback-port ${port} が指定されたため`,
    config: (session: string) => `sso-session ${quote(session)} に sso_use_device_code = true が設定されているため`,
    legacy: 'プロファイルに sso-session がない (レガシー設定の) ため',
    ssh: (variable: string) => `SSH セッション (${variable} が設定されています) でブラウザを開けないため。任意のデバイスで承認してください`,
    ci: 'CI が設定されていてブラウザを開けないため',
    noDisplay: 'ディスプレイがなく (DISPLAY と WAYLAND_DISPLAY が未設定)、ブラウザを開けないため。任意のデバイスで承認してください',
    default: (session: string) => `sso-session ${quote(session)} のデフォルトのため`,
  },
  pkceNeedsSession:
    '--callback-port と --no-use-device-code には sso-session の設定が必要です。レガシープロファイルはデバイスコードでサインインします。',
  callbackPortWithDeviceCode:
    '--callback-port はブラウザ フローのループバック ポートで、デバイスコード フローにはありません。--callback-port と --use-device-code のどちらか一方を指定してください。',
  authorizationCodeFailed: (error: string, description?: string) =>
    `認可コードを取得できませんでした。ブラウザからエラー ${quote(error)}${description ? ` (${quote(description)})` : ''} が返されました。` +
    'やり直すには、もう一度コマンドを実行してください。',
  authorizationCodeDenied:
    '認可コードを取得できませんでした: サインインのリクエストがブラウザで拒否されました。やり直すには、もう一度コマンドを実行してください。',
  stateMismatch:
    'state パラメータが期待される値と一致しません。この応答は別のサインイン (古いタブ、または他の人から送られたリンク) のものなので無視しました。ターミナルのサインインは引き続き待機しています。',
  callbackWrongHost: (port: number) =>
    `このアドレスは 127.0.0.1:${port} または localhost:${port} 宛てのリクエストにのみ応答します。このリクエストは別のホスト宛てだったため無視しました。` +
    'ターミナルのサインインは引き続き待機しています。',
  browserNotOpened: (reasons: string[]) =>
    `ブラウザを開けませんでした (${reasons.join('、')})。上記の URL をご自身でブラウザで開いてください。サインインの完了を待っています。\n`,
  browserExited: (command: string, exitCode: number) => `${command} が終了コード ${exitCode} で終了しました`,
  browserStopped: (command: string, signal: string) => `${command} がシグナル ${signal} で停止しました`,
  callbackIncomplete: 'このアドレスはサインインの応答 (コードまたはエラー) を待っていますが、どちらもありませんでした。引き続き待機します。',
  callbackPortInUse: (port: number) =>
    `127.0.0.1 のポート ${port} は既に使用されているため、ブラウザからの応答を受け取れません。` +
    'そのポートを使っているプログラムを停止するか、--callback-port で別のポートを指定するか、--use-device-code を使用してください。',
  callbackPortDenied: (port: number) =>
    `127.0.0.1 のポート ${port} で待ち受ける権限がありません。--callback-port で 1023 より大きいポートを指定するか、--use-device-code を使用してください。`,
  callbackServerFailed: (reason: string) =>
    `ブラウザからの応答を受け取るために 127.0.0.1 で待ち受けられませんでした: ${reason}。--use-device-code を使用するとサインインできます。`,
  authorizationTimedOut: (seconds: number) =>
    `${seconds} 秒以内にブラウザから応答がありませんでした。もう一度コマンドを実行するか (待ち時間は --timeout で指定できます)、--use-device-code を使用してください。`,
  callbackPage: {
    title: 'sso-setup サインイン',
    successHeading: 'サインインしました',
    successBody: 'sso-setup は認可を受け取り、ターミナルでサインインを完了しています。',
    failureHeading: 'サインインに失敗しました',
    close: 'このウィンドウを閉じて、ターミナルに戻ってください。',
  },
  refreshed: (session: string) =>
    `${quote(session)} のサインインをリフレッシュトークンで更新しました。ブラウザは不要です (--force を付けると改めてサインインします)。\n`,
  refreshFailed: (reason: string) => `サインインを更新できませんでした (${reason})。改めてサインインします。\n`,
  refreshUnavailable: 'キャッシュされたトークンにリフレッシュトークンまたはクライアントの情報がありません',
  refreshRegistrationExpired: 'クライアントの登録の有効期限が切れています',
  remembered: (session: string, useDeviceCode: boolean) =>
    `[sso-session ${session}] に sso_use_device_code = ${useDeviceCode} を保存しました。今後のサインインでは${useDeviceCode ? 'デバイスコード' : 'ブラウザ'}を使用します。\n`,
  rememberNeedsSession: '--remember には sso-session の設定が必要です。レガシープロファイルには選択を保存する場所がありません。',
  incompleteRegistration: 'IAM Identity Center から返されたクライアントの登録情報が不完全です。',
  help: {
    noBrowser: 'ブラウザを開かずに、サインイン用の URL (とコード) を QR コードとともに表示する',
    useDeviceCode: 'デバイスコードでサインインする (別のデバイスのブラウザで承認する場合)',
    noUseDeviceCode: 'デバイスコードが選ばれる場合でも、ブラウザ (PKCE) でサインインする',
    callbackPort: 'ブラウザでのサインインに使う 127.0.0.1 の固定ポート (例: ssh -L PORT:127.0.0.1:PORT。デフォルト: 空いているポート)',
    timeout: 'ブラウザでの承認を待つ秒数 (デフォルト: 600)',
    remember: 'このサインイン方法を sso-session (sso_use_device_code) に保存し、今後のサインインで使用する',
  },
};

export const signIn = { en, ja };
