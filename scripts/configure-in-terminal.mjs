/**
 * `sso-setup configure` in a pseudo-terminal (`@lydell/node-pty`), each prompt answered by a
 * script as soon as it appears, the first account and role picked from the menus, as a person
 * following a guide would. Two users, one script: the benchmark's configure (bench/run.mjs)
 * and the training run of the code cache (scripts/build.mjs), so that the cache holds the
 * code of the interactive flow (prompts, menus) that people run and the benchmark measures.
 */
import pty from '@lydell/node-pty';

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b[()][0-9A-B]|\u001b[=>]/g;

/** A program in a pseudo-terminal of 120 × 40; `exited` gives its exit code and wall time. */
export class Terminal {
  raw = '';
  waiters = [];
  constructor(args, env, cwd) {
    this.started = process.hrtime.bigint();
    this.proc = pty.spawn(process.execPath, args, { name: 'xterm-color', cols: 120, rows: 40, cwd, env: { ...env, TERM: 'xterm-256color' } });
    this.proc.onData((data) => {
      this.raw += data;
      for (const wake of this.waiters.splice(0)) wake();
    });
    this.exited = new Promise((resolve) =>
      this.proc.onExit(({ exitCode }) => resolve({ code: exitCode, ms: Number(process.hrtime.bigint() - this.started) / 1e6 })),
    );
  }
  get text() {
    return this.raw.replace(ANSI, '').replace(/\r/g, '');
  }
  /** Waits for the first of `patterns` after `from`; returns [which, index after the match]. */
  async waitFor(patterns, from, timeoutMs = 30_000) {
    const list = Array.isArray(patterns) ? patterns : [patterns];
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const rest = this.text.slice(from);
      let best;
      list.forEach((pattern, which) => {
        const match = typeof pattern === 'string' ? { index: rest.indexOf(pattern), 0: pattern } : pattern.exec(rest);
        if (match && match.index >= 0 && (!best || match.index < best.index)) best = { which, index: match.index, end: match.index + match[0].length };
      });
      if (best) return [best.which, from + best.end];
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${list.map(String).join(' or ')}. The terminal shows:\n${this.text}`);
      await new Promise((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 200);
      });
    }
  }
  async answer(prompt, text, from) {
    const [, at] = await this.waitFor(prompt, from);
    this.proc.write(text + '\r');
    return at;
  }
  /** A menu when there is more than one item: Enter on the first once it is drawn. */
  async pick(many, single, item, from) {
    const [which, at] = await this.waitFor([many, single], from);
    if (which === 1) return at;
    const [, drawn] = await this.waitFor(item, at);
    this.proc.write('\r');
    return drawn;
  }
}

/**
 * Runs `node <args…> configure` (args: node options and the CLI's path) in a terminal against
 * the emulator's organisation `org` and answers it: sso-session `session`, profile `profile`.
 * Resolves with the wall time once it has exited 0 and verified the profile; throws otherwise.
 */
export async function configureInTerminal(args, env, { org, session, profile, cwd }) {
  const term = new Terminal([...args, 'configure'], env, cwd);
  const roles = [...new Set(org.accounts.flatMap((a) => a.roles))].sort();
  try {
    let at = await term.answer('SSO session name (Recommended): ', session, 0);
    at = await term.answer('SSO start URL [None]: ', org.startUrl, at);
    at = await term.answer('SSO region [None]: ', org.region, at);
    at = await term.answer(/SSO registration scopes \[[^\]]*\]: /, '', at);
    at = await term.pick(/There are \d+ AWS accounts available to you\./, 'The only AWS account available to you is', /\(\d{12}\)/, at);
    at = await term.pick(/There are \d+ roles available to you\./, 'The only role available to you is', new RegExp(roles.join('|')), at);
    at = await term.answer('Default client Region [None]: ', org.region, at);
    at = await term.answer('CLI default output format (json if not specified) [None]: ', 'json', at);
    at = await term.answer(/Profile name \[[^\]]*\]: /, profile, at);
    const { code, ms } = await term.exited;
    if (code !== 0) throw new Error(`configure exited with ${code}:\n${term.text}`);
    if (!/"Arn": "arn:aws:sts::/.test(term.text)) throw new Error(`configure did not verify the profile:\n${term.text}`);
    return ms;
  } finally {
    term.proc.kill();
  }
}
