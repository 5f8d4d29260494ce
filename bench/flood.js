'use strict';
/**
 * Flood: one abusive socket sends 10,000 `subscribe`s to threads that do not exist, all at once
 * (bench/flood-client.js, a process of its own), while another reader loads the threads list
 * (GET /api/threads, sequential requests over one keep-alive connection). The figure is the reader's
 * latency during the flood beside the same reader's idle latency measured just before: the target is at
 * most twice. Also: how the flood was answered (nothing accepted; refused as unknown, over the
 * subscription cap or past the socket's message rate, or never read: the socket was disconnected) and the
 * API's resident memory before and after.
 *
 *   BENCH_FLOOD=0           skips it
 *   BENCH_FLOOD_SUBSCRIBES  subscribes in the flood (default 10000)
 *   BENCH_ONLY=flood        runs it alone (its JSON on stdout)
 */
const fs = require('node:fs');
const path = require('node:path');
const { fork } = require('node:child_process');
const { performance } = require('node:perf_hooks');
const { JsonClient, sleep, waitQuiet } = require('./util');

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)];

function rssMiB(pid) {
  if (!pid) return null;
  try {
    const kb = Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))[1]);
    return kb / 1024;
  } catch {
    return null;
  }
}

/** Sequential GETs while `going()` holds (at most `max`, at least `min` however long that takes). */
async function timeReads(client, { min, max, going = () => true }) {
  const times = [];
  while (times.length < max && (times.length < min || going())) {
    const t = performance.now();
    const res = await client.request('GET', '/api/threads');
    if (res.status !== 200) throw new Error(`GET /api/threads → ${res.status}`);
    times.push(performance.now() - t);
  }
  return times;
}

/** The flooding socket's process; resolves with its report once it has had every answer. */
function flood(url, count, children) {
  const child = fork(path.join(__dirname, 'flood-client.js'), [url, String(count), '1'], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  children.push(child);
  let started;
  const startedP = new Promise((resolve) => (started = resolve));
  const done = new Promise((resolve, reject) => {
    const timer = setTimeout(() => (child.kill('SIGKILL'), reject(new Error('the flood client did not finish within 120 s'))), 120_000);
    child.on('message', (m) => (m.started ? started() : (clearTimeout(timer), resolve(m))));
    child.once('exit', (code) => code && (clearTimeout(timer), reject(new Error(`the flood client exited ${code}`))));
  });
  return { started: startedP, done };
}

async function floodScenario({ url, apiPid, count = 10_000, maxRest = 40, log, children }) {
  const reader = new JsonClient(url);
  try {
    await timeReads(reader, { min: 50, max: 50 }); // warm
    await waitQuiet(maxRest, 10_000);
    const idle = await timeReads(reader, { min: 200, max: 200 });
    const rssBefore = rssMiB(apiPid);
    const f = flood(url, count, children);
    await f.started;
    let flooding = true;
    f.done.then(() => (flooding = false), () => (flooding = false));
    const during = await timeReads(reader, { min: 20, max: 2000, going: () => flooding });
    const answered = await f.done;
    await sleep(500);
    const result = {
      subscribes: count,
      idle: { reads: idle.length, p50: median(idle), p95: p95(idle) },
      flood: { reads: during.length, p50: median(during), p95: p95(during), ms: answered.ms, accepted: answered.ok, refused: answered.refused, unanswered: answered.unanswered, disconnected: answered.disconnected },
      rssMiB: { before: rssBefore, after: rssMiB(apiPid) },
    };
    log(`flood: GET /api/threads p50 ${result.idle.p50.toFixed(1)} ms idle, ${result.flood.p50.toFixed(1)} ms during ${count} subscribes from one socket (${(answered.ms / 1000).toFixed(1)} s; refused ${JSON.stringify(answered.refused)}; ${answered.unanswered} never read, ${answered.disconnected ? 'disconnected' : 'not disconnected'})`);
    return result;
  } finally {
    reader.close();
  }
}

function floodRows(r, row) {
  const scenario = `flood: ${r.subscribes.toLocaleString('en-GB')} subscribes to unknown threads from one socket, beside a reader of GET /api/threads`;
  const rows = [
    row(scenario, "reader's latency p50 during the flood (baseline: idle)", r.flood.p50, 'ms', r.idle.p50, '≤ 2× idle', r.flood.p50 <= 2 * r.idle.p50),
    row(scenario, "reader's latency p95 during the flood (baseline: idle)", r.flood.p95, 'ms', r.idle.p95),
    row(scenario, 'subscribes accepted', r.flood.accepted, 'subscribes', null, '0', r.flood.accepted === 0),
  ];
  if (r.rssMiB.before !== null) rows.push(row(scenario, 'API resident memory after (baseline: before)', r.rssMiB.after, 'MiB', r.rssMiB.before));
  return rows;
}

module.exports = { floodScenario, floodRows };
