/**
 * The demo's last step: `aws sts get-caller-identity --profile NAME` on the files sso-setup
 * wrote. The demo's hints allow pressing Enter at "Default client Region", which leaves the
 * profile without a region, and the AWS CLI then stops with "You must specify a region" (as
 * after `aws configure sso`). So when the profile has none, the command gets `--region` with
 * the SSO region, which is where the demo's Identity Center runs.
 */
import { readAwsConfig } from '../src/config/read.js';
import { catalogue } from '../src/ui/messages/index.js';

export interface DemoCheck {
  profile: string;
  /** The arguments of `aws`. */
  args: string[];
}

/** The AWS CLI command that checks the profile configure wrote; undefined when it wrote none with credentials. */
export async function demoCheck(paths: { configFile: string; credentialsFile: string }): Promise<DemoCheck | undefined> {
  const config = await readAwsConfig(paths, catalogue('en'));
  const entry = Object.entries(config.profiles).find(([, section]) => section.sso_account_id && section.sso_role_name);
  if (!entry) return undefined;
  const [profile, section] = entry;
  const args = ['sts', 'get-caller-identity', '--profile', profile];
  if (!section.region) {
    const ssoRegion = section.sso_session ? config.ssoSessions[section.sso_session]?.sso_region : section.sso_region;
    if (ssoRegion) args.push('--region', ssoRegion);
  }
  return { profile, args };
}
