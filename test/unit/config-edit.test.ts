import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import {
  ConfigEditError,
  profileSectionName,
  ssoSessionSectionName,
  updateSection,
} from '../../src/config/edit.js';

const START_URL = 'https://d-abc123.awsapps.com/start';

describe('section names', () => {
  it('maps profiles and sessions to the names inside the brackets', () => {
    expect(profileSectionName('default')).toBe('default');
    expect(profileSectionName('dev')).toBe('profile dev');
    expect(profileSectionName('dev.admin')).toBe('profile dev.admin');
    expect(ssoSessionSectionName('my-sso')).toBe('sso-session my-sso');
  });
});

describe('updateSection: the AWS CLI outputs', () => {
  const legacyProfile = [
    ['sso_start_url', START_URL],
    ['sso_region', 'us-west-2'],
    ['sso_account_id', '123456789011'],
    ['sso_role_name', 'roleA'],
    ['region', 'us-west-2'],
    ['output', 'json'],
  ] as const;
  const profileDev =
    '[profile dev]\nsso_start_url = https://d-abc123.awsapps.com/start\nsso_region = us-west-2\n' +
    'sso_account_id = 123456789011\nsso_role_name = roleA\nregion = us-west-2\noutput = json\n';

  it('1. writes a new profile into an empty file', () => {
    expect(updateSection('', 'profile dev', legacyProfile)).toBe(profileDev);
  });

  it('2. appends the sso-session right after the profile, with no blank line', () => {
    const result = updateSection(profileDev, 'sso-session dev', [
      ['sso_start_url', START_URL],
      ['sso_region', 'us-west-2'],
      ['sso_registration_scopes', 'scope-1, scope-2'],
    ]);
    expect(result).toBe(
      profileDev +
        '[sso-session dev]\nsso_start_url = https://d-abc123.awsapps.com/start\nsso_region = us-west-2\n' +
        'sso_registration_scopes = scope-1, scope-2\n',
    );
  });

  it('3. rewrites an existing key in place and inserts new keys after the last option', () => {
    const before = '[profile my-dev-profile]\n# comment\nregion = eu-central-1\n\n[profile other]\nregion = x\n';
    const result = updateSection(before, 'profile my-dev-profile', [
      ['sso_session', 'my-sso'],
      ['sso_account_id', '111122223333'],
      ['sso_role_name', 'ReadOnly'],
      ['region', 'ap-northeast-1'],
      ['output', 'json'],
    ]);
    expect(result).toBe(
      '[profile my-dev-profile]\n# comment\nregion = ap-northeast-1\nsso_session = my-sso\n' +
        'sso_account_id = 111122223333\nsso_role_name = ReadOnly\noutput = json\n\n[profile other]\nregion = x\n',
    );
  });

  it('4. adds the missing final newline before an appended section', () => {
    expect(updateSection('[profile a]\nregion = x', 'sso-session s', [['sso_region', 'us-east-1']])).toBe(
      '[profile a]\nregion = x\n[sso-session s]\nsso_region = us-east-1\n',
    );
  });

  it('4b. adds the missing final newline when inserting after the last line', () => {
    expect(updateSection('[profile a]\nregion = x', 'profile a', [['output', 'json']])).toBe(
      '[profile a]\nregion = x\noutput = json\n',
    );
    // A rewritten last line keeps having no line ending.
    expect(updateSection('[profile a]\nregion = x', 'profile a', [['region', 'y']])).toBe('[profile a]\nregion = y');
  });

  it('appends after a file that ends with a newline without adding a blank line', () => {
    expect(updateSection('[default]\nregion = x\n\n', 'profile b', [['region', 'y']])).toBe(
      '[default]\nregion = x\n\n[profile b]\nregion = y\n',
    );
  });
});

describe('updateSection: formats and edge cases', () => {
  const crlf = (s: string) => s.replace(/\n/g, '\r\n');

  it('5. keeps CRLF, the BOM, quoted headers, sub-sections, comments and dotted names', () => {
    const before = crlf(
      '\uFEFF# top\n' +
        '[default]\nregion = us-east-1\n\n' +
        '[profile default]\nregion = eu-west-1\n' +
        '[profile "dev"]\n# region = 1\nregion = a ; c\ns3 =\n  max_concurrent_requests = 10\n\n' +
        '[profile dev.admin]\noutput = text',
    );
    let text = updateSection(before, 'profile dev', [
      ['region', 'b'],
      ['output', 'json'],
    ]);
    text = updateSection(text, 'profile dev.admin', [
      ['output', 'json'],
      ['region', 'eu-north-1'],
    ]);
    text = updateSection(text, 'default', [['region', 'us-east-2']]);
    expect(text).toBe(
      crlf(
        '\uFEFF# top\n' +
          '[default]\nregion = us-east-2\n\n' +
          '[profile default]\nregion = eu-west-1\n' +
          '[profile "dev"]\n# region = 1\nregion = b\ns3 =\n  max_concurrent_requests = 10\noutput = json\n\n' +
          '[profile dev.admin]\noutput = json\nregion = eu-north-1\n',
      ),
    );
  });

  it('5b. writes CRLF for appended sections and for a file whose first line ends in CRLF', () => {
    expect(updateSection('[a]\r\nx = 1', 'profile b', [['y', '2']])).toBe('[a]\r\nx = 1\r\n[profile b]\r\ny = 2\r\n');
    expect(updateSection('\uFEFF', 'default', [['region', 'x']])).toBe('\uFEFF[default]\nregion = x\n');
  });

  it('does not confuse [profile default] with [default], nor match comments', () => {
    const before = '[profile default]\nregion = a\n# [default]\n;[default]\n';
    expect(updateSection(before, 'default', [['region', 'b']])).toBe(before + '[default]\nregion = b\n');
    expect(updateSection(before, 'profile default', [['region', 'b']])).toBe(
      '[profile default]\nregion = b\n# [default]\n;[default]\n',
    );
  });

  it("matches [type 'rest'], [type<TAB>rest], indented headers and headers with a comment", () => {
    for (const header of ["[sso-session 'my-sso']", '[sso-session\tmy-sso]', '  [sso-session my-sso]', '[sso-session my-sso] # work']) {
      expect(updateSection(`${header}\nsso_region = a\n`, 'sso-session my-sso', [['sso_region', 'b']])).toBe(
        `${header}\nsso_region = b\n`,
      );
    }
  });

  it('does not match headers that no tool reads as the section', () => {
    for (const header of ['[ profile dev ]', '[profile  dev]', '[profile dev]x', '[profile "dev]', '[profiledev]']) {
      expect(updateSection(`${header}\nregion = a\n`, 'profile dev', [['region', 'b']])).toBe(
        `${header}\nregion = a\n[profile dev]\nregion = b\n`,
      );
    }
  });

  it('edits only the first of duplicate sections, like the AWS CLI', () => {
    expect(updateSection('[default]\na = 1\n[default]\na = 2\n', 'default', [['a', '3']])).toBe(
      '[default]\na = 3\n[default]\na = 2\n',
    );
  });

  it('never rewrites indented sub-section members, and inserts after them', () => {
    const before = '[default]\nregion = a\ns3 =\n  region = sub\n  max_concurrent_requests = 10\n# trailing\n\n[b]\n';
    expect(updateSection(before, 'default', [['region', 'x'], ['output', 'json']])).toBe(
      '[default]\nregion = x\ns3 =\n  region = sub\n  max_concurrent_requests = 10\noutput = json\n# trailing\n\n[b]\n',
    );
  });

  // Regression (found by config-edit.property.test.ts, botocore property): the editor
  // appended a second, unindented `region = …` after indented options, and botocore then
  // refused the whole file (DuplicateOptionError), even for a no-op edit.
  it('rewrites indented options in place, keeping their indentation, as botocore reads them', () => {
    const before = '[profile dev]\n  region = us-east-1\n\toutput = json\n[profile other]\nregion = x\n';
    expect(updateSection(before, 'profile dev', [['region', 'us-west-2'], ['output', 'text'], ['sso_session', 's']])).toBe(
      '[profile dev]\n  region = us-west-2\n\toutput = text\nsso_session = s\n[profile other]\nregion = x\n',
    );
    expect(updateSection(before, 'profile dev', [['region', 'us-east-1']])).toBe(before);
  });

  it('tells indented options from sub-section members by their indentation, like configparser', () => {
    const before = '[default]\n  region = a\n  s3 =\n    region = sub\n\n# c\n';
    expect(updateSection(before, 'default', [['region', 'z'], ['output', 'json']])).toBe(
      '[default]\n  region = z\n  s3 =\n    region = sub\noutput = json\n\n# c\n',
    );
  });

  // Regression (found by the property tests, botocore property): with `[default]` followed by
  // an indented header, an unindented `sso_session = …` made configparser read
  // `  [profile x]` as a continuation of it, and botocore lost that whole profile.
  it('indents new keys like the next header when that header is indented', () => {
    const before = '[default]\n  [profile x]\n  region = a\n';
    expect(updateSection(before, 'default', [['sso_session', 's']])).toBe(
      '[default]\n  sso_session = s\n  [profile x]\n  region = a\n',
    );
    const indented = '  [default]\n  region = a\n\n  [profile x]\n  region = b\n';
    expect(updateSection(indented, 'default', [['output', 'json']])).toBe(
      '  [default]\n  region = a\n  output = json\n\n  [profile x]\n  region = b\n',
    );
    // A header configparser already reads as a continuation line gets unindented keys, which the SDK reads.
    expect(updateSection('[default]\nregion = a\n  [profile x]\n', 'default', [['output', 'json']])).toBe(
      '[default]\nregion = a\noutput = json\n  [profile x]\n',
    );
  });

  // Regression (found by the property tests, SDK property): `region: us-east-1` was kept as
  // it was when the value matched, but the AWS SDK for JavaScript only reads `key = value`.
  it('rewrites a `key: value` line even when the value is the same', () => {
    expect(updateSection('[profile a]\nregion: us-east-1\n', 'profile a', [['region', 'us-east-1']])).toBe(
      '[profile a]\nregion = us-east-1\n',
    );
  });

  it('inserts right after the header when the section has no options', () => {
    expect(updateSection('[default]\n\n# c\n[b]\nx = 1\n', 'default', [['region', 'x']])).toBe(
      '[default]\nregion = x\n\n# c\n[b]\nx = 1\n',
    );
  });

  it('inserts after the last option of the last section, not one line later (AWS CLI quirk)', () => {
    expect(updateSection('[default]\nregion = x\nfoo\nbar\n', 'default', [['output', 'json']])).toBe(
      '[default]\nregion = x\noutput = json\nfoo\nbar\n',
    );
    expect(updateSection('[default]\nregion = x\n\n', 'default', [['output', 'json']])).toBe(
      '[default]\nregion = x\noutput = json\n\n',
    );
  });

  it('rewrites "key: value", inline comments, odd spacing and other-case keys', () => {
    const before = '[default]\nregion: a\noutput=text;x\n  \nRegion = c\n';
    expect(updateSection(before, 'default', [['region', 'z'], ['output', 'json']])).toBe(
      '[default]\nregion = z\noutput = json\n  \nregion = z\n',
    );
  });

  it('returns identical bytes when every value is already set', () => {
    const before = '\uFEFF[default]\r\nregion=us-west-2   \r\n  output   :   json\r\noutput =json';
    expect(updateSection(before, 'default', [['region', 'us-west-2'], ['output', 'json']])).toBe(before);
    expect(updateSection(before, 'default', [])).toBe(before);
  });

  it("writes an empty value as 'key = ' (callers omit empty values)", () => {
    expect(updateSection('', 'default', [['region', '']])).toBe('[default]\nregion = \n');
  });

  it('refuses newlines, carriage returns and brackets', () => {
    const bad: Array<[string, Array<[string, string]>]> = [
      ['profile a\nb', [['k', 'v']]],
      ['profile a\rb', [['k', 'v']]],
      ['profile [a]', [['k', 'v']]],
      ['profile a]', [['k', 'v']]],
      ['', [['k', 'v']]],
      ['default', [['k\n', 'v']]],
      ['default', [['k\r', 'v']]],
      ['default', [['k', 'v\n[evil]']]],
      ['default', [['k', 'v\r']]],
      ['default', [['a = b', 'v']]],
      ['default', [['# k', 'v']]],
      ['default', [['region', 'a'], ['Region', 'b']]],
    ];
    for (const [section, values] of bad) {
      expect(() => updateSection('[default]\n', section, values), JSON.stringify([section, values])).toThrow(
        ConfigEditError,
      );
    }
  });

  it('does not echo a rejected value (it may be a secret)', () => {
    expect(() => updateSection('', 'default', [['k', 'secret\n']])).toThrow(/^Invalid value for key k: newline/);
    expect(() => updateSection('', 'default', [['k', 'secret\n']])).not.toThrow(/secret/);
  });
});

// ---------------------------------------------------------------------------------------
// Property test: random files, random edits.

/** mulberry32: a small seeded PRNG, so failures are reproducible. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Gen {
  constructor(readonly random: () => number) {}
  int(n: number): number {
    return Math.floor(this.random() * n);
  }
  chance(p: number): boolean {
    return this.random() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
}

const NAMES = ['x', 'dev', 'dev.admin', 'a-b', 'my_sso', 'prod@1', 'x:y', 'team/1'];
const KEYS = ['region', 'output', 'sso_session', 'sso_start_url', 'sso_account_id', 'sso_role_name', 'sso_region', 'foo'];
const VALUES = ['us-west-2', 'json', START_URL, '123456789011', 'scope-1, scope-2', 'a=b', 'x#y', 'v:1'];

interface Target {
  section: string;
  /** Key of the section in loadSharedConfigFiles().configFile. */
  sdkName: string;
  type: 'default' | 'profile' | 'sso-session';
  name: string;
}

function randomTarget(g: Gen): Target {
  const type = g.pick(['default', 'profile', 'sso-session'] as const);
  const name = type === 'default' ? 'default' : g.pick(NAMES);
  if (type === 'default') return { section: 'default', sdkName: 'default', type, name };
  if (type === 'profile') return { section: profileSectionName(name), sdkName: name, type, name };
  return { section: ssoSessionSectionName(name), sdkName: `sso-session.${name}`, type, name };
}

function randomHeader(g: Gen, type: string, name: string): string {
  if (type === 'default' || type === 'plain') return g.pick(['[X]', '  [X]', '[X] # c', '[X] ; c']).replace('X', name);
  const inside = g.pick([`${type} ${name}`, `${type} "${name}"`, `${type} '${name}'`, `${type}\t${name}`]);
  return g.pick(['[X]', ' [X]', '[X]   ', '[X] # note']).replace('X', inside);
}

/** An "other" section that no reader confuses with the target. */
function otherSection(g: Gen, target: Target): { type: string; name: string } {
  for (;;) {
    const type = g.pick(['default', 'profile', 'sso-session', 'services', 'plain']);
    const name = type === 'default' ? 'default' : type === 'plain' ? 'preview' : g.pick([...NAMES, 'default']);
    const sameProfile =
      (type === 'default' || (type === 'profile' && name === 'default')) && target.type === 'default';
    const sameName = type === target.type && name === target.name;
    if (!sameProfile && !sameName) return { type, name };
  }
}

function randomBodyLines(g: Gen): string[] {
  const lines: string[] = [];
  const count = g.int(7);
  for (let i = 0; i < count; i++) {
    const key = g.pick([...KEYS, 'Region']);
    const value = g.pick(VALUES);
    switch (g.int(9)) {
      case 0:
        lines.push('');
        break;
      case 1:
        lines.push(g.pick(['# comment', '; comment', `# ${key} = 1`, '  # indented comment', '#[profile x]']));
        break;
      case 2:
        lines.push(`${key}=${value}`);
        break;
      case 3:
        lines.push(`${key} = ${value} ; inline`);
        break;
      case 4:
        // A sub-section: `s3 =` and indented members (which the SDK reads as s3.<key>).
        lines.push('s3 =', `  max_concurrent_requests = 10`, `  ${key} = sub`);
        break;
      default:
        lines.push(`${key} = ${value}`);
    }
  }
  return lines;
}

interface Generated {
  text: string;
  /** Offsets of the target section in `text`; both text.length when it's absent. */
  start: number;
  end: number;
  eol: string;
}

function randomConfig(g: Gen, target: Target): Generated {
  const eol = g.chance(0.3) ? '\r\n' : '\n';
  const sections: Array<{ header: string; body: string[]; isTarget: boolean }> = [];
  const count = g.int(6);
  const targetIndex = g.chance(0.75) ? g.int(count + 1) : -1;
  for (let i = 0; i <= count; i++) {
    if (i === targetIndex) {
      sections.push({ header: randomHeader(g, target.type, target.name), body: randomBodyLines(g), isTarget: true });
    } else if (i < count) {
      const other = otherSection(g, target);
      sections.push({ header: randomHeader(g, other.type, other.name), body: randomBodyLines(g), isTarget: false });
    }
  }
  let text = g.chance(0.1) ? '\uFEFF' : '';
  if (g.chance(0.3)) text += `# preamble${eol}${eol}`;
  let start = -1;
  let end = -1;
  for (const section of sections) {
    if (start >= 0 && end < 0) end = text.length;
    if (section.isTarget) start = text.length;
    text += [section.header, ...section.body].map((line) => line + eol).join('');
  }
  if (start < 0) start = text.length;
  if (end < 0) end = text.length;
  if (g.chance(0.2) && text.endsWith(eol) && !text.endsWith(eol + eol)) {
    text = text.slice(0, -eol.length);
    end = Math.min(end, text.length);
    start = Math.min(start, text.length);
  }
  return { text, start, end, eol };
}

function randomEdit(g: Gen): Array<[string, string]> {
  const keys = [...KEYS].sort(() => g.random() - 0.5).slice(0, 1 + g.int(5));
  return keys.map((key) => [key, g.pick([...VALUES, `v${g.int(1000)}`])]);
}

describe('updateSection: property test', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'config-edit-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('changes only the edited section, keeps line endings, and the SDK reads the new values', async () => {
    const g = new Gen(prng(20261125));
    const configFilepath = path.join(dir, 'config');
    const missing = path.join(dir, 'no-credentials');
    for (let run = 0; run < 500; run++) {
      const target = randomTarget(g);
      const generated = randomConfig(g, target);
      const edit = randomEdit(g);
      const context = JSON.stringify({ run, section: target.section, text: generated.text, edit });
      const result = updateSection(generated.text, target.section, edit);

      // (a) Bytes before and after the section's lines are unchanged.
      expect(result.startsWith(generated.text.slice(0, generated.start)), context).toBe(true);
      expect(result.endsWith(generated.text.slice(generated.end)), context).toBe(true);
      expect(result.length, context).toBeGreaterThanOrEqual(generated.start + generated.text.length - generated.end);
      // Line endings: all of the file's own kind (LF for a file without any).
      const crlf = generated.text.includes('\n') && generated.eol === '\r\n';
      const foreign = crlf ? /(^|[^\r])\n/ : /\r/;
      expect(foreign.test(result), context).toBe(false);
      // A no-op edit is byte-identical.
      expect(updateSection(result, target.section, edit), context).toBe(result);

      // (b) The AWS SDK for JavaScript sees the values.
      writeFileSync(configFilepath, result);
      const { configFile } = await loadSharedConfigFiles({ configFilepath, filepath: missing, ignoreCache: true });
      const section = configFile[target.sdkName];
      expect(section, context).toBeDefined();
      for (const [key, value] of edit) expect(section?.[key], `${context} key ${key}`).toBe(value);
    }
  });
});

describe('updateSection: long lines', () => {
  // The structural guarantee is test/unit/regex-safety.test.ts (no regex in src/ backtracks
  // super-linearly); `npm run bench` measures the time. This is a smoke check: with the old
  // option regex, one 1 MiB line of spaces took about 20 minutes (40 KB: 3.4 s).
  it('edits a section holding a 1 MiB line of spaces, or of an option, keeping those lines byte for byte', () => {
    const MiB = 1024 * 1024;
    for (const long of ['a' + ' '.repeat(MiB) + 'b', 'key' + ' '.repeat(MiB) + '= value', ' '.repeat(MiB) + 'x']) {
      const text = `[profile dev]\n${long}\nregion = us-east-1\n[profile other]\n${long}\n`;
      expect(updateSection(text, 'profile dev', [['region', 'eu-west-1'], ['output', 'json']])).toBe(
        `[profile dev]\n${long}\nregion = eu-west-1\noutput = json\n[profile other]\n${long}\n`,
      );
    }
  });
});
