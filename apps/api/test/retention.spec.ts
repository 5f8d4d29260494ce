import type { INestApplicationContext } from '@nestjs/common';
import { topics } from '@commons/realtime';
import { JobsService } from '../src/jobs/jobs.service';
import { RetentionService } from '../src/retention/retention.service';
import { connect, eventually, flushed, isolated, Received, received, settled, signedIn, startApp, startWorker, subscribe, TestApp } from './harness';

/**
 * Retention: outbox events past OUTBOX_RETENTION_HOURS (and a replay asked from before them answered
 * "reload"), ended sign-ins past SESSION_RETENTION_DAYS and read notifications past
 * NOTIFICATION_RETENTION_DAYS, deleted by the worker's hourly `maintenance` jobs.
 */
let app: TestApp;
let worker: INestApplicationContext;
const sockets: Received[] = [];

beforeAll(async () => {
  // A database of its own: the prune deletes whatever is old, and other files' rows must not be.
  // No sweeper within a test (a minute apart): one test leaves an old event unpublished on purpose.
  const own = { ...(await isolated('retention')), OUTBOX_SWEEP_MS: '60000' };
  app = await startApp(own);
  worker = await startWorker(own);
});
afterEach(() => sockets.splice(0).forEach((r) => r.socket.disconnect()));
afterAll(() => Promise.all([app.close(), worker.close()]));

function open(opts: Parameters<typeof connect>[1] = {}) {
  const r = connect(app.url, opts);
  sockets.push(r);
  return r;
}

const retention = () => worker.get(RetentionService);
const age = (sql: string, params: unknown[]) => app.db.query(sql, params);

/** A thread with `n` messages after its first: its topic and each event's outbox id by seq. */
async function threadWith(n: number) {
  const { client, user } = await signedIn(app.url);
  const { thread } = (await client.post('/api/threads', { subjectType: 'general', title: 'Kept for a while', body: 'The first message' })).body;
  for (let i = 0; i < n; i++) expect((await client.post(`/api/threads/${thread.id}/messages`, { body: `Reply number ${'abcdefghij'[i]}` })).status).toBe(201);
  const topic = topics.thread(thread.id);
  await settled(app.db, worker);
  const rows: { id: string; seq: number }[] = await app.db.query(`SELECT id, seq::int FROM outbox WHERE topic = $1 ORDER BY seq`, [topic]);
  return { client, user, thread, topic, ids: rows.map((r) => Number(r.id)), seqs: rows.map((r) => r.seq) };
}

describe('outbox retention', () => {
  it('deletes published events past the window, keeps what a notification points at, and records how far it went', async () => {
    const { topic, ids, seqs, user } = await threadWith(4);
    expect(seqs.length).toBeGreaterThanOrEqual(4);
    const last = seqs.at(-1)!;
    // Everything but the newest two is past the window; a notification still points at the oldest.
    await age(`UPDATE outbox SET created_at = now() - interval '200 hours' WHERE topic = $1 AND seq <= $2`, [topic, last - 2]);
    await age(`INSERT INTO notifications (user_id, event_id, kind, title) VALUES ($1, $2, 'test', 'Kept') ON CONFLICT DO NOTHING`, [user.id, ids[0]]);

    // One event per batch: each batch goes on after the last (the kept one first in line is not in the way).
    expect(await retention().pruneOutbox(168, 1)).toBe(last - 3);
    const left: { seq: number }[] = await app.db.query(`SELECT seq::int FROM outbox WHERE topic = $1 ORDER BY seq`, [topic]);
    expect(left.map((r) => r.seq)).toEqual([seqs[0], last - 1, last]);
    expect(await app.db.query(`SELECT pruned_seq::int FROM topic_seqs WHERE topic = $1`, [topic])).toEqual([{ pruned_seq: last - 2 }]);
    // Nothing else is old: a second run deletes nothing.
    expect(await retention().pruneOutbox(168)).toBe(0);
  });

  it('keeps events not yet published, whatever their age', async () => {
    const { topic, seqs } = await threadWith(1);
    await age(`UPDATE outbox SET created_at = now() - interval '400 hours', published_at = NULL WHERE topic = $1 AND seq = $2`, [topic, seqs[0]]);
    await retention().pruneOutbox(168);
    expect((await app.db.query(`SELECT count(*)::int AS n FROM outbox WHERE topic = $1 AND seq = $2`, [topic, seqs[0]]))[0].n).toBe(1);
    // Published after all (as the sweeper would), so the next tests' settled() sees nothing outstanding.
    await age(`UPDATE outbox SET published_at = now() WHERE topic = $1 AND seq = $2`, [topic, seqs[0]]);
  });

  it('a socket replaying from before what is kept is told to reload, and gets what comes after', async () => {
    const { topic, seqs, client, thread } = await threadWith(3);
    const last = seqs.at(-1)!;
    await age(`UPDATE outbox SET created_at = now() - interval '200 hours' WHERE topic = $1 AND seq <= $2`, [topic, last - 1]);
    await retention().pruneOutbox(168);

    const stale = open();
    expect(await subscribe(stale.socket, topic, 0)).toEqual({ ok: true, seq: last, refetch: true });
    // Replaying from what is still kept is as before.
    const fresh = open();
    expect(await subscribe(fresh.socket, topic, last - 1)).toEqual({ ok: true, seq: last });
    await received(fresh, topic, last);
    expect(fresh.events.map((e) => e.seq)).toEqual([last]);

    expect((await client.post(`/api/threads/${thread.id}/messages`, { body: 'After the prune' })).status).toBe(201);
    await received(stale, topic, last + 1);
    await flushed(stale.socket);
    expect(stale.events.map((e) => e.seq)).toEqual([last + 1]);
  });
});

describe('sign-in and notification retention', () => {
  it('deletes sign-ins that ended longer ago than the window, and only those', async () => {
    const users = await Promise.all([0, 1, 2, 3].map(() => signedIn(app.url)));
    const [expiredLongAgo, revokedLongAgo, revokedLately, live] = users.map((u) => u.user.id);
    await age(`UPDATE sessions SET expires_at = now() - interval '8 days' WHERE user_id = $1`, [expiredLongAgo]);
    await age(`UPDATE sessions SET revoked_at = now() - interval '8 days' WHERE user_id = $1`, [revokedLongAgo]);
    await age(`UPDATE sessions SET revoked_at = now() - interval '1 day' WHERE user_id = $1`, [revokedLately]);

    expect(await retention().pruneSessions(7)).toBeGreaterThanOrEqual(2);
    const left: { user_id: string }[] = await app.db.query(`SELECT user_id FROM sessions WHERE user_id = ANY($1)`, [users.map((u) => u.user.id)]);
    expect(left.map((r) => r.user_id).sort()).toEqual([revokedLately, live].sort());
    expect((await users[3].client.get('/api/auth/me')).status).toBe(200);
  });

  it('deletes notifications read longer ago than the window; unread ones stay however old', async () => {
    const { ids, user } = await threadWith(2);
    const insert = (eventId: number, readAgo: string | null, createdAgo: string) =>
      app.db.query(
        `INSERT INTO notifications (user_id, event_id, kind, title, created_at, read_at) VALUES ($1, $2, 'test', $3, now() - $4::interval, now() - $5::interval) RETURNING id`,
        [user.id, eventId, `read ${readAgo}`, createdAgo, readAgo],
      );
    const [[readLongAgo], [readLately], [unreadOld]] = [await insert(ids[0], '100 days', '120 days'), await insert(ids[1], '10 days', '120 days'), await insert(ids[2], null, '400 days')];
    await retention().pruneNotifications(90);
    const left: { id: string }[] = await app.db.query(`SELECT id FROM notifications WHERE id = ANY($1)`, [[readLongAgo.id, readLately.id, unreadOld.id]]);
    expect(left.map((r) => r.id).sort()).toEqual([readLately.id, unreadOld.id].sort());
  });
});

describe('the worker', () => {
  it('schedules the three retention jobs hourly, and runs them with the configured windows', async () => {
    const queue = worker.get(JobsService).queue('maintenance');
    await eventually(async () => {
      const schedulers = await queue.getJobSchedulers();
      expect(schedulers.map((s) => [s.key, s.every]).sort()).toEqual([
        ['prune-notifications', 3600_000],
        ['prune-outbox', 3600_000],
        ['prune-sessions', 3600_000],
      ]);
    });
    const { user } = await signedIn(app.url);
    await age(`UPDATE sessions SET expires_at = now() - interval '30 days' WHERE user_id = $1`, [user.id]);
    const job = await queue.add('prune-sessions', {}, { jobId: `test-prune-sessions-${Date.now()}` });
    await eventually(async () => expect(await job.getState()).toBe('completed'), 20_000);
    expect(await app.db.query(`SELECT id FROM sessions WHERE user_id = $1`, [user.id])).toEqual([]);
  });
});
