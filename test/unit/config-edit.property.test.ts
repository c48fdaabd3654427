/**
 * Property tests for updateSection (src/config/edit.ts) with fast-check: random, realistic
 * ~/.aws/config files, random edits of the keys sso-setup writes, and three readers that
 * must agree with what we meant to write: the AWS SDK for JavaScript's loader, the CLI's own
 * reader (readAwsConfig), and botocore (the AWS CLI's parser, run once over a batch).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import * as fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import { updateSection } from '../../src/config/edit.js';
import { readAwsConfig } from '../../src/config/read.js';
import { OUTPUT_FORMATS } from '../../src/flows/validators.js';
import { catalogue } from '../../src/ui/messages/index.js';

const en = catalogue('en');

// ---------------------------------------------------------------------------------------
// A model of a config file, so every generated file comes with the positions of its sections.

type SectionKind = 'default' | 'profile' | 'sso-session' | 'services' | 'plain';
type Eol = '\n' | '\r\n';

interface SectionModel {
  kind: SectionKind;
  name: string;
  header: string;
  body: string[];
}

interface ConfigModel {
  bom: boolean;
  eol: Eol;
  /** Comments and blank lines before the first section. */
  preamble: string[];
  sections: SectionModel[];
  finalNewline: boolean;
}

interface Rendered {
  text: string;
  /** Offsets of each section: its header line's start, and the next header's start (or the end). */
  ranges: Array<{ start: number; end: number }>;
}

function render(model: ConfigModel): Rendered {
  const lines = [...model.preamble];
  const firstLines: number[] = [];
  for (const section of model.sections) {
    firstLines.push(lines.length);
    lines.push(section.header, ...section.body);
  }
  let text = model.bom ? '\uFEFF' : '';
  const lineStarts: number[] = [];
  for (const line of lines) {
    lineStarts.push(text.length);
    text += line + model.eol;
  }
  if (!model.finalNewline && lines.length > 0) text = text.slice(0, -model.eol.length);
  const ranges = firstLines.map((first, i) => ({
    start: lineStarts[first]!,
    end: Math.min(lineStarts[firstLines[i + 1] ?? lines.length] ?? text.length, text.length),
  }));
  return { text, ranges };
}

/**
 * Two sections with the same identity are the same section to every reader. (No
 * `[profile default]` is generated: the SDK and botocore disagree on whether it or `[default]` wins.)
 */
function identity(kind: SectionKind, name: string): string {
  return kind === 'default' ? 'profile default' : `${kind} ${name}`;
}

/** The name updateSection takes: what's inside the brackets. */
function sectionName(kind: Exclude<SectionKind, 'plain'>, name: string): string {
  return kind === 'default' ? 'default' : `${kind} ${name}`;
}

/** The key of a section in loadSharedConfigFiles().configFile. */
function sdkKey(kind: Exclude<SectionKind, 'plain'>, name: string): string {
  if (kind === 'default') return 'default';
  return kind === 'profile' ? name : `${kind}.${name}`;
}

// ---------------------------------------------------------------------------------------
// Arbitraries: config files

const weighted = <T,>(...entries: Array<[number, fc.Arbitrary<T>]>) =>
  fc.oneof(...entries.map(([weight, arbitrary]) => ({ weight, arbitrary })));

/** Profile and session names our validators accept (the SDK loader's `[\w\-@+.%:/]`). */
const nameArb = weighted(
  [3, fc.constantFrom('dev', 'prod', 'dev.admin', 'my-sso', 'team/ops', 'a@b', 'x:y', 'Dev', 'stage+1', '50%', 'corp_sso')],
  [2, fc.stringMatching(/^[A-Za-z0-9][\w\-@+.%:/]{0,11}$/)],
).filter((name) => name !== 'default' && !/^(sso-session|services)\./.test(name) && name !== '__proto__');

const PLAIN_NAMES = ['preview', 'plugins', 'toplevel'];

/** `[X]` for the inside X: indented, trailing spaces, followed by a comment. */
const headerDecoration = weighted(
  [6, fc.constant('[X]')],
  [1, fc.constantFrom('  [X]', '\t[X]', '[X]   ', '[X] # work', '[X] ; note', '[X]\t# c')],
);

function insideSpellings(kind: SectionKind, name: string): string[] {
  if (kind === 'default') return ['default'];
  if (kind === 'plain') return [name];
  return [`${kind} ${name}`, `${kind} "${name}"`, `${kind} '${name}'`, `${kind}\t${name}`];
}

const blankArb = fc.constantFrom('', '', '   ', '\t');
const commentArb = fc.constantFrom(
  '# comment',
  '; comment',
  '   # indented comment',
  '\t; indented',
  '#region = us-east-1',
  '# [profile dev]',
  ';;;',
  '#',
);

const OTHER_KEYS = ['cli_pager', 'credential_process', 'role_arn', 'source_profile', 'duration_seconds', 'max_attempts',
  'retry_mode', 'ca_bundle', 'endpoint_url', 'Region', 'Output', 'custom_key', 'x-y'];
const OUR_KEYS = ['sso_session', 'sso_account_id', 'sso_role_name', 'region', 'output', 'sso_start_url', 'sso_region',
  'sso_registration_scopes'] as const;
type OurKey = (typeof OUR_KEYS)[number];

/** Values already in a file: never empty, no leading `#`/`;`, no ` #`/` ;` (an inline comment is added separately). */
const fileValueArb = weighted(
  [2, fc.constantFrom('us-east-1', 'json', 'text', 'https://d-1234567890.awsapps.com/start', 'https://my.awsapps.com/start/#/',
    '111122223333', 'AdministratorAccess', 'sso:account:access, codewhisperer:completions', 'a=b', 'x#y', 'v:1',
    'cat', '3600', 'arn:aws:iam::111122223333:role/Admin', '/usr/local/bin/creds --profile x')],
  [1, fc.stringMatching(/^[\w\-.:/@+,=%]{1,20}$/)],
);

const optionLineArb = fc
  .record({
    key: weighted([1, fc.constantFrom(...OUR_KEYS)], [1, fc.constantFrom(...OTHER_KEYS)]),
    separator: weighted([6, fc.constant(' = ')], [2, fc.constantFrom('=', ' =', '= ', '  =   ')], [1, fc.constantFrom(': ', ':')]),
    value: fileValueArb,
    trailing: weighted([6, fc.constant('')], [1, fc.constantFrom(' # note', ' ; note', '   ', '\t')]),
  })
  // With `key: a=b` the SDK would split at the `=`; configparser and we split at the `:`.
  .filter(({ separator, value }) => !(separator.includes(':') && value.includes('=')))
  .map(({ key, separator, value, trailing }) => `${key}${separator}${value}${trailing}`);

/** `s3 =` and its indented members: the SDK reads them as `s3.<member>`, botocore as a nested dict. */
const subSectionArb = fc
  .record({
    name: fc.constantFrom('s3', 's3api', 'dynamodb'),
    indent: fc.constantFrom('  ', '    ', '\t'),
    members: fc.uniqueArray(
      fc.constantFrom('max_concurrent_requests = 10', 'multipart_threshold = 64MB', 'addressing_style = path',
        'region = eu-west-1', 'output = table', 'use_accelerate_endpoint = true'),
      { minLength: 1, maxLength: 3, selector: (member) => member.split(' ')[0] },
    ),
  })
  .map(({ name, indent, members }) => [`${name} =`, ...members.map((member) => indent + member)]);

/** `cli_pager =` (an empty value): realistic, but the SDK starts a sub-section on it. */
const emptyOptionArb = fc.constantFrom('cli_pager =', 'cli_pager = ', 'cli_history =').map((line) => [line]);

/**
 * A section body. Some people indent every option: `indent` does that. Indented bodies have
 * no sub-sections and no empty values: after an indented `s3 =` the SDK reads the section's
 * other indented options as `s3.*`, where botocore reads them as options.
 */
function bodyArb(indent: string): fc.Arbitrary<string[]> {
  const items: Array<[number, fc.Arbitrary<string[]>]> = [
    [2, blankArb.map((line) => [line])],
    [2, commentArb.map((line) => [line])],
    [6, optionLineArb.map((line) => [indent + line])],
  ];
  if (indent === '') items.push([1, subSectionArb], [1, emptyOptionArb]);
  return fc.array(weighted(...items), { maxLength: 8 }).map((groups) => groups.flat());
}

const anyBodyArb = weighted([5, fc.constant('')], [1, fc.constantFrom(' ', '  ', '    ', '\t')]).chain(bodyArb);

const sectionArb: fc.Arbitrary<SectionModel> = fc
  .record({
    kind: weighted<SectionKind>([2, fc.constant('default')], [5, fc.constant('profile')], [3, fc.constant('sso-session')],
      [1, fc.constant('services')], [1, fc.constant('plain')]),
    name: nameArb,
    plainName: fc.constantFrom(...PLAIN_NAMES),
    spelling: fc.nat(3),
    decoration: headerDecoration,
    body: anyBodyArb,
  })
  .map(({ kind, name, plainName, spelling, decoration, body }) => {
    const actualName = kind === 'default' ? 'default' : kind === 'plain' ? plainName : name;
    const spellings = insideSpellings(kind, actualName);
    const inside = spellings[spelling % spellings.length]!;
    return { kind, name: actualName, header: decoration.replace('X', () => inside), body };
  });

const configArb: fc.Arbitrary<ConfigModel> = fc.record({
  bom: weighted([9, fc.constant(false)], [1, fc.constant(true)]),
  eol: fc.constantFrom<Eol>('\n', '\r\n'),
  preamble: fc.array(fc.oneof(blankArb, commentArb), { maxLength: 3 }),
  sections: fc.uniqueArray(sectionArb, { maxLength: 6, selector: (section) => identity(section.kind, section.name) }),
  finalNewline: weighted([4, fc.constant(true)], [1, fc.constant(false)]),
});

// ---------------------------------------------------------------------------------------
// Arbitraries: edits, with the values sso-setup writes

const hex = (length: number) => fc.stringMatching(new RegExp(`^[0-9a-f]{${length}}$`));
const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-northeast-1', 'us-gov-west-1', 'il-central-1'];

const valueArbs: { [K in OurKey]: fc.Arbitrary<string> } = {
  sso_session: nameArb,
  sso_account_id: fc.stringMatching(/^\d{12}$/),
  sso_role_name: fc.oneof(
    fc.constantFrom('AdministratorAccess', 'ReadOnly', 'PowerUserAccess'),
    fc.stringMatching(/^[\w+=,.@-]{1,32}$/),
  ),
  region: fc.constantFrom(...REGIONS),
  output: fc.constantFrom(...OUTPUT_FORMATS),
  sso_start_url: fc.oneof(
    fc.tuple(hex(10), fc.constantFrom('', '/', '/#', '/#/')).map(([id, tail]) => `https://d-${id}.awsapps.com/start${tail}`),
    fc.stringMatching(/^[a-z][a-z0-9-]{0,20}[a-z0-9]$/).map((label) => `https://${label}.awsapps.com/start`),
    hex(16).map((id) => `https://identitycenter.amazonaws.com/ssoins-${id}`),
  ),
  sso_region: fc.constantFrom(...REGIONS),
  sso_registration_scopes: fc.constantFrom(
    'sso:account:access',
    'sso:account:access, codewhisperer:completions',
    'sso:account:access,codewhisperer:analysis',
  ),
};

const editValuesArb: fc.Arbitrary<Array<[OurKey, string]>> = fc
  .tuple(fc.shuffledSubarray([...OUR_KEYS], { minLength: 1 }), fc.record(valueArbs))
  .map(([keys, values]) => keys.map((key) => [key, values[key]]));

interface Target {
  kind: Exclude<SectionKind, 'plain'>;
  name: string;
  /** Index in model.sections, or undefined for a new section. */
  index: number | undefined;
}

interface TargetChoice {
  existing: boolean;
  pick: number;
  fresh: { kind: Target['kind']; name: string };
}

const targetChoiceArb: fc.Arbitrary<TargetChoice> = fc.record({
  existing: weighted([3, fc.constant(true)], [1, fc.constant(false)]),
  pick: fc.nat(),
  fresh: fc.record({
    kind: fc.constantFrom<Target['kind']>('default', 'profile', 'sso-session'),
    name: nameArb,
  }),
});

function resolveTarget(model: ConfigModel, choice: TargetChoice): Target {
  const candidates = model.sections.flatMap((section, index) => (section.kind === 'plain' ? [] : [index]));
  if (choice.existing && candidates.length > 0) {
    const index = candidates[choice.pick % candidates.length]!;
    const section = model.sections[index]!;
    return { kind: section.kind as Target['kind'], name: section.name, index };
  }
  const { kind } = choice.fresh;
  const name = kind === 'default' ? 'default' : choice.fresh.name;
  const index = model.sections.findIndex((section) => identity(section.kind, section.name) === identity(kind, name));
  return { kind, name, index: index >= 0 ? index : undefined };
}

interface EditCase {
  model: ConfigModel;
  before: Rendered;
  target: Target;
  section: string;
  values: Array<[OurKey, string]>;
}

const caseArb: fc.Arbitrary<EditCase> = fc
  .record({ model: configArb, choice: targetChoiceArb, values: editValuesArb })
  .map(({ model, choice, values }) => {
    const target = resolveTarget(model, choice);
    return { model, before: render(model), target, section: sectionName(target.kind, target.name), values };
  });

/** What a failing case prints: enough to paste into a unit test. */
function describeCase(c: EditCase): string {
  return JSON.stringify({ text: c.before.text, section: c.section, values: c.values });
}

/**
 * Fails the property with the case and what was seen. (Plain checks instead of `expect`,
 * which costs ~30 µs a call: 10,000 runs of dozens of checks each would take 15 s more.)
 */
function check(ok: boolean, what: string, c: EditCase, seen?: unknown): void {
  if (ok) return;
  throw new Error(`${what}\ncase: ${describeCase(c)}${seen === undefined ? '' : `\nseen: ${JSON.stringify(seen)}`}`);
}

// ---------------------------------------------------------------------------------------
// Checks shared by the properties

let editsTried = 0;

/** The lines of `text` (line endings dropped), without the option lines of the edited keys. */
function linesOtherThan(text: string, keys: ReadonlySet<string>): string[] {
  const lines = text.split('\n').map((line) => line.replace(/\r$/, ''));
  if (lines.at(-1) === '') lines.pop();
  return lines.filter((line) => {
    const key = /^\s*([^\s:=][^:=]*?)\s*[:=]/.exec(line)?.[1];
    return key === undefined || !keys.has(key.toLowerCase());
  });
}

/** (a), (b) and (d): only the section's bytes change, line endings kept, idempotent. */
function checkText(c: EditCase, after: string): void {
  const { text } = c.before;

  if (c.target.index === undefined) {
    // (a) A new section: the old text is a prefix, plus one line ending if it had none at the end.
    const body = c.model.bom ? text.slice(1) : text;
    const needsEol = body !== '' && !body.endsWith('\n');
    const prefix = needsEol ? text + (text.includes('\r\n') ? '\r\n' : '\n') : text;
    check(after.startsWith(prefix), '(a) the old file is not a prefix of the new one', c, after);
  } else {
    // (a) Not one byte changes before the section's first line or after its last line.
    const { start, end } = c.before.ranges[c.target.index]!;
    const head = text.slice(0, start);
    const tail = text.slice(end);
    const kept = after.startsWith(head) && after.endsWith(tail) && after.length >= head.length + tail.length;
    check(kept, '(a) bytes outside the edited section changed', c, after);
    // Inside the section, only the lines of the edited keys change (or are added).
    const keys = new Set(c.values.map(([key]) => key.toLowerCase()));
    const oldLines = linesOtherThan(text.slice(start, end), keys);
    const newLines = linesOtherThan(after.slice(head.length, after.length - tail.length), keys);
    check(isDeepStrictEqual(newLines, oldLines), '(a) lines of other keys in the section changed', c, after);
  }

  // (b) Line endings: a CRLF file gets no bare LF; an LF file (or one without any) no CR.
  const foreign = text.includes('\r\n') ? /(^|[^\r])\n/.test(after) : after.includes('\r');
  check(!foreign, '(b) a line ending of the other style was written', c, after);

  // (d) The same edit again changes nothing.
  check(updateSection(after, c.section, c.values) === after, '(d) applying the edit twice changed the file', c, after);
}

type IniSections = Record<string, Record<string, string | undefined>>;

/** (c) The reader sees the values set; every other section and key is as it was. */
function checkParsed(c: EditCase, before: IniSections, after: IniSections, key: string, reader: string): void {
  const edited = new Set(c.values.map(([name]) => name.toLowerCase()));
  for (const name of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (name === key) continue;
    check(isDeepStrictEqual(after[name], before[name]), `(c) ${reader}: section ${name} changed`, c, [before[name], after[name]]);
  }
  const section = after[key] ?? {};
  for (const [name, value] of c.values) {
    check(section[name] === value, `(c) ${reader} reads ${name} as ${JSON.stringify(section[name])}`, c, after[key]);
  }
  const old = before[key] ?? {};
  for (const name of new Set([...Object.keys(old), ...Object.keys(section)])) {
    if (edited.has(name.toLowerCase())) continue;
    check(section[name] === old[name], `(c) ${reader}: key ${name} of the edited section changed`, c, [old, section]);
  }
}

// ---------------------------------------------------------------------------------------

describe('updateSection: fast-check properties', () => {
  let dir: string;
  let beforeFile: string;
  let afterFile: string;
  let noCredentials: string;

  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'config-edit-property-'));
    beforeFile = path.join(dir, 'before');
    afterFile = path.join(dir, 'after');
    noCredentials = path.join(dir, 'no-credentials');
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    console.log(`config-edit.property.test.ts: ${editsTried} edits tried`);
  });

  const loadSdk = async (configFilepath: string) =>
    (await loadSharedConfigFiles({ configFilepath, filepath: noCredentials, ignoreCache: true })).configFile;

  /** Writes a new file in place of the old one: on ext4, truncating and rewriting is 3x slower. */
  const rewrite = (file: string, text: string) => {
    try {
      unlinkSync(file);
    } catch {
      // the first time
    }
    writeFileSync(file, text);
  };

  it('(a)-(d): only the edited section changes, line endings are kept, the SDK reads the values, twice is a no-op', async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        editsTried++;
        const after = updateSection(c.before.text, c.section, c.values);
        checkText(c, after);
        rewrite(beforeFile, c.before.text);
        rewrite(afterFile, after);
        const [before, parsed] = await Promise.all([loadSdk(beforeFile), loadSdk(afterFile)]);
        checkParsed(c, before, parsed, sdkKey(c.target.kind, c.target.name), 'the SDK');
      }),
      { numRuns: 10_000 },
    );
  });

  it("the CLI's own reader (readAwsConfig) sees the values set, and agrees with the SDK's loader", async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        editsTried++;
        rewrite(afterFile, updateSection(c.before.text, c.section, c.values));
        const config = await readAwsConfig({ configFile: afterFile, credentialsFile: noCredentials }, en);
        const { kind, name } = c.target;
        const mine = kind === 'sso-session' ? config.ssoSessions[name] : kind === 'services' ? undefined : config.profiles[name];
        if (kind === 'services') expect(config.profiles[`services.${name}`]).toBeUndefined();
        else for (const [key, value] of c.values) expect(mine?.[key], describeCase(c)).toBe(value);

        // Every profile and session the SDK sees, readAwsConfig sees with the same values.
        const sdk = await loadSdk(afterFile);
        const expected = { profiles: {} as IniSections, ssoSessions: {} as IniSections };
        for (const [key, section] of Object.entries(sdk)) {
          if (key.startsWith('sso-session.')) expected.ssoSessions[key.slice('sso-session.'.length)] = section;
          else if (!key.startsWith('services.')) expected.profiles[key] = section;
        }
        expect({ profiles: { ...config.profiles }, ssoSessions: { ...config.ssoSessions } }).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('botocore reads every edited file it could read before, with the values set and nothing else changed', () => {
    // One python3 process parses a batch of files with botocore's own loader, the one the
    // AWS CLI uses: it is stricter than the SDK (a duplicate option makes it refuse the file).
    const seed = Date.now() % 2 ** 31;
    const cases = fc.sample(caseArb, { numRuns: 1_000, seed });
    const files: string[] = [];
    const afters = cases.map((c, i) => {
      editsTried++;
      const after = updateSection(c.before.text, c.section, c.values);
      files.push(path.join(dir, `${i}.before`), path.join(dir, `${i}.after`));
      writeFileSync(files.at(-2)!, c.before.text);
      writeFileSync(files.at(-1)!, after);
      return after;
    });
    const parsed = parseWithBotocore(files);

    let checked = 0;
    cases.forEach((c, i) => {
      const before = parsed[2 * i]!;
      const after = parsed[2 * i + 1]!;
      // Only files botocore reads as the sections we generated: it refuses a BOM and
      // duplicate options, and reads an indented header after an option as a continuation line.
      if (!('config' in before) || !sameSections(c.model, before.config)) return;
      checked++;
      const reader = `botocore (fc.sample seed ${seed}, case ${i})`;
      check('config' in after, `${reader} refuses the edited file: ${JSON.stringify(after)}`, c, afters[i]);
      if (!('config' in after)) return;
      const key = botocoreKey(c.target.kind, c.target.name);
      checkParsed(c, flattenBotocore(before.config), flattenBotocore(after.config), key, reader);
    });
    expect(checked).toBeGreaterThan(cases.length / 2);
  });
});

// ---------------------------------------------------------------------------------------
// botocore

interface BotocoreMap {
  profiles: IniSections;
  sso_sessions: IniSections;
  services: IniSections;
  [plain: string]: IniSections | Record<string, string>;
}
type BotocoreResult = { config: BotocoreMap } | { error: string };

const BOTOCORE_SCRIPT = `
import json, sys
try:
    from botocore.configloader import build_profile_map, raw_config_parse
    from botocore.exceptions import ConfigParseError
except ImportError as e:
    sys.exit('botocore is needed for this test (pip install botocore): %s' % e)
out = []
for path in json.load(sys.stdin):
    try:
        out.append({'config': build_profile_map(raw_config_parse(path))})
    except ConfigParseError as e:
        out.append({'error': str(e)})
json.dump(out, sys.stdout)
`;

function parseWithBotocore(files: string[]): BotocoreResult[] {
  const result = spawnSync('python3', ['-c', BOTOCORE_SCRIPT], {
    input: JSON.stringify(files),
    encoding: 'utf8',
    env: { ...process.env, PYTHONUTF8: '1' },
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.error || result.status !== 0) {
    throw new Error(`python3 with botocore is needed for this test: ${result.error?.message ?? result.stderr}`);
  }
  return JSON.parse(result.stdout) as BotocoreResult[];
}

function botocoreKey(kind: SectionKind, name: string): string {
  if (kind === 'default') return 'profiles/default';
  if (kind === 'plain') return `plain/${name}`;
  return `${kind === 'profile' ? 'profiles' : kind === 'sso-session' ? 'sso_sessions' : 'services'}/${name}`;
}

/** botocore's map as one level of sections, keyed like botocoreKey; nested values as JSON. */
function flattenBotocore(config: BotocoreMap): IniSections {
  const flat: IniSections = {};
  const add = (key: string, section: Record<string, unknown>) => {
    flat[key] = Object.fromEntries(
      Object.entries(section).map(([name, value]) => [name, typeof value === 'string' ? value : JSON.stringify(value)]),
    );
  };
  for (const [group, sections] of Object.entries(config)) {
    if (group === 'profiles' || group === 'sso_sessions' || group === 'services') {
      for (const [name, section] of Object.entries(sections)) add(`${group}/${name}`, section as Record<string, unknown>);
    } else {
      add(`plain/${group}`, sections);
    }
  }
  return flat;
}

function sameSections(model: ConfigModel, config: BotocoreMap): boolean {
  const expected = model.sections.map((section) => botocoreKey(section.kind, section.name)).sort();
  return JSON.stringify(Object.keys(flattenBotocore(config)).sort()) === JSON.stringify(expected);
}
