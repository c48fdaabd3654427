import { describe, expect, it } from 'vitest';
import { parseSignInFlags } from '../../src/commands/sign-in-options.js';
import { catalogue } from '../../src/ui/messages/index.js';

const en = catalogue('en');
import { CliError, ExitCode } from '../../src/errors.js';

/** The CliError parseSignInFlags throws, or a failure if it throws none. */
function refusal(run: () => unknown): CliError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(CliError);
    return error as CliError;
  }
  throw new Error('expected a CliError');
}

describe('parseSignInFlags', () => {
  it('--no-browser (browser: false) → noBrowser', () => {
    expect(parseSignInFlags(en, { browser: false }).noBrowser).toBe(true);
    expect(parseSignInFlags(en, { browser: true }).noBrowser).toBe(false);
  });

  it('passes --use-device-code / --no-use-device-code through, and leaves unset flags undefined', () => {
    expect(parseSignInFlags(en, { browser: true, useDeviceCode: true }).useDeviceCode).toBe(true);
    expect(parseSignInFlags(en, { browser: true, useDeviceCode: false }).useDeviceCode).toBe(false);
    expect(parseSignInFlags(en, { browser: true })).toEqual({
      noBrowser: false,
      useDeviceCode: undefined,
      callbackPort: undefined,
      timeoutSeconds: undefined,
    });
  });

  it('reads --callback-port as a number', () => {
    expect(parseSignInFlags(en, { browser: true, callbackPort: '8400' }).callbackPort).toBe(8400);
    expect(parseSignInFlags(en, { browser: true, callbackPort: ' 8400 ' }).callbackPort).toBe(8400);
    expect(parseSignInFlags(en, { browser: true, callbackPort: '1' }).callbackPort).toBe(1);
    expect(parseSignInFlags(en, { browser: true, callbackPort: '65535' }).callbackPort).toBe(65535);
  });

  it.each(['0', '65536', '-1', '84a', '8400.5', '', ' ', '+8400', '0x1f90', '1e3', '99999999999999999999'])(
    'refuses --callback-port %j as a usage error naming the flag and the value',
    (value) => {
      const error = refusal(() => parseSignInFlags(en, { browser: true, callbackPort: value }));
      expect(error.exitCode).toBe(ExitCode.usage);
      expect(error.message).toContain('--callback-port');
      expect(error.message).toContain(JSON.stringify(value));
    },
  );

  it('reads --timeout as whole seconds from 1 to 86400', () => {
    expect(parseSignInFlags(en, { browser: true, timeout: '1' }).timeoutSeconds).toBe(1);
    expect(parseSignInFlags(en, { browser: true, timeout: '600' }).timeoutSeconds).toBe(600);
    expect(parseSignInFlags(en, { browser: true, timeout: '86400' }).timeoutSeconds).toBe(86400);
    expect(parseSignInFlags(en, { browser: true, timeout: ' 90 ' }).timeoutSeconds).toBe(90);
  });

  it.each(['0', '86401', 'abc', '', '-5', '1.5'])('refuses --timeout %j as a usage error naming the flag', (value) => {
    const error = refusal(() => parseSignInFlags(en, { browser: true, timeout: value }));
    expect(error.exitCode).toBe(ExitCode.usage);
    expect(error.message).toContain('--timeout');
    expect(error.message).toContain(JSON.stringify(value));
    expect(error.message).not.toContain('--callback-port');
  });
});
