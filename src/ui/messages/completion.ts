/** `sso-setup completion`. */

const en = {
  help: {
    description: 'Print the shell completion script for bash, zsh or fish (e.g. source <(sso-setup completion bash))',
    completionShell: 'the shell to complete in',
  },
};

const ja: typeof en = {
  help: {
    description: 'bash、zsh、fish 用のシェル補完スクリプトを出力する (例: source <(sso-setup completion bash))',
    completionShell: '補完を使うシェル',
  },
};

export const completion = { en, ja };
