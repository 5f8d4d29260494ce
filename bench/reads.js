'use strict';
/**
 * Reads: requests/s and latency of the two hot read paths, with autocannon (a separate process, over
 * loopback), beside a bare baseline:
 *
 *   catalogue search   GET /api/tools?q=<word>  (full-text search, ranked, paginated; anonymous)
 *   thread page        GET /api/threads/:id and GET /api/threads/:id/messages (a thread of 30
 *                      messages made here; anonymous, as most readers are)
 *   baseline           bench/bare-read.js: a bare Node http route doing one Postgres SELECT of 20
 *                      catalogue rows
 *
 * Each run: a 2 s warm-up, then `seconds` of closed-loop load over `connections` keep-alive
 * connections; the figures are autocannon's (requests/s average, latency p50/p99), and every answer
 * must be 2xx. CPU of the processes under test is read from /proc over the measured run.
 */
const { spawn } = require('node:child_process');
const path = require('node:path');
const { JsonClient, cpuSeconds, cpuPercent, machineBusy, machinePercent, waitQuiet } = require('./util');
const { cpuText } = require('./report');

const AUTOCANNON = require.resolve('autocannon/autocannon.js');

/** One autocannon run in its own process; resolves with its JSON result. */
function autocannon(url, { connections, seconds, headers = {} }, children) {
  const args = [AUTOCANNON, '-j', '-c', String(connections), '-d', String(seconds), '-t', '10'];
  for (const [k, v] of Object.entries(headers)) args.push('-H', `${k}=${v}`);
  args.push(url);
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => (child.kill('SIGKILL'), reject(new Error(`autocannon did not finish within ${seconds + 30} s`))), (seconds + 30) * 1000);
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (err += c));
    child.once('exit', (code) => {
      clearTimeout(timer);
      try {
        resolve({ pid: child.pid, result: JSON.parse(out) });
      } catch {
        reject(new Error(`autocannon exited ${code}: ${err.slice(-300)}`));
      }
    });
  });
}

/** Warm-up, then a measured run with CPU accounting. */
async function measure(name, url, pids, s, children, log) {
  await autocannon(url, { connections: s.connections, seconds: 2 }, children);
  await waitQuiet(s.maxRest, 10_000);
  await s.refresh?.(); // the pools' Postgres backends may have changed since the last run
  const before = cpuSeconds(pids());
  const busy = machineBusy();
  const started = Date.now();
  const { result } = await autocannon(url, { connections: s.connections, seconds: s.seconds }, children);
  const wallS = (Date.now() - started) / 1000;
  const cpu = cpuPercent(before, cpuSeconds(pids()), wallS);
  delete cpu.generator; // this process only waits; autocannon's own CPU is counted in "rest"
  const machine = machinePercent(busy, machineBusy());
  cpu.rest = Math.max(0, machine - Object.values(cpu).reduce((a, b) => a + b, 0));
  const r = {
    name,
    url,
    requestsPerSecond: result.requests.average,
    total: result.requests.total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    cpuPercent: cpu,
    machinePercent: machine,
  };
  log(`reads: ${name}: ${Math.round(r.requestsPerSecond)}/s, p50 ${r.p50} ms, p99 ${r.p99} ms, non-2xx ${r.non2xx}, errors ${r.errors}; CPU ${Object.entries(cpu).map(([k, v]) => `${k} ${Math.round(v)}`).join(' · ')}`);
  return r;
}

/**
 * `o`: { env, url, origin, pids (the Commons' pid map, postgres included), settings: { connections,
 * seconds, maxRest }, log, children, startChild }.
 */
async function readsScenario(o) {
  const { env, settings: s, log } = o;
  const member = new JsonClient(o.url, { origin: o.origin });
  await member.expect(201, 'POST', '/api/auth/register', { email: `bench.reader.${Date.now()}.${process.pid}@example.org`, password: 'a sensible bench passphrase', displayName: 'Bench Reader' });
  const created = await member.expect(201, 'POST', '/api/threads', { subjectType: 'general', title: 'Bench thread', body: 'The first message of the bench thread.' });
  const threadId = created.id ?? created.thread?.id;
  for (let i = 1; i < 30; i++) await member.expect(201, 'POST', `/api/threads/${threadId}/messages`, { body: `Bench message ${i}: a reply of ordinary length about the tool and its data.` });
  member.close();
  const word = 'data';
  const probe = new JsonClient(o.url);
  const found = await probe.expect(200, 'GET', `/api/tools?q=${word}`);
  probe.close();
  const matches = found.total ?? found.items?.length ?? null;
  log(`reads: catalogue search for "${word}" finds ${matches} tools; thread ${threadId} has 30 messages; ${s.connections} connections, ${s.seconds} s each`);

  const bare = await o.startChild('bare-read.js', o.children);
  const out = { word, matches, threadId, connections: s.connections, seconds: s.seconds };
  try {
    out.search = await measure('catalogue search', `${o.url}/api/tools?q=${word}`, o.pids, s, o.children, log);
    out.thread = await measure('thread', `${o.url}/api/threads/${threadId}`, o.pids, s, o.children, log);
    out.messages = await measure('thread messages', `${o.url}/api/threads/${threadId}/messages`, o.pids, s, o.children, log);
    out.baseline = await measure('baseline', `${bare.url}/read`, () => ({ server: bare.pid, postgres: o.pids().postgres }), s, o.children, log);
  } finally {
    bare.child.kill('SIGTERM');
  }
  return out;
}

function readsRows(r, row) {
  const rows = [];
  const b = r.baseline;
  const scenario = (what) => `reads, ${what}, ${r.connections} connections, ${r.seconds} s (baseline: bare http + one SELECT)`;
  for (const [key, what] of [
    ['search', `catalogue search GET /api/tools?q=${r.word} (${r.matches} matches)`],
    ['thread', 'thread page GET /api/threads/:id'],
    ['messages', 'thread page GET /api/threads/:id/messages (30 messages)'],
  ]) {
    const c = r[key];
    if (!c) continue;
    rows.push(row(scenario(what), 'reads/s', c.requestsPerSecond, '1/s', b.requestsPerSecond));
    rows.push(row(scenario(what), 'latency p50', c.p50, 'ms', b.p50));
    rows.push(row(scenario(what), 'latency p99', c.p99, 'ms', b.p99));
    rows.push(row(scenario(what), 'non-2xx answers and errors', c.non2xx + c.errors, 'answers', null, '0', c.non2xx + c.errors === 0));
    rows.push({
      ...row(scenario(what), 'CPU, % of one core (machine: 200)', c.machinePercent, '% core', b.machinePercent),
      text: { commons: cpuText(c.cpuPercent), baseline: cpuText(b.cpuPercent) },
    });
  }
  return rows;
}


module.exports = { readsScenario, readsRows, autocannon, measure };
