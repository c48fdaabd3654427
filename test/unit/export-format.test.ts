import { describe, expect, it } from 'vitest';
import { cmdSetLine, formatCredentials, powershellSingleQuoted } from '../../src/flows/credential-formats.js';
import { catalogue } from '../../src/ui/messages/index.js';

const en = catalogue('en');

const creds = {
  accessKeyId: 'ASIAEXAMPLE',
  secretAccessKey: 'secret/key+1',
  sessionToken: 'token==',
  expiration: new Date('2026-11-25T12:34:56.789Z'),
  accountId: '111122223333',
};

// The output of aws-cli's exportcreds.py formatters (expiry_time.isoformat() of a UTC time).
describe('export-credentials formats', () => {
  it('process: the credential_process JSON', () => {
    expect(formatCredentials(creds, 'process', en)).toBe(
      '{\n  "Version": 1,\n  "AccessKeyId": "ASIAEXAMPLE",\n  "SecretAccessKey": "secret/key+1",\n' +
        '  "SessionToken": "token==",\n  "Expiration": "2026-11-25T12:34:56+00:00"\n}\n',
    );
  });

  it.each([
    ['env', 'export AWS_ACCESS_KEY_ID=ASIAEXAMPLE\n'],
    ['env-no-export', 'AWS_ACCESS_KEY_ID=ASIAEXAMPLE\n'],
    ['powershell', '$Env:AWS_ACCESS_KEY_ID="ASIAEXAMPLE"\n'],
    ['windows-cmd', 'set AWS_ACCESS_KEY_ID=ASIAEXAMPLE\n'],
    ['fish', 'set -gx AWS_ACCESS_KEY_ID "ASIAEXAMPLE"\n'],
  ] as const)('%s', (format, firstLine) => {
    const text = formatCredentials(creds, format, en);
    expect(text.startsWith(firstLine)).toBe(true);
    expect(text.split('\n')).toHaveLength(5);
    expect(text).toContain('AWS_CREDENTIAL_EXPIRATION');
    expect(text).toContain('2026-11-25T12:34:56+00:00');
  });
});

// exportcreds.py prints SessionToken / Expiration (AWS_SESSION_TOKEN / AWS_CREDENTIAL_EXPIRATION) only when set.
describe('export-credentials formats, long-term keys', () => {
  const keys = { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'secret' };
  it('process: no SessionToken, no Expiration', () => {
    expect(formatCredentials(keys, 'process', en)).toBe('{\n  "Version": 1,\n  "AccessKeyId": "AKIAEXAMPLE",\n  "SecretAccessKey": "secret"\n}\n');
  });
  it('env: two lines', () => {
    expect(formatCredentials(keys, 'env', en)).toBe('export AWS_ACCESS_KEY_ID=AKIAEXAMPLE\nexport AWS_SECRET_ACCESS_KEY=secret\n');
  });
});

/**
 * Values outside base64 (never seen in real credentials, but a proxy or an emulator may send
 * anything): PowerShell gets a single-quoted literal, cmd.exe a caret-escaped set line.
 */
describe('export-credentials for PowerShell and cmd.exe with unusual values', () => {
  const odd = { ...creds, secretAccessKey: `a'b"c%d^e&f$g h`, sessionToken: 'x`y$(whoami)z' };

  it('keeps the AWS CLI bytes for base64 values', () => {
    expect(formatCredentials(creds, 'powershell', en)).toContain('$Env:AWS_SECRET_ACCESS_KEY="secret/key+1"\n');
    expect(formatCredentials(creds, 'windows-cmd', en)).toContain('set AWS_SECRET_ACCESS_KEY=secret/key+1\n');
  });

  it("PowerShell: a single-quoted literal, every single-quote character doubled, nothing else touched", () => {
    expect(powershellSingleQuoted(`a'b"c%d^e&f$g h`)).toBe(`'a''b"c%d^e&f$g h'`);
    expect(powershellSingleQuoted('x`y$(whoami)z')).toBe("'x`y$(whoami)z'");
    // U+2018–U+201B also end a single-quoted string in PowerShell.
    expect(powershellSingleQuoted('a\u2018b\u2019c\u201Ad\u201Be')).toBe("'a\u2018\u2018b\u2019\u2019c\u201A\u201Ad\u201B\u201Be'");
    expect(powershellSingleQuoted('')).toBe("''");
    const text = formatCredentials(odd, 'powershell', en);
    expect(text).toContain(`$Env:AWS_SECRET_ACCESS_KEY='a''b"c%d^e&f$g h'\n`);
    expect(text).toContain("$Env:AWS_SESSION_TOKEN='x`y$(whoami)z'\n");
    expect(text).toContain('$Env:AWS_ACCESS_KEY_ID="ASIAEXAMPLE"\n');
  });

  /** What cmd.exe's parser leaves of an escaped text outside quotes: each ^ makes the next character literal. */
  const cmdUnescape = (text: string) => text.replace(/\^(.)/g, '$1');

  it('cmd.exe: set NAME=value with ^ before each of ^ & | < > ( ) and "', () => {
    expect(cmdSetLine('V', `a'b"c^e&f$g h`, en)).toBe(`set V=a'b^"c^^e^&f$g h`);
    expect(cmdSetLine('V', 'a|b<c>d(e)f', en)).toBe('set V=a^|b^<c^>d^(e^)f');
    expect(cmdUnescape(cmdSetLine('V', `a'b"c^e&f$g h`, en).slice('set V='.length))).toBe(`a'b"c^e&f$g h`);
    expect(cmdSetLine('V', 'plain+/=', en)).toBe('set V=plain+/=');
  });

  it('cmd.exe: refuses % and control characters, naming the variable and never the value', () => {
    expect(() => formatCredentials(odd, 'windows-cmd', en)).toThrow(
      'The value of AWS_SECRET_ACCESS_KEY contains %, which cmd.exe cannot take literally in a set command. Use --format powershell or --format process instead.',
    );
    expect(() => cmdSetLine('AWS_SESSION_TOKEN', 'secret\nmore', en)).toThrow(/contains U\+000A/);
    let message = '';
    try {
      cmdSetLine('AWS_SESSION_TOKEN', 'secret%more', en);
    } catch (error) {
      message = String(error);
    }
    expect(message).toContain('AWS_SESSION_TOKEN');
    expect(message).not.toContain('secret');
  });
});
