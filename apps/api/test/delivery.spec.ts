import { Redis } from 'ioredis';
import type { Server } from 'socket.io';
import { topics } from '@commons/realtime';
import { OutboxEvent, toEnvelope } from '../src/realtime/outbox.event';
import { DeliveryService } from '../src/realtime/delivery.service';
import { RealtimeGateway } from '../src/realtime/realtime.gateway';
import { NewEvent, Tx } from '../src/realtime/outbox.service';
import { FEEDBACK_ROLES } from '@commons/domain';
import { Client, connect, eventually, flushed, isolated, Received, signedIn, signedInAdmin, startApp, subscribe, TestApp } from './harness';

// Events reach an instance through Redis in whatever order the relays of several processes publish
// them, and the sweeper repeats some. A subscriber must still get each once, in seq order, replayed
// ones before live ones. Here the test is the relay: it commits events without publishing them, then
// publishes them out of order and twice. The sweeper is slowed right down so it does not interfere.
let app: TestApp;
let redis: Redis;
let channel: string;
const sockets: Received[] = [];

beforeAll(async () => {
  const env = await isolated('delivery');
  channel = `${env.REDIS_PREFIX}:events`;
  app = await startApp({ ...env, OUTBOX_SWEEP_MS: '60000' });
  redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
});
afterEach(() => sockets.splice(0).forEach((r) => r.socket.disconnect()));
afterAll(async () => {
  redis.disconnect();
  await app.close();
});

function open(cookie: string) {
  const r = connect(app.url, { cookie });
  sockets.push(r);
  return r;
}

/** Commits n events on the topic and publishes none of them. */
async function commit(userId: string, n: number): Promise<OutboxEvent[]> {
  const events: OutboxEvent[] = [];
  for (let i = 0; i < n; i++) {
    events.push(...(await app.db.transaction((m) => new Tx(m, []).record({ topic: topics.user(userId), type: 'user.roles.changed', payload: { userId, roles: ['member'], by: userId } }, { actorId: userId }).written())));
  }
  return events;
}

async function publish(...events: OutboxEvent[]) {
  await redis.publish(channel, JSON.stringify(events.map(toEnvelope)));
}

const seqs = (r: Received) => r.events.map((e) => e.seq);
/** Drops the instance's Redis subscription (it reconnects at once): what was published meanwhile is missed. */
const dropSubscription = () => (app.app.get(RealtimeGateway) as unknown as { subscriber: Redis }).subscriber.disconnect(true);
/**
 * Commits and publishes one more event on the user's topic, and waits until each reader has it: a reader
 * gets a topic's events in seq order, so a repeat or a stray still on its way has arrived before it.
 */
async function sentinel(userId: string, ...readers: Received[]) {
  const [e] = await commit(userId, 1);
  await publish(e);
  await eventually(() => readers.forEach((r) => expect(seqs(r)).toContain(e.seq)));
}

it('delivers events that arrive out of order, twice, or not at all, once each and in order', async () => {
  const { client, user } = await signedIn(app.url);
  const member = open(client.cookie);
  expect(await subscribe(member.socket, topics.user(user.id))).toEqual({ ok: true, seq: 0 });

  const [e1, e2, e3, e4, e5] = await commit(user.id, 5);
  await publish(e3); // 1 and 2 never come through Redis: they are fetched from the outbox
  await eventually(() => expect(seqs(member)).toEqual([1, 2, 3]));
  await publish(e5, e1, e2, e3);
  await publish(e4);
  await eventually(() => expect(seqs(member)).toEqual([1, 2, 3, 4, 5]));
  await sentinel(user.id, member);
  expect(seqs(member)).toEqual([1, 2, 3, 4, 5, 6]);
  expect(member.events[0]).toEqual(toEnvelope(e1));
});

it('replays what was missed before anything live, even while events keep coming', async () => {
  const { client, user } = await signedIn(app.url);
  const watcher = open(client.cookie);
  await subscribe(watcher.socket, topics.user(user.id)); // the instance is already delivering this topic
  const before = await commit(user.id, 30);
  await publish(...before);

  const late = open(client.cookie);
  const acked = subscribe(late.socket, topics.user(user.id), 10);
  const during = await commit(user.id, 10);
  for (const e of during) await publish(e);
  expect((await acked).ok).toBe(true);

  await eventually(() => expect(seqs(late)).toEqual(Array.from({ length: 30 }, (_, i) => i + 11)));
  await eventually(() => expect(seqs(watcher)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1)));
  await sentinel(user.id, late, watcher);
  expect(seqs(late)).toEqual(Array.from({ length: 31 }, (_, i) => i + 11));
  expect(seqs(watcher)).toEqual(Array.from({ length: 41 }, (_, i) => i + 1));
});

it('a subscriber without afterSeq starts at the acked seq even when this instance has not yet heard of it', async () => {
  const { client, user } = await signedIn(app.url);
  const first = open(client.cookie);
  await subscribe(first.socket, topics.user(user.id));
  const [, e2] = await commit(user.id, 2); // committed, not yet arrived here

  const second = open(client.cookie);
  expect(await subscribe(second.socket, topics.user(user.id))).toEqual({ ok: true, seq: 2 });
  const [e3] = await commit(user.id, 1);
  await publish(e3);
  await eventually(() => expect(seqs(first)).toEqual([1, 2, 3]));
  await eventually(() => expect(seqs(second)).toEqual([3]));
  await publish(e2);
  await sentinel(user.id, first, second);
  expect(seqs(second)).toEqual([3, 4]);
});

it('a subscribe again with afterSeq (a rewind) replaces a replay still under way: after its ack, each event once, in order', async () => {
  const { client, user } = await signedIn(app.url);
  const topic = topics.user(user.id);
  const watcher = open(client.cookie);
  await subscribe(watcher.socket, topic);
  // Several pages of replay (500 a page), so the first replay is still going when the rewind comes.
  const change: NewEvent = { topic, type: 'user.roles.changed', payload: { userId: user.id, roles: ['member'], by: user.id } };
  const events = await app.db.transaction((m) => new Tx(m, []).record(Array.from({ length: 1500 }, () => change), { actorId: user.id }).written());
  await publish(events[events.length - 1]); // the instance fetches the rest for the watcher

  const member = open(client.cookie);
  await subscribe(member.socket, topic, 0);
  let split = -1;
  await new Promise<void>((resolve) =>
    member.socket.emit('subscribe', { topic, afterSeq: 0 }, () => {
      split = member.events.length;
      resolve();
    }),
  );
  const all = Array.from({ length: 1500 }, (_, i) => i + 1);
  await eventually(() => expect(seqs(member).slice(split)).toEqual(all));
  await sentinel(user.id, member, watcher);
  expect(seqs(member).slice(split)).toEqual([...all, 1501]);
  expect(seqs(watcher)).toEqual([...all, 1501]);
});

it('forgets a topic on this instance once its last follower has gone', async () => {
  const { client, user } = await signedIn(app.url);
  const streams = app.app.get(DeliveryService)['streams'] as Map<string, { followers: Map<{ id: string }, unknown> }>;
  const one = open(client.cookie);
  const two = open(client.cookie);
  await subscribe(one.socket, topics.user(user.id));
  await subscribe(two.socket, topics.user(user.id));
  expect(streams.has(topics.user(user.id))).toBe(true);
  one.socket.disconnect();
  // The instance has let `one` go; `two` still holds the topic.
  await eventually(() => expect([...(streams.get(topics.user(user.id))?.followers.keys() ?? [])].map((s) => s.id)).toEqual([two.socket.id]));
  expect(streams.has(topics.user(user.id))).toBe(true);
  two.socket.emit('unsubscribe', { topic: topics.user(user.id) });
  await eventually(() => expect(streams.has(topics.user(user.id))).toBe(false));
});

it('catches up from the outbox on what was published while its Redis subscription was down', async () => {
  const { client, user } = await signedIn(app.url);
  const member = open(client.cookie);
  await subscribe(member.socket, topics.user(user.id));
  // Published while this instance was not listening: they reached nobody here.
  const missed = await commit(user.id, 2);
  dropSubscription();
  await eventually(() => expect(seqs(member)).toEqual(missed.map((e) => e.seq)));
  // Listening again: live events come through as before.
  const [next] = await commit(user.id, 1);
  await publish(next);
  await eventually(() => expect(seqs(member)).toEqual([...missed, next].map((e) => e.seq)));
});

it('after a reconnect, checks again who may hear what: a session ended meanwhile is closed, a demoted moderator stops hearing moderation', async () => {
  const demoted = await signedIn(app.url);
  await app.db.query(`UPDATE users SET roles = '{member,moderator}' WHERE id = $1`, [demoted.user.id]);
  // Connected first, so the re-check reaches it before the socket below (in connection order).
  const demotedSocket = open(demoted.client.cookie);
  expect(await subscribe(demotedSocket.socket, 'moderation')).toMatchObject({ ok: true });
  const leaving = await signedIn(app.url);
  const leavingSocket = open(leaving.client.cookie);
  await subscribe(leavingSocket.socket, topics.user(leaving.user.id));
  const staying = open((await signedInAdmin(app.url)).cookie);
  expect(await subscribe(staying.socket, 'moderation')).toMatchObject({ ok: true });

  // Changed while this instance was not hearing Redis: neither event reached it.
  await app.db.query(`UPDATE users SET roles = '{member}' WHERE id = $1`, [demoted.user.id]);
  await app.db.query(`DELETE FROM sessions WHERE user_id = $1`, [leaving.user.id]);
  dropSubscription();
  await eventually(() => expect(leavingSocket.socket.connected).toBe(false));

  const sent = await new Client(app.url).post('/api/feedback', { page: '/tools', role: FEEDBACK_ROLES[0], summary: 'Heard by moderators only' });
  await eventually(() => expect(staying.events.some((e) => e.type === 'moderation.item.created' && e.payload.subjectId === sent.body.id)).toBe(true));
  await flushed(demotedSocket.socket); // one emit to the room: had it included this socket, it is in by now
  expect(demotedSocket.events.filter((e) => e.topic === 'moderation')).toEqual([]);
  expect(demotedSocket.socket.connected).toBe(true);
});

it('writes a room larger than one chunk a hundred sockets per turn of the event loop, so requests under way are not held up; each socket gets each event once, in order', async () => {
  const { client, user } = await signedIn(app.url);
  const topic = topics.user(user.id);
  const members = Array.from({ length: 250 }, () => open(client.cookie));
  await Promise.all(members.map(async (m) => expect(await subscribe(m.socket, topic)).toEqual({ ok: true, seq: 0 })));
  const delivery = app.app.get(DeliveryService);
  const server = (delivery as unknown as { server: Server }).server;
  await eventually(() => expect(server.sockets.adapter.rooms.get(topic)?.size).toBe(250));

  const events = await commit(user.id, 3);
  const broadcast = jest.spyOn(server.sockets.adapter, 'broadcast');
  const written: number[][] = [];
  const turn = () => {
    // Sockets written to per call, of this turn's calls that sent events (presence goes its own way).
    written.push(broadcast.mock.calls.filter(([packet]) => packet.data[0] === 'event').map(([, opts]) => opts.rooms.size));
    broadcast.mockClear();
  };
  try {
    for (const e of events) delivery.deliver(toEnvelope(e));
    turn();
    while (written.reduce((n, sizes) => n + sizes.reduce((a, b) => a + b, 0), 0) < 750 && written.length < 20) {
      await new Promise((resolve) => setImmediate(resolve));
      turn();
    }
  } finally {
    broadcast.mockRestore();
  }
  // 3 events × 250 sockets, at most 100 a turn: eight turns, the first in the call that delivered them.
  expect(written.filter((sizes) => sizes.length).map((sizes) => sizes.reduce((a, b) => a + b, 0))).toEqual([100, 100, 100, 100, 100, 100, 100, 50]);
  await eventually(() => expect(members.map(seqs)).toEqual(Array(250).fill([1, 2, 3])));
  await sentinel(user.id, ...members);
  expect(members.map(seqs)).toEqual(Array(250).fill([1, 2, 3, 4]));
});
