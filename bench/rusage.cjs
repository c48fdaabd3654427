/**
 * Preloaded into a benchmarked process with `node --require ./bench/rusage.cjs …`: when the
 * process exits, writes its own resource usage (getrusage(2), through process.resourceUsage())
 * as JSON to the file named by BENCH_RUSAGE_FILE. Peak RSS is ru_maxrss, the number
 * `/usr/bin/time` reports as "Maximum resident set size"; CPU times come in microseconds
 * rather than /usr/bin/time's hundredths, and this works in a pseudo-terminal and on any OS.
 * CommonJS, so that preloading it into `node -e 0` doesn't start the ES module loader.
 * The product code knows nothing of it.
 */
'use strict';
const { writeFileSync } = require('node:fs');

const file = process.env.BENCH_RUSAGE_FILE;
if (file) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(
      file,
      JSON.stringify({ userMs: usage.userCPUTime / 1000, systemMs: usage.systemCPUTime / 1000, maxRssKiB: usage.maxRSS }),
    );
  });
}
