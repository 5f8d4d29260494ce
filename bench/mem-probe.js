'use strict';
/**
 * Preloaded (node -r) into the API and the worker by scripts/bench.sh and into the connections baseline:
 * on SIGWINCH (not SIGUSR2: Nest's enableShutdownHooks() stops the app on that one; SIGWINCH is ignored by
 * default) the process writes its process.memoryUsage() (rss, heapUsed, external, arrayBuffers…) to
 * <BENCH_MEM_DIR>/mem-<pid>.json, so the bench can read the heap of another process; with BENCH_GC_LOG=1
 * it also logs its garbage collections (below). Nothing else.
 */
const fs = require('node:fs');
const path = require('node:path');

const dir = process.env.BENCH_MEM_DIR || require('node:os').tmpdir();
process.on('SIGWINCH', () => {
  try {
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `mem-${process.pid}.json`);
    fs.writeFileSync(`${file}.tmp`, JSON.stringify({ at: Date.now(), ...process.memoryUsage() }));
    fs.renameSync(`${file}.tmp`, file);
  } catch (err) {
    process.stderr.write(`[mem-probe] ${err.message}\n`);
  }
});

// BENCH_GC_LOG=1: every garbage collection of this process, one CSV line (epoch ms at its start, kind,
// ms) to <BENCH_MEM_DIR>/gc-<pid>.csv, to line up pauses with a scenario's slow requests.
if (process.env.BENCH_GC_LOG === '1') {
  const { PerformanceObserver, constants } = require('node:perf_hooks');
  const kinds = { [constants.NODE_PERFORMANCE_GC_MINOR]: 'minor', [constants.NODE_PERFORMANCE_GC_MAJOR]: 'major', [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental', [constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weakcb' };
  fs.mkdirSync(dir, { recursive: true });
  const out = fs.openSync(path.join(dir, `gc-${process.pid}.csv`), 'a');
  new PerformanceObserver((list) => {
    const lines = list.getEntries().map((e) => `${(performance.timeOrigin + e.startTime).toFixed(1)},${kinds[e.detail?.kind] ?? e.detail?.kind},${e.duration.toFixed(2)}\n`);
    fs.writeSync(out, lines.join(''));
  }).observe({ entryTypes: ['gc'] });
}
