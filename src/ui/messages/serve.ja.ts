/** The Japanese texts of serve.ts (read only when the language is Japanese: src/ui/messages/japanese.ts). */
import type { en } from './serve.js';

export const ja: typeof en = {
  serving: (profile: string, url: string, expiration: string) =>
    `プロファイル ${profile} のロールの認証情報を ${url} で提供しています (有効期限 ${expiration}、期限前に更新します)。Ctrl-C で停止します。\n`,
  exports: (url: string, token: string, region: string) =>
    [
      '',
      'このマシンの AWS CLI と SDK では、それらを実行するシェルで次を実行してください:',
      `  export AWS_CONTAINER_CREDENTIALS_FULL_URI=${url}`,
      `  export AWS_CONTAINER_AUTHORIZATION_TOKEN=${token}`,
      `  export AWS_REGION=${region} AWS_DEFAULT_REGION=${region}`,
      '  unset AWS_PROFILE AWS_DEFAULT_PROFILE AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN',
      '',
      'コンテナでは、上の export の後に次を実行してください (コンテナからこのマシンのループバックアドレスに届くのは --network host のときだけです):',
      '  docker run --network host -e AWS_CONTAINER_CREDENTIALS_FULL_URI -e AWS_CONTAINER_AUTHORIZATION_TOKEN -e AWS_REGION -e AWS_DEFAULT_REGION IMAGE',
      '',
      '認証トークンが表示されるのはこの 1 回だけです。',
      '',
      '',
    ].join('\n'),
  notLoopbackWarning: (host: string) =>
    `警告: ループバックアドレスではない ${host} で待ち受けています: そこに届きトークンを持つ人は誰でも、暗号化されずに送られるロールの認証情報を取得できます。AWS SDK が HTTP のエンドポイントを受け付けるのはループバックアドレス (または ECS/EKS のアドレス) だけです。\n`,
  requestLog: (time: string, method: string, path: string, status: number) => `${time} ${method} ${path} ${status}\n`,
  renewed: (expiration: string) => `有効期限が ${expiration} のロールの認証情報を取得しました。\n`,
  renewalFailed: (reason: string) => `ロールの認証情報を更新できませんでした (30 秒後に再試行します): ${reason}\n`,
  cannotListen: (host: string, port: number, reason: string) => `${host} のポート ${port} で待ち受けられません: ${reason}`,
  invalidPort: (value: string) => `--port の値が無効です: "${value}"。0 から 65535 のポート番号を指定してください (0: 空いている任意のポート)。`,
  stopped: '停止しました: サーバーを閉じました。\n',
  errors: {
    missingToken: 'Authorization ヘッダーがありません: AWS_CONTAINER_AUTHORIZATION_TOKEN に sso-setup serve が表示したトークンを設定してください。',
    wrongToken: '認証トークンが受け付けられませんでした: AWS_CONTAINER_AUTHORIZATION_TOKEN に sso-setup serve が表示したトークンを設定してください。',
    notFound: 'そのリソースはありません: 認証情報は / にあります。',
    methodNotAllowed: 'GET のみサポートしています。',
  },
  help: {
    description:
      'プロファイルのロールの認証情報を AWS SDK のコンテナプロバイダー (AWS_CONTAINER_CREDENTIALS_FULL_URI) に提供する (127.0.0.1 で、認証トークン付き)',
    profile: 'ロールの認証情報を提供するプロファイル (デフォルト: AWS_PROFILE、なければ "default")',
    port: '待ち受けるポート (デフォルト: 0、空いている任意のポート)',
    host: '待ち受けるアドレス (デフォルト: 127.0.0.1。それ以外は他のマシンから届きます)',
  },
};
