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
