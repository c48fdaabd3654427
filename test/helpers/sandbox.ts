import { click } from '../emulator/browser-click.mjs';
import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createClientFactory } from '../../src/clients.js';
import { createDebugLog } from '../../src/ui/debug-log.js';
import { resolveAwsPaths } from '../../src/config/paths.js';
import type { Context } from '../../src/context.js';
import { createSignalRouter, systemClock } from '../../src/ports.js';
import { catalogue } from '../../src/ui/messages/index.js';
import type { InputQuestion, Prompter, SelectQuestion } from '../../src/ui/prompter.js';
import { resolveAnswer } from '../../src/ui/prompter.js';
import type { Emulator } from '../emulator/server.js';
import { createBackupper } from '../../src/config/backup.js';
import { createHttpProbe } from '../../src/sso/start-url.js';
import type { FileSystemOptions } from '../../src/config/file-system.js';

/** A scratch home directory with an empty ~/.aws, removed by `cleanup`. */
export async function makeHome(): Promise<{ home: string; cleanup(): Promise<void> }> {
  const home = await mkdtemp(path.join(tmpdir(), 'sso-setup-home-'));
  await mkdir(path.join(home, '.aws'), { recursive: true });
  return { home, cleanup: () => rm(home, { recursive: true, force: true }) };
}

/** One scripted answer: text for an input prompt, or a function choosing from a menu. */
export type Answer = string | ((choices: ReadonlyArray<{ name: string; value: unknown }>) => unknown);

/**
 * A prompter that answers from a script, applying the same answer rules and validators
 * as the terminal prompter. An answer that fails validation is recorded and the next
 * scripted answer is tried, as a person would retype it.
 */
export class ScriptedPrompter implements Prompter {
  readonly asked: string[] = [];
  readonly rejected: Array<{ message: string; answer: string; error: string }> = [];
  constructor(private readonly answers: Answer[]) {}

  private next(message: string): Answer {
    if (this.answers.length === 0) throw new Error(`No scripted answer left for prompt: ${message}`);
    return this.answers.shift()!;
  }

  async input(question: InputQuestion): Promise<string> {
    this.asked.push(question.message);
    for (;;) {
      const raw = this.next(question.message);
      if (typeof raw !== 'string') {
        raw([]); // a function standing for a key press, such as Ctrl-C, may throw here
        throw new Error(`Expected a text answer for: ${question.message}`);
      }
      const answer = resolveAnswer(raw, question);
      const verdict = question.validate ? question.validate(answer) : true;
      if (verdict === true) return answer;
      this.rejected.push({ message: question.message, answer: raw, error: verdict });
    }
  }

  async select<T>(question: SelectQuestion<T>): Promise<T> {
    this.asked.push(question.message);
    const choose = this.next(question.message);
    if (typeof choose !== 'function') throw new Error(`Expected a menu choice for: ${question.message}`);
    return choose(question.choices) as T;
  }
}

/** Picks the menu entry whose label contains `text`. */
export const choose =
  (text: string): Answer =>
  (choices) => {
    const found = choices.find((c) => c.name.includes(text));
    if (!found) throw new Error(`No choice contains "${text}": ${choices.map((c) => c.name).join(' | ')}`);
    return found.value;
  };

export interface TestContext extends Context {
  output(): string;
  /** Sends a stop signal to whatever the flow trapped (as Ctrl-C would); false if nothing was. */
  signal: ReturnType<typeof createSignalRouter>['dispatch'];
  opened: string[];
}

/**
 * A Context for in-process flow tests: files under `home`, all AWS calls to the emulator,
 * a browser that "clicks Allow" on the emulator after `approveAfterMs`.
 */
export function testContext(options: {
  home: string;
  emulator: Emulator;
  prompter?: Prompter;
  approve?: 'allow' | 'deny' | 'never';
  approveAfterMs?: number;
  fsOptions?: FileSystemOptions;
  /** SDK attempts per call; 1 unless a test is about retries. */
  maxAttempts?: number;
  timeouts?: { connectionTimeoutMs?: number; requestTimeoutMs?: number };
  /** More environment; by default the machine looks like a desktop (DISPLAY set) where a browser opens. */
  env?: Record<string, string>;
  /**
   * Custom domains served by the emulator (its `/start` redirect): requests for
   * `https://HOST/...` go to the emulator on loopback instead. Default: `sso.example.com`.
   */
  customDomains?: string[];
  /** The custom-domain request's timeout; default 2 s. */
  resolveTimeoutMs?: number;
}): TestContext {
  const out: string[] = [];
  const opened: string[] = [];
  const { emulator } = options;
  const signals = createSignalRouter();
  const env = { HOME: options.home, DISPLAY: ':0', ...options.env };
  const customDomains = new Set(options.customDomains ?? ['sso.example.com']);
  const ctx: TestContext = {
    env,
    lang: 'en',
    messages: catalogue('en'),
    platform: process.platform,
    paths: resolveAwsPaths(env, options.home),
    fsOptions: options.fsOptions ?? {},
    stdout: { write: (t: string) => void out.push(t) },
    stderr: { write: (t: string) => void out.push(t) },
    clock: systemClock,
    signals,
    signal: (name) => signals.dispatch(name),
    interactive: true,
    prompter: async () => options.prompter ?? new ScriptedPrompter([]),
    clients: createClientFactory({ env, messages: catalogue('en'), endpoint: emulator.url, maxAttempts: options.maxAttempts ?? 1, timeouts: options.timeouts }),
    startUrlProbe: createHttpProbe({
      messages: catalogue('en'),
      timeoutMs: options.resolveTimeoutMs ?? 2000,
      route: (url) => (customDomains.has(url.hostname) ? new URL(url.pathname + url.search, emulator.url) : url),
    }),
    log: createDebugLog(false, { write: () => undefined }),
    backup: createBackupper().backup,
    phases: { mark: () => undefined },
    async openBrowser(url: string) {
      opened.push(url);
      const { pathname, searchParams } = new URL(url);
      const userCode = searchParams.get('user_code');
      const action = options.approve ?? 'allow';
      if (action === 'never') return { opened: true };
      if (userCode) {
        setTimeout(() => (action === 'allow' ? emulator.approve(userCode) : emulator.deny(userCode)), options.approveAfterMs ?? 0);
      } else if (pathname.endsWith('/authorize')) {
        // The PKCE flow: click on the emulator's page; the redirect reaches the flow's loopback server.
        setTimeout(() => void click(url, action === 'allow' ? 'Allow' : 'Deny').catch(() => undefined), options.approveAfterMs ?? 0);
      }
      return { opened: true };
    },
    output: () => out.join(''),
    opened,
  };
  return ctx;
}
