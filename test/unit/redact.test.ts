import { describe, expect, it } from 'vitest';
import { REDACTED, redactConfigText, SECRET_CONFIG_KEYS } from '../../src/config/redact.js';
import { showDryRun } from '../../src/flows/dry-run.js';
import { catalogue } from '../../src/ui/messages/index.js';
import type { Context } from '../../src/context.js';

describe('redactConfigText', () => {
  it('masks the value of every secret key, keeps the key, and every other byte', () => {
    const text =
      '\uFEFF# aws_secret_access_key = not a key, a comment\r\n[profile a]\r\n  Aws_Secret_Access_Key : s3cr3t/value+x\r\n' +
      'aws_access_key_id=AKIAEXAMPLE\r\naws_session_token = tok\r\naws_security_token = sec\r\n' +
      'credential_process = /bin/get --password p@ss\r\nsso_start_url = https://d-1.awsapps.com/start\r\nregion = eu-west-1\r\n' +
      'aws_secret_access_key =\r\n';
    const redacted = redactConfigText(text);
    expect(redacted).toBe(
      '\uFEFF# aws_secret_access_key = not a key, a comment\r\n[profile a]\r\n  Aws_Secret_Access_Key : ****************\r\n' +
        'aws_access_key_id=****************\r\naws_session_token = ****************\r\naws_security_token = ****************\r\n' +
        'credential_process = ****************\r\nsso_start_url = https://d-1.awsapps.com/start\r\nregion = eu-west-1\r\n' +
        'aws_secret_access_key =\r\n',
    );
    expect(redacted.split('\n')).toHaveLength(text.split('\n').length);
    expect([...SECRET_CONFIG_KEYS].sort()).toEqual(['aws_access_key_id', 'aws_secret_access_key', 'aws_security_token', 'aws_session_token', 'credential_process']);
  });

  it('masks continuation lines of a secret value (configparser appends them to it), not the next option', () => {
    const text = '[profile a]\naws_session_token = part1\n    part2\n\n  part3\nregion = us-east-1\n  [x]\n';
    expect(redactConfigText(text)).toBe(`[profile a]\naws_session_token = ${REDACTED}\n    ${REDACTED}\n\n  ${REDACTED}\nregion = us-east-1\n  [x]\n`);
  });
});

describe('showDryRun', () => {
  it('shows no secret in added, removed or context lines', async () => {
    const out: string[] = [];
    const ctx = { paths: { configFile: '/h/.aws/config' }, messages: catalogue('en'), stdout: { write: (t: string) => void out.push(t) } } as unknown as Context;
    const before = '[profile s]\naws_secret_access_key = CONTEXTSECRET\n\n[profile old]\naws_session_token = REMOVEDSECRET\n';
    const after = '[profile s]\naws_secret_access_key = CONTEXTSECRET\n\n[profile new]\naws_session_token = ADDEDSECRET\n';
    await showDryRun(ctx, before, after);
    const diff = out.join('');
    for (const secret of ['CONTEXTSECRET', 'REMOVEDSECRET', 'ADDEDSECRET']) expect(diff).not.toContain(secret);
    expect(diff).toContain(` aws_secret_access_key = ${REDACTED}\n`);
    expect(diff).toContain(`-aws_session_token = ${REDACTED}\n`);
    expect(diff).toContain(`+aws_session_token = ${REDACTED}\n`);
    expect(diff).toContain('+[profile new]\n');
  });

  it('is the plain unified diff when there is no secret, for every shape of file', async () => {
    const { createTwoFilesPatch } = await import('diff');
    const texts = ['', '[a]\nx = 1\n', '[a]\r\nx = 1', 'x\ny\nz\n', '[a]\nx = 1\ny = 2\n\n[b]\nz = 3\n', '\n\n', '[b]\nz = 3\n[a]\nx = 1\r\n'];
    for (const before of texts) {
      for (const after of texts) {
        if (before === after) continue;
        const out: string[] = [];
        const ctx = { paths: { configFile: 'f' }, messages: catalogue('en'), stdout: { write: (t: string) => void out.push(t) } } as unknown as Context;
        await showDryRun(ctx, before, after);
        expect(out[1]).toBe(createTwoFilesPatch('f', 'f', before, after, '', ''));
      }
    }
  });

  it('shows a changed secret as a changed line, both values masked', async () => {
    const out: string[] = [];
    const ctx = { paths: { configFile: 'f' }, messages: catalogue('en'), stdout: { write: (t: string) => void out.push(t) } } as unknown as Context;
    await showDryRun(ctx, '[a]\naws_session_token = OLD\n', '[a]\naws_session_token = NEW\n');
    expect(out[1]).toContain(`-aws_session_token = ${REDACTED}\n+aws_session_token = ${REDACTED}\n`);
  });
});
