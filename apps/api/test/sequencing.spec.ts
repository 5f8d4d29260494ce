import { OutboxService } from '../src/realtime/outbox.service';
import { RelayService } from '../src/realtime/relay.service';
import { connect, eventually, isolated, Received, signedIn, signedInAdmin, startApp, subscribe, TestApp } from './harness';

// Events are numbered in the statement written with COMMIT. Writers on two instances at once on one busy
// topic (`moderation`) must still produce seqs 1..N, each event numbered exactly once, and a subscriber
// must receive them in that order, each once. Own database: the test counts seqs.
let a: TestApp;
let b: TestApp;
const sockets: Received[] = [];

beforeAll(async () => {
  const env = await isolated('sequencing');
  // The sweeper is slowed right down: the relays alone must number and publish everything.
  a = await startApp({ ...env, OUTBOX_SWEEP_MS: '60000' }); // one at a time: each migrates the new database
  b = await startApp({ ...env, OUTBOX_SWEEP_MS: '60000' });
});
afterEach(() => sockets.splice(0).forEach((r) => r.socket.disconnect()));
afterAll(async () => {
  await Promise.all([a?.close(), b?.close()]);
});

async function moderatorSocket(url: string) {
  const admin = await signedInAdmin(url);
  const r = connect(url, { cookie: admin.cookie });
  sockets.push(r);
  return r;
}

function record(t: TestApp, userId: string) {
  return t.app
    .get(OutboxService)
    .transaction(async (tx) => tx.record({ topic: 'moderation', type: 'user.roles.changed', payload: { userId, roles: ['member'], by: userId } }))
    .then(async (recorded) => (await recorded.written())[0].id);
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

it('numbers concurrent writes on one topic 1..N without gaps, once each, in the order subscribers get them', async () => {
  const { user } = await signedIn(a.url);
  const moderator = await moderatorSocket(a.url);
  const late = await moderatorSocket(b.url);
  const ack = await subscribe(moderator.socket, 'moderation');
  expect(ack).toMatchObject({ ok: true });
  const start = ack.seq!;

  const n = 120;
  const ids = await Promise.all(range(1, n).map((i) => record(i % 2 ? a : b, user.id)));

  await eventually(async () => {
    const numbered = await a.db.query(`SELECT count(*)::int AS n FROM outbox WHERE topic = 'moderation' AND seq IS NULL`);
    expect(numbered).toEqual([{ n: 0 }]);
  });
  const settled: { id: number; seq: number }[] = await a.db.query(
    `SELECT id::int, seq::int FROM outbox WHERE topic = 'moderation' AND id = ANY($1) ORDER BY seq`,
    [ids],
  );
  expect(settled.map((r) => r.seq)).toEqual(range(start + 1, start + n));
  expect(new Set(settled.map((r) => r.id))).toEqual(new Set(ids));
  expect(await a.db.query(`SELECT seq::int FROM topic_seqs WHERE topic = 'moderation'`)).toEqual([{ seq: start + n }]);

  // Live: each event once, in seq order, carrying the id it was numbered with.
  await eventually(() => expect(moderator.events.map((e) => e.seq)).toEqual(range(start + 1, start + n)));
  expect(moderator.events.map((e) => e.id)).toEqual(settled.map((r) => r.id));
  // Replayed from the outbox on the other instance: the same sequence.
  expect(await subscribe(late.socket, 'moderation', start)).toEqual({ ok: true, seq: start + n });
  await eventually(() => expect(late.events.map((e) => e.seq)).toEqual(range(start + 1, start + n)));
  expect(late.events.map((e) => e.id)).toEqual(settled.map((r) => r.id));
});

it('an event left unnumbered (an earlier version numbered some after commit, and its process died) is numbered and sent by the sweeper', async () => {
  const { user } = await signedIn(a.url);
  const moderator = await moderatorSocket(b.url);
  const { seq: start } = await subscribe(moderator.socket, 'moderation');
  // Committed without its relay running, as if the process stopped right after the commit.
  const [orphan] = await a.db.query(`INSERT INTO outbox (topic, seq, type, payload) VALUES ('moderation', NULL, 'user.roles.changed', $1) RETURNING id::int`, [
    JSON.stringify({ userId: user.id, roles: ['member'], by: user.id }),
  ]);
  await a.db.query(`UPDATE outbox SET created_at = now() - interval '1 minute' WHERE id = $1`, [orphan.id]);
  expect(await a.db.query(`SELECT seq FROM outbox WHERE id = $1`, [orphan.id])).toEqual([{ seq: null }]);
  // Not current yet: a subscriber sees only numbered events.
  expect(await subscribe(moderator.socket, 'moderation')).toEqual({ ok: true, seq: start });

  await a.app.get(RelayService).sweep();
  expect(await a.db.query(`SELECT seq::int FROM outbox WHERE id = $1`, [orphan.id])).toEqual([{ seq: start! + 1 }]);
  await eventually(() => expect(moderator.events.map((e) => [e.id, e.seq])).toEqual([[orphan.id, start! + 1]]));
});

it('batches of events on several topics, beside single events: still 1..N on each, once each, in the order given', async () => {
  const { user } = await signedIn(a.url);
  const moderator = await moderatorSocket(b.url);
  const { seq: start } = await subscribe(moderator.socket, 'moderation');
  // Batch j's events carry ids j * 100 + i, so each batch's rows can be found again.
  const batch = (t: TestApp, j: number, k: number) =>
    t.app.get(OutboxService).transaction(async (tx) => {
      // Two topics, several events on each, interleaved: each topic's events take its seqs in the order given.
      tx.record(range(1, k).map((i) => ({ topic: i % 3 ? ('moderation' as const) : (`user:${user.id}` as const), type: 'message.deleted' as const, payload: { id: j * 100 + i, seq: i } })));
    });
  await Promise.all([Promise.all(range(1, 6).map((j) => batch(j % 2 ? a : b, j, 9))), Promise.all(range(1, 30).map((i) => record(i % 2 ? a : b, user.id)))]);
  for (const j of range(1, 6)) {
    const mine = await a.db.query(
      `SELECT id::int, seq::int, (payload->>'id')::int - $1 AS i FROM outbox
       WHERE topic = 'moderation' AND type = 'message.deleted' AND seq > $2 AND (payload->>'id')::int BETWEEN $1 AND $1 + 99 ORDER BY seq`,
      [j * 100, start],
    );
    // Consecutive, in the order given, each with its own payload; ids rise with seq (inserted in seq order).
    expect(mine.map((r: { i: number }) => r.i)).toEqual([1, 2, 4, 5, 7, 8]);
    expect(mine.map((r: { seq: number }) => r.seq - mine[0].seq)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(mine.filter((r: { id: number }, i: number) => i > 0 && r.id < mine[i - 1].id)).toEqual([]);
  }
  const n = 6 * 6 + 30;
  await eventually(async () => expect(await a.db.query(`SELECT count(*)::int AS n FROM outbox WHERE topic = 'moderation' AND seq IS NULL`)).toEqual([{ n: 0 }]));
  const seqs = await a.db.query(`SELECT seq::int FROM outbox WHERE topic = 'moderation' AND seq > $1 ORDER BY seq`, [start]);
  expect(seqs.map((r: { seq: number }) => r.seq)).toEqual(range(start! + 1, start! + n));
  await eventually(() => expect(moderator.events.map((e) => e.seq)).toEqual(range(start! + 1, start! + n)));
});
