import { createHash, randomBytes, randomInt, randomUUID } from 'node:crypto';

export const requestId = (): string => randomUUID();

/** URL-safe random text carrying `bytes` of entropy. */
export const randomToken = (bytes = 32): string => randomBytes(bytes).toString('base64url');

const pick = (alphabet: string, length: number): string =>
  Array.from({ length }, () => alphabet[randomInt(alphabet.length)]).join('');

/** RFC 8628 §6.1: base-20 consonants, no vowels, no look-alikes. */
const USER_CODE_ALPHABET = 'BCDFGHJKLMNPQRSTVWXZ';
const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const SECRET_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** ABCD-EFGH */
export const userCode = (): string => `${pick(USER_CODE_ALPHABET, 4)}-${pick(USER_CODE_ALPHABET, 4)}`;

/** Accepts what a person might type: any case, with or without the hyphen or spaces. */
export function normaliseUserCode(input: string): string {
  const letters = input.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return letters.length === 8 ? `${letters.slice(0, 4)}-${letters.slice(4)}` : letters;
}

export const accessKeyId = (): string => `ASIA${pick(UPPER_ALNUM, 16)}`;
export const secretAccessKey = (): string => pick(SECRET_ALPHABET, 40);
export const sessionToken = (): string => `IQoJb3JpZ2luX2Vj${randomBytes(180).toString('base64')}`;

export const clientId = (): string => randomToken(16);
export const clientSecret = (): string => `eyJraWQiOiJrZXktZW11bGF0b3IifQ.${randomToken(96)}`;
export const deviceCode = (): string => randomToken(48);
export const accessToken = (): string => `aoa${randomToken(96)}`;
export const refreshToken = (): string => `aor${randomToken(96)}`;
export const authorizationCode = (): string => randomToken(32);

/**
 * An opaque page token: random bytes in standard base64, so it carries `+`, `/` and `=`
 * and a client must percent-encode it as the real service's tokens require.
 */
export const pageToken = (): string => randomBytes(31).toString('base64');

const digest = (text: string) => createHash('sha256').update(text).digest();

/** The 16 hex digits of `AWSReservedSSO_<role>_<hex>`, stable per permission set. */
export const permissionSetSuffix = (roleName: string): string => digest(`permission-set:${roleName}`).toString('hex').slice(0, 16);

/** AROA + 16 upper-case letters and digits, stable per account and role. */
export function roleId(accountId: string, roleName: string): string {
  const bytes = digest(`role:${accountId}:${roleName}`);
  return 'AROA' + Array.from(bytes.subarray(0, 16), (b) => UPPER_ALNUM[b % UPPER_ALNUM.length]).join('');
}

/** base64url(sha256(verifier)) without padding: the PKCE S256 challenge (RFC 7636). */
export const s256 = (verifier: string): string => createHash('sha256').update(verifier).digest('base64url');
