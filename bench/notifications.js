'use strict';
/**
 * Notifications fan-out: one message posted in a thread watched by WATCHERS members (10,000), of whom
 * ONLINE (1,000) have a socket subscribed to their own `user:<id>` topic. Measured from the moment the
 * POST is sent, on this process's clock:
 *
 *   rows     until every watcher's notification row is written (Postgres polled every 10 ms)
 *   sockets  until every online watcher's socket has received its `notification.created`
 *   notifications/s = watchers / rows time
 *
 * The watchers, their watches and the online ones' sessions are written straight into Postgres (10,000
 * registrations would spend minutes hashing passwords); the message itself goes through the API, so the
 * relay, the `notifications/fan-out` job in the worker and the socket delivery are the real ones.
 * 1,000 sockets, not 10,000: the load generator would otherwise measure its own event loop.
 *
 * Alone: COMMONS_URL=http://127.0.0.1:3000 DATABASE_URL=postgres://… node bench/notifications.js
 * (BENCH_NOTIFY_WATCHERS, BENCH_NOTIFY_ONLINE, BENCH_NOTIFY_ROUNDS; BENCH_KEEP=1 keeps the made-up users).
 * From bench/run.js: notificationsScenario({ env, url, origin, log }) and notificationsRows(result, row).
 */
const crypto = require('node:crypto');
const { performance } = require('node:perf_hooks');
const { Client } = require('pg');
const { io } = require('socket.io-client');
const { JsonClient, cpuSeconds, cpuPercent, machineBusy, machinePercent, sleep } = require('./util');

const num = (v, d) => (v === undefined || v === '' ? d : Number(v));

/** `count` members watching `threadId`, the first `online` with a session; returns the online ones' ids and cookies. */
async function makeWatchers(db, { tag, count, online, threadId }) {
  const { rows } = await db.query(
    `INSERT INTO users (email, password_hash, display_name)
     SELECT 'bench-notify-' || $1 || '-' || g || '@example.org', 'not a password hash', 'Watcher ' || g FROM generate_series(1, $2) g
     RETURNING id`,
    [tag, count],
  );
  const ids = rows.map((r) => r.id);
  await db.query(`INSERT INTO watches (subject_type, subject_id, user_id, level) SELECT 'thread', $1, unnest($2::uuid[]), 'watching'`, [String(threadId), ids]);
  const sessions = ids.slice(0, online).map((id) => ({ id, token: crypto.randomBytes(32).toString('base64url') }));
  await db.query(
    `INSERT INTO sessions (user_id, token_hash, expires_at) SELECT unnest($1::uuid[]), unnest($2::text[]), now() + interval '1 day'`,
    [sessions.map((s) => s.id), sessions.map((s) => crypto.createHash('sha256').update(s.token).digest('hex'))],
  );
  return sessions.map((s) => ({ id: s.id, cookie: `commons_session=${s.token}` }));
}

/** One socket per online watcher, subscribed to its own topic; `onNotification(index, event)` for each notification. */
async function openSockets(url, origin, online, onNotification, { batch = 50 } = {}) {
  const sockets = [];
  for (let from = 0; from < online.length; from += batch) {
    await Promise.all(
      online.slice(from, from + batch).map((person, k) => {
        const index = from + k;
        const socket = io(url, { path: '/socket.io', transports: ['websocket'], extraHeaders: { cookie: person.cookie, ...(origin && { origin }) }, reconnection: false, forceNew: true, timeout: 30_000 });
        sockets.push(socket);
        socket.on('event', (e) => e.type === 'notification.created' && onNotification(index, e));
        return new Promise((resolve, reject) => {
          socket.once('connect_error', (err) => reject(new Error(`socket ${index}: ${err.message}`)));
          socket.once('connect', async () => {
            try {
              const ack = await socket.timeout(30_000).emitWithAck('subscribe', { topic: `user:${person.id}` });
              if (!ack?.ok) throw new Error(`subscribe refused: ${JSON.stringify(ack)}`);
              resolve();
            } catch (err) {
              reject(new Error(`socket ${index}: ${err.message}`));
            }
          });
        });
      }),
    );
  }
  return sockets;
}

/** One round: post, then time rows and sockets. */
async function round(o, db, author, threadId, online, received) {
  received.fill(0);
  let socketsDone = null;
  let got = 0;
  let prefix = null;
  const started = performance.now();
  o.onNotification = (index, e) => {
    if (!prefix || received[index] || !String(e.payload.url).startsWith(prefix)) return;
    received[index] = performance.now() - started;
    if (++got === online.length) socketsDone = received[index];
  };
  const cpuBefore = cpuSeconds(o.pids ? o.pids() : {});
  const machineBefore = machineBusy();
  const res = await author.request('POST', `/api/threads/${threadId}/messages`, { body: `Benchmark message ${Date.now()}` });
  if (res.status !== 201) throw new Error(`post → ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
  const postMs = performance.now() - started;
  prefix = `/threads/${threadId}#message-${res.body.message.id}`;
  let rowsMs = null;
  const deadline = started + o.timeoutMs;
  while (performance.now() < deadline && (rowsMs === null || socketsDone === null)) {
    if (rowsMs === null) {
      const { rows } = await db.query(`SELECT count(*)::int AS n FROM notifications WHERE url = $1`, [prefix]);
      if (rows[0].n >= o.watchers) rowsMs = performance.now() - started;
    }
    await sleep(10);
  }
  const wallS = (performance.now() - started) / 1000;
  const times = received.filter((x) => x > 0).sort((a, b) => a - b);
  const pct = (p) => (times.length ? times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)] : null);
  return {
    postMs,
    rowsMs,
    socketsMs: socketsDone,
    delivered: times.length,
    firstSocketMs: times[0] ?? null,
    socketP50: pct(50),
    socketP99: pct(99),
    perSecond: rowsMs ? o.watchers / (rowsMs / 1000) : null,
    cpuPercent: cpuPercent(cpuBefore, cpuSeconds(o.pids ? o.pids() : {}), wallS),
    machinePercent: machinePercent(machineBefore, machineBusy()),
  };
}

/**
 * `o`: { env (DATABASE_URL), url, origin?, log, pids? () => {name: pid}, watchers?, online?, rounds? }.
 * Returns { watchers, online, setupMs, rounds: [...], best } (best = the round with the lowest rows time).
 */
async function notificationsScenario(o) {
  const env = o.env;
  const watchers = o.watchers ?? num(env.BENCH_NOTIFY_WATCHERS, 10_000);
  const onlineCount = Math.min(watchers, o.online ?? num(env.BENCH_NOTIFY_ONLINE, 1000));
  const rounds = o.rounds ?? num(env.BENCH_NOTIFY_ROUNDS, 3);
  const log = o.log ?? ((m) => process.stderr.write(`[notifications] ${m}\n`));
  const tag = `${Date.now().toString(36)}-${process.pid}`;
  const db = new Client({ connectionString: env.DATABASE_URL });
  await db.connect();
  const author = new JsonClient(o.url, { origin: o.origin });
  let sockets = [];
  try {
    const setupStarted = performance.now();
    await author.expect(201, 'POST', '/api/auth/register', { email: `bench-notify-author-${tag}@example.org`, password: 'bench notifications author', displayName: 'Bench Author' });
    const { thread } = await author.expect(201, 'POST', '/api/threads', { subjectType: 'general', title: `Watched by ${watchers}`, body: 'The thread everyone watches.' });
    const online = await makeWatchers(db, { tag, count: watchers, online: onlineCount, threadId: thread.id });
    const received = new Array(online.length).fill(0);
    const state = { watchers, timeoutMs: num(env.BENCH_NOTIFY_TIMEOUT_MS, 60_000), pids: o.pids, onNotification: () => undefined };
    sockets = await openSockets(o.url, o.origin, online, (i, e) => state.onNotification(i, e));
    const setupMs = performance.now() - setupStarted;
    log(`${watchers} watchers (${online.length} online) ready in ${(setupMs / 1000).toFixed(1)} s`);
    // The thread's first message was fanned out to nobody (no watchers then); let the queue settle.
    await sleep(500);
    const results = [];
    for (let i = 0; i < rounds; i++) {
      const r = await round(state, db, author, thread.id, online, received);
      results.push(r);
      log(
        `round ${i + 1}: rows ${r.rowsMs === null ? 'NOT all written' : `${Math.round(r.rowsMs)} ms`} · sockets ${r.socketsMs === null ? `only ${r.delivered}/${online.length}` : `${Math.round(r.socketsMs)} ms`} ` +
          `(first ${Math.round(r.firstSocketMs ?? NaN)} ms, p50 ${Math.round(r.socketP50 ?? NaN)}, p99 ${Math.round(r.socketP99 ?? NaN)}) · ${r.perSecond ? Math.round(r.perSecond) : '–'} notifications/s`,
      );
      await sleep(300);
    }
    const complete = results.filter((r) => r.rowsMs !== null && r.socketsMs !== null);
    const best = (complete.length ? complete : results).slice().sort((a, b) => (a.rowsMs ?? Infinity) - (b.rowsMs ?? Infinity))[0];
    const median = (k) => {
      const v = complete.map((r) => r[k]).sort((a, b) => a - b);
      return v.length ? v[Math.floor((v.length - 1) / 2)] : null;
    };
    return { watchers, online: online.length, setupMs, rounds: results, best, median: { rowsMs: median('rowsMs'), socketsMs: median('socketsMs'), perSecond: median('perSecond') }, complete: complete.length === results.length };
  } finally {
    sockets.forEach((s) => s.disconnect());
    author.close();
    if (env.BENCH_KEEP !== '1') await db.query(`DELETE FROM users WHERE email LIKE $1`, [`bench-notify-%${tag}%`]).catch(() => undefined);
    await db.end();
  }
}

/** Rows for bench/run.js's table (`row` is run.js's row(scenario, metric, value, unit, baseline, target, met)). */
function notificationsRows(r, row) {
  const scenario = `notifications: one message to ${r.watchers.toLocaleString('en-GB')} watchers, ${r.online.toLocaleString('en-GB')} online (median of ${r.rounds.length} rounds${r.complete ? '' : ', SOME INCOMPLETE'})`;
  return [
    row(scenario, 'post → every notification row written', r.median.rowsMs, 'ms'),
    row(scenario, 'post → every online socket has its notification', r.median.socketsMs, 'ms'),
    row(scenario, 'notifications/s (rows written)', r.median.perSecond, '1/s'),
  ];
}

module.exports = { notificationsScenario, notificationsRows };

if (require.main === module) {
  const env = process.env;
  if (!env.COMMONS_URL || !env.DATABASE_URL) {
    process.stderr.write('COMMONS_URL (the running API) and DATABASE_URL (its database) are required\n');
    process.exit(2);
  }
  notificationsScenario({ env, url: env.COMMONS_URL, origin: env.PUBLIC_ORIGIN })
    .then((r) => {
      const rows = notificationsRows(r, (scenario, metric, value, unit) => ({ scenario, metric, value, unit }));
      for (const x of rows) process.stdout.write(`${x.metric}: ${x.value === null ? '–' : Math.round(x.value)} ${x.unit}\n`);
      process.stdout.write(JSON.stringify(r, null, 2) + '\n');
      process.exit(r.complete ? 0 : 1);
    })
    .catch((err) => {
      process.stderr.write(`${err.stack || err.message}\n`);
      process.exit(1);
    });
}
