import os from 'node:os';
import { resolveAwsPaths, type AwsPaths } from './config/paths.js';
import { resolveProfile } from './config/profile-name.js';
import { VERSION } from './version.js';
import { createClientFactory, type ClientFactory } from './clients.js';
import { createBrowserOpener, type BrowserOpener } from './ui/browser.js';
import type { Prompter } from './ui/prompter.js';
import { createBackupper } from './config/backup.js';
import type { FileSystemOptions } from './config/file-system.js';
import { createDebugLog, type DebugLog } from './ui/debug-log.js';
import { createHttpProbe, DEFAULT_RESOLVE_TIMEOUT_MS, type Probe } from './sso/start-url.js';
import { createPhases, processSignals, systemClock, type Clock, type Output, type Phases, type Signals } from './ports.js';
import { catalogue, type Language, type Messages } from './ui/messages/index.js';

/**
 * The outside world, as the commands see it. Everything the flows need from it comes in
 * through here, so tests build a Context of their own instead of patching globals.
 */
export interface Context {
  /** The language of every text shown (an HTML page's lang attribute too). */
  lang: Language;
  /** The texts in that language. */
  messages: Messages;
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  paths: AwsPaths;
  /** File-system overrides for writes (tests simulate a full disk); empty in production. */
  fsOptions: FileSystemOptions;
  stdout: Output;
  stderr: Output;
  clock: Clock;
  /** Stop signals (Ctrl-C, SIGTERM, SIGHUP), for commands that handle them themselves. */
  signals: Signals;
  /** True when a person can answer prompts (stdin and stdout are terminals). */
  interactive: boolean;
  /** Created on first use: loading the prompt library costs start-up time. */
  prompter(): Promise<Prompter>;
  openBrowser: BrowserOpener;
  clients: ClientFactory;
  /**
   * The one request that resolves a custom-domain start URL (docs/compat.md §A6). Tests build
   * their own (a short timeout, the custom domain routed to the emulator); nothing a user sets
   * changes where it goes.
   */
  startUrlProbe: Probe;
  /** `--debug` output on stderr, secrets redacted. */
  log: DebugLog;
  /** Copies a file once per run before its first change (`FILE.sso-setup.bak`). */
  backup: (file: string) => Promise<string | undefined>;
  /** The benchmark's phase marks (src/ports.ts); nothing unless SSO_SETUP_PHASES is set. */
  phases: Phases;
}

export const userAgent = `sso-setup/${VERSION}`;

/** The TLS global options (--ca-bundle, --no-verify-ssl) and the profile whose `ca_bundle` applies. */
export interface TlsSettings {
  caBundle?: string;
  verifySsl?: boolean;
  /** The command's --profile; else AWS_PROFILE, AWS_DEFAULT_PROFILE, `default`. */
  profile?: string;
}

export function createContext(overrides: Partial<Context> & { debug?: boolean; tls?: TlsSettings } = {}): Context {
  const env = overrides.env ?? process.env;
  const platform = overrides.platform ?? process.platform;
  const stderr = overrides.stderr ?? process.stderr;
  const log = overrides.log ?? createDebugLog(overrides.debug ?? false, stderr);
  let prompter: Promise<Prompter> | undefined;
  const lang = overrides.lang ?? 'en';
  const messages = overrides.messages ?? catalogue(lang);
  const paths = overrides.paths ?? resolveAwsPaths(env, os.homedir());
  const tls = overrides.tls ?? {};
  // The profile's ca_bundle, read only when --ca-bundle and AWS_CA_BUNDLE are unset (and the SDK loader only then).
  const profileCaBundle = async () => {
    const { readAwsConfig } = await import('./config/read.js');
    const config = await readAwsConfig(paths, messages);
    return config.profiles[resolveProfile(tls.profile, env)]?.ca_bundle;
  };
  const clients =
    overrides.clients ??
    createClientFactory({
      env,
      messages,
      userAgent,
      logger: log.sdkLogger(),
      tls: { caBundle: tls.caBundle, verifySsl: tls.verifySsl, profileCaBundle, warn: (text) => stderr.write(text) },
    });
  return {
    lang,
    messages,
    env,
    platform,
    paths,
    fsOptions: overrides.fsOptions ?? {},
    stdout: overrides.stdout ?? process.stdout,
    stderr,
    clock: overrides.clock ?? systemClock,
    signals: overrides.signals ?? processSignals,
    interactive: overrides.interactive ?? Boolean(process.stdin.isTTY && process.stdout.isTTY),
    prompter:
      overrides.prompter ??
      (() => (prompter ??= import('./ui/terminal-prompter.js').then((m) => m.createTerminalPrompter()))),
    openBrowser: overrides.openBrowser ?? createBrowserOpener(env, platform),
    clients,
    startUrlProbe:
      overrides.startUrlProbe ?? createHttpProbe({ messages, timeoutMs: DEFAULT_RESOLVE_TIMEOUT_MS, ca: () => clients.caBundle() }),
    log,
    backup: overrides.backup ?? createBackupper().backup,
    phases: overrides.phases ?? createPhases(env),
  };
}
