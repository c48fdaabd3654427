/**
 * Pure text → text editing of ~/.aws/config, following the AWS CLI's ConfigFileWriter
 * (awscli/customizations/configure/writer.py) so the result looks exactly like what
 * `aws configure sso` writes, while keeping every byte we don't have to touch.
 *
 * What the AWS CLI does, and what we do the same:
 * - Section headers are found by their exact text, `[name]`; a two-word name such as
 *   `profile dev` also matches `[profile "dev"]`. `[profile default]` is not `default`.
 *   Lines starting with `#` or `;` are comments and never match.
 * - A key already present in the section is rewritten in place as `key = value`
 *   (its indentation and any inline comment are lost, as in the AWS CLI).
 * - Keys not present are inserted, in the order given, after the section's last option.
 * - A missing section is appended at the end of the file, with no blank line before it;
 *   a line ending is added first if the file doesn't end with one.
 * - Newlines and carriage returns in a section name, key or value are refused.
 *
 * Where we deliberately differ (each difference avoids damaging a file):
 * - Line endings: a CRLF file stays CRLF (the AWS CLI rewrites it with LF), and each
 *   rewritten line keeps its own line ending. A UTF-8 BOM is kept.
 * - A key whose current value already equals the new one is left byte for byte alone
 *   (the AWS CLI normalises it to `key = value`), so a no-op edit returns the same text;
 *   except `key: value`, which the AWS SDK for JavaScript does not read: it is rewritten.
 * - Indentation is read the way botocore's configparser reads it. A line indented deeper
 *   than the option line above it continues that option: a sub-section member
 *   (`s3 =` / `  max_concurrent_requests = 10`) or a continuation line, never rewritten (the
 *   AWS CLI would rewrite `  region = x` inside `s3 =` and drop its indentation). Any other
 *   indented `key = value` line is an option of the section (some people indent every
 *   option): it is rewritten in place with its indentation kept, because appending a second,
 *   unindented `region = …` would make botocore refuse the whole file (duplicate option).
 * - Keys are compared case-insensitively, like botocore (configparser lower-cases option
 *   names): the AWS CLI would add `region = b` next to `Region = a`, and botocore then
 *   refuses the whole file as a duplicate option. Every top-level occurrence in the
 *   section is rewritten, so the SDK (last duplicate wins) sees the new value too.
 * - New keys go right after the last option (or continuation line) of the section even when
 *   it is the last section of the file; the AWS CLI then inserts one line too late
 *   (`region = x\nfoo\nbar\n` → `…foo\noutput = json\nbar\n`). They are unindented,
 *   unless the next section's header is indented: then they get its indentation, or
 *   configparser would read that header as a continuation of the new option.
 * - Headers may be indented, be followed by a comment (`[profile dev] # work`), use
 *   single quotes (`[profile 'dev']`) or a tab after the type: botocore and the AWS SDK
 *   for JavaScript read all of these as the same section, so appending a second copy
 *   would make botocore reject the file as a duplicate section. Whitespace just inside
 *   the brackets (`[ profile dev ]`) is NOT accepted: neither botocore nor the SDK read
 *   such a section as `profile dev`, so writing there would hide the values.
 * - An empty value is written as `key = ` (trailing space, as the AWS CLI would); callers
 *   are expected to omit empty values, as `aws configure sso` does.
 * - Keys can be removed (removeKeys), which the AWS CLI's writer cannot do: `configure` removes
 *   a converted profile's legacy `sso_start_url` / `sso_region` when they differ from its
 *   sso-session's, because botocore refuses such a profile (README, "Differences").
 */
import { BOM, classify, detectLineEnding, joinLines, normaliseKey, splitLines, type Line } from './ini-lines.js';

/** Thrown for a section name, key or value that can't be written safely. */
export class ConfigEditError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigEditError';
  }
}

/** Full section name as it appears inside the brackets: 'default', 'profile dev', 'sso-session my-sso'. */
export function profileSectionName(profile: string): string {
  return profile === 'default' ? 'default' : `profile ${profile}`;
}

export function ssoSessionSectionName(session: string): string {
  return `sso-session ${session}`;
}

type KeyValue = readonly [key: string, value: string];

/**
 * Sets keys in a section (creating it if missing) with the AWS CLI's ConfigFileWriter
 * semantics, preserving every other byte. Returns `text` unchanged when `values` is empty
 * or every key already has its value.
 */
export function updateSection(text: string, section: string, values: ReadonlyArray<KeyValue>): string {
  validateSectionName(section);
  values.forEach(([key, value]) => validateKeyValue(key, value));
  rejectDuplicateKeys(values);
  if (values.length === 0) return text;

  const bom = text.startsWith(BOM) ? BOM : '';
  const body = text.slice(bom.length);
  const eol = detectLineEnding(body);
  const lines = splitLines(body);
  const range = findSection(lines, section);
  const edited = range
    ? editExistingSection(lines, range, values, eol)
    : appendSection(body, section, values, eol);
  return bom + edited;
}

// ---------------------------------------------------------------------------------------
// Validation

function validateSectionName(section: string): void {
  if (/[\r\n]/.test(section)) {
    throw new ConfigEditError(`Invalid section name: newline characters and carriage returns are not allowed: ${JSON.stringify(section)}`);
  }
  if (/[[\]]/.test(section)) {
    throw new ConfigEditError(`Invalid section name: "[" and "]" are not allowed: ${JSON.stringify(section)}`);
  }
  if (section.trim() !== section || section === '') {
    throw new ConfigEditError(`Invalid section name: it must be non-empty without leading or trailing whitespace: ${JSON.stringify(section)}`);
  }
}

function validateKeyValue(key: string, value: string): void {
  if (/[\r\n]/.test(key)) {
    throw new ConfigEditError(`Invalid key: newline characters and carriage returns are not allowed: ${JSON.stringify(key)}`);
  }
  // A key that doesn't read back as itself would silently write a different option.
  if (key === '' || key.trim() !== key || /[=:]/.test(key) || /^[#;[]/.test(key)) {
    throw new ConfigEditError(`Invalid key: ${JSON.stringify(key)}`);
  }
  if (/[\r\n]/.test(value)) {
    // Like the AWS CLI, don't echo the value: it might be a secret.
    throw new ConfigEditError(`Invalid value for key ${key}: newline characters and carriage returns are not allowed.`);
  }
}

function rejectDuplicateKeys(values: ReadonlyArray<KeyValue>): void {
  const seen = new Set<string>();
  for (const [key] of values) {
    const normalised = normaliseKey(key);
    if (seen.has(normalised)) throw new ConfigEditError(`Key given more than once: ${key}`);
    seen.add(normalised);
  }
}

// ---------------------------------------------------------------------------------------
// Finding the section

/** `[inside]`, optionally indented, optionally followed by whitespace and a `#`/`;` comment. */
const HEADER = /^\s*\[([^\]]*)\](?:\s+[#;].*|\s*)$/s;

interface SectionRange {
  /** Index of the header line. */
  header: number;
  /** Index of the next header line, or lines.length. */
  end: number;
}

/** The first section called `section`, like the AWS CLI (which edits the first match). */
function findSection(lines: readonly Line[], section: string): SectionRange | undefined {
  const header = lines.findIndex(
    (line) => classify(line.text).kind === 'header' && headerMatches(line.text, section),
  );
  if (header < 0) return undefined;
  let end = header + 1;
  while (end < lines.length && classify(lines[end]!.text).kind !== 'header') end++;
  return { header, end };
}

/**
 * `[profile dev]` matches 'profile dev'; so do `[profile "dev"]` (AWS CLI), `[profile 'dev']`
 * and `[profile<TAB>dev]` (botocore and the SDK read them as the same profile).
 */
function headerMatches(text: string, section: string): boolean {
  const inside = HEADER.exec(text)?.[1];
  if (inside === undefined) return false;
  if (inside === section) return true;
  const space = section.indexOf(' ');
  if (space < 0) return false;
  const type = section.slice(0, space);
  const rest = section.slice(space + 1);
  const separator = inside[type.length];
  return (
    inside.startsWith(type) &&
    (separator === ' ' || separator === '\t') &&
    unquote(inside.slice(type.length + 1)) === rest
  );
}

function unquote(name: string): string {
  const quote = name[0];
  if ((quote === '"' || quote === "'") && name.length >= 2 && name.endsWith(quote)) return name.slice(1, -1);
  return name;
}

// ---------------------------------------------------------------------------------------
// Editing

function formatOption(key: string, value: string): string {
  return `${key} = ${value}`;
}

function editExistingSection(
  lines: readonly Line[],
  range: SectionRange,
  values: ReadonlyArray<KeyValue>,
  eol: '\n' | '\r\n',
): string {
  const out = lines.map((line) => ({ ...line }));
  const wanted = new Map(values.map(([key, value]) => [normaliseKey(key), [key, value] as const]));
  const found = new Set<string>();
  let lastContent = range.header;
  // configparser's rule: once the section has an option, a line indented deeper than the
  // last non-continuation line continues it; blank lines and comments don't count.
  let sawOption = false;
  let indentLevel = 0;

  for (let i = range.header + 1; i < range.end; i++) {
    const line = out[i]!;
    const kind = classify(line.text);
    if (kind.kind !== 'option' && kind.kind !== 'other') continue;
    if (sawOption && kind.indent.length > indentLevel) {
      lastContent = i; // a sub-section member or continuation line: kept as it is
      continue;
    }
    indentLevel = kind.indent.length;
    if (kind.kind !== 'option') continue;
    sawOption = true;
    lastContent = i;
    const entry = wanted.get(normaliseKey(kind.key));
    if (!entry) continue;
    found.add(normaliseKey(kind.key));
    const [key, value] = entry;
    // Same value, key spelling and `=`: leave the line exactly as the user wrote it.
    const same = kind.value === value && kind.key === key && kind.separator === '=';
    if (!same) line.text = kind.indent + formatOption(key, value);
  }

  const missing = values.filter(([key]) => !found.has(normaliseKey(key)));
  if (missing.length === 0) return joinLines(out);

  // The line we insert after may be the file's last line without a final newline.
  const anchor = out[lastContent]!;
  if (anchor.eol === '') anchor.eol = eol;
  // An unindented option before an indented header would make configparser read the header
  // as a continuation line; at the header's indentation it stays a header. (A header that
  // is already a continuation line for configparser gets no help: unindented keys are the
  // ones the SDK reads in every case.)
  const headerIndent = /^\s*/.exec(out[range.end]?.text ?? '')?.[0] ?? '';
  const headerIsHeader = !sawOption || headerIndent.length <= indentLevel;
  const indent = headerIsHeader ? headerIndent : '';
  const inserted: Line[] = missing.map(([key, value]) => ({ text: indent + formatOption(key, value), eol }));
  out.splice(lastContent + 1, 0, ...inserted);
  return joinLines(out);
}

/** A new section at the end: no blank line before it, like the AWS CLI. */
function appendSection(body: string, section: string, values: ReadonlyArray<KeyValue>, eol: '\n' | '\r\n'): string {
  const separator = body === '' || body.endsWith('\n') ? '' : eol;
  const newLines = [`[${section}]`, ...values.map(([key, value]) => formatOption(key, value))];
  return body + separator + newLines.map((line) => line + eol).join('');
}

/**
 * Removes the first section called `section` (its header and every line up to the next
 * header), keeping every other byte. Comments and blank lines just above the next header
 * belong to what follows and stay. Returns `text` unchanged when there is no such section.
 */
export function removeSection(text: string, section: string): string {
  validateSectionName(section);
  const bom = text.startsWith(BOM) ? BOM : '';
  const lines = splitLines(text.slice(bom.length));
  const range = findSection(lines, section);
  if (!range) return text;
  let end = range.end;
  // Leave the comments and blank lines that lead into the next section where they are.
  while (end > range.header + 1 && ['blank', 'comment'].includes(classify(lines[end - 1]!.text).kind)) end--;
  return bom + joinLines([...lines.slice(0, range.header), ...lines.slice(end)]);
}

/**
 * Removes keys from the first section called `section` (keys compared case-insensitively,
 * like botocore; every top-level occurrence), keeping every other byte. An option's
 * continuation lines (indented deeper, as configparser reads them) go with it; sub-section
 * members are never touched. Returns `text` unchanged when the section or keys are missing.
 */
export function removeKeys(text: string, section: string, keys: readonly string[]): string {
  validateSectionName(section);
  keys.forEach((key) => validateKeyValue(key, ''));
  if (keys.length === 0) return text;
  const bom = text.startsWith(BOM) ? BOM : '';
  const lines = splitLines(text.slice(bom.length));
  const range = findSection(lines, section);
  if (!range) return text;
  const unwanted = new Set(keys.map(normaliseKey));
  const drop = new Set<number>();
  let sawOption = false;
  let indentLevel = 0;
  let dropping = false;
  for (let i = range.header + 1; i < range.end; i++) {
    const kind = classify(lines[i]!.text);
    if (kind.kind !== 'option' && kind.kind !== 'other') continue;
    if (sawOption && kind.indent.length > indentLevel) {
      if (dropping) drop.add(i); // a continuation line of a removed option
      continue;
    }
    indentLevel = kind.indent.length;
    dropping = false;
    if (kind.kind !== 'option') continue;
    sawOption = true;
    if (unwanted.has(normaliseKey(kind.key))) {
      drop.add(i);
      dropping = true;
    }
  }
  if (drop.size === 0) return text;
  return bom + joinLines(lines.filter((_, i) => !drop.has(i)));
}
