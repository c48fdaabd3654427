import { readFile } from 'node:fs/promises';
import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import { ConfigurationError } from '../errors.js';
import type { Messages } from '../ui/messages/index.js';
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
 * Problems that make the SDKs misread a config file silently: the SDK loader skips an
 * unterminated `[header` and keeps going, attaching the next keys to the previous
 * section; binary content is read as keys. We refuse such a file, naming the line, rather
 * than edit it. Returns undefined when the file is fine.
 */
export function findConfigProblem(m: Messages, bytes: Uint8Array): string | undefined {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return m.config.configNotUtf8;
  }
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/^\uFEFF/, '').trim();
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u0008\u000e-\u001f\u007f]/.test(line)) return m.config.configBinaryLine(i + 1);
    if (line.startsWith('[') && !/^\[[^\]]*\]\s*([#;].*)?$/.test(line)) {
      return m.config.configBadHeader(i + 1, line.slice(0, 60));
    }
  }
  return undefined;
}

async function checkFile(m: Messages, file: string): Promise<void> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const problem = findConfigProblem(m, bytes);
  if (problem) {
    throw new ConfigurationError(m.config.cannotUseConfig(file, problem));
  }
}

/**
 * Reads the config file with the SDK's own loader (@smithy/shared-ini-file-loader), so a
 * profile or session we can see is one every SDK can see, and one it drops (a name with
 * spaces, say) we do not see either. A file the SDK would misread is refused.
 */
export async function readAwsConfig(paths: Pick<AwsPaths, 'configFile' | 'credentialsFile'>, m: Messages): Promise<AwsConfig> {
  await checkFile(m, paths.configFile);
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
