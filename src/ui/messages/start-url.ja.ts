/** The Japanese texts of start-url.ts (read only when the language is Japanese: src/ui/messages/japanese.ts). */
import type { en } from './start-url.js';

export const ja: typeof en = {
  httpsRequired: 'sso_start_url には https スキームを使用する必要があります。',
  invalidStartUrl: (url: string) => `sso_start_url が無効です: '${url}'`,
  missingLocation: 'リダイレクト応答に Location ヘッダーがありません。',
  failedStatus: (status: number) => `スタート URL を解決できませんでした: HTTP ${status}`,
  failedReason: (reason: string) => `スタート URL を解決できませんでした: ${reason}`,
  timedOut: (seconds: number) => `${seconds} 秒でタイムアウトしました`,
  notAwsOwned: (startUrl: string, finalUrl: string) =>
    `スタート URL '${startUrl}' を AWS が所有するエンドポイントに解決できませんでした。最終 URL: '${finalUrl}'`,
  resolvedNotHttps: (finalUrl: string) => `解決された URL には https を使用する必要があります。実際の URL: '${finalUrl}'`,
  noRegion: (startUrl: string) =>
    `スタート URL '${startUrl}' からリージョンを判別できません。設定で sso_region を指定してください。`,
  regionUpdated: (region: string) => `SSO リージョンを ${region} に更新しました\n`,
  askingRegion: (reason: string) => `${reason}。代わりに SSO リージョンを入力してください。\n`,
};
