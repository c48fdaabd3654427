import { describe, expect, it } from 'vitest';
import { createDebugLog, Redactor } from '../../src/ui/debug-log.js';

describe('debug log redaction', () => {
  it('masks registered secrets and secret-named members, keeps the rest', () => {
    const r = new Redactor();
    r.add('aoaSECRETTOKEN1234');
    expect(r.redact('token aoaSECRETTOKEN1234 twice aoaSECRETTOKEN1234')).toBe('token *** twice ***');
    expect(r.redact('{"accessToken":"zzz","clientId":"cid","refreshToken": "r1"}')).toBe(
      '{"accessToken":"***","clientId":"cid","refreshToken": "***"}',
    );
    expect(r.redact('x-amz-sso_bearer_token: abc.def')).toBe('x-amz-sso_bearer_token: "***"');
    expect(r.redact('secretAccessKey=AbC/123 region=us-east-1')).toBe('secretAccessKey="***" region=us-east-1');
  });

  it('writes nothing unless enabled', () => {
    const out: string[] = [];
    createDebugLog(false, { write: (t) => void out.push(t) }).debug('hello');
    const on = createDebugLog(true, { write: (t) => void out.push(t) });
    on.secret('supersecretvalue');
    on.debug('a supersecretvalue b');
    on.sdkLogger()?.debug({ input: { clientSecret: 'cs-123456789' } });
    expect(out).toEqual(['[debug] a *** b\n', '[debug] {"input":{"clientSecret":"***"}}\n']);
  });
});

describe('debug log redaction: exactly the secret members, whole values', () => {
  const r = new Redactor();

  it('keeps members whose names only end in a secret name (httpStatusCode, errorCode, userCode)', () => {
    const text = '{"$metadata":{"httpStatusCode":400},"errorCode":"InvalidGrantException","userCode":"ABCD-EFGH","code":"c-1"}';
    expect(r.redact(text)).toBe('{"$metadata":{"httpStatusCode":400},"errorCode":"InvalidGrantException","userCode":"ABCD-EFGH","code":"***"}');
    expect(r.redact('errorCode=Throttling httpStatusCode: 429 userCode: WXYZ-1234')).toBe('errorCode=Throttling httpStatusCode: 429 userCode: WXYZ-1234');
  });

  it('masks a JSON string value up to its real closing quote, past escaped quotes and backslashes', () => {
    expect(r.redact('{"accessToken":"abc\\"def","clientId":"cid"}')).toBe('{"accessToken":"***","clientId":"cid"}');
    expect(r.redact('{"refreshToken":"a\\\\","next":"b\\"c"}')).toBe('{"refreshToken":"***","next":"b\\"c"}');
    expect(r.redact("{ deviceCode: 'it\\'s-secret', interval: 5 }")).toBe('{ deviceCode: "***", interval: 5 }');
    // An unterminated value is masked to the end rather than leaked.
    expect(r.redact('{"clientSecret":"abc\\"def')).toBe('{"clientSecret":"***"');
  });

  it('masks every member the SDK logs unmasked or that holds a credential, whatever the case', () => {
    // What StartDeviceAuthorization and CreateToken would log (the SDK marks neither deviceCode nor code sensitive).
    const sdk = JSON.stringify({
      input: { clientId: 'cid', grantType: 'urn:ietf:params:oauth:grant-type:device_code', deviceCode: 'dc-secret', code: 'auth-code' },
      output: { deviceCode: 'dc-2', userCode: 'ABCD-EFGH', verificationUriComplete: 'https://x/?user_code=ABCD-EFGH', interval: 1 },
    });
    const masked = r.redact(sdk);
    expect(masked).not.toMatch(/dc-secret|auth-code|dc-2/);
    expect(masked).toContain('"userCode":"ABCD-EFGH"');
    expect(masked).toContain('"clientId":"cid"');
    for (const name of ['accessToken', 'refreshToken', 'idToken', 'clientSecret', 'codeVerifier', 'SecretAccessKey', 'SessionToken', 'AccessToken', 'assertion', 'subjectToken']) {
      expect(r.redact(`{"${name}":"s3cr3t","accessKeyId":"ASIA1"}`), name).toBe(`{"${name}":"***","accessKeyId":"ASIA1"}`);
    }
  });

  it('runs in one pass: a 1 MiB line of names and escapes is redacted (smoke check under the test timeout)', () => {
    const long = '"code":"' + '\\"'.repeat(512 * 1024) + '"';
    expect(r.redact(`{${long},"errorCode":1}`)).toBe('{"code":"***","errorCode":1}');
    const names = 'accessTokenX '.repeat(80_000);
    expect(r.redact(names)).toBe(names);
  });
});
