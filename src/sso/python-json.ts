/**
 * JSON text exactly as Python's `json.dumps` writes it (default `ensure_ascii=True`), which
 * is what botocore and the AWS CLI use for SSO cache keys and cache files. Byte equality
 * matters: cache file names are SHA-1 hashes of this text.
 */

export interface PythonJsonOptions {
  /** `sort_keys=True` */
  sortKeys?: boolean;
  /** `separators=(',', ':')`; the default is `(', ', ': ')`. */
  compact?: boolean;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json | undefined };

/**
 * A string with nothing to escape: printable ASCII but `"` and a backslash (tokens, IDs, URLs). One
 * character class, anchored: linear.
 */
const PLAIN = /^[ !#-[\]-~]*$/;

function escapeString(value: string): string {
  // The common case, whole: tokens run to kilobytes, and the loop below builds them a character at a time.
  if (PLAIN.test(value)) return `"${value}"`;
  let out = '"';
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    const ch = value[i]!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    // Everything outside printable ASCII becomes \uXXXX (lower-case hex, UTF-16 units,
    // so astral characters come out as surrogate pairs, as in Python).
    else if (code < 0x20 || code > 0x7e) out += '\\u' + code.toString(16).padStart(4, '0');
    else out += ch;
  }
  return out + '"';
}

export function pythonJsonDumps(value: Json, options: PythonJsonOptions = {}): string {
  const itemSeparator = options.compact ? ',' : ', ';
  const keySeparator = options.compact ? ':' : ': ';
  const encode = (v: Json): string => {
    if (v === null) return 'null';
    if (typeof v === 'boolean') return v ? 'true' : 'false';
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) throw new TypeError('Non-finite numbers are not JSON');
      return String(v);
    }
    if (typeof v === 'string') return escapeString(v);
    if (Array.isArray(v)) return '[' + v.map(encode).join(itemSeparator) + ']';
    let keys = Object.keys(v).filter((k) => v[k] !== undefined);
    // Python sorts by code point; JS's default sort compares UTF-16 units, which agrees for
    // the BMP keys we ever write.
    if (options.sortKeys) keys = keys.sort();
    return '{' + keys.map((k) => escapeString(k) + keySeparator + encode(v[k]!)).join(itemSeparator) + '}';
  };
  return encode(value);
}
