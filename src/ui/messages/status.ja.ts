/** The Japanese texts of status.ts (read only when the language is Japanese: src/ui/messages/japanese.ts). */
import type { en, StatusLine } from './status.js';
import { textWidth } from '../text.js';

/** What the Japanese texts call a profile without an sso-session. */
const LEGACY = '従来形式のプロファイル';

/** Pads a label to a number of terminal columns (Japanese characters take two). */
const pad = (label: string, columns: number) => label + ' '.repeat(Math.max(1, columns - textWidth(label)));

export const ja: typeof en = {
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
  check: {
    session: (name: string) => `sso-session ${name} のサインイン`,
    legacy: (startUrl: string) => `開始 URL ${startUrl} のサインイン`,
    notSignedIn: (name: string) => `${name}: 未サインイン`,
    expired: (name: string, at: string) => `${name}: ${at} に有効期限が切れました`,
    expiresSoon: (name: string, at: string, minutes: number) => `${name}: ${at} に有効期限が切れます (あと ${minutes} 分)`,
    notSsoProfile: (profile: string) =>
      `プロファイル ${profile} は SSO でサインインしません (または存在しません): sso-setup configure --profile ${profile} を実行してください。`,
    conflict: (a: string, b: string) => `${a} と ${b} は同時に指定できません。`,
    needsCheck: (flag: string) => `${flag} は --check と共にのみ指定できます。`,
    invalidDuration: (text: string) =>
      `--min-remaining の値が無効です: "${text}"。90s、30m、2h、1h30m のように単位を付けた数値を指定してください。`,
  },
  help: {
    description: '各 SSO サインインの状態を表示する: サインイン済みか、有効期限、更新できるか (ネットワークは使わない)',
    statusJson: 'JSON で出力する (形式は README を参照)',
    check: 'サインインが有効なら (更新可能なものも有効) 終了コード 0、そうでなければ終了コード 3 で、いつ有効期限が切れた (切れる) かを 1 行ずつ表示する',
    minRemaining: '--check と共に: 少なくともこの時間有効であること (90s、30m、2h、1h30m。デフォルト 0)',
    profile: '--check と共に: このプロファイルが使うサインインだけを確認する (デフォルト: AWS_PROFILE、なければすべてのサインイン)',
    ssoSession: '--check と共に: この sso-session だけを確認する',
  },
};
