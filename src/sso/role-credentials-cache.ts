import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { pythonJsonDumps } from './python-json.js';
import { removeFile } from './cache.js';

/**
 * The AWS CLI's role-credential cache in ~/.aws/cli/cache (compat.md §A3 "Role credentials").
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

/** Deletes every file whose JSON has `"ProviderType": "sso"`, as `aws sso logout` does. Returns the files removed. */
export async function removeSsoRoleCredentials(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const removed: string[] = [];
  for (const name of names.sort()) {
    const file = path.join(dir, name);
    let providerType: unknown;
    try {
      providerType = (JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>)?.ProviderType;
    } catch {
      continue; // invalid JSON or not a file: left alone
    }
    if (providerType === 'sso' && (await removeFile(file))) removed.push(file);
  }
  return removed;
}
