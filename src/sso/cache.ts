import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { open, readdir, unlink, mkdir, rmdir, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { isTempFileName, writeFileAtomic } from '../config/atomic-write.js';
import type { FileSystemOptions } from '../config/file-system.js';
import { pythonJsonDumps } from './python-json.js';

/**
 * The SSO token cache and the OIDC client-registration cache in ~/.aws/sso/cache, in the
 * formats botocore / the AWS CLI write and read (docs/compat.md §A3), which the JS SDK reads too.
 */

/** A cached SSO access token (the AWS CLI's token file). */
export interface SsoToken {
  startUrl: string;
  region: string;
  accessToken: string;
  expiresAt: Date;
  clientId?: string;
  clientSecret?: string;
  registrationExpiresAt?: Date;
  refreshToken?: string;
}

/** A cached OIDC client registration (RegisterClient's result). */
export interface ClientRegistration {
  clientId: string;
  clientSecret: string;
  expiresAt: Date;
  scopes?: string[];
  grantTypes?: string[];
}

/** Inputs of the registration cache key, named as botocore names them. */
export interface RegistrationKeyInput {
  startUrl: string;
  region: string;
  /** The scopes as configured (parsed list), or undefined when none are configured. */
  scopes?: readonly string[];
  sessionName?: string;
}

function sha1(text: string): string {
  return createHash('sha1').update(text, 'utf8').digest('hex');
}

/** Token file key: sha1(session name) for sso-session configurations, else sha1(start URL). */
export function tokenCacheKey(target: { sessionName?: string; startUrl: string }): string {
  return sha1(target.sessionName ?? target.startUrl);
}

/** Registration file key: sha1 of botocore's sorted-keys JSON of the registration arguments. */
export function registrationCacheKey(input: RegistrationKeyInput): string {
  return sha1(
    pythonJsonDumps(
      {
        tool: 'botocore',
        startUrl: input.startUrl,
        region: input.region,
        scopes: input.scopes ? [...input.scopes] : null,
        session_name: input.sessionName ?? null,
      },
      { sortKeys: true },
    ),
  );
}

/** `%Y-%m-%dT%H:%M:%SZ`, seconds truncated, as botocore writes datetimes. */
export function formatCacheDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * Parses the dates the AWS tools have written over the years: `…Z` (botocore), `….123Z`
 * (JS SDK), and the old `…UTC` suffix. Returns undefined when it isn't a date.
 */
export function parseCacheDate(value: unknown): Date | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  // Not `replace(/\s*UTC$/, 'Z')`: that backtracks quadratically on a long run of spaces.
  const normalised = value.endsWith('UTC') ? `${value.slice(0, -3).trimEnd()}Z` : value;
  const date = new Date(normalised);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** Thrown when a cache file exists but cannot be used. Callers treat it like a miss, and say so. */
export class CacheFileError extends Error {
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(`The cache file ${file} is not usable: ${reason}`);
    this.name = 'CacheFileError';
  }
}

/** Cache files are a few KB: anything larger is not one of ours, and is not read into memory. */
export const MAX_CACHE_FILE_BYTES = 1024 * 1024;

/** Errors opening a cache file that mean this file can't be used, not that something else is wrong. */
const UNUSABLE_FILE_ERRORS = new Set(['EISDIR', 'EACCES', 'EPERM', 'ELOOP']);

/**
 * The text of a cache file, undefined if it doesn't exist. Throws CacheFileError for what
 * can't be a cache file: not a regular file, unreadable, or larger than MAX_CACHE_FILE_BYTES
 * (reading a file over 2 GiB would throw a RangeError; opening a FIFO would wait forever
 * for a writer, so files are opened non-blocking and checked before they are read).
 */
export async function readCacheFile(file: string): Promise<string | undefined> {
  let handle: FileHandle;
  try {
    handle = await open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (code === 'ENOENT') return undefined;
    if (UNUSABLE_FILE_ERRORS.has(code)) throw new CacheFileError(file, `it can't be read (${code})`);
    throw error;
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw new CacheFileError(file, 'it is not a regular file');
    if (stats.size > MAX_CACHE_FILE_BYTES) {
      throw new CacheFileError(file, `it is larger than ${MAX_CACHE_FILE_BYTES / 1024 / 1024} MiB`);
    }
    return await handle.readFile('utf8');
  } finally {
    await handle.close();
  }
}

/** The JSON object in a cache file; CacheFileError if it is anything else. */
export function parseCacheJson(file: string, text: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new CacheFileError(file, 'it is not valid JSON');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new CacheFileError(file, 'it is not a JSON object');
  }
  return parsed as Record<string, unknown>;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const strList = (v: unknown): string[] | undefined =>
  Array.isArray(v) && v.every((s) => typeof s === 'string') ? (v as string[]) : undefined;

/**
 * Runs a cache read; a file that can't be used counts as missing (it is replaced by the next
 * write). `onProblem` hears about it, for a warning.
 */
export async function readUsable<T>(
  read: () => Promise<T | undefined>,
  onProblem?: (problem: CacheFileError) => void,
): Promise<T | undefined> {
  try {
    return await read();
  } catch (error) {
    if (!(error instanceof CacheFileError)) throw error;
    onProblem?.(error);
    return undefined;
  }
}

/** The token file's keys, in botocore's order and date format. */
function tokenBody(token: SsoToken): Record<string, string | undefined> {
  return {
    startUrl: token.startUrl,
    region: token.region,
    accessToken: token.accessToken,
    expiresAt: formatCacheDate(token.expiresAt),
    clientId: token.clientId,
    clientSecret: token.clientSecret,
    registrationExpiresAt: token.registrationExpiresAt && formatCacheDate(token.registrationExpiresAt),
    refreshToken: token.refreshToken,
  };
}

/** Device flow: clientId, clientSecret, expiresAt[, scopes]; PKCE adds grantTypes. */
function registrationBody(registration: ClientRegistration): Record<string, string | string[] | undefined> {
  return {
    clientId: registration.clientId,
    clientSecret: registration.clientSecret,
    expiresAt: formatCacheDate(registration.expiresAt),
    scopes: registration.scopes,
    grantTypes: registration.grantTypes,
  };
}

export class SsoCache {
  constructor(
    readonly dir: string,
    private readonly fsOptions: FileSystemOptions = {},
  ) {}

  fileFor(key: string): string {
    return path.join(this.dir, `${key}.json`);
  }

  /** Parsed JSON object of a cache file, undefined if the file is missing. */
  private async readJson(key: string): Promise<Record<string, unknown> | undefined> {
    const file = this.fileFor(key);
    const text = await readCacheFile(file);
    return text === undefined ? undefined : parseCacheJson(file, text);
  }

  /**
   * One cache file, atomically. The cache holds secrets: its folders are made 0700 when
   * missing (and only then: an existing folder costs no call), and folders made here are
   * removed again if the write fails, so a failed run leaves the disk as it found it.
   * `syncDirectory: false` when another file of this folder is written next (writeSignIn).
   */
  private async writeJson(key: string, body: Record<string, string | string[] | undefined>, syncDirectory = true): Promise<void> {
    let firstCreated: string | undefined;
    const makeDirectory = async (dir: string) => {
      firstCreated = await mkdir(dir, { recursive: true, mode: 0o700 });
    };
    try {
      await writeFileAtomic(this.fileFor(key), pythonJsonDumps(body), { ...this.fsOptions, exactMode: 0o600, makeDirectory, syncDirectory });
    } catch (error) {
      if (firstCreated) await removeEmptyFolders(this.dir, firstCreated);
      throw error;
    }
  }

  async readToken(key: string): Promise<SsoToken | undefined> {
    const json = await this.readJson(key);
    if (!json) return undefined;
    const accessToken = str(json.accessToken);
    const expiresAt = parseCacheDate(json.expiresAt);
    if (!accessToken || !expiresAt) {
      throw new CacheFileError(this.fileFor(key), 'it has no accessToken or expiresAt');
    }
    return {
      startUrl: str(json.startUrl) ?? '',
      region: str(json.region) ?? '',
      accessToken,
      expiresAt,
      clientId: str(json.clientId),
      clientSecret: str(json.clientSecret),
      registrationExpiresAt: parseCacheDate(json.registrationExpiresAt),
      refreshToken: str(json.refreshToken),
    };
  }

  /** Writes the token file with botocore's keys, order and date format. */
  async writeToken(key: string, token: SsoToken): Promise<void> {
    await this.writeJson(key, tokenBody(token));
  }

  async readRegistration(key: string): Promise<ClientRegistration | undefined> {
    const json = await this.readJson(key);
    if (!json) return undefined;
    const clientId = str(json.clientId);
    const clientSecret = str(json.clientSecret);
    const expiresAt = parseCacheDate(json.expiresAt);
    if (!clientId || !clientSecret || !expiresAt) {
      throw new CacheFileError(this.fileFor(key), 'it has no clientId, clientSecret or expiresAt');
    }
    return { clientId, clientSecret, expiresAt, scopes: strList(json.scopes), grantTypes: strList(json.grantTypes) };
  }

  async writeRegistration(key: string, registration: ClientRegistration): Promise<void> {
    await this.writeJson(key, registrationBody(registration));
  }

  /**
   * What a sign-in leaves: a new registration (when it made one) then the token, each file
   * replaced atomically and fsynced, the folder synced once, after both renames.
   */
  async writeSignIn(token: { key: string; token: SsoToken }, registration?: { key: string; registration: ClientRegistration }): Promise<void> {
    if (registration) await this.writeJson(registration.key, registrationBody(registration.registration), false);
    await this.writeJson(token.key, tokenBody(token.token));
  }

  /**
   * Every token file in the cache (a JSON object with an accessToken), as `aws sso logout`
   * finds them. Registration files and unreadable files are skipped.
   */
  async listTokenFiles(): Promise<Array<{ file: string; accessToken: string; region?: string }>> {
    const found = [];
    for (const name of (await cacheFileNames(this.dir)).filter((n) => n.endsWith('.json'))) {
      const file = path.join(this.dir, name);
      try {
        const text = await readCacheFile(file);
        if (text === undefined) continue; // removed meanwhile
        const json = parseCacheJson(file, text);
        const accessToken = str(json.accessToken);
        if (accessToken) found.push({ file, accessToken, region: str(json.region) });
      } catch {
        // Not ours to judge: invalid JSON and unreadable files are left alone, as the AWS CLI does.
      }
    }
    return found;
  }
}

/** Removes `dir` and its parents up to and including `top`, as long as they are empty. */
async function removeEmptyFolders(dir: string, top: string): Promise<void> {
  for (let current = dir; ; current = path.dirname(current)) {
    try {
      await rmdir(current);
    } catch {
      return; // not empty, or gone: stop
    }
    if (current === top || path.dirname(current) === current) return;
  }
}

export async function removeFile(file: string): Promise<boolean> {
  try {
    await unlink(file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/** The names in a cache folder, sorted; none when the folder does not exist. */
export async function cacheFileNames(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/**
 * botocore's JSONFileCache.__setitem__ (boto3; the `~/.aws/cli/cache` of the AWS CLI v2
 * writes in place) writes through `tempfile.mkstemp(dir=cache_dir, suffix='.tmp')`:
 * `tmp` + 8 characters of [a-z0-9_] + `.tmp`, left behind when the process is killed.
 */
const BOTOCORE_TEMP_FILE = /^tmp[a-z0-9_]{8}\.tmp$/;

/**
 * Removes the temp files that an interrupted write left in a cache folder (ours:
 * `.<key>.json.<hex>.tmp`; botocore's: `tmpXXXXXXXX.tmp`): they may hold tokens or
 * credentials. Returns the files removed.
 */
export async function removeTempFiles(dir: string): Promise<string[]> {
  const removed = [];
  for (const name of await cacheFileNames(dir)) {
    if (!isTempFileName(name) && !BOTOCORE_TEMP_FILE.test(name)) continue;
    const file = path.join(dir, name);
    if (await removeFile(file)) removed.push(file);
  }
  return removed;
}
