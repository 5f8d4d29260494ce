'use strict';
/**
 * The processes the bench starts besides the API and the worker scripts/bench.sh starts: baseline
 * servers (bench/bare-*.js) and more Commons processes from dist/ (a second API, a second worker).
 * Each is pushed on `children`, which bench/run.js kills if it has to stop early. With BENCH_CPU_PROF_DIR
 * set (BENCH_CPU_PROF=1), each is profiled like the API and the worker (bench/cpu-prof.js).
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');
const readline = require('node:readline');
const { nodeArgs } = require('../scripts/node-args');
const { sleep } = require('./util');

const ROOT = path.join(__dirname, '..');
const profiling = (env) => (env.BENCH_CPU_PROF_DIR ? ['-r', path.join(__dirname, 'cpu-prof.js')] : []);

/**
 * Starts bench/<file>. Ready when it prints one JSON line {port} on stdout (resolves { url, pid, child }),
 * or, with `ipc`, when it sends {ready: true} (resolves { pid, child }).
 */
function startChild(file, children, { ipc = false } = {}) {
  const child = spawn(process.execPath, [...profiling(process.env), path.join(__dirname, file)], { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${file} did not start within 15 s`)), 15_000);
    child.once('exit', (code) => reject(new Error(`${file} exited (${code})`)));
    if (ipc) {
      child.once('message', (m) => {
        clearTimeout(timer);
        m.ready ? resolve({ pid: child.pid, child }) : reject(new Error(`${file}: ${JSON.stringify(m)}`));
      });
    } else {
      readline.createInterface({ input: child.stdout }).once('line', (line) => {
        clearTimeout(timer);
        resolve({ url: `http://127.0.0.1:${JSON.parse(line).port}`, pid: child.pid, child });
      });
    }
  });
}

/** Starts the built API or worker as package.json's `script` (start:api, start:worker) does, with `env`; its output goes to .tmp/bench/<logName>. */
function startDist(script, logName, env, children) {
  const logFile = path.join(ROOT, '.tmp', 'bench', logName);
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const out = fs.openSync(logFile, 'w');
  const child = spawn(process.execPath, [...profiling(env), ...nodeArgs(script)], { cwd: ROOT, stdio: ['ignore', out, out], env });
  children.push(child);
  return {
    child,
    pid: child.pid,
    logFile,
    /** SIGTERM (the process finishes what it has in hand), SIGKILL after 10 s. */
    stop: async () => {
      child.kill('SIGTERM');
      for (let i = 0; i < 50 && child.exitCode === null; i++) await sleep(200);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

module.exports = { startChild, startDist, freePort };
