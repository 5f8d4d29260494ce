import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { Client as Pg } from 'pg';
import { FEEDBACK_ROLES } from '@commons/domain';
import { topics } from '@commons/realtime';
import { ADMIN, Client, connect, eventually, isolated, Received, signedIn, signedInAdmin, startApp, subscribe, TestApp } from './harness';

/**
 * Faults survived, with the real processes: a Postgres of this file's own is stopped and started, the
 * built API is sent SIGTERM and SIGKILL. The shared Postgres and Redis are never touched.
 */
const API = 'dist/apps/api/src/main.js';
const WORKER = 'dist/apps/api/src/worker.js';
const PG_BIN = (() => {
  const versions = existsSync('/usr/lib/postgresql') ? spawnSync('ls', ['/usr/lib/postgresql']).stdout.toString().split(/\s+/).filter(Boolean) : [];
  return versions.length ? `/usr/lib/postgresql/${versions.sort((a, b) => Number(a) - Number(b)).at(-1)}/bin` : null;
})();

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const children: ChildProcess[] = [];
const sockets: Received[] = [];
afterAll(() => {
  for (const s of sockets) s.socket.disconnect();
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

function run(entry: string, env: Record<string, string>) {
  const child = spawn(process.execPath, [entry], { env: { ...process.env, LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return { child, exited, output: () => output };
}

/** A built API process on a free port; resolves once it answers /api/health. */
async function api(env: Record<string, string>) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const proc = run(API, { ...env, PORT: String(port), HOST: '127.0.0.1', PUBLIC_ORIGIN: url, ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password });
  await eventually(async () => expect((await fetch(`${url}/api/health`)).status).toBe(200), 30_000);
  return { ...proc, url };
}

/** A Postgres server of this file's own (initdb into a temp dir, run as the postgres user when root). */
class OwnPostgres {
  private dir = '';
  private proc?: ChildProcess;
  port = 0;
  private readonly ids = process.getuid?.() === 0 ? { uid: Number(spawnSync('id', ['-u', 'postgres']).stdout), gid: Number(spawnSync('id', ['-g', 'postgres']).stdout) } : {};

  get url() {
    return `postgres://postgres@127.0.0.1:${this.port}/commons`;
  }

  async init() {
    this.port = await freePort();
    this.dir = mkdtempSync(join(tmpdir(), 'commons-pg-'));
    if ('uid' in this.ids) chownSync(this.dir, this.ids.uid!, this.ids.gid!);
    const init = spawnSync(`${PG_BIN}/initdb`, ['-D', join(this.dir, 'data'), '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8'], { ...this.ids, stdio: 'pipe' });
    if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr}`);
    await this.start();
    const c = new Pg({ connectionString: `postgres://postgres@127.0.0.1:${this.port}/postgres` });
    await c.connect();
    await c.query('CREATE DATABASE commons');
    await c.end();
  }

  async start() {
    this.proc = spawn(`${PG_BIN}/postgres`, ['-D', join(this.dir, 'data'), '-p', String(this.port), '-k', this.dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'full_page_writes=off'], { ...this.ids, stdio: 'ignore' });
    children.push(this.proc);
    await eventually(async () => {
      const c = new Pg({ connectionString: `postgres://postgres@127.0.0.1:${this.port}/postgres` });
      await c.connect();
      await c.end();
    }, 20_000);
  }

  /** Fast shutdown: Postgres ends every session ("terminating connection due to administrator command"). */
  async stop() {
    const proc = this.proc!;
    if (proc.exitCode !== null || proc.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      proc.once('exit', () => resolve());
      proc.kill('SIGINT');
    });
  }

  async destroy() {
    await this.stop().catch(() => undefined);
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Holds a lock on `table` from outside the API, so a request that reads it is in flight until released. */
async function holdLock(databaseUrl: string, table: string, mode = 'ACCESS EXCLUSIVE') {
  const c = new Pg({ connectionString: databaseUrl });
  c.on('error', () => undefined);
  await c.connect();
  await c.query('BEGIN');
  await c.query(`LOCK TABLE ${table} IN ${mode} MODE`);
  return {
    release: async () => {
      await c.query('COMMIT').catch(() => undefined);
      await c.end().catch(() => undefined);
    },
  };
}

/** Waits until a query is waiting for a lock on `table`: the request is caught in flight, in the database. */
async function blockedOn(databaseUrl: string, table: string) {
  const c = new Pg({ connectionString: databaseUrl });
  await c.connect();
  try {
    await eventually(async () => {
      const { rows } = await c.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE $1`, [`%${table}%`]);
      expect(rows[0].n).toBeGreaterThan(0);
    }, 20_000);
  } finally {
    await c.end();
  }
}

/** The request's outcome and how long it took; it must answer, whatever the answer is. */
async function timed(p: Promise<Response>) {
  const started = Date.now();
  const res = await p;
  return { status: res.status, body: await res.json().catch(() => undefined), ms: Date.now() - started };
}

// Outside CI a machine without the server binaries skips this part; in CI it must run, never vanish.
if (!PG_BIN && process.env.CI) throw new Error('the PostgreSQL server binaries (/usr/lib/postgresql/*/bin) are missing: the Postgres fault tests need them');
const describeWithPostgres = PG_BIN ? describe : describe.skip;

describeWithPostgres('Postgres restarts', () => {
  const pg = new OwnPostgres();
  let t: TestApp;

  beforeAll(async () => {
    await pg.init();
    t = await startApp({ DATABASE_URL: pg.url, REDIS_PREFIX: `${process.env.REDIS_PREFIX}:faults-pg` });
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await pg.destroy();
  });

  it('in-flight requests fail with 503 (not a hang), health names postgres, and the API recovers by itself', async () => {
    const { client } = await signedIn(t.url);
    const lock = await holdLock(pg.url, 'tools');
    const inFlight = timed(fetch(`${t.url}/api/tools`));
    await blockedOn(pg.url, 'tools');

    await pg.stop();
    const cut = await inFlight;
    expect(cut.status).toBe(503);
    expect(cut.body.error.code).toBe('unavailable');
    expect(cut.ms).toBeLessThan(10_000);
    await lock.release();

    // While it is down: every kind of request answers quickly, reads and writes alike, and health says what is down.
    for (const [method, path, body] of [
      ['GET', '/api/tools', undefined],
      ['GET', '/api/auth/me', undefined],
      ['POST', '/api/threads', { subjectType: 'general', title: 'While the database is away', body: 'hello' }],
    ] as const) {
      const res = await timed(fetch(`${t.url}${path}`, { method, headers: { cookie: client.cookie, ...(body && { 'content-type': 'application/json' }) }, body: body && JSON.stringify(body) }));
      expect([method, path, res.status]).toEqual([method, path, 503]);
      expect(res.ms).toBeLessThan(10_000);
    }
    const health = await timed(fetch(`${t.url}/api/health`));
    expect(health.status).toBe(503);
    expect(health.body).toMatchObject({ postgres: 'down', redis: 'up', error: { code: 'unavailable', message: 'postgres is down' } });
    expect((await timed(fetch(`${t.url}/api/health/ready`))).status).toBe(503);
    expect((await timed(fetch(`${t.url}/api/health/live`))).status).toBe(200);

    await pg.start();
    // Nobody restarts the API: its pool reconnects on its own, and the session (in Postgres) still holds.
    await eventually(async () => expect((await new Client(t.url).get('/api/health')).body).toEqual({ postgres: 'up', redis: 'up' }), 20_000);
    expect((await client.get('/api/tools')).status).toBe(200);
    expect((await client.get('/api/auth/me')).status).toBe(200);
    expect((await client.post('/api/threads', { subjectType: 'general', title: 'After the restart', body: 'hello again' })).status).toBe(201);
  }, 60_000);
});

describe('the built API on SIGTERM', () => {
  beforeAll(() => {
    if (!existsSync(API)) throw new Error(`${API} is missing: run \`npm run build\` first (npm test does)`);
  });

  it('finishes in-flight requests, closes sockets, then exits', async () => {
    const env = await isolated('sigterm');
    const proc = await api(env);
    const { client } = await signedIn(proc.url);
    const socket = connect(proc.url, { cookie: client.cookie });
    sockets.push(socket);
    expect(await subscribe(socket.socket, 'catalogue')).toMatchObject({ ok: true });
    const closed = new Promise<string>((resolve) => socket.socket.once('disconnect', resolve));

    const lock = await holdLock(env.DATABASE_URL, 'tools');
    const inFlight = timed(fetch(`${proc.url}/api/tools`));
    await blockedOn(env.DATABASE_URL, 'tools');
    proc.child.kill('SIGTERM');
    // Shutting down (no new connections), yet still running: it waits for the request it is serving.
    await eventually(() => fetch(`${proc.url}/api/health`).then(() => Promise.reject(new Error('still accepting connections')), (error: Error & { cause?: { code?: string } }) => expect(error.cause?.code).toBe('ECONNREFUSED')), 15_000);
    expect(proc.child.exitCode).toBeNull();
    await lock.release();

    const within = <T>(what: string, p: Promise<T>, ms = 15_000) =>
      Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what} did not happen within ${ms} ms; API output:\n${proc.output().slice(-3000)}`)), ms))]);
    const answered = await within('the in-flight answer', inFlight);
    expect(answered.status).toBe(200);
    expect(answered.body.items.length).toBeGreaterThan(0);
    expect(await within('socket close', closed)).toMatch(/transport close|io server disconnect/);
    // Nest closes everything, then re-raises the signal: a clean SIGTERM exit, as a supervisor expects.
    const exit = await within('exit', proc.exited);
    expect(exit.code === 0 || exit.signal === 'SIGTERM').toBe(true);
    await expect(fetch(`${proc.url}/api/health`)).rejects.toThrow();
  }, 60_000);
});

describe('an API instance dies (SIGKILL)', () => {
  it('its sockets reconnect to another instance and miss nothing; presence drops its users', async () => {
    // Short enough that the dead are dropped within the test, long enough that a busy machine's late beat is not taken for death.
    const env = { ...(await isolated('apikill')), PRESENCE_HEARTBEAT_MS: '1000' };
    const [a, b] = await Promise.all([api(env), api(env)]);
    const admin = await signedInAdmin(b.url);
    const alice = await signedIn(b.url, { displayName: 'Alice Survivor' });
    const bob = await signedIn(a.url, { displayName: 'Bob Doomed' });
    const thread = (await alice.client.post('/api/threads', { subjectType: 'general', title: 'Across instances', body: 'first' })).body.thread;
    const topic = topics.thread(thread.id);

    // Bob's browser is on A, Alice's on B; both follow the thread and see each other.
    const onA = connect(a.url, { cookie: bob.client.cookie });
    const onB = connect(b.url, { cookie: alice.client.cookie });
    sockets.push(onA, onB);
    expect(await subscribe(onA.socket, topic, 0)).toMatchObject({ ok: true });
    expect(await subscribe(onB.socket, topic, 0)).toMatchObject({ ok: true });
    const names = () => onB.presence.filter((p) => p.topic === topic).at(-1)?.users.map((u) => u.displayName).sort();
    await eventually(() => expect(names()).toEqual(['Alice Survivor', 'Bob Doomed']));
    await eventually(() => expect(onA.events.map((e) => e.seq)).toEqual([1]));

    a.child.kill('SIGKILL');
    await a.exited;
    // Written while Bob is between instances (on B, the survivor).
    for (let i = 0; i < 5; i++) expect((await alice.client.post(`/api/threads/${thread.id}/messages`, { body: `while Bob was away ${i}` })).status).toBe(201);
    // Presence on the survivor forgets the dead instance's user within a few heartbeats.
    await eventually(() => expect(names()).toEqual(['Alice Survivor']), 15_000);

    // Bob's client reconnects to B with the last seq it had: it gets exactly what it missed, once, in order.
    const last = Math.max(...onA.events.map((e) => e.seq));
    const again = connect(b.url, { cookie: bob.client.cookie });
    sockets.push(again);
    expect(await subscribe(again.socket, topic, last)).toMatchObject({ ok: true });
    expect((await admin.post(`/api/threads/${thread.id}/messages`, { body: 'after Bob came back' })).status).toBe(201);
    await eventually(() => expect(again.events.map((e) => e.seq)).toEqual([2, 3, 4, 5, 6, 7]));
    expect(again.events.map((e) => e.payload.body)).toEqual([0, 1, 2, 3, 4].map((i) => `while Bob was away ${i}`).concat('after Bob came back'));
    await eventually(() => expect(names()).toEqual(['Alice Survivor', 'Bob Doomed']));
    b.child.kill('SIGTERM');
    expect((await b.exited).signal).toBe('SIGTERM');
  }, 90_000);
});

/**
 * The built worker, caught half way through a notification fan-out: reads pass, its insert of the
 * notification waits on a table lock the test holds.
 */
async function jobCaughtHalfDone(t: TestApp, env: Record<string, string>, queue: Queue) {
  const admin = await signedInAdmin(t.url);
  const { user } = await signedIn(t.url);
  const worker = run(WORKER, { ...env, LOG_LEVEL: 'info' });
  await eventually(() => expect(worker.output()).toContain('worker started'), 30_000);
  const lock = await holdLock(env.DATABASE_URL, 'notifications', 'EXCLUSIVE');
  expect((await admin.put(`/api/users/${user.id}/roles`, { roles: ['moderator'] })).status).toBe(200);
  const [{ id: eventId }] = await t.db.query(`SELECT id FROM outbox WHERE type = 'user.roles.changed' AND payload->>'userId' = $1`, [user.id]);
  const jobId = `notify:event:${eventId}`;
  await eventually(async () => expect(await queue.getJobState(jobId)).toBe('active'), 20_000);
  await eventually(async () => {
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE '%notifications%'`);
    expect(n).toBeGreaterThan(0);
  }, 20_000);
  return { worker, lock, user, eventId, jobId };
}

describe('the worker is killed (SIGKILL) in the middle of a job', () => {
  it('a new worker runs the job again and its effects happen exactly once', async () => {
    const env: Record<string, string> = { ...(await isolated('workerkill')), OUTBOX_SWEEP_MS: '200' };
    const t = await startApp(env);
    const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
    const connection = { url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' };
    const queue = new Queue('notifications', { connection, prefix: `${env.REDIS_PREFIX}:bull` });
    const checker = new Worker('notifications', null, { connection, prefix: `${env.REDIS_PREFIX}:bull`, autorun: false });
    try {
      const { worker: first, lock, user, eventId } = await jobCaughtHalfDone(t, env, queue);
      first.child.kill('SIGKILL');
      await first.exited;
      await lock.release();

      // BullMQ finds a dead worker's job once its lock (30 s) has lapsed and two stalled-job checks (30 s
      // apart) have seen it. The test skips the waiting, not the mechanism: it drops the lapsed lock and
      // runs BullMQ's own check twice.
      const locks = await redis.keys(`${env.REDIS_PREFIX}:bull:notifications:*:lock`);
      if (locks.length) await redis.del(...locks);
      for (let check = 0; check < 2; check++) {
        await redis.del(`${env.REDIS_PREFIX}:bull:notifications:stalled-check`); // the checks' own rate limit
        await (checker as unknown as { moveStalledJobsToWait(): Promise<void> }).moveStalledJobsToWait();
      }
      expect(await queue.getJobState(`notify:event:${eventId}`)).toBe('waiting');

      const second = run(WORKER, env);
      await eventually(async () => expect(await queue.getJobState(`notify:event:${eventId}`)).toBe('completed'), 30_000);
      const rows = await t.db.query(`SELECT kind FROM notifications WHERE user_id = $1 AND event_id = $2`, [user.id, eventId]);
      expect(rows).toHaveLength(1);
      // And its own event (the inbox's live update) was written once too.
      const created = await t.db.query(`SELECT count(*)::int AS n FROM outbox WHERE topic = $1 AND type = 'notification.created'`, [`user:${user.id}`]);
      expect(created).toEqual([{ n: 1 }]);
      second.child.kill('SIGTERM');
      await second.exited;
    } finally {
      await checker.close();
      await queue.close();
      redis.disconnect();
      await t.close();
    }
  }, 90_000);
});

describe('the worker is stopped (SIGTERM) in the middle of a job', () => {
  it('finishes the job first, then exits', async () => {
    const env: Record<string, string> = { ...(await isolated('workerstop')), OUTBOX_SWEEP_MS: '200' };
    const t = await startApp(env);
    const queue = new Queue('notifications', { connection: { url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' }, prefix: `${env.REDIS_PREFIX}:bull` });
    try {
      const { worker, lock, user, eventId, jobId } = await jobCaughtHalfDone(t, env, queue);

      worker.child.kill('SIGTERM');
      // Nothing outside the process shows its shutdown has begun; this gives a worker that would not wait time to exit.
      await new Promise((r) => setTimeout(r, 1000));
      // Still there: it waits for the job rather than leaving it for stalled-job recovery.
      expect(worker.child.exitCode).toBeNull();
      expect(await queue.getJobState(jobId)).toBe('active');
      await lock.release();

      const { code, signal } = await worker.exited;
      expect(code === 0 || signal === 'SIGTERM').toBe(true);
      expect(await queue.getJobState(jobId)).toBe('completed');
      expect(await t.db.query(`SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND event_id = $2`, [user.id, eventId])).toEqual([{ n: 1 }]);
    } finally {
      await queue.close();
      await t.close();
    }
  }, 90_000);
});

describe('Redis away', () => {
  it('sign-in, posting, feedback and sockets keep answering; what was accepted is delivered afterwards', async () => {
    const port = await freePort();
    const startRedis = async () => {
      const proc = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
      children.push(proc);
      const probe = new Redis(port, '127.0.0.1', { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
      probe.on('error', () => undefined);
      await eventually(async () => expect(await probe.connect().then(() => probe.ping())).toBe('PONG'), 10_000);
      probe.disconnect();
      return proc;
    };
    let redis = await startRedis();
    const env = { ...(await isolated('redisaway')), REDIS_URL: `redis://127.0.0.1:${port}`, OUTBOX_SWEEP_MS: '200' };
    const t = await startApp(env);
    try {
      const { client, user } = await signedIn(t.url);
      const email = user.email;
      const thread = (await client.post('/api/threads', { subjectType: 'general', title: 'Redis goes away', body: 'first' })).body.thread;
      const watcher = connect(t.url);
      sockets.push(watcher);
      expect(await subscribe(watcher.socket, topics.thread(thread.id))).toMatchObject({ ok: true });

      await new Promise<void>((resolve) => {
        redis.once('exit', () => resolve());
        redis.kill('SIGKILL');
      });
      const started = Date.now();
      // Rate limits need Redis: they let requests through rather than refuse readers and members.
      const login = await new Client(t.url).post('/api/auth/login', { email, password: 'a sensible passphrase' });
      expect(login.status).toBe(200);
      const posted = await client.post(`/api/threads/${thread.id}/messages`, { body: 'written while Redis is away' });
      expect(posted.status).toBe(201);
      const feedback = await new Client(t.url).post('/api/feedback', { page: '/tools', role: FEEDBACK_ROLES[0], summary: 'Sent while Redis is away' });
      expect(feedback.status).toBe(202);
      const late = connect(t.url);
      sockets.push(late);
      expect(await subscribe(late.socket, topics.thread(thread.id), 0)).toMatchObject({ ok: true });
      const outageMs = Date.now() - started;
      console.log(`redis away: sign-in, post, feedback and a socket subscribe took ${outageMs} ms together`);
      // Rate limits skip a Redis that is not connected rather than wait on its reconnect backoff (was 7 s).
      expect(outageMs).toBeLessThan(5_000);
      expect((await new Client(t.url).get('/api/health')).body).toMatchObject({ postgres: 'up', redis: 'down' });
      // The API serves through a Redis outage: alive (no restart), but not ready.
      expect(await new Client(t.url).get('/api/health/live')).toMatchObject({ status: 200, body: { status: 'ok' } });
      expect(await new Client(t.url).get('/api/health/ready')).toMatchObject({ status: 503, body: { postgres: 'up', redis: 'down' } });

      redis = await startRedis();
      // What was accepted meanwhile reaches the socket that was already there, once.
      await eventually(() => expect(watcher.events.filter((e) => e.type === 'message.created').map((e) => e.payload.body)).toEqual(['written while Redis is away']), 20_000);
      // The sweeper marks each event once sent (after the publish, so a moment behind the socket).
      await eventually(async () => expect(await t.db.query(`SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL`)).toEqual([{ n: 0 }]), 20_000);
    } finally {
      await t.close();
      redis.kill('SIGKILL');
    }
  }, 90_000);
});
