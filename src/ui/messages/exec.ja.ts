/** The Japanese texts of exec.ts (read only when the language is Japanese: src/ui/messages/japanese.ts). */
import type { en } from './exec.js';

export const ja: typeof en = {
  commandNotFound: (command: string) => `sso-setup exec: ${command}: コマンドが見つかりません`,
  commandNotExecutable: (command: string, code: string) => `sso-setup exec: ${command}: コマンドを実行できません (${code})`,
  cannotRun: (command: string, reason: string) => `sso-setup exec: ${command}: コマンドを開始できません: ${reason}`,
  windowsScript: (command: string) =>
    `sso-setup exec: ${command}: .cmd や .bat のスクリプトは cmd.exe 経由でのみ実行できます: sso-setup exec -- cmd.exe /d /s /c ${command}`,
  help: {
    description:
      'プロファイルのロールの認証情報とリージョンを環境変数に設定してコマンドを実行する (AWS_ACCESS_KEY_ID、AWS_SECRET_ACCESS_KEY、AWS_SESSION_TOKEN、AWS_REGION など。AWS_PROFILE は削除)',
    command: '実行するコマンド (前に -- を付ける) とその引数',
    profile: 'ロールの認証情報を使用するプロファイル (デフォルト: AWS_PROFILE、なければ "default")',
  },
};
