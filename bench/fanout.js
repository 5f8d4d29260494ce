'use strict';
/**
 * Fan-out: N sockets (in this one load-generator process) all subscribed to one topic; writes are sent
 * at a fixed pace and, for each write, the time from sending it to each socket's receipt of its event
 * is recorded on this process's one clock (performance.now()).
 *
 * A target describes what is measured (bench/run.js builds one for the Commons, one for the bare
 * socket.io baseline):
 *
 *   { name, url, headers, topic,
 *     write(i),            the one small function that makes event number i (a promise; rejects on failure)
 *     isMeasured(event),   is this the event a write makes (others on the topic are counted, not timed)
 *     writeOf(event),      which write of the phase made this measured event (-1: none)
 *     pids() }             { name: pid or [pids] } whose CPU time is reported
 *
 * Pairing: writes go out on schedule over several connections (see run.js), so they may commit out of
 * order; each measured event says which write made it (its text does). Latency counts from the moment
 * the write was issued (its scheduled time, give or take timer lag), so a write queued behind a slow one
 * on its connection is charged its wait: the figures do not hide a backlog.
 */
const fs = require('node:fs');
const { performance } = require('node:perf_hooks');
const { io } = require('socket.io-client');
const { cpuSeconds, cpuPercent, machineBusy, machinePercent, sleep } = require('./util');

/** Opens `count` sockets, `batch` at a time, each subscribed to `target.topic`. */
async function openSockets(target, count, { batch = 50, log }) {
  const state = { target, sockets: [], recorder: null, presence: 0, maxSeq: 0, lastMessageAt: performance.now(), failures: [] };
  const started = performance.now();
  for (let from = 0; from < count; from += batch) {
    const group = [];
    for (let i = from; i < Math.min(count, from + batch); i++) group.push(openOne(target, state, i));
    await Promise.all(group);
  }
  state.setupMs = performance.now() - started;
  log(`${target.name}: ${count} sockets connected and subscribed in ${(state.setupMs / 1000).toFixed(1)} s`);
  return state;
}

function openOne(target, state, index) {
  // Scale-out: socket i goes to instance i mod n (target.urls), and its latencies are kept per instance.
  const url = target.urls ? target.urls[index % target.urls.length] : target.url;
  const socket = io(url, {
    path: '/socket.io',
    transports: ['websocket'],
    extraHeaders: target.headers,
    reconnection: false,
    forceNew: true, // one connection per socket, not one multiplexed Manager
    timeout: 30_000,
  });
  state.sockets.push(socket);
  socket.on('event', (e) => {
    const t = performance.now();
    state.lastMessageAt = t;
    if (e.seq > state.maxSeq) state.maxSeq = e.seq;
    state.recorder?.(e, t, index);
  });
  socket.on('presence', () => {
    state.presence++;
    state.lastMessageAt = performance.now();
  });
  socket.on('disconnect', (reason) => {
    if (!state.closing) state.failures.push(`socket ${index} disconnected: ${reason}`);
  });
  return new Promise((resolve, reject) => {
    socket.once('connect_error', (err) => reject(new Error(`${target.name}: socket ${index} could not connect: ${err.message}`)));
    socket.once('connect', async () => {
      try {
        const ack = await socket.timeout(30_000).emitWithAck('subscribe', { topic: target.topic });
        if (!ack || !ack.ok) throw new Error(`subscribe refused: ${JSON.stringify(ack)}`);
        resolve();
      } catch (err) {
        reject(new Error(`${target.name}: socket ${index}: ${err.message}`));
      }
    });
  });
}

/** Waits until no message has reached any of the state's sockets for `quietMs` (at most `maxMs`). */
async function quiesce(state, quietMs = 1000, maxMs = 60_000) {
  const deadline = performance.now() + maxMs;
  while (performance.now() - state.lastMessageAt < quietMs) {
    if (performance.now() > deadline) return false;
    await sleep(100);
  }
  return true;
}

async function closeSockets(state) {
  state.closing = true;
  for (const s of state.sockets) s.disconnect();
  state.sockets = [];
  await sleep(200);
}

function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

/**
 * One phase: `writes` writes at `rate` per second, then waits (at most `drainMs`) for every socket to
 * receive every event they cause. Returns the raw samples and the CPU spent (see summarise()).
 */
async function runPhase(state, { rate, writes, drainMs = 15_000 }) {
  const { target } = state;
  const n = state.sockets.length;
  const expected = writes * n;
  const measured = new Map(); // seq → { event, times: [] }
  const seen = new Map(); // seq → which sockets have it (at-least-once delivery: a sweeper may send it twice)
  let deliveries = 0;
  let duplicates = 0;
  let lastReceipt = 0;
  // Anything at or below the highest seq seen so far belongs to an earlier phase.
  const floor = state.maxSeq;
  state.recorder = (e, t, index) => {
    if (e.topic !== target.topic || e.seq <= floor) return;
    let got = seen.get(e.seq);
    if (!got) seen.set(e.seq, (got = new Uint8Array(n)));
    if (got[index]) {
      duplicates++;
      return;
    }
    got[index] = 1;
    deliveries++;
    lastReceipt = t;
    if (!target.isMeasured(e)) return;
    let m = measured.get(e.seq);
    if (!m) measured.set(e.seq, (m = { event: e, times: [], sockets: [] }));
    m.times.push(t);
    m.sockets.push(index);
  };

  const sentAt = new Float64Array(writes);
  const answeredAt = new Float64Array(writes);
  const errors = [];
  const pending = [];
  const pids = target.pids ? target.pids() : {};
  const cpuBefore = cpuSeconds(pids);
  const busyBefore = machineBusy();
  const interval = 1000 / rate;
  const start = performance.now();
  let maxLag = 0;
  for (let i = 0; i < writes; i++) {
    const due = start + i * interval;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    const now = performance.now();
    maxLag = Math.max(maxLag, now - due);
    sentAt[i] = now;
    pending.push(
      target.write(i).then(
        () => (answeredAt[i] = performance.now()),
        (err) => errors.push(`write ${i}: ${err.message}`),
      ),
    );
  }
  await Promise.all(pending);
  const drainDeadline = performance.now() + drainMs;
  while (deliveries < expected && performance.now() < drainDeadline) await sleep(20);
  // Past the drain, deliveries still arriving are late, not lost: wait while they keep coming (at most
  // `drainMs` more), counting them apart, so "not received" means what never came.
  const onTime = deliveries;
  const lateDeadline = performance.now() + drainMs;
  while (deliveries < expected && performance.now() < lateDeadline && performance.now() - lastReceipt < 2000) await sleep(20);
  const late = deliveries - onTime;
  state.recorder = null;
  const wallS = (performance.now() - start) / 1000;
  const cpu = cpuPercent(cpuBefore, cpuSeconds(pids), wallS);
  const machine = machinePercent(busyBefore, machineBusy());
  // What the machine spent beyond the processes above: the kernel's loopback networking, and anything
  // else running on the machine (a high figure means the phase was disturbed).
  cpu.rest = Math.max(0, machine - Object.values(cpu).reduce((a, b) => a + b, 0));

  // Pair writes with events by what each event says it is.
  const latencies = [];
  const lastPerWrite = [];
  const groups = target.urls ? target.urls.map(() => []) : null;
  const paired = new Uint8Array(writes);
  const trace = process.env.BENCH_TRACE ? [] : null; // see run.js
  let mismatched = 0;
  for (const m of measured.values()) {
    const k = target.writeOf(m.event);
    if (!(k >= 0 && k < writes) || paired[k]) {
      mismatched++;
      continue;
    }
    paired[k] = 1;
    let last = 0;
    for (let j = 0; j < m.times.length; j++) {
      const latency = m.times[j] - sentAt[k];
      latencies.push(latency);
      if (groups) groups[m.sockets[j] % groups.length].push(latency);
      if (latency > last) last = latency;
    }
    lastPerWrite.push(last);
    if (trace) {
      const t = m.times.map((time) => time - sentAt[k]).sort((a, b) => a - b);
      const ms = (v) => v.toFixed(1);
      trace.push([target.name, rate, k, ms(performance.timeOrigin + sentAt[k]), ms(answeredAt[k] - sentAt[k]), ms(t[0]), ms(t[t.length >> 1]), ms(last)].join(','));
    }
  }
  const http = [];
  for (let i = 0; i < writes; i++) if (answeredAt[i]) http.push(answeredAt[i] - sentAt[i]);
  if (trace?.length) fs.appendFileSync(process.env.BENCH_TRACE, trace.join('\n') + '\n');

  return {
    target: target.name,
    rate,
    writes,
    sockets: n,
    drainMs,
    errors,
    mismatched,
    eventsSeen: measured.size,
    receipts: latencies.length,
    expectedReceipts: writes * n,
    deliveries,
    late, // deliveries that came after the drain (`drainMs` after the last write was answered)
    duplicates,
    expectedDeliveries: expected,
    offeredDeliveriesPerSecond: rate * n,
    windowS: (lastReceipt - start) / 1000,
    wallS,
    maxScheduleLagMs: maxLag,
    cpuPercent: cpu, // % of one core, per process, over the phase
    machinePercent: machine, // % of one core, the whole machine
    samples: { latencies, lastPerWrite, http, ...(groups && { groups }) },
  };
}

/** Figures over one or more phases of one target (their samples pooled). */
function summarise(phases) {
  const pool = (key) => phases.flatMap((p) => p.samples[key]).sort((a, b) => a - b);
  const latencies = pool('latencies');
  const lastPerWrite = pool('lastPerWrite');
  const http = pool('http');
  const wall = phases.reduce((a, p) => a + p.wallS, 0);
  const cpu = {};
  for (const p of phases) for (const [k, v] of Object.entries(p.cpuPercent)) cpu[k] = (cpu[k] ?? 0) + (v * p.wallS) / wall;
  const sum = (key) => phases.reduce((a, p) => a + p[key], 0);
  const byGroup = phases[0].samples.groups?.map((_, g) => phases.flatMap((p) => p.samples.groups[g]).sort((a, b) => a - b));
  return {
    target: phases[0].target,
    rate: phases[0].rate,
    phases: phases.length,
    ...(byGroup && { groups: byGroup.map((l) => ({ receipts: l.length, p50: percentile(l, 50), p95: percentile(l, 95), p99: percentile(l, 99) })) }),
    writes: sum('writes'),
    receipts: sum('receipts'),
    expectedReceipts: sum('expectedReceipts'),
    lost: Math.max(0, sum('expectedReceipts') - sum('receipts')),
    late: phases.reduce((a, p) => a + (p.late ?? 0), 0),
    duplicates: sum('duplicates'),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies.length ? latencies[latencies.length - 1] : NaN,
    p99ByPhase: phases.map((p) => percentile([...p.samples.latencies].sort((a, b) => a - b), 99)),
    lastSocketP50: percentile(lastPerWrite, 50),
    lastSocketP99: percentile(lastPerWrite, 99),
    httpP50: percentile(http, 50),
    httpP99: percentile(http, 99),
    deliveriesPerSecond: sum('deliveries') / sum('windowS'),
    offeredDeliveriesPerSecond: phases[0].offeredDeliveriesPerSecond,
    cpuPercent: cpu,
    machinePercent: phases.reduce((a, p) => a + (p.machinePercent * p.wallS) / wall, 0),
    maxScheduleLagMs: Math.max(...phases.map((p) => p.maxScheduleLagMs)),
  };
}

/** One line about a phase (or a summary) for the progress log. */
function describe(r) {
  const cpu = Object.entries(r.cpuPercent)
    .map(([k, v]) => `${k} ${v.toFixed(0)}`)
    .join(' · ');
  const s = r.samples ? summarise([r]) : r;
  return (
    `${r.target} @ ${r.rate}/s × ${r.writes}: p50 ${s.p50.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms, p99 ${s.p99.toFixed(1)} ms, ` +
    `${r.receipts}/${r.expectedReceipts} receipts, ${Math.round(s.deliveriesPerSecond)} deliveries/s; CPU % of a core: ${cpu}` +
    (r.duplicates ? `; ${r.duplicates} duplicate deliveries dropped` : '') +
    (r.late ? `; ${r.late} deliveries came after the ${r.drainMs / 1000}-s drain (late, not lost)` : '') +
    (r.errors?.length ? `; ${r.errors.length} write errors (first: ${r.errors[0]})` : '') +
    (r.mismatched ? `; ${r.mismatched} events did not match their write` : '')
  );
}

module.exports = { openSockets, quiesce, closeSockets, runPhase, summarise, describe, percentile };
