/** `sso-setup serve`. */

export const en = {
  serving: (profile: string, url: string, expiration: string) =>
    `Serving the role credentials of profile ${profile} at ${url} (they expire ${expiration} and are renewed before that). Press Ctrl-C to stop.\n`,
  /** The lines to copy, printed once: the token is not shown again. */
  exports: (url: string, token: string, region: string) =>
    [
      '',
      'For the AWS CLI and SDKs on this machine, in the shell that runs them:',
      `  export AWS_CONTAINER_CREDENTIALS_FULL_URI=${url}`,
      `  export AWS_CONTAINER_AUTHORIZATION_TOKEN=${token}`,
      `  export AWS_REGION=${region} AWS_DEFAULT_REGION=${region}`,
      '  unset AWS_PROFILE AWS_DEFAULT_PROFILE AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN',
      '',
      "For a container, after those exports (a container reaches this machine's loopback address only with --network host):",
      '  docker run --network host -e AWS_CONTAINER_CREDENTIALS_FULL_URI -e AWS_CONTAINER_AUTHORIZATION_TOKEN -e AWS_REGION -e AWS_DEFAULT_REGION IMAGE',
      '',
      'The authorization token is shown only this once.',
      '',
      '',
    ].join('\n'),
  notLoopbackWarning: (host: string) =>
    `Warning: listening on ${host}, not on a loopback address: anyone who can reach it and has the token gets the role credentials, sent unencrypted. The AWS SDKs accept a plain-HTTP endpoint only on a loopback address (or the ECS/EKS ones).\n`,
  /** One line per request, no secrets: the same in every language (a log line, for tools as much as for people). */
  requestLog: (time: string, method: string, path: string, status: number) => `${time} ${method} ${path} ${status}\n`,
  renewed: (expiration: string) => `Got role credentials that expire ${expiration}.\n`,
  renewalFailed: (reason: string) => `Renewing the role credentials failed (trying again in 30 seconds): ${reason}\n`,
  cannotListen: (host: string, port: number, reason: string) => `Cannot listen on ${host} port ${port}: ${reason}`,
  invalidPort: (value: string) => `Invalid value for --port: "${value}". Use a port number from 0 to 65535 (0: any free port).`,
  stopped: 'Stopped: the server is closed.\n',
  errors: {
    missingToken: 'Authorization header missing: set AWS_CONTAINER_AUTHORIZATION_TOKEN to the token sso-setup serve printed.',
    wrongToken: 'Authorization token not accepted: set AWS_CONTAINER_AUTHORIZATION_TOKEN to the token sso-setup serve printed.',
    notFound: 'No such resource: the credentials are at /.',
    methodNotAllowed: 'Only GET is supported.',
  },
  help: {
    description:
      "Serve a profile's role credentials to the AWS SDKs' container provider (AWS_CONTAINER_CREDENTIALS_FULL_URI), on 127.0.0.1 with an authorization token",
    profile: 'profile whose role credentials to serve (default: AWS_PROFILE, then "default")',
    port: 'port to listen on (default: 0, any free port)',
    host: 'address to listen on (default: 127.0.0.1; anything else is reachable from elsewhere)',
  },
};
