/**
 * Which profile a command uses when `--profile` is not given, as the AWS CLI v2 decides it:
 * `--profile`, else `AWS_PROFILE`, else `AWS_DEFAULT_PROFILE`, else `default`
 * (aws/aws-cli v2, awscli/botocore/configprovider.py: the session variable `profile` reads
 * `['AWS_PROFILE', 'AWS_DEFAULT_PROFILE']` in that order; stock botocore, and so the AWS CLI
 * v1, reads them the other way round). An empty variable counts as unset.
 */
export function profileFromEnvironment(flag: string | undefined, env: NodeJS.ProcessEnv): string | undefined {
  return flag ?? (env.AWS_PROFILE || env.AWS_DEFAULT_PROFILE || undefined);
}

/** The profile a command uses: as {@link profileFromEnvironment}, else `default`. */
export function resolveProfile(flag: string | undefined, env: NodeJS.ProcessEnv): string {
  return profileFromEnvironment(flag, env) ?? 'default';
}
