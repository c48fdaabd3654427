import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { pythonJsonDumps } from './python-json.js';
import { cacheFileNames, formatCacheDate, parseCacheDate, parseCacheJson, readCacheFile, removeFile } from './cache.js';
import { writeFileAtomic } from '../config/atomic-write.js';
import type { FileSystemOptions } from '../config/file-system.js';

/**
 * The AWS CLI's role-credential cache in ~/.aws/cli/cache (docs/compat.md §A3 "Role credentials").
 */

/** sha1 of the compact, sorted JSON of {accountId, roleName, sessionName | startUrl}. */
export function roleCredentialsCacheKey(input: {
  accountId: string;
  roleName: string;
  sessionName?: string;
  startUrl?: string;
}): string {
  const args: Record<string, string> = { roleName: input.roleName, accountId: input.accountId };
  if (input.sessionName) args.sessionName = input.sessionName;
  else if (input.startUrl) args.startUrl = input.startUrl;
  const text = pythonJsonDumps(args, { sortKeys: true, compact: true });
  return createHash('sha1').update(text, 'utf8').digest('hex');
}

/** A cache file's JSON object, read safely (no FIFO waits, no huge reads); undefined if missing. */
async function readCacheJson(file: string): Promise<Record<string, unknown> | undefined> {
  const text = await readCacheFile(file);
  return text === undefined ? undefined : parseCacheJson(file, text);
}

/** Deletes every file whose JSON has `"ProviderType": "sso"`, as `aws sso logout` does. Returns the files removed. */
export async function removeSsoRoleCredentials(dir: string): Promise<string[]> {
  const removed: string[] = [];
  for (const name of await cacheFileNames(dir)) {
    const file = path.join(dir, name);
    let providerType: unknown;
    try {
      providerType = (await readCacheJson(file))?.ProviderType;
    } catch {
      continue; // invalid JSON, not a regular file, too large: left alone
    }
    if (providerType === 'sso' && (await removeFile(file))) removed.push(file);
  }
  return removed;
}

/** Role credentials as the AWS CLI caches them for SSO profiles. */
export interface CachedRoleCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: Date;
  accountId: string;
}

/** Reads a cached SSO role credential; undefined when missing, unreadable or not an SSO entry. */
export async function readRoleCredentials(dir: string, key: string): Promise<CachedRoleCredentials | undefined> {
  let json: { ProviderType?: unknown; Credentials?: Record<string, unknown> } | undefined;
  try {
    json = await readCacheJson(path.join(dir, `${key}.json`));
  } catch {
    return undefined; // unusable: GetRoleCredentials again, and overwrite it
  }
  const c = json?.Credentials;
  if (json?.ProviderType !== 'sso' || !c) return undefined;
  const expiration = parseCacheDate(c.Expiration);
  const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
  const [accessKeyId, secretAccessKey, sessionToken] = [text(c.AccessKeyId), text(c.SecretAccessKey), text(c.SessionToken)];
  if (!accessKeyId || !secretAccessKey || !sessionToken || !expiration) return undefined;
  return { accessKeyId, secretAccessKey, sessionToken, expiration, accountId: text(c.AccountId) ?? '' };
}

/** Writes the AWS CLI's cache entry: `{"ProviderType": "sso", "Credentials": {…}}`, 0600. */
export async function writeRoleCredentials(
  dir: string,
  key: string,
  credentials: CachedRoleCredentials,
  fsOptions: FileSystemOptions = {},
): Promise<void> {
  const body = pythonJsonDumps({
    ProviderType: 'sso',
    Credentials: {
      AccessKeyId: credentials.accessKeyId,
      SecretAccessKey: credentials.secretAccessKey,
      SessionToken: credentials.sessionToken,
      Expiration: formatCacheDate(credentials.expiration),
      AccountId: credentials.accountId,
    },
  });
  // The folder holds secrets: 0700, made only when it is missing.
  const makeDirectory = async (folder: string) => void (await mkdir(folder, { recursive: true, mode: 0o700 }));
  await writeFileAtomic(path.join(dir, `${key}.json`), body, { ...fsOptions, exactMode: 0o600, makeDirectory });
}
