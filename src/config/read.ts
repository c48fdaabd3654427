import { readFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { externalDataInterceptor, loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
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

async function checkFile(m: Messages, file: string): Promise<string | undefined> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const problem = findConfigProblem(m, bytes);
  if (problem) {
    throw new ConfigurationError(m.config.cannotUseConfig(file, problem));
  }
  return new TextDecoder('utf-8').decode(bytes);
}

/**
 * Section headers the SDK's INI parser refuses (its `profileNameBlockList`): on meeting one it
 * throws, and loadSharedConfigFiles swallows the error and returns an empty config, so every
 * JS-SDK tool sees no profile at all in the whole file. botocore reads such a section as an
 * ordinary profile. The SDK's rule, to the letter: the line without a `#`/`;` comment, trimmed,
 * is `[__proto__]` or `[profile __proto__]`.
 */
const SDK_BLOCKED_SECTIONS = new Set(['__proto__', 'profile __proto__']);

function sdkBlockedLines(text: string): number[] {
  const lines = text.split(/\r?\n/);
  const found: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const trimmed = lines[i]!.split(/(^|\s)[;#]/)[0]!.trim();
    if (trimmed.startsWith('[') && trimmed.endsWith(']') && SDK_BLOCKED_SECTIONS.has(trimmed.slice(1, -1))) found.push(i);
  }
  return found;
}

/**
 * The text with each blocked header renamed to one the SDK ignores (no `profile ` prefix, no
 * `.`), so the SDK's own loader reads every other section as it would without that one.
 */
function withoutBlockedSections(text: string, blocked: readonly number[]): string {
  const lines = text.split('\n');
  for (const i of blocked) lines[i] = `[sso-setup-ignored-section]${lines[i]!.endsWith('\r') ? '\r' : ''}`;
  return lines.join('\n');
}

/**
 * The SDK's loader on the file, or, when the file holds a section the SDK refuses (which makes
 * it read the whole file as empty), on the file without that section: we can do better than
 * the SDK there, and still see every other profile. The text goes to the loader through its
 * own file interceptor under a private name (never to disk: the file may hold secrets), which
 * is removed at once.
 */
async function loadConfigFile(paths: Pick<AwsPaths, 'configFile' | 'credentialsFile'>, text: string | undefined) {
  const blocked = text === undefined ? [] : sdkBlockedLines(text);
  if (blocked.length === 0) {
    return (await loadSharedConfigFiles({ configFilepath: paths.configFile, filepath: paths.credentialsFile, ignoreCache: true })).configFile;
  }
  const privateName = `${paths.configFile}#sso-setup-${randomUUID()}`;
  externalDataInterceptor.interceptFile(privateName, withoutBlockedSections(text!, blocked));
  try {
    return (await loadSharedConfigFiles({ configFilepath: privateName, filepath: paths.credentialsFile, ignoreCache: true })).configFile;
  } finally {
    delete externalDataInterceptor.getFileRecord()[privateName];
  }
}

/**
 * Reads the config file with the SDK's own loader (@smithy/shared-ini-file-loader), so a
 * profile or session we can see is one every SDK can see, and one it drops (a name with
 * spaces, say) we do not see either. A file the SDK would misread is refused. The one
 * exception: a `[profile __proto__]` section, which makes the SDK see nothing at all, is
 * left out and the rest read (see loadConfigFile). Results are keyed in prototype-less
 * objects, so no section name (`constructor`, `__proto__`) can shadow or pollute anything.
 */
export async function readAwsConfig(paths: Pick<AwsPaths, 'configFile' | 'credentialsFile'>, m: Messages): Promise<AwsConfig> {
  const text = await checkFile(m, paths.configFile);
  const configFile = await loadConfigFile(paths, text);
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
