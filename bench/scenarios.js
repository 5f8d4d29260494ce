'use strict';
/**
 * The feedback-intake and moderation-jobs scenarios (bench/run.js runs them after the fan-out), each
 * beside a baseline process started here:
 *
 *   intake    a staircase of offered POST /api/feedback rates (bench/intake.js) against the Commons and
 *             against bench/bare-intake.js (bare Node http + one pg INSERT), the same generator; the
 *             figure is the highest rate whose p99 stays under 100 ms, and POST → moderator socket.
 *             The Commons' `moderation` queue is paused meanwhile (docs/PERFORMANCE.md, "Method"): the
 *             worker's share is measured by the jobs scenario, and its backlog is dropped afterwards.
 *   jobs      a burst of feedback items from 250 addresses with the queue paused; then the queue is
 *             resumed and the time until the queue is empty (polled in Redis every 20 ms; then every
 *             item's `checked_at` is confirmed in Postgres) gives jobs/s for the one worker; beside
 *             bench/bare-bullmq.js (no-op processor, same concurrency, own queue and prefix) draining
 *             its own burst.
 */
const { performance } = require('node:perf_hooks');
const { Client } = require('pg');
const { Queue } = require('bullmq');
const { Redis } = require('ioredis');
const { moderatorSocket, intakeStep, staircase, burst, describeStep } = require('./intake');
const { startChild, startDist } = require('./processes');
const { JsonClient, cpuSeconds, cpuPercent, machineBusy, machinePercent, sleep, waitQuiet } = require('./util');
const { cpuText } = require('./report');

/** A second worker process (dist/apps/api/src/worker.js, the same environment); log in .tmp/bench/worker2.log. */
async function startWorker(env, children) {
  const worker = startDist('start:worker', 'worker2.log', env, children);
  await sleep(3000); // boot: Nest, the database and the BullMQ workers
  if (worker.child.exitCode !== null) throw new Error(`the second worker exited at start (${worker.child.exitCode}); see ${worker.logFile}`);
  return worker;
}

/**
 * The Postgres processes that work for the bench: the backends connected to the bench database and the
 * cluster's background processes (WAL writer, checkpointer…). Other databases' backends on the same
 * server (someone else's tests) are left out, so their CPU shows as "rest" and marks a step disturbed.
 */
async function benchPostgres(env) {
  const db = new Client({ connectionString: env.DATABASE_URL });
  await db.connect();
  let pids = [];
  const refresh = async () => {
    const { rows } = await db.query(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() OR backend_type <> 'client backend'`);
    pids = rows.map((r) => String(r.pid));
  };
  await refresh();
  return { pids: () => pids, refresh, close: () => db.end() };
}

const moderationQueue = (env) => {
  const connection = new Redis(env.REDIS_URL || 'redis://127.0.0.1:6379', { maxRetriesPerRequest: null });
  const queue = new Queue('moderation', { connection, prefix: `${env.REDIS_PREFIX || 'commons'}:bull` });
  return { queue, close: async () => (await queue.close(), connection.disconnect()) };
};

/**
 * Both staircases. `o`: { env, url, origin, pids (the Commons' pid map), settings, log, children }.
 * Returns { commons, baseline } (staircase results), leaving the Commons' moderation queue paused.
 */
async function intakeScenario(o) {
  const { env, settings: s, log } = o;
  const admin = new JsonClient(o.url, { origin: o.origin });
  await admin.expect(200, 'POST', '/api/auth/login', { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD });
  const u = new URL(o.url);
  const pg = await benchPostgres(env);
  const commonsPids = o.pids();
  const commons = { name: 'Commons', url: o.url, host: u.hostname, port: u.port, origin: o.origin, socketHeaders: { cookie: admin.cookie, origin: o.origin }, pids: () => ({ ...commonsPids, postgres: pg.pids() }), refresh: pg.refresh };
  const bare = await startChild('bare-intake.js', o.children);
  const bu = new URL(bare.url);
  const baseline = { name: 'baseline', url: bare.url, host: bu.hostname, port: bu.port, origin: o.origin, socketHeaders: {}, pids: () => ({ server: bare.pid, postgres: pg.pids() }), refresh: pg.refresh };
  log(`feedback intake: bare http + pg baseline at ${bare.url} (pid ${bare.pid}); staircase ${s.from}–${s.to}/s by ${s.step}, ${s.seconds} s each, ${s.connections} connections`);

  const mq = moderationQueue(env);
  await mq.queue.pause();
  const result = {};
  try {
    // The Commons first: it usually stops early, and the baseline gets what is left of both budgets.
    const started = performance.now();
    for (const t of [commons, baseline]) {
      const moderator = await moderatorSocket(t);
      const budgetS = t === commons ? s.budgetS : 2 * s.budgetS - (performance.now() - started) / 1000;
      // Not counted: the first seconds of load open the pool's connections (a Postgres backend each) and
      // warm the JIT; charged to the first step, they failed it on their own (p99 > 100 ms at 250/s).
      const warm = await intakeStep(t, moderator, { rate: s.from, seconds: 2, connections: s.connections });
      log(`${t.name}: warm-up ${describeStep(warm)}; staircase (time budget ${Math.round(budgetS)} s)`);
      result[t.name === 'Commons' ? 'commons' : 'baseline'] = await staircase(t, moderator, { ...s, budgetS, p99Ms: 100, log, waitQuiet });
      moderator.socket.disconnect();
      await sleep(1000);
    }
  } finally {
    bare.child.kill('SIGTERM');
    // The paused queue now holds a moderation job per Commons submission: drop them (the jobs
    // scenario measures the worker on a burst of its own).
    await mq.queue.drain(true).catch((e) => log(`could not empty the moderation queue: ${e.message}`));
    await mq.close();
    await pg.close();
    admin.close();
  }
  return result;
}

/** The jobs scenario. `o`: { env, url, origin, pids, n, nBaseline, maxRest, twoWorkers, log, children }. */
async function jobsScenario(o) {
  const { env, log } = o;
  const u = new URL(o.url);
  const target = { name: 'Commons', host: u.hostname, port: u.port, origin: o.origin };
  const db = new Client({ connectionString: env.DATABASE_URL });
  await db.connect();
  const mq = moderationQueue(env);
  const out = {};
  try {
    // The Commons: a burst with the queue paused, then the worker drains it; then the same with a
    // second worker process (M = 2), to see how the rate grows with workers.
    const drain = async (label, round, extraPids = {}) => {
      await mq.queue.pause();
      await mq.queue.drain(true);
      const sent = performance.now();
      const { ids, errors } = await burst(target, o.n, 32, round);
      log(`jobs: ${ids.length} feedback items posted in ${((performance.now() - sent) / 1000).toFixed(1)} s${errors.length ? ` (${errors.length} failed: ${errors[0]})` : ''}; waiting for their jobs`);
      if (!ids.length) throw new Error(`the burst of feedback failed (${errors[0]})`);
      const deadline = performance.now() + 30_000;
      let waiting = 0;
      while (performance.now() < deadline) {
        const c = await mq.queue.getJobCounts('wait', 'paused', 'prioritized');
        waiting = c.wait + c.paused + c.prioritized;
        if (waiting >= ids.length) break;
        await sleep(100);
      }
      const [lo, hi] = [Math.min(...ids), Math.max(...ids)];
      const checked = async () =>
        (await db.query(`SELECT count(*)::int AS n FROM moderation_items WHERE subject_type = 'feedback' AND subject_id BETWEEN $1 AND $2 AND checked_at IS NOT NULL`, [lo, hi])).rows[0].n;
      await waitQuiet(o.maxRest, 10_000);
      const pg = await benchPostgres(env);
      const pids = { ...o.pids(), ...extraPids, postgres: pg.pids() };
      const cpuBefore = cpuSeconds(pids);
      const busyBefore = machineBusy();
      const t0 = performance.now();
      await mq.queue.resume();
      // Polled in Redis (the queue's counts), not Postgres: a count over thousands of items every 50 ms
      // cost Postgres ≈ 6 % of a core, charged to the Commons. A job completes only after its check has
      // committed, so an empty queue means every item is checked (one being retried waits, delayed, beside
      // the daily purge job's next run: Postgres is polled again until it is checked).
      let n = 0;
      const stopAt = t0 + 60_000;
      const pending = async () => Object.values(await mq.queue.getJobCounts('wait', 'active', 'paused', 'prioritized')).reduce((a, b) => a + b, 0);
      while ((await pending()) > 0 && performance.now() < stopAt) await sleep(20);
      while ((n = await checked()) < ids.length && performance.now() < stopAt) await sleep(50);
      const wallS = (performance.now() - t0) / 1000;
      // The workers' pools open most of their connections during the drain: those backends started
      // at 0 s of CPU (counting only the ones seen before put Postgres's work under "rest").
      await pg.refresh();
      await pg.close();
      for (const p of pg.pids()) if (!pids.postgres.includes(p)) (pids.postgres.push(p), (cpuBefore.postgres[p] = 0));
      const cpu = cpuPercent(cpuBefore, cpuSeconds(pids), wallS);
      const machine = machinePercent(busyBefore, machineBusy());
      cpu.rest = Math.max(0, machine - Object.values(cpu).reduce((a, b) => a + b, 0));
      const outcomes = (await db.query(`SELECT outcome, count(*)::int AS n FROM moderation_items WHERE subject_type = 'feedback' AND subject_id BETWEEN $1 AND $2 GROUP BY 1`, [lo, hi])).rows;
      const r = { jobs: n, queued: waiting, wallS, perSecond: n / wallS, cpuPercent: cpu, machinePercent: machine, disturbed: cpu.rest > o.maxRest, outcomes, pids };
      log(`jobs: ${label} checked ${n}/${ids.length} in ${wallS.toFixed(2)} s = ${Math.round(n / wallS)}/s; CPU % of a core: ${Object.entries(cpu).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(' · ')}`);
      return r;
    };
    out.commons = await drain('Commons, 1 worker', 0);
    const pids = out.commons.pids;
    delete out.commons.pids;
    if (o.twoWorkers) {
      const second = await startWorker(env, o.children);
      try {
        out.twoWorkers = await drain('Commons, 2 workers', 1, { worker2: second.pid });
        delete out.twoWorkers.pids;
      } finally {
        await second.stop();
      }
    }

    // The baseline: an empty processor on its own queue.
    const bare = await startChild('bare-bullmq.js', o.children, { ipc: true });
    const ask = (msg, key) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`bare-bullmq: no answer to ${msg.cmd} within 60 s`)), 60_000);
        const on = (m) => {
          if (m.error) return (clearTimeout(timer), bare.child.off('message', on), reject(new Error(`bare-bullmq: ${m.error}`)));
          if (key in m) (clearTimeout(timer), bare.child.off('message', on), resolve(m));
        };
        bare.child.on('message', on);
        bare.child.send(msg);
      });
    try {
      await ask({ cmd: 'fill', n: o.nBaseline }, 'filled');
      await waitQuiet(o.maxRest, 10_000);
      const bpids = { server: bare.pid, redis: pids.redis };
      const before = cpuSeconds(bpids);
      const busy0 = machineBusy();
      const b0 = performance.now();
      const done = await ask({ cmd: 'go', n: o.nBaseline }, 'done');
      const bWall = (performance.now() - b0) / 1000;
      const bcpu = cpuPercent(before, cpuSeconds(bpids), bWall);
      const bmachine = machinePercent(busy0, machineBusy());
      bcpu.rest = Math.max(0, bmachine - Object.values(bcpu).reduce((a, b) => a + b, 0));
      out.baseline = { jobs: done.done, wallS: done.ms / 1000, perSecond: done.done / (done.ms / 1000), cpuPercent: bcpu, machinePercent: bmachine, disturbed: bcpu.rest > o.maxRest };
      log(`jobs: baseline no-op processor drained ${done.done} in ${(done.ms / 1000).toFixed(2)} s = ${Math.round(out.baseline.perSecond)}/s; CPU % of a core: ${Object.entries(bcpu).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(' · ')}`);
    } finally {
      bare.child.kill('SIGTERM');
    }
  } finally {
    await mq.queue.resume().catch(() => undefined);
    await mq.close();
    await db.end();
  }
  return out;
}

/** Rows of results.json for the intake scenario; `row` is run.js's row(). */
function intakeRows(r, s, row) {
  const rows = [];
  const c = r.commons;
  const b = r.baseline;
  // The steps that decide the figure: the highest passed and the first failed, of either target.
  const disturbed = [c.best, c.failed, b.best, b.failed].some((x) => x && x.disturbed);
  const scenario = `feedback intake, POST /api/feedback, ${s.from}–${s.to}/s by ${s.step}, ${s.seconds} s steps, ${s.connections} connections${disturbed ? ', DISTURBED' : ''}`;
  const cBest = c.best ? c.best.rate : 0;
  const bBest = b.best ? b.best.rate : 0;
  const capped = (x) => (x.best && x.best.rate + s.step > s.to ? ' (the top of the staircase)' : ', then the time budget ran out');
  rows.push({
    ...row(scenario, 'sustained submissions/s with p99 < 100 ms (highest step passed)', cBest, '1/s', bBest, '≥ 1,500/s', cBest >= 1500),
    text: { commons: c.failed ? `failed at ${c.failed.rate}/s: p99 ${c.failed.p99.toFixed(0)} ms, ${Math.round(c.failed.achievedPerSecond)}/s answered${c.failed.errors ? `, ${c.failed.errors} errors` : ''}` : `passed every step${capped(c)}`, baseline: b.failed ? `failed at ${b.failed.rate}/s: p99 ${b.failed.p99.toFixed(0)} ms` : `passed every step${capped(b)}` },
  });
  // Latency and CPU at the first step (both ran it) and at the highest rate both sustained.
  const common = Math.min(cBest, bBest);
  for (const rate of [...new Set([s.from, common])].filter((x) => x > 0)) {
    const [cs, bs] = [c, b].map((x) => x.steps.find((st) => st.rate === rate));
    if (!cs || !bs) continue;
    const why = rate === common ? 'the highest rate both sustained' : cs.passed ? 'the first step' : 'the first step, which the Commons did not sustain';
    const sc = `feedback intake at ${rate}/s (${why})${cs.disturbed || bs.disturbed ? ', DISTURBED' : ''}`;
    rows.push(row(sc, 'POST answered p50', cs.p50, 'ms', bs.p50));
    rows.push(row(sc, 'POST answered p99', cs.p99, 'ms', bs.p99, '< 100 ms', cs.p99 < 100));
    rows.push(row(sc, 'POST → moderation.item.created on a moderator’s socket, p50', cs.toSocketP50, 'ms', bs.toSocketP50));
    rows.push(row(sc, 'POST → moderation.item.created on a moderator’s socket, p99', cs.toSocketP99, 'ms', bs.toSocketP99));
    rows.push(row(sc, 'items that never reached the moderator’s socket', cs.toSocketMissing, 'items', null, '0', cs.toSocketMissing === 0));
    rows.push({ ...row(sc, 'CPU, % of one core (machine: 200)', cs.machinePercent, '% core', bs.machinePercent), text: { commons: cpuText(cs.cpuPercent), baseline: cpuText(bs.cpuPercent) } });
  }
  if (c.best && c.best.rate > common) {
    const sc = `feedback intake at ${c.best.rate}/s (the Commons' highest)`;
    rows.push(row(sc, 'POST answered p99', c.best.p99, 'ms', null));
    rows.push(row(sc, 'POST → moderation.item.created on a moderator’s socket, p99', c.best.toSocketP99, 'ms', null));
  }
  return rows;
}

function jobsRows(j, n, nBaseline, row) {
  const c = j.commons;
  const b = j.baseline;
  const scenario = `moderation jobs, 1 worker (checks in batches): burst of ${n} feedback items (baseline: ${nBaseline} no-op jobs)${c.disturbed || b?.disturbed ? ', DISTURBED' : ''}`;
  const rows = [
    row(scenario, 'jobs/s drained (moderation/check; baseline: empty processor)', c.perSecond, '1/s', b ? b.perSecond : null, '≥ 2,000/s', c.perSecond >= 2000),
    { ...row(scenario, 'CPU, % of one core (machine: 200)', c.machinePercent, '% core', b ? b.machinePercent : null), text: { commons: cpuText(c.cpuPercent), baseline: b ? cpuText(b.cpuPercent) : '' } },
  ];
  const t = j.twoWorkers;
  if (t) {
    const sc = `moderation jobs, 2 worker processes: burst of ${n} feedback items (baseline column: 1 worker)${t.disturbed ? ', DISTURBED' : ''}`;
    rows.push(row(sc, 'jobs/s drained, both workers together', t.perSecond, '1/s', c.perSecond));
    rows.push({ ...row(sc, 'CPU, % of one core (machine: 200)', t.machinePercent, '% core', c.machinePercent), text: { commons: cpuText(t.cpuPercent), baseline: cpuText(c.cpuPercent) } });
  }
  return rows;
}

module.exports = { intakeScenario, jobsScenario, intakeRows, jobsRows, benchPostgres };
