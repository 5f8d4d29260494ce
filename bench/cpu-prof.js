'use strict';
/**
 * Preloaded (node -r) into the API and the worker when BENCH_CPU_PROF=1 (scripts/bench.sh): samples the
 * process's CPU with the inspector's profiler and writes <BENCH_CPU_PROF_DIR>/<name>-<pid>.cpuprofile
 * when the process is told to stop (SIGTERM/SIGINT), before Nest's own shutdown runs. Open it in
 * Chrome DevTools or summarise it with `node bench/prof-summary.js FILE`.
 */
const fs = require('node:fs');
const path = require('node:path');
const inspector = require('node:inspector');

const dir = process.env.BENCH_CPU_PROF_DIR || '.';
const name = path.basename(process.argv[1] || 'node', '.js');
const session = new inspector.Session();
session.connect();
session.post('Profiler.enable');
session.post('Profiler.setSamplingInterval', { interval: 500 });
session.post('Profiler.start');
let written = false;
function write() {
  if (written) return;
  written = true;
  session.post('Profiler.stop', (err, result) => {
    if (err) return process.stderr.write(`[cpu-prof] ${err.message}\n`);
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${name}-${process.pid}.cpuprofile`);
    fs.writeFileSync(file, JSON.stringify(result.profile));
    process.stderr.write(`[cpu-prof] wrote ${file}\n`);
  });
}
process.prependListener('SIGTERM', write);
process.prependListener('SIGINT', write);
process.on('exit', write);
