/** The Japanese texts of console.ts (read only when the language is Japanese: src/ui/messages/japanese.ts). */
import type { en } from './console.js';

export const ja: typeof en = {
  opening: (accountId: string, roleName: string, destination: string) =>
    `アカウント ${accountId} のロール ${roleName} で AWS マネジメントコンソール (${destination}) をブラウザで開きます。\n`,
  openingPortal: (accountId: string, roleName: string) =>
    `アカウント ${accountId} のロール ${roleName} のコンソールへのリンクを、AWS アクセスポータル経由でブラウザで開きます。\n`,
  printedNotice:
    'このサインイン URL は 15 分以内に 1 回だけ使えます。URL を知っている人は誰でもこのロールでコンソールを使えるため、共有しないでください。\n',
  browserNotOpened: (reasons: string[]) =>
    `ブラウザを開けませんでした (${reasons.join('、')})。サインイン URL は認証情報のため表示しません。` +
    '--print を付けてもう一度実行すると URL を取得できます。AWS アクセスポータルのリンクを使う場合は --portal を付けてください。',
  portalNotOpened: (reasons: string[], url: string) =>
    `ブラウザを開けませんでした (${reasons.join('、')})。次の URL をご自身でブラウザで開いてください:\n\n${url}\n`,
  badDestination: (value: string, consoleHost: string) =>
    `--destination には s3、ec2、iam などのサービス名か、${consoleHost} の https URL を指定してください。指定された値: "${value}"`,
  badRegion: (value: string) => `"${value}" はリージョン名 (us-east-1、ap-northeast-1 など) ではありません。`,
  unsupportedPartition: (partition: string, region: string) =>
    `コンソールへのサインインは aws、aws-cn、aws-us-gov パーティションで利用できます。リージョン ${region} は ${partition} パーティションです。`,
  partitionMismatch: (region: string, partition: string, ssoRegion: string, ssoPartition: string) =>
    `リージョン ${region} は ${partition} パーティションですが、このプロファイルの IAM Identity Center (${ssoRegion}) は ${ssoPartition} パーティションです。` +
    `--region で ${ssoPartition} のリージョンを指定してください。`,
  signinTokenFailed: (endpoint: string, status: number, detail: string) =>
    status === 0
      ? `AWS のサインインエンドポイント ${endpoint} に接続できませんでした: ${detail}`
      : `AWS のサインインエンドポイント ${endpoint} がロールの認証情報を受け付けませんでした (HTTP ${status})${detail ? `: ${detail}` : ''}。` +
        'もう一度お試しください。失敗が続く場合は、次のコマンドでサインインし直してください: sso-setup login',
  help: {
    description: 'プロファイルのアカウントとロールで AWS マネジメントコンソールをブラウザで開く',
    profile: '使用するアカウントとロールのプロファイル (デフォルト: AWS_PROFILE、なければ "default")',
    destination: '開くコンソールのページ: サービス名 (s3、ec2、iam など) またはコンソールの https URL (デフォルト: コンソールのホーム)',
    region: 'コンソールのページのリージョン (デフォルト: プロファイルのリージョン、なければ SSO リージョン)',
    print: 'URL を開かずに表示する (サインイン URL は 15 分間有効な認証情報です)',
    portal: '代わりに AWS アクセスポータルのリンクを使う: 認証情報を取得せず、コンソールのマルチセッションモードでも使える',
  },
};
