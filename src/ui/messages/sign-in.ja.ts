/** The Japanese texts of sign-in.ts (read only when the language is Japanese: src/ui/messages/japanese.ts). */
import type { en } from './sign-in.js';
import { quote } from '../text.js';

export const ja: typeof en = {
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
  flagsNotUsed: (flags: readonly string[]) =>
    `新たなサインインは不要だったため、${flags.join(', ')} は使われませんでした。改めてサインインするには次を実行します: sso-setup login --force\n`,
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
