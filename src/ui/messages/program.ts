/** The program's own help: its description, the global options and commander's words. */

export const en = {
  help: {
    program: 'Set up and run AWS IAM Identity Center (SSO) sign-in for the AWS CLI and SDKs.',
    version: 'output the version number',
    helpOption: 'display help for command',
    helpCommand: 'display help for command',
    debug: 'print debug output on stderr (tokens and secrets are redacted)',
    lang: 'language of the messages: en or ja (default: from LC_ALL, LC_MESSAGES or LANG)',
    /** The AWS CLI's help texts (awscli/data/cli.json). */
    caBundle: 'The CA certificate bundle to use when verifying SSL certificates. Overrides config/env settings.',
    noVerifySsl: 'Do not verify SSL certificates (the AWS CLI option; a warning is printed for each host). Not for everyday use.',
    /** Commander's headings: 'Usage:', 'Options:', 'Commands:', 'Arguments:', 'Global Options:'. */
    title: (title: string) => title,
    /** A usage line or command term, with commander's `[options]` and `[command]` in it. */
    term: (term: string) => term,
    choices: (list: string) => `choices: ${list}`,
    default: (value: string) => `default: ${value}`,
    preset: (value: string) => `preset: ${value}`,
    env: (name: string) => `env: ${name}`,
    /** Commander's own error messages ("error: unknown option '--x'"). */
    commanderError: (text: string) => text,
  },
};
