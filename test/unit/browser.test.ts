import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { batchSpawn, browserCommands, createBrowserOpener, isBatchFile, splitCommand, type BrowserChild } from '../../src/ui/browser.js';

describe('BROWSER variable', () => {
  it('splits words with quotes like shlex', () => {
    expect(splitCommand(`"/Applications/My Browser" --new-tab '%s'`)).toEqual(['/Applications/My Browser', '--new-tab', '%s']);
  });

  it('appends the URL or substitutes %s, entries separated by the platform delimiter', () => {
    expect(browserCommands('firefox:lynx %s', 'https://u', 'linux')).toEqual([
      ['firefox', 'https://u'],
      ['lynx', 'https://u'],
    ]);
    expect(browserCommands('C:\\Browsers\\b.exe;other', 'https://u', 'win32')).toEqual([
      ['C:\\Browsers\\b.exe', 'https://u'],
      ['other', 'https://u'],
    ]);
  });
});

/** A child process as the opener sees it: events are emitted by the test. */
class FakeChild extends EventEmitter implements BrowserChild {
  exitCode: number | null = null;
  signalCode: string | null = null;
  unrefs = 0;
  constructor(readonly spawnfile?: string) {
    super();
  }
  unref() {
    this.unrefs++;
  }
}

const errno = (code: string) => Object.assign(new Error(`spawn ${code}`), { code });

/** A spawn that plays `script` for each call in turn, recording what it was asked. */
function scriptedSpawn(...script: Array<(child: FakeChild) => void>) {
  const calls: Array<{ command: string; args: string[]; options: unknown }> = [];
  const children: FakeChild[] = [];
  const spawn = (command: string, args: string[], options: unknown) => {
    calls.push({ command, args, options });
    const child = new FakeChild(command);
    children.push(child);
    script[calls.length - 1]!(child);
    return child;
  };
  return { spawn, calls, children };
}

const URL = 'https://oidc.example/authorize?state=s&x=1';

describe('opening the browser: every failure is a result, never an exception', () => {
  it('a spawn that throws synchronously (E2BIG, EINVAL) is a failure, and the next BROWSER entry is tried', async () => {
    const { spawn, calls } = scriptedSpawn(
      () => {
        throw errno('E2BIG');
      },
      () => {
        throw errno('EINVAL');
      },
      (child) => process.nextTick(() => child.emit('exit', 0, null)),
    );
    const open = createBrowserOpener({ BROWSER: 'first;C:\\tools\\browser.exe;third' }, 'win32', { spawn });
    expect(await open(URL)).toEqual({ opened: true });
    expect(calls.map((c) => c.command)).toEqual(['first', 'C:\\tools\\browser.exe', 'third']);
    // Never through a shell.
    for (const call of calls) expect(call.options).toEqual({ stdio: 'ignore', detached: true });

    const failing = scriptedSpawn(
      () => {
        throw errno('E2BIG');
      },
      () => {
        throw errno('EINVAL');
      },
    );
    expect(await createBrowserOpener({ BROWSER: 'first;C:\\tools\\browser.exe' }, 'win32', { spawn: failing.spawn })(URL)).toEqual({
      opened: false,
      failures: [
        { command: 'first', error: 'E2BIG' },
        { command: 'C:\\tools\\browser.exe', error: 'EINVAL' },
      ],
    });
  });

  it('an error event is a failure, and a later one is handled rather than crashing the process', async () => {
    const { spawn, children } = scriptedSpawn(
      (child) => process.nextTick(() => child.emit('error', errno('ENOENT'))),
      (child) => process.nextTick(() => child.emit('exit', 0, null)),
    );
    const open = createBrowserOpener({ BROWSER: '/no/such/browser:real' }, 'linux', { spawn });
    expect(await open(URL)).toEqual({ opened: true });
    // An 'error' without a listener would be thrown by emit (and crash the CLI).
    expect(() => children[0]!.emit('error', errno('EPIPE'))).not.toThrow();
    expect(() => children[1]!.emit('error', errno('EPERM'))).not.toThrow();

    const only = scriptedSpawn((child) => process.nextTick(() => child.emit('error', errno('ENOENT'))));
    expect(await createBrowserOpener({ BROWSER: '/no/such/browser' }, 'linux', { spawn: only.spawn })(URL)).toEqual({
      opened: false,
      failures: [{ command: '/no/such/browser', error: 'ENOENT' }],
    });
  });

  it('an opener that fails at once (non-zero exit, a signal) is a failure; one still running after the watch counts as opened', async () => {
    const { spawn, children } = scriptedSpawn(
      (child) => process.nextTick(() => child.emit('exit', 3, null)),
      (child) => process.nextTick(() => child.emit('exit', null, 'SIGKILL')),
    );
    expect(await createBrowserOpener({ BROWSER: 'xdg-open:killed %s' }, 'linux', { spawn })(URL)).toEqual({
      opened: false,
      failures: [
        { command: 'xdg-open', exitCode: 3, signal: null },
        { command: 'killed', exitCode: null, signal: 'SIGKILL' },
      ],
    });
    expect(children.every((c) => c.unrefs > 0)).toBe(true);

    const running = scriptedSpawn(() => undefined); // a browser started in the foreground: it never exits while we watch
    expect(await createBrowserOpener({ BROWSER: 'firefox' }, 'linux', { spawn: running.spawn, watchMs: 0 })(URL)).toEqual({ opened: true });
    expect(running.children[0]!.unrefs).toBe(1);
    expect(running.calls[0]!.args).toEqual([URL]);
  });

  it('without BROWSER, the open package: a rejection, or a launcher that fails, is a failure', async () => {
    const rejecting = createBrowserOpener({}, 'linux', { open: () => Promise.reject(new AggregateError([], 'Failed to open in all supported apps')) });
    expect(await rejecting(URL)).toEqual({ opened: false, failures: [{ error: 'Failed to open in all supported apps' }] });

    const xdg = new FakeChild('/usr/lib/node_modules/open/xdg-open');
    const exiting = createBrowserOpener({}, 'linux', { open: async () => (process.nextTick(() => xdg.emit('exit', 4, null)), xdg) });
    expect(await exiting(URL)).toEqual({ opened: false, failures: [{ command: 'xdg-open', exitCode: 4, signal: null }] });

    // On Windows `open` resolves after PowerShell has exited: the exit code is already there.
    const powershell = Object.assign(new FakeChild('C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe'), { exitCode: 1 });
    expect(await createBrowserOpener({}, 'win32', { open: async () => powershell })(URL)).toEqual({
      opened: false,
      failures: [{ command: 'powershell.exe', exitCode: 1, signal: null }],
    });

    // A BROWSER without a command in it (`:`, spaces) is no choice: the default browser opens.
    const byDefault = new FakeChild('xdg-open');
    const spawned = scriptedSpawn();
    const blank = createBrowserOpener({ BROWSER: ' : ' }, 'linux', { spawn: spawned.spawn, open: async () => (process.nextTick(() => byDefault.emit('exit', 0, null)), byDefault) });
    expect(await blank(URL)).toEqual({ opened: true });
    expect(spawned.calls).toEqual([]);

    const fine = new FakeChild('xdg-open');
    expect(await createBrowserOpener({}, 'linux', { open: async () => (process.nextTick(() => fine.emit('exit', 0, null)), fine) })(URL)).toEqual({
      opened: true,
    });
    expect(() => fine.emit('error', errno('EPIPE'))).not.toThrow();
  });

  it('keeps control characters and escape sequences of a failure out of the terminal', async () => {
    const { spawn } = scriptedSpawn(() => {
      throw new Error('bad\u001b[2J\u001b]0;pwned\u0007 thing\nhere');
    });
    expect(await createBrowserOpener({ BROWSER: "'evil\u001b[31m'" }, 'linux', { spawn })(URL)).toEqual({
      opened: false,
      failures: [{ command: 'evil', error: 'bad thing here' }],
    });
  });
});

describe('a .cmd or .bat as BROWSER on Windows: through cmd.exe, every argument passed literally', () => {
  // Each argument in a variable expanded with /v:on, after cmd.exe has parsed its operators.
  it('puts no argument on the command line: each is a !VAR! in quotes, its text in the environment', () => {
    const url = 'http://127.0.0.1:5/authorize?a=b&c=%3A&d=%PATH%';
    expect(batchSpawn('C:\\tools\\open browser.cmd', ['--new-window', url], 'C:\\Windows\\system32\\cmd.exe')).toEqual({
      file: 'C:\\Windows\\system32\\cmd.exe',
      args: ['/d', '/v:on', '/s', '/c', '""C:\\tools\\open browser.cmd" "!SSO_SETUP_BROWSER_ARG1!" "!SSO_SETUP_BROWSER_ARG2!""'],
      env: { SSO_SETUP_BROWSER_ARG1: '--new-window', SSO_SETUP_BROWSER_ARG2: url },
      windowsVerbatimArguments: true,
    });
    expect(batchSpawn('C:/tools/./b.cmd', [])).toEqual({
      file: 'cmd.exe',
      args: ['/d', '/v:on', '/s', '/c', '""C:\\tools\\b.cmd""'],
      env: {},
      windowsVerbatimArguments: true,
    });
  });

  it('recognises batch files by extension, any case', () => {
    expect(['x.cmd', 'C:\\a\\B.BAT', 'y.Cmd '].map(isBatchFile)).toEqual([true, true, true]);
    expect(['x.exe', 'cmd', 'x.cmd.exe', 'batch'].map(isBatchFile)).toEqual([false, false, false, false]);
  });

  it('the opener runs a BROWSER batch file through %ComSpec% on win32, and spawns it directly elsewhere', async () => {
    const win = scriptedSpawn((child) => process.nextTick(() => child.emit('exit', 0, null)));
    const env = { BROWSER: 'C:\\tools\\b.cmd --new-window %s', comspec: 'C:\\Windows\\system32\\cmd.exe' };
    expect(await createBrowserOpener(env, 'win32', { spawn: win.spawn })(URL)).toEqual({ opened: true });
    expect(win.calls).toEqual([
      {
        command: 'C:\\Windows\\system32\\cmd.exe',
        args: ['/d', '/v:on', '/s', '/c', '""C:\\tools\\b.cmd" "!SSO_SETUP_BROWSER_ARG1!" "!SSO_SETUP_BROWSER_ARG2!""'],
        options: {
          stdio: 'ignore',
          detached: true,
          windowsVerbatimArguments: true,
          env: { ...process.env, SSO_SETUP_BROWSER_ARG1: '--new-window', SSO_SETUP_BROWSER_ARG2: URL },
        },
      },
    ]);
    const fallback = scriptedSpawn((child) => process.nextTick(() => child.emit('exit', 0, null)));
    await createBrowserOpener({ BROWSER: 'b.bat' }, 'win32', { spawn: fallback.spawn })(URL);
    expect(fallback.calls[0]!.command).toBe('cmd.exe');

    const linux = scriptedSpawn((child) => process.nextTick(() => child.emit('exit', 0, null)));
    await createBrowserOpener({ BROWSER: '/opt/b.cmd' }, 'linux', { spawn: linux.spawn })(URL);
    expect(linux.calls).toEqual([{ command: '/opt/b.cmd', args: [URL], options: { stdio: 'ignore', detached: true } }]);
  });

  it('a batch file that exits non-zero is a failure naming the batch file, and the next entry is tried', async () => {
    const { spawn, calls } = scriptedSpawn(
      (child) => process.nextTick(() => child.emit('exit', 1, null)),
      (child) => process.nextTick(() => child.emit('exit', 0, null)),
    );
    expect(await createBrowserOpener({ BROWSER: 'C:\\b.cmd;C:\\c.exe' }, 'win32', { spawn })(URL)).toEqual({ opened: true });
    expect(calls.map((c) => c.command)).toEqual(['cmd.exe', 'C:\\c.exe']);
    const failing = scriptedSpawn((child) => process.nextTick(() => child.emit('exit', 1, null)));
    expect(await createBrowserOpener({ BROWSER: 'C:\\b.cmd' }, 'win32', { spawn: failing.spawn })(URL)).toEqual({
      opened: false,
      failures: [{ command: 'C:\\b.cmd', exitCode: 1, signal: null }],
    });
  });
});
