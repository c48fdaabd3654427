/** The Japanese texts of completion.ts (read only when the language is Japanese: src/ui/messages/japanese.ts). */
import type { en } from './completion.js';

export const ja: typeof en = {
  help: {
    description: 'bash、zsh、fish 用のシェル補完スクリプトを出力する (例: source <(sso-setup completion bash))',
    completionShell: '補完を使うシェル',
  },
};
