'use strict';
/**
 * Preloaded (node -r) into the API by scripts/bench.sh and into the connections baseline: on SIGWINCH
 * (not SIGUSR2: Nest's enableShutdownHooks() stops the app on that one; SIGWINCH is ignored by default)
 * the process writes its process.memoryUsage() (rss, heapUsed, external, arrayBuffers…) to
 * <BENCH_MEM_DIR>/mem-<pid>.json, so the bench can read the heap of another process. Nothing else.
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
