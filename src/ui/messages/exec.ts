/** `sso-setup exec`. */

export const en = {
  commandNotFound: (command: string) => `sso-setup exec: ${command}: command not found`,
  commandNotExecutable: (command: string, code: string) => `sso-setup exec: ${command}: cannot run the command (${code})`,
  cannotRun: (command: string, reason: string) => `sso-setup exec: ${command}: cannot start the command: ${reason}`,
  windowsScript: (command: string) =>
    `sso-setup exec: ${command}: a .cmd or .bat script runs only through cmd.exe: sso-setup exec -- cmd.exe /d /s /c ${command}`,
  help: {
    description:
      "Run a command with a profile's role credentials and region in its environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN, AWS_REGION…; AWS_PROFILE removed)",
    command: 'the command to run (put -- before it), and its arguments',
    profile: 'profile whose role credentials to use (default: AWS_PROFILE, then "default")',
  },
};
