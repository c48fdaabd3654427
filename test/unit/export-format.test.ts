import { describe, expect, it } from 'vitest';
import { formatCredentials } from '../../src/flows/credential-formats.js';

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
    expect(formatCredentials(creds, 'process')).toBe(
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
    const text = formatCredentials(creds, format);
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
    expect(formatCredentials(keys, 'process')).toBe('{\n  "Version": 1,\n  "AccessKeyId": "AKIAEXAMPLE",\n  "SecretAccessKey": "secret"\n}\n');
  });
  it('env: two lines', () => {
    expect(formatCredentials(keys, 'env')).toBe('export AWS_ACCESS_KEY_ID=AKIAEXAMPLE\nexport AWS_SECRET_ACCESS_KEY=secret\n');
  });
});
