import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import type { AwsPaths } from './paths.js';

export type ConfigSection = Record<string, string | undefined>;

/** ~/.aws/config as the AWS SDK for JavaScript sees it. */
export interface AwsConfig {
  /** Profiles by name; `[default]` and `[profile default]` both appear as `default`. */
  profiles: Record<string, ConfigSection>;
  /** `[sso-session NAME]` sections by NAME. */
  ssoSessions: Record<string, ConfigSection>;
}

const SSO_SESSION_PREFIX = 'sso-session.';
const OTHER_PREFIXES = ['services.'];

/**
 * Reads the config file with the SDK's own loader (@smithy/shared-ini-file-loader), so a
 * profile or session we can see is one every SDK can see, and one it drops (a name with
 * spaces, say) we do not see either.
 */
export async function readAwsConfig(paths: Pick<AwsPaths, 'configFile' | 'credentialsFile'>): Promise<AwsConfig> {
  const { configFile } = await loadSharedConfigFiles({
    configFilepath: paths.configFile,
    filepath: paths.credentialsFile,
    ignoreCache: true,
  });
  const profiles: Record<string, ConfigSection> = Object.create(null);
  const ssoSessions: Record<string, ConfigSection> = Object.create(null);
  for (const [name, section] of Object.entries(configFile)) {
    if (name.startsWith(SSO_SESSION_PREFIX)) {
      ssoSessions[name.slice(SSO_SESSION_PREFIX.length)] = { ...section };
    } else if (!OTHER_PREFIXES.some((prefix) => name.startsWith(prefix))) {
      profiles[name] = { ...section };
    }
  }
  return { profiles, ssoSessions };
}
