'use strict';
/**
 * `npm run bench` runs this (through scripts/bench.sh, which starts the API and the worker first).
 * Every scenario, against the running Commons and, for comparison, against a bare socket.io server it
 * starts itself; writes bench/results.json and prints a Markdown table on stdout (progress on stderr).
 *
 * Environment: every setting, with its default, is in bench/README.md.
 *
 * The machine may be shared (other work, other tests): each latency round measures the CPU the
 * processes under test used and the machine's total; a round where something else took more than
 * BENCH_MAX_REST is set aside and run again (a bounded number of times). Only clean rounds count,
 * unless there are none, in which case all count and the output says so.
 *
 * Exit code: 0 when the bench ran (whether or not targets were met), 1 when it could not measure.
 */
const fs = require('node:fs');
const path = require('node:path');
const { openSockets, quiesce, closeSockets, runPhase, summarise, describe } = require('./fanout');
const { JsonClient, pidsNamed, waitQuiet } = require('./util');
const { intakeScenario, jobsScenario, intakeRows, jobsRows, benchPostgres } = require('./scenarios');
const { startChild } = require('./processes');
const { scaleOutScenario, scaleOutRows } = require('./scaleout');
const { connectionsScenario, connectionsRows } = require('./connections');
const { readsScenario, readsRows } = require('./reads');
const { searchScenario, searchRows } = require('./search');
const { notificationsScenario, notificationsRows } = require('./notifications');
const { floodScenario, floodRows } = require('./flood');
const { messageCost } = require('./message-cost');
const { fmt, row, rowsFor, table } = require('./report');

const env = process.env;
const num = (name, fallback) => (env[name] === undefined || env[name] === '' ? fallback : Number(env[name]));
const SOCKETS = num('BENCH_SOCKETS', 1000);
const RATE = num('BENCH_RATE', 25);
const FAST_RATE = num('BENCH_FAST_RATE', 100);
const POSTERS = num('BENCH_POSTERS', 4);
const SECONDS = num('BENCH_SECONDS', 5);
const ROUNDS = num('BENCH_ROUNDS', 3);
const WARMUP_SECONDS = num('BENCH_WARMUP_SECONDS', 10);
const FAST_SECONDS = num('BENCH_FAST_SECONDS', 5);
const MAX_REST = num('BENCH_MAX_REST', 15);
const TIMEOUT_S = num('BENCH_TIMEOUT_S', 660);
// The fan-out scenario's share of the time: its repeated rounds stop once it has spent this much.
const FANOUT_BUDGET_S = Math.min(150, TIMEOUT_S * 0.5);
const INTAKE = num('BENCH_INTAKE', 1) !== 0;
const INTAKE_FROM = num('BENCH_INTAKE_FROM', 250);
const INTAKE_STEP = num('BENCH_INTAKE_STEP', 250);
const INTAKE_TO = num('BENCH_INTAKE_TO', 3000);
const INTAKE_SECONDS = num('BENCH_INTAKE_SECONDS', 5);
const INTAKE_CONNECTIONS = num('BENCH_INTAKE_CONNECTIONS', 64);
const INTAKE_MAX_REST = num('BENCH_INTAKE_MAX_REST', 40);
const JOBS = num('BENCH_JOBS', 3000);
const JOBS_BASELINE = num('BENCH_JOBS_BASELINE', 20000);
const JOBS_TWO_WORKERS = num('BENCH_JOBS_TWO_WORKERS', 1) !== 0;
const SCALEOUT = num('BENCH_SCALEOUT', 1) !== 0;
const SCALE_ROUNDS = num('BENCH_SCALE_ROUNDS', 2);
const CONNECTIONS = num('BENCH_CONNECTIONS', 10000);
const CONN_CONCURRENCY = num('BENCH_CONN_CONCURRENCY', 25);
const CONN_IDLE_S = num('BENCH_CONN_IDLE_S', 10);
const READS = num('BENCH_READS', 1) !== 0;
const READS_SECONDS = num('BENCH_READS_SECONDS', 6);
const READS_CONNECTIONS = num('BENCH_READS_CONNECTIONS', 32);
const SEARCH = num('BENCH_SEARCH', 1) !== 0;
const NOTIFY = num('BENCH_NOTIFY', 1) !== 0;
const FLOOD = num('BENCH_FLOOD', 1) !== 0;
const FLOOD_SUBSCRIBES = num('BENCH_FLOOD_SUBSCRIBES', 10_000);
// What the scenarios after the intake staircases need at most (s), so the staircases leave it to them.
const LATER_S = (CONNECTIONS > 0 ? 90 : 0) + (READS ? 70 : 0) + (SEARCH ? 45 : 0) + (NOTIFY ? 45 : 0);
const RESULTS = env.BENCH_RESULTS || path.join(__dirname, 'results.json');
const MACHINE = { cpus: require('node:os').cpus().length, memGiB: Math.round(require('node:os').totalmem() / 2 ** 30), node: process.version, socketIo: require('socket.io/package.json').version };

const log = (m) => process.stderr.write(`[bench] ${m}\n`);
const children = [];

const hardStop = setTimeout(() => {
  log(`ERROR: the bench did not finish within ${TIMEOUT_S} s: stopping`);
  children.forEach((c) => c.kill('SIGKILL'));
  process.exit(1);
}, TIMEOUT_S * 1000);
hardStop.unref();

const latencyPhase = { rate: RATE, writes: Math.round(RATE * SECONDS) };
const fastPhase = FAST_RATE > 0 ? { rate: FAST_RATE, writes: Math.round(FAST_RATE * FAST_SECONDS), drainMs: 20_000 } : null;
const warmup = { rate: RATE, writes: Math.max(10, Math.round(RATE * WARMUP_SECONDS)) };

/**
 * The texts of one target's messages: write i of each phase gets a text no earlier phase sent (the
 * repeat check would hold a text sent twice), with no digits that look like an identifier. The text
 * says which write of the phase it is: writes go out over several connections at once, so events are
 * paired with their writes by text, not by order.
 */
function messageTexts() {
  let phase = 0;
  const body = (i) => `Bench message ${phase}.${i}: does the returns tool cover the new care leaver fields yet?`;
  return {
    // Each phase writes i = 0, 1, …: write 0 starts the next phase's texts.
    next(i) {
      if (i === 0) phase++;
      return body(i);
    },
    /** Which write of the current phase made event `e` (-1: none of them). */
    writeOf(e) {
      const m = /^Bench message (\d+)\.(\d+):/.exec(e.payload?.body ?? '');
      return m && Number(m[1]) === phase ? Number(m[2]) : -1;
    },
  };
}

/** Write i goes out on connection i mod n: a busy thread's messages come from several members at once. */
const byTurns = (clients) => (i) => clients[i % clients.length];

/**
 * The Commons, as the issue sets it: 1,000 sockets in one thread, messages posted over HTTP. One member
 * (the poster) starts a general thread and posts to it; another (the reader) has the sockets open on
 * `thread:<id>`, each authenticated with the reader's session, as a browser tab is. A visible message is
 * one event on the thread (its moderation check and notification fan-out write elsewhere).
 */
async function commonsTarget(url, origin) {
  const stamp = `${Date.now()}.${process.pid}`;
  const register = async (who, displayName) => {
    const client = new JsonClient(url, { origin });
    const me = await client.expect(201, 'POST', '/api/auth/register', { email: `bench.${who}.${stamp}@example.org`, password: 'a sensible bench passphrase', displayName });
    return { client, id: me.user.id };
  };
  const posters = [];
  for (let n = 0; n < POSTERS; n++) posters.push(await register(`poster${n}`, 'Bench Poster'));
  const poster = byTurns(posters.map((p) => p.client));
  const reader = await register('reader', 'Bench Reader');
  const { thread } = await posters[0].client.expect(201, 'POST', '/api/threads', { subjectType: 'general', title: `Bench thread ${stamp}`, body: 'Where the bench posts its messages.' });
  const texts = messageTexts();
  return {
    name: 'Commons',
    url,
    headers: { cookie: reader.client.cookie, origin },
    topic: `thread:${thread.id}`,
    write: (i) => poster(i).expect(201, 'POST', `/api/threads/${thread.id}/messages`, { body: texts.next(i) }),
    isMeasured: (e) => e.type === 'message.created',
    writeOf: texts.writeOf,
    // What a message event carries, for the baseline to send the same bytes.
    message: (i, body) => ({ id: i + 1, threadId: thread.id, seq: i + 2, author: { id: posters[0].id, displayName: 'Bench Poster' }, parentId: null, body, mentions: [], state: 'visible', createdAt: new Date().toISOString(), editedAt: null, reactions: [] }),
    pids: () => ({
      api: env.BENCH_API_PID && Number(env.BENCH_API_PID),
      worker: env.BENCH_WORKER_PID && Number(env.BENCH_WORKER_PID),
      postgres: pidsNamed('postgres'),
      redis: pidsNamed('redis-server'),
    }),
    cookie: reader.client.cookie,
    close: () => [...posters, reader].forEach((p) => p.client.close()),
  };
}

/** The baseline: the same sockets, the same envelopes, a bare socket.io server and a bare HTTP route. */
function bareTarget(bare, commons, origin) {
  const clients = Array.from({ length: POSTERS }, () => new JsonClient(bare.url));
  const client = byTurns(clients);
  const topic = 'thread:1';
  const texts = messageTexts();
  return {
    name: 'baseline',
    url: bare.url,
    headers: { cookie: commons.cookie, origin },
    topic,
    write: (i) => client(i).expect(200, 'POST', '/emit', { topic, type: 'message.created', payload: commons.message(i, texts.next(i)) }),
    isMeasured: (e) => e.type === 'message.created',
    writeOf: texts.writeOf,
    pids: () => ({ server: bare.pid }),
    close: () => clients.forEach((c) => c.close()),
  };
}

const strip = (phase) => {
  const { samples, ...rest } = phase;
  return rest;
};

/** The search phase (bench/search.js) with its own Postgres pid list; a failure lands in `problems`. */
async function runSearch(problems) {
  const pg = await benchPostgres(env);
  try {
    const pids = () => ({ api: env.BENCH_API_PID && Number(env.BENCH_API_PID), postgres: pg.pids() });
    return await searchScenario({ env, url: env.COMMONS_URL, origin: env.PUBLIC_ORIGIN || new URL(env.COMMONS_URL).origin, pids, settings: { connections: READS_CONNECTIONS, seconds: READS_SECONDS, maxRest: INTAKE_MAX_REST, refresh: pg.refresh }, log, children, startChild });
  } catch (err) {
    if (env.BENCH_ONLY === 'search') throw err;
    problems.push(`search: ${err.stack || err.message}`);
    return null;
  } finally {
    await pg.close();
  }
}

async function main() {
  const url = env.COMMONS_URL;
  if (!url || !env.ADMIN_EMAIL || !env.ADMIN_PASSWORD) throw new Error('COMMONS_URL, ADMIN_EMAIL and ADMIN_PASSWORD are required (scripts/bench.sh sets them)');
  const origin = env.PUBLIC_ORIGIN || new URL(url).origin;
  const started = Date.now();
  const elapsedS = () => (Date.now() - started) / 1000;

  if (env.BENCH_ONLY === 'jobs') {
    // Only the moderation-jobs burst (no sockets, fan-out or staircase): for profiling the worker.
    const commons = await commonsTarget(url, origin);
    const jobs = await jobsScenario({ env, url, origin, pids: commons.pids, n: JOBS, nBaseline: JOBS_BASELINE, maxRest: INTAKE_MAX_REST, twoWorkers: JOBS_TWO_WORKERS, log, children });
    console.log(JSON.stringify(jobs, null, 1));
    return;
  }
  if (env.BENCH_ONLY === 'message') {
    const commons = await commonsTarget(url, origin);
    console.log(JSON.stringify(await messageCost(commons, { rate: RATE, seconds: SECONDS, log }), null, 1));
    return;
  }
  if (env.BENCH_ONLY === 'search') {
    // Only the search box beside the reads baseline.
    console.log(JSON.stringify(await runSearch([]), null, 1));
    return;
  }
  if (env.BENCH_ONLY === 'flood') {
    console.log(JSON.stringify(await floodScenario({ url, apiPid: env.BENCH_API_PID && Number(env.BENCH_API_PID), count: FLOOD_SUBSCRIBES, maxRest: INTAKE_MAX_REST, log, children }), null, 1));
    return;
  }
  if (env.BENCH_ONLY === 'intake') {
    // Only the feedback-intake staircases (Commons and baseline): for profiling the API.
    const commons = await commonsTarget(url, origin);
    const settings = { from: INTAKE_FROM, step: INTAKE_STEP, to: INTAKE_TO, seconds: INTAKE_SECONDS, connections: INTAKE_CONNECTIONS, maxRest: INTAKE_MAX_REST, budgetS: 75 };
    const intake = await intakeScenario({ env, url, origin, pids: commons.pids, settings, log, children });
    console.log(JSON.stringify(intakeRows(intake, settings, row), null, 1));
    return;
  }
  const bare = await startChild('bare-socketio.js', children);
  log(`bare socket.io server at ${bare.url} (pid ${bare.pid})`);
  const commons = await commonsTarget(url, origin);
  const baseline = bareTarget(bare, commons, origin);
  log(`Commons at ${url}; topic ${commons.topic}; ${SOCKETS} sockets each; latency ${ROUNDS} × ${latencyPhase.writes} writes at ${RATE}/s` + (fastPhase ? `; throughput ${fastPhase.writes} writes at ${FAST_RATE}/s` : ''));

  // Both sets of sockets stay open throughout, so rounds can alternate between the two servers.
  const b = await openSockets(baseline, SOCKETS, { log });
  const c = await openSockets(commons, SOCKETS, { log });
  await quiesce(b, 1000, 60_000);
  if (!(await quiesce(c, 1000, 60_000))) log('Commons: still receiving subscription chatter after 60 s; going on');
  log(`Commons: ${c.presence} presence messages reached the sockets while they subscribed`);

  for (const s of [b, c]) {
    log(`(warm-up) ${describe(await runPhase(s, warmup))}`);
    await quiesce(s, 500, 30_000);
  }

  // Latency rounds, alternating which server goes first; a disturbed round is set aside and repeated.
  const clean = [];
  const disturbed = [];
  const budgetS = FANOUT_BUDGET_S;
  for (let attempt = 0; clean.length < ROUNDS && attempt < ROUNDS + 4 && (attempt < ROUNDS || elapsedS() < budgetS); attempt++) {
    const busy = await waitQuiet(MAX_REST, 20_000);
    if (busy >= MAX_REST) log(`the machine is busy with other work (${Math.round(busy)} % of a core); measuring anyway`);
    const order = attempt % 2 === 0 ? [b, c] : [c, b];
    const pair = {};
    for (const s of order) {
      pair[s.target.name] = await runPhase(s, latencyPhase);
      await quiesce(s, 500, 30_000);
    }
    const rest = Math.max(pair.baseline.cpuPercent.rest, pair.Commons.cpuPercent.rest);
    const ok = rest <= MAX_REST;
    (ok ? clean : disturbed).push(pair);
    log(`round ${attempt + 1} (${ok ? 'clean' : `disturbed: ${Math.round(rest)} % of a core went elsewhere; set aside`})`);
    for (const s of order) log(`  ${describe(pair[s.target.name])}`);
  }
  const used = clean.length ? clean : disturbed;
  const conditions = { clean: clean.length > 0, used: used.length, cleanRounds: clean.length, disturbedRounds: disturbed.length, maxRestPercent: MAX_REST };
  if (!clean.length) log(`WARNING: no latency round ran undisturbed (other processes used > ${MAX_REST} % of a core): the figures below are not clean`);

  const result = (s, name) => ({ setupMs: s.setupMs, presence: s.presence, latency: summarise(used.map((p) => p[name])) });
  const cr = result(c, 'Commons');
  const br = result(b, 'baseline');

  if (fastPhase) {
    for (const [s, r] of [[b, br], [c, cr]]) {
      // Once more if something else took the CPU, while the time budget allows.
      for (let attempt = 0; attempt < 2; attempt++) {
        await waitQuiet(MAX_REST, 10_000);
        const phase = await runPhase(s, fastPhase);
        await quiesce(s, 500, 30_000);
        const disturbedBy = phase.cpuPercent.rest > MAX_REST ? Math.round(phase.cpuPercent.rest) : 0;
        log(`(throughput${disturbedBy ? `, disturbed: ${disturbedBy} % of a core went elsewhere` : ''}) ${describe(phase)}`);
        r.fast = summarise([phase]);
        r.fastPhase = strip(phase);
        r.fastDisturbed = disturbedBy > 0;
        if (!disturbedBy || elapsedS() > FANOUT_BUDGET_S * 1.2) break;
      }
    }
  }

  // The baseline's sockets first: the Commons' leaving sets off presence broadcasts.
  await closeSockets(b);
  bare.child.kill('SIGTERM');
  await closeSockets(c);
  commons.close();
  baseline.close();

  const problems = [];
  for (const s of [b, c]) if (s.failures.length) problems.push(`${s.target.name}: ${s.failures.length} sockets dropped (first: ${s.failures[0]})`);
  for (const p of [...clean, ...disturbed].flatMap((pair) => Object.values(pair)).concat([cr.fastPhase, br.fastPhase].filter(Boolean))) {
    if (p.errors.length) problems.push(`${p.target} @ ${p.rate}/s: ${p.errors.length} writes failed (first: ${p.errors[0]})`);
    if (p.mismatched) problems.push(`${p.target} @ ${p.rate}/s: ${p.mismatched} events did not match their write (pairing broken)`);
    if (p.eventsSeen < p.writes && p.rate === RATE) problems.push(`${p.target} @ ${p.rate}/s: only ${p.eventsSeen} of ${p.writes} events reached any socket`);
  }

  const rows = rowsFor(cr, br, conditions, { SOCKETS, RATE, SECONDS, FAST_RATE, FAST_SECONDS });
  const notes = [];
  const remaining = () => TIMEOUT_S - elapsedS();

  // Scale-out: the same fan-out with its sockets split over two API instances.
  let scaleOut = null;
  if (SCALEOUT && remaining() < 150 + LATER_S) notes.push(`scale-out skipped: only ${Math.round(remaining())} s were left of BENCH_TIMEOUT_S (${TIMEOUT_S})`);
  else if (SCALEOUT) {
    try {
      scaleOut = await scaleOutScenario({ env, url, origin, makeTarget: commonsTarget, sockets: SOCKETS, phase: latencyPhase, warmup, rounds: SCALE_ROUNDS, maxRest: MAX_REST, log, children });
      rows.push(...scaleOutRows(scaleOut, cr, { sockets: SOCKETS, rate: RATE, seconds: SECONDS }, row));
      if (scaleOut.failures.length) problems.push(`scale-out: ${scaleOut.failures.length} sockets dropped (first: ${scaleOut.failures[0]})`);
      if (scaleOut.errors.length) problems.push(`scale-out: ${scaleOut.errors.length} writes failed (first: ${scaleOut.errors[0]})`);
    } catch (err) {
      problems.push(`scale-out: ${err.stack || err.message}`);
    }
  }

  // Feedback intake, then moderation jobs: each beside its own baseline process.
  let intake = null;
  let jobs = null;
  // Each staircase gets at most 75 s, less if the fan-out (repeating disturbed rounds) took long: the
  // jobs scenario needs about a minute at worst, the later scenarios LATER_S, and the hard stop must
  // not be reached.
  if (INTAKE) {
    const intakeSettings = { from: INTAKE_FROM, step: INTAKE_STEP, to: INTAKE_TO, seconds: INTAKE_SECONDS, connections: INTAKE_CONNECTIONS, maxRest: INTAKE_MAX_REST, budgetS: Math.min(75, (remaining() - 120 - LATER_S) / 2 - 20) };
    if (intakeSettings.budgetS < 15) notes.push(`feedback intake skipped: only ${Math.round(remaining())} s were left of BENCH_TIMEOUT_S (${TIMEOUT_S})`);
    else
      try {
        intake = await intakeScenario({ env, url, origin, pids: commons.pids, settings: intakeSettings, log, children });
        rows.push(...intakeRows(intake, intakeSettings, row));
      } catch (err) {
        problems.push(`feedback intake: ${err.stack || err.message}`);
      }
  }
  if (INTAKE && remaining() < 75 + LATER_S / 2) notes.push(`moderation jobs skipped: only ${Math.round(remaining())} s were left of BENCH_TIMEOUT_S (${TIMEOUT_S})`);
  else if (INTAKE) {
    try {
      jobs = await jobsScenario({ env, url, origin, pids: commons.pids, n: JOBS, nBaseline: JOBS_BASELINE, maxRest: INTAKE_MAX_REST, twoWorkers: JOBS_TWO_WORKERS, log, children });
      rows.push(...jobsRows(jobs, JOBS, JOBS_BASELINE, row));
    } catch (err) {
      problems.push(`moderation jobs: ${err.stack || err.message}`);
    }
  }

  // Connections: 10,000 idle authenticated sockets on the one API instance, beside bare socket.io.
  let connections = null;
  if (CONNECTIONS > 0 && remaining() < 90) notes.push(`connections skipped: only ${Math.round(remaining())} s were left of BENCH_TIMEOUT_S (${TIMEOUT_S})`);
  else if (CONNECTIONS > 0) {
    try {
      connections = await connectionsScenario({
        url, origin, cookie: commons.cookie, apiPid: env.BENCH_API_PID && Number(env.BENCH_API_PID), memDir: env.BENCH_MEM_DIR || null,
        count: CONNECTIONS, concurrency: CONN_CONCURRENCY, idleS: CONN_IDLE_S, log, children,
      });
      rows.push(...connectionsRows(connections, row));
      for (const r of [connections.commons, connections.baseline]) if (r.failed) problems.push(`connections: ${r.name}: ${r.failed} sockets failed to connect (first: ${r.firstError})`);
    } catch (err) {
      problems.push(`connections: ${err.stack || err.message}`);
    }
  }

  // Reads: catalogue search and the thread page with autocannon, beside a bare http + one SELECT.
  let reads = null;
  if (READS && remaining() < 60) notes.push(`reads skipped: only ${Math.round(remaining())} s were left of BENCH_TIMEOUT_S (${TIMEOUT_S})`);
  else if (READS) {
    const pg = await benchPostgres(env);
    try {
      const readPids = () => ({ api: env.BENCH_API_PID && Number(env.BENCH_API_PID), postgres: pg.pids() });
      reads = await readsScenario({ env, url, origin, pids: readPids, settings: { connections: READS_CONNECTIONS, seconds: READS_SECONDS, maxRest: INTAKE_MAX_REST, refresh: pg.refresh }, log, children, startChild });
      rows.push(...readsRows(reads, row));
    } catch (err) {
      problems.push(`reads: ${err.stack || err.message}`);
    } finally {
      await pg.close();
    }
  }

  // The one search box (GET /api/search) beside the same bare http + one SELECT.
  let search = null;
  if (SEARCH && remaining() < 45) notes.push(`search skipped: only ${Math.round(remaining())} s were left of BENCH_TIMEOUT_S (${TIMEOUT_S})`);
  else if (SEARCH) search = await runSearch(problems).then((r) => (r && rows.push(...searchRows(r, row)), r));

  // Flood: one socket's 10,000 subscribes beside another reader's GET /api/threads (bench/flood.js).
  let flood = null;
  if (FLOOD && remaining() < 30) notes.push(`flood skipped: only ${Math.round(remaining())} s were left of BENCH_TIMEOUT_S (${TIMEOUT_S})`);
  else if (FLOOD) {
    try {
      flood = await floodScenario({ url, apiPid: env.BENCH_API_PID && Number(env.BENCH_API_PID), count: FLOOD_SUBSCRIBES, maxRest: INTAKE_MAX_REST, log, children });
      rows.push(...floodRows(flood, row));
    } catch (err) {
      problems.push(`flood: ${err.stack || err.message}`);
    }
  }

  // Notifications: one message in a thread watched by 10,000 members, 1,000 of them online.
  let notifications = null;
  if (NOTIFY && remaining() < 45) notes.push(`notifications fan-out skipped: only ${Math.round(remaining())} s were left of BENCH_TIMEOUT_S (${TIMEOUT_S})`);
  else if (NOTIFY) {
    try {
      notifications = await notificationsScenario({ env, url, origin, log, pids: commons.pids });
      rows.push(...notificationsRows(notifications, row));
    } catch (err) {
      problems.push(`notifications fan-out: ${err.stack || err.message}`);
    }
  }
  const headline = rows.find((r) => r.target && r.metric.endsWith('p99'));
  const report = {
    startedAt: new Date(started).toISOString(),
    finishedAt: new Date().toISOString(),
    machine: MACHINE,
    settings: {
      sockets: SOCKETS, rate: RATE, seconds: SECONDS, rounds: ROUNDS, fastRate: FAST_RATE, fastSeconds: FAST_SECONDS, maxRestPercent: MAX_REST,
      scaleOut: SCALEOUT && { rounds: SCALE_ROUNDS },
      connections: CONNECTIONS > 0 && { sockets: CONNECTIONS, concurrencyPerProcess: CONN_CONCURRENCY, idleS: CONN_IDLE_S },
      reads: READS && { seconds: READS_SECONDS, connections: READS_CONNECTIONS },
      intake: INTAKE && { from: INTAKE_FROM, step: INTAKE_STEP, to: INTAKE_TO, seconds: INTAKE_SECONDS, connections: INTAKE_CONNECTIONS, maxRestPercent: INTAKE_MAX_REST, feedbackRatePerMinute: env.FEEDBACK_RATE_PER_MINUTE ?? null },
      jobs: INTAKE && { commonsBurst: JOBS, baselineBurst: JOBS_BASELINE },
    },
    conditions,
    headline: headline && { metric: `${headline.scenario}: ${headline.metric}`, value: headline.value, unit: headline.unit, baseline: headline.baseline, ratio: headline.ratio, target: headline.target, met: headline.met },
    results: rows,
    summaries: { commons: cr, baseline: br },
    rounds: { clean: clean.map((p) => ({ baseline: strip(p.baseline), commons: strip(p.Commons) })), disturbed: disturbed.map((p) => ({ baseline: strip(p.baseline), commons: strip(p.Commons) })) },
    intake: intake && { commons: intake.commons.steps, baseline: intake.baseline.steps },
    jobs,
    scaleOut: scaleOut && { setupMs: scaleOut.setupMs, presence: scaleOut.presence, disturbed: scaleOut.disturbed, summary: scaleOut.summary },
    connections,
    reads,
    search,
    notifications,
    flood,
    notes,
    problems,
  };
  fs.writeFileSync(RESULTS, JSON.stringify(report, null, 2) + '\n');
  log(`wrote ${path.relative(process.cwd(), RESULTS)}`);

  process.stdout.write(table(rows) + '\n\n');
  process.stdout.write(`CPU is in % of one core (this machine has ${MACHINE.cpus}); "rest" is the kernel and anything else running. ${clean.length} clean and ${disturbed.length} disturbed latency rounds.\n`);
  if (headline) {
    process.stdout.write(
      `Headline: Commons p99 ${fmt(headline.value, 'ms')} ms vs baseline ${fmt(headline.baseline, 'ms')} ms = ${fmt(headline.ratio, 'x')} ` +
        `(target ${headline.target}): ${headline.met ? 'target met' : 'target missed'}${conditions.clean ? '' : ' (DISTURBED run: other processes were busy)'}\n`,
    );
  }
  notes.forEach((n) => process.stdout.write(`Note: ${n}\n`));
  if (problems.length) {
    problems.forEach((p) => log(`ERROR: ${p}`));
    return 1;
  }
  return 0;
}

main().then(
  (code) => {
    children.forEach((c) => c.exitCode === null && c.kill('SIGTERM'));
    process.exit(code);
  },
  (error) => {
    log(`ERROR: ${error.stack || error.message}`);
    children.forEach((c) => c.exitCode === null && c.kill('SIGTERM'));
    process.exit(1);
  },
);
