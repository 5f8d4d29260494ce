'use strict';
/**
 * Feedback intake and moderation jobs: the load generator (open loop, keep-alive HTTP) and the pieces
 * bench/run.js puts together.
 *
 * An intake step offers `rate` POSTs per second for `seconds`, on a fixed schedule (a timer every 5 ms
 * sends what is due), over `connections` keep-alive connections (node's http.Agent). A request's
 * latency counts from its scheduled time, so a request queued behind slow ones (no free connection) is
 * charged its wait: the figures do not hide a backlog (no coordinated omission). A moderator's socket,
 * subscribed to `moderation`, records when each item's `moderation.item.created` arrives; paired with
 * the POST by the id the POST answered with.
 */
const http = require('node:http');
const { performance } = require('node:perf_hooks');
const { io } = require('socket.io-client');
const { percentile } = require('./fanout');
const { cpuSeconds, cpuPercent, machineBusy, machinePercent, sleep } = require('./util');

const ROLE = 'Local authority data professional';
const body = (i) =>
  Buffer.from(JSON.stringify({ page: '/tools', role: ROLE, summary: `Bench feedback ${i}: the filter on this page forgets my choice when I go back` }));

function post(target, agent, payload, localAddress) {
  return new Promise((resolve) => {
    const req = http.request(
      {
        host: target.host,
        port: target.port,
        method: 'POST',
        path: '/api/feedback',
        agent,
        ...(localAddress && { localAddress }),
        headers: { 'content-type': 'application/json', 'content-length': payload.length, origin: target.origin },
        timeout: 10_000,
      },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          let id = null;
          try {
            id = JSON.parse(Buffer.concat(chunks).toString('utf8')).id ?? null;
          } catch {
            /* not JSON */
          }
          resolve({ status: res.statusCode, id });
        });
        res.on('error', (err) => resolve({ status: 0, error: err.message }));
      },
    );
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', (err) => resolve({ status: 0, error: err.message }));
    req.end(payload);
  });
}

/** A socket subscribed to `moderation` with the moderator's cookie; `created` maps subjectId → receipt time. */
async function moderatorSocket(target) {
  const socket = io(target.url, { path: '/socket.io', transports: ['websocket'], extraHeaders: target.socketHeaders, reconnection: false, forceNew: true, timeout: 15_000 });
  const state = { socket, created: new Map(), received: 0 };
  socket.on('event', (e) => {
    if (e.type !== 'moderation.item.created' || e.payload?.subjectType !== 'feedback') return;
    state.received++;
    state.created.set(Number(e.payload.subjectId), performance.now());
  });
  await new Promise((resolve, reject) => {
    socket.once('connect_error', (err) => reject(new Error(`${target.name}: the moderator socket could not connect: ${err.message}`)));
    socket.once('connect', resolve);
  });
  const ack = await socket.timeout(15_000).emitWithAck('subscribe', { topic: 'moderation' });
  if (!ack?.ok) throw new Error(`${target.name}: subscribing to moderation was refused: ${JSON.stringify(ack)}`);
  return state;
}

/**
 * BENCH_INTAKE_TRACE=<file>: one CSV line per request (target, rate, scheduled at in epoch ms, latency
 * ms), to line up a step's slow requests with the servers' pauses (bench/mem-probe.js's BENCH_GC_LOG).
 */
function traceStep(file, name, rate, sentAt, answeredAt) {
  const lines = [];
  for (let i = 0; i < sentAt.length; i++) lines.push(`${name},${rate},${(performance.timeOrigin + sentAt[i]).toFixed(1)},${(answeredAt[i] - sentAt[i]).toFixed(2)}`);
  require('node:fs').appendFileSync(file, lines.join('\n') + '\n');
}

/** One step of the staircase: `rate`/s for `seconds`. */
async function intakeStep(target, moderator, { rate, seconds, connections }) {
  await target.refresh?.();
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const total = Math.round(rate * seconds);
  const sentAt = new Float64Array(total);
  const answeredAt = new Float64Array(total);
  const latency = [];
  const ids = new Map(); // feedback id → scheduled time
  const errors = [];
  let ok = 0;
  let lastAnswer = 0;
  const pending = [];
  const pids = target.pids();
  const cpuBefore = cpuSeconds(pids);
  const busyBefore = machineBusy();
  const start = performance.now();
  const interval = 1000 / rate;
  let sent = 0;
  while (sent < total) {
    const now = performance.now();
    const due = Math.min(total, Math.floor((now - start) / interval) + 1);
    for (; sent < due; sent++) {
      const i = sent;
      sentAt[i] = start + i * interval;
      pending.push(
        post(target, agent, body(i)).then((r) => {
          const t = performance.now();
          answeredAt[i] = t;
          if (r.status === 202) {
            ok++;
            latency.push(t - sentAt[i]);
            lastAnswer = t;
            if (r.id !== null) ids.set(Number(r.id), sentAt[i]);
          } else errors.push(`${r.status}${r.error ? ` ${r.error}` : ''}`);
        }),
      );
    }
    await sleep(5);
  }
  await Promise.all(pending);
  const wallS = (performance.now() - start) / 1000;
  if (process.env.BENCH_INTAKE_TRACE) traceStep(process.env.BENCH_INTAKE_TRACE, target.name, rate, sentAt, answeredAt);
  const cpu = cpuPercent(cpuBefore, cpuSeconds(pids), wallS);
  const machine = machinePercent(busyBefore, machineBusy());
  cpu.rest = Math.max(0, machine - Object.values(cpu).reduce((a, b) => a + b, 0));
  agent.destroy();

  // The moderator's events: wait (at most 5 s) for the last of them.
  const deadline = performance.now() + 5000;
  const missing = () => [...ids.keys()].filter((id) => !moderator.created.has(id)).length;
  while (missing() > 0 && performance.now() < deadline) await sleep(20);
  const toSocket = [];
  for (const [id, t0] of ids) {
    const t = moderator.created.get(id);
    if (t !== undefined) toSocket.push(t - t0);
    moderator.created.delete(id);
  }
  latency.sort((a, b) => a - b);
  toSocket.sort((a, b) => a - b);
  return {
    target: target.name,
    rate,
    seconds,
    connections,
    offered: total,
    ok,
    errors: errors.length,
    firstErrors: [...new Set(errors)].slice(0, 3),
    achievedPerSecond: ok / ((lastAnswer - start) / 1000 || 1),
    p50: percentile(latency, 50),
    p99: percentile(latency, 99),
    max: latency.length ? latency[latency.length - 1] : NaN,
    toSocketP50: percentile(toSocket, 50),
    toSocketP99: percentile(toSocket, 99),
    toSocketMissing: ids.size - toSocket.length,
    cpuPercent: cpu,
    machinePercent: machine,
  };
}

/** Passing a step: every POST answered 202, p99 under `p99Ms`, and the offered rate kept up (≥ 95 %). */
const passes = (s, p99Ms) => s.errors === 0 && s.p99 < p99Ms && s.achievedPerSecond >= 0.95 * s.rate;

/**
 * The staircase: `from`, `from + step`, … up to `to` per second, `seconds` each; stops at the first
 * step that fails (a failing step disturbed by other work is run again once). Returns every step and
 * the highest rate that passed.
 */
async function staircase(target, moderator, { from, step, to, seconds, connections, p99Ms, maxRest, budgetS, log, waitQuiet }) {
  const steps = [];
  let best = null;
  const started = performance.now();
  for (let rate = from; rate <= to; rate += step) {
    let s;
    for (let attempt = 0; attempt < 2; attempt++) {
      await waitQuiet(maxRest, 5_000);
      s = await intakeStep(target, moderator, { rate, seconds, connections });
      s.disturbed = s.cpuPercent.rest > maxRest;
      log(`  ${describeStep(s)}${s.disturbed ? ' (disturbed)' : ''}`);
      if (passes(s, p99Ms) || !s.disturbed) break;
    }
    s.passed = passes(s, p99Ms);
    steps.push(s);
    if (!s.passed) break;
    best = s;
    await sleep(500);
    if ((performance.now() - started) / 1000 > budgetS) {
      log(`  ${target.name}: intake time budget (${Math.round(budgetS)} s) spent; stopping at ${rate}/s`);
      break;
    }
  }
  // Not even the first step: halve the rate (bounded: down to about 50/s) to find what it does sustain.
  for (let rate = Math.floor(from / 2); !best && rate >= 50 && (performance.now() - started) / 1000 < budgetS + 30; rate = Math.floor(rate / 2)) {
    await waitQuiet(maxRest, 5_000);
    const s = await intakeStep(target, moderator, { rate, seconds, connections });
    s.disturbed = s.cpuPercent.rest > maxRest;
    s.passed = passes(s, p99Ms);
    log(`  ${describeStep(s)}${s.disturbed ? ' (disturbed)' : ''} (below the staircase)`);
    steps.push(s);
    if (s.passed) best = s;
  }
  return { steps, best, failed: steps.find((s) => !s.passed && s.rate >= from) ?? null };
}

function describeStep(s) {
  const cpu = Object.entries(s.cpuPercent)
    .map(([k, v]) => `${k} ${v.toFixed(0)}`)
    .join(' · ');
  return (
    `${s.target} intake @ ${s.rate}/s: ${s.ok}/${s.offered} accepted (${Math.round(s.achievedPerSecond)}/s), p50 ${s.p50.toFixed(1)} ms, p99 ${s.p99.toFixed(1)} ms; ` +
    `→ moderator p50 ${s.toSocketP50.toFixed(1)} ms, p99 ${s.toSocketP99.toFixed(1)} ms${s.toSocketMissing ? ` (${s.toSocketMissing} never arrived)` : ''}; CPU % of a core: ${cpu}` +
    (s.errors ? `; ${s.errors} errors (${s.firstErrors.join(', ')})` : '')
  );
}

/**
 * `n` submissions as fast as `inFlight` allow, each from one of 250 loopback addresses (127.0.1.x), as
 * many readers would send them (the moderation job looks at the sender's recent texts: one address
 * sending thousands an hour is not what it is built for). Returns the ids.
 */
/** `round`: a later burst uses other addresses and texts, so it is judged as the first was (not as repeats). */
async function burst(target, n, inFlight = 32, round = 0) {
  const agents = new Map();
  const ids = [];
  const errors = [];
  let next = 0;
  async function lane() {
    while (next < n) {
      const i = next++;
      const address = `127.0.${1 + round}.${(i % 250) + 1}`;
      if (!agents.has(address)) agents.set(address, new http.Agent({ keepAlive: true, maxSockets: 1 }));
      const r = await post(target, agents.get(address), body(round ? `burst ${round}.${i}` : `burst ${i}`), address);
      if (r.status === 202 && r.id !== null) ids.push(Number(r.id));
      else errors.push(`${r.status}${r.error ? ` ${r.error}` : ''}`);
    }
  }
  await Promise.all(Array.from({ length: inFlight }, lane));
  agents.forEach((a) => a.destroy());
  return { ids, errors };
}

module.exports = { moderatorSocket, intakeStep, staircase, burst, describeStep };
