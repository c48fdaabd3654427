/** `sso-setup status`. */
import { textWidth } from '../text.js';

/** What the Japanese texts call a profile without an sso-session. */
const LEGACY = '従来形式のプロファイル';

/** Pads a label to a number of terminal columns (Japanese characters take two). */
const pad = (label: string, columns: number) => label + ' '.repeat(Math.max(1, columns - textWidth(label)));


/** One sign-in as `status` shows it (the fields of flows/status.ts's StatusEntry it prints). */
interface StatusLine {
  type: 'sso-session' | 'legacy';
  name: string | null;
  startUrl: string;
  region: string;
  profiles: readonly string[];
  signedIn: boolean;
  expiresAt: string | null;
  refreshable: boolean;
  registrationExpiresAt: string | null;
}

const en = {
  noSsoConfiguration: 'No SSO configuration found. Run: sso-setup configure\n',
  /** One sign-in in `sso-setup status`; `minutes` is the time left on its token. */
  statusEntry: (status: StatusLine, minutes: number) => {
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
  help: {
    description: 'Show each SSO sign-in: signed in or not, when it expires, whether it can refresh (no network)',
    statusJson: 'print JSON (shape in the README)',
  },
};

const ja: typeof en = {
  noSsoConfiguration: 'SSO の設定が見つかりません。次のコマンドを実行してください: sso-setup configure\n',
  statusEntry: (status: StatusLine, minutes: number) => {
    const title = status.type === 'sso-session' ? `sso-session ${status.name}` : `${LEGACY}の開始 URL`;
    const state = status.signedIn
      ? `サインイン済み、有効期限 ${status.expiresAt} (あと ${minutes} 分)`
      : status.expiresAt
        ? `有効期限切れ (${status.expiresAt})`
        : '未サインイン';
    const columns = 19;
    return [
      `${title}: ${state}`,
      `  ${pad('SSO 開始 URL:', columns)}${status.startUrl} (${status.region})`,
      `  ${pad('更新可能:', columns)}${status.refreshable ? 'はい' : 'いいえ'}`,
      `  ${pad('クライアント登録:', columns)}${status.registrationExpiresAt ? `有効期限 ${status.registrationExpiresAt}` : 'なし'}`,
      `  ${pad('プロファイル:', columns)}${status.profiles.join(', ') || '(なし)'}`,
    ].join('\n');
  },
  help: {
    description: '各 SSO サインインの状態を表示する: サインイン済みか、有効期限、更新できるか (ネットワークは使わない)',
    statusJson: 'JSON で出力する (形式は README を参照)',
  },
};

export const status = { en, ja };
