import type { Output } from '../ports.js';

/**
 * Progress of a long listing: a bar with counts and ETA redrawn in place on a terminal,
 * plain lines every 10% otherwise (logs, CI).
 */
export function createProgress(out: Output, options: { terminal: boolean; label: string; now: () => number }) {
  const started = options.now();
  let lastDecile = -1;
  const eta = (done: number, total: number) => {
    const elapsed = options.now() - started;
    if (done === 0) return '';
    const seconds = Math.round(((total - done) * elapsed) / done / 1000);
    return seconds >= 60 ? `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, '0')}s` : `${seconds}s`;
  };
  return {
    /** A line of its own; on a terminal it replaces the bar, which the next update redraws below it. */
    note(text: string) {
      out.write(options.terminal ? `\r\u001b[2K${text}` : text);
    },
    update(done: number, total: number) {
      if (total === 0) return;
      if (options.terminal) {
        const width = 30;
        const filled = Math.round((done / total) * width);
        const bar = '#'.repeat(filled) + '.'.repeat(width - filled);
        out.write(`\r[${bar}] ${done}/${total} ${options.label}, ETA ${eta(done, total) || '…'}  `);
        if (done === total) out.write('\n');
        return;
      }
      const decile = Math.floor((done / total) * 10);
      if (decile !== lastDecile || done === total) {
        lastDecile = decile;
        out.write(`${done}/${total} ${options.label} (${Math.round((done / total) * 100)}%)${done < total ? `, ETA ${eta(done, total)}` : ''}\n`);
      }
    },
  };
}
