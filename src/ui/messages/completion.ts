/** `sso-setup completion`. */

export const en = {
  help: {
    description: 'Print the shell completion script for bash, zsh or fish (e.g. source <(sso-setup completion bash))',
    completionShell: 'the shell to complete in',
  },
};
