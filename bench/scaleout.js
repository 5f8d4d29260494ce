'use strict';
/**
 * Scale-out: the fan-out scenario with its sockets split over two API instances (socket i on instance
 * i mod 2), both on the same Postgres and Redis, as behind a load balancer. Writes go through instance
 * 1; its relay publishes each event once on the Redis event channel, and both instances deliver it to
 * their own sockets. Latencies are kept per instance: on instance 1 (where the write was made) and on
 * instance 2 (cross-instance), beside the single-instance figures of the same run.
 *
 * The second API process is started here (dist/apps/api/src/main.js, the same environment as the first
 * but its own port; its log goes to .tmp/bench/api2.log) and stopped at the end.
 */
const { openSockets, quiesce, closeSockets, runPhase, summarise, describe } = require('./fanout');
const { startDist, freePort } = require('./processes');
const { sleep, waitQuiet } = require('./util');

/** A second API process on its own port; resolves once /api/health answers. */
async function startSecondApi(env, children, log) {
  const port = await freePort();
  const api = startDist('start:api', 'api2.log', { ...env, PORT: String(port) }, children);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (api.child.exitCode !== null) throw new Error(`the second API exited at start (${api.child.exitCode}); see ${api.logFile}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      /* not yet */
    }
    if (Date.now() > deadline) throw new Error(`the second API did not answer /api/health within 60 s; see ${api.logFile}`);
    await sleep(300);
  }
  log(`scale-out: second API instance at ${url} (pid ${api.pid})`);
  return { url, pid: api.pid, stop: api.stop };
}

/**
 * `o`: { env, url, origin, makeTarget(url, origin) (run.js's commonsTarget), sockets, phase, warmup,
 * rounds, maxRest, log, children }. Returns the pooled summary (with per-instance groups) and the rounds.
 */
async function scaleOutScenario(o) {
  const { log } = o;
  const second = await startSecondApi(o.env, o.children, log);
  const target = await o.makeTarget(o.url, o.origin);
  const pids = target.pids;
  Object.assign(target, { name: 'Commons, 2 instances', urls: [o.url, second.url], pids: () => ({ ...pids(), api2: second.pid }) });
  let state;
  try {
    state = await openSockets(target, o.sockets, { log });
    if (!(await quiesce(state, 1000, 60_000))) log('scale-out: still receiving subscription chatter after 60 s; going on');
    log(`scale-out: ${state.presence} presence messages reached the sockets while they subscribed`);
    log(`scale-out (warm-up) ${describe(await runPhase(state, o.warmup))}`);
    await quiesce(state, 500, 30_000);
    // Disturbed rounds (other work took the CPU) are set aside and repeated, a bounded number of times.
    const clean = [];
    const busyRounds = [];
    for (let attempt = 0; clean.length < o.rounds && attempt < o.rounds + 2; attempt++) {
      await waitQuiet(o.maxRest, 15_000);
      const phase = await runPhase(state, o.phase);
      await quiesce(state, 500, 30_000);
      const busy = phase.cpuPercent.rest > o.maxRest;
      (busy ? busyRounds : clean).push(phase);
      log(`scale-out round ${attempt + 1}${busy ? ` (disturbed: ${Math.round(phase.cpuPercent.rest)} % of a core went elsewhere; set aside)` : ''}: ${describe(phase)}`);
    }
    const phases = clean.length ? clean : busyRounds;
    const disturbed = clean.length ? 0 : busyRounds.length;
    const summary = summarise(phases);
    return { setupMs: state.setupMs, presence: state.presence, failures: state.failures, summary, disturbed, errors: phases.flatMap((p) => p.errors) };
  } finally {
    if (state) await closeSockets(state);
    target.close();
    await second.stop();
  }
}

/** `single`: the single-instance latency summary of the same run (the baseline column). */
function scaleOutRows(r, single, settings, row) {
  const s = r.summary;
  const [near, far] = s.groups;
  const scenario = `scale-out: ${settings.sockets} sockets over 2 API instances, ${settings.rate} writes/s through instance 1 (${s.phases} rounds of ${settings.seconds} s${r.disturbed ? ', DISTURBED' : ''}; baseline column: the same on 1 instance)`;
  return [
    row(scenario, 'connect + subscribe every socket', r.setupMs / 1000, 's', single.setupMs / 1000),
    row(scenario, 'post → receive p50, sockets on instance 1 (same instance)', near.p50, 'ms', single.latency.p50),
    row(scenario, 'post → receive p99, sockets on instance 1 (same instance)', near.p99, 'ms', single.latency.p99),
    row(scenario, 'post → receive p50, sockets on instance 2 (cross-instance)', far.p50, 'ms', single.latency.p50),
    row(scenario, 'post → receive p99, sockets on instance 2 (cross-instance)', far.p99, 'ms', single.latency.p99),
    row(scenario, 'post → receive p99, all sockets', s.p99, 'ms', single.latency.p99),
    row(scenario, 'events not received', s.lost, 'receipts', null, '0', s.lost === 0),
    {
      ...row(scenario, 'CPU, % of one core (machine: 200)', s.machinePercent, '% core', single.latency.machinePercent),
      text: { commons: Object.entries(s.cpuPercent).map(([k, v]) => `${k} ${Math.round(v)}`).join(' · '), baseline: Object.entries(single.latency.cpuPercent).map(([k, v]) => `${k} ${Math.round(v)}`).join(' · ') },
    },
  ];
}

module.exports = { scaleOutScenario, scaleOutRows };
