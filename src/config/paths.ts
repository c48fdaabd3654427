import path from 'node:path';

/** Where the AWS tools keep their files, resolved the way the AWS CLI and SDKs do. */
export interface AwsPaths {
  /** AWS_CONFIG_FILE, else ~/.aws/config */
  configFile: string;
  /** AWS_SHARED_CREDENTIALS_FILE, else ~/.aws/credentials */
  credentialsFile: string;
  /** ~/.aws/sso/cache: SSO tokens and OIDC client registrations */
  ssoCacheDir: string;
  /** ~/.aws/cli/cache: role credentials cached by the AWS CLI */
  cliCacheDir: string;
}

/** Expands a leading `~` like botocore's os.path.expanduser does. */
function expandHome(file: string, homedir: string): string {
  if (file === '~') return homedir;
  if (file.startsWith('~/') || file.startsWith('~\\')) return path.join(homedir, file.slice(2));
  return file;
}

export function resolveAwsPaths(env: NodeJS.ProcessEnv, homedir: string): AwsPaths {
  const awsDir = path.join(homedir, '.aws');
  return {
    configFile: env.AWS_CONFIG_FILE ? expandHome(env.AWS_CONFIG_FILE, homedir) : path.join(awsDir, 'config'),
    credentialsFile: env.AWS_SHARED_CREDENTIALS_FILE
      ? expandHome(env.AWS_SHARED_CREDENTIALS_FILE, homedir)
      : path.join(awsDir, 'credentials'),
    ssoCacheDir: path.join(awsDir, 'sso', 'cache'),
    cliCacheDir: path.join(awsDir, 'cli', 'cache'),
  };
}
