import type { INestApplicationContext } from '@nestjs/common';
import { topics } from '@commons/realtime';
import { AuthService } from '../src/auth/auth.service';
import { fromRow, OUTBOX_COLUMNS } from '../src/realtime/outbox.event';
import { OutboxService, Tx } from '../src/realtime/outbox.service';
import { PresenceService } from '../src/realtime/presence.service';
import { RelayService } from '../src/realtime/relay.service';
import { RealtimeService } from '../src/realtime/realtime.service';
import { Client, connect, connected, eventually, flushed, isolated, newThread, presenceHeard, Received, received, settled as jobsSettled, signedIn, signedInAdmin, startApp, startWorker, subscribe, TestApp } from './harness';

let a: TestApp;
let b: TestApp;
let worker: INestApplicationContext;
let own: Record<string, string>;
const sockets: Received[] = [];
function open(url: string, opts: Parameters<typeof connect>[1] = {}) {
  const r = connect(url, opts);
  sockets.push(r);
  return r;
}

beforeAll(async () => {
  // Two API instances sharing Postgres and Redis, as behind a load balancer, and one worker.
  // A short heartbeat so a dead instance is noticed within the test, but not so short that a busy test
  // machine (all apps share one process) delays a beat past three of them and a live instance looks dead.
  // A database of their own: these tests count exactly what reaches a user's topic, and members made
  // moderators here would otherwise hear of every item other test files hold for moderation.
  own = await isolated('realtime');
  const fast = { ...own, OUTBOX_SWEEP_MS: '200', PRESENCE_HEARTBEAT_MS: '1000' };
  [a, b] = await Promise.all([startApp(fast), startApp(fast)]);
  worker = await startWorker(fast);
});
afterEach(() => sockets.splice(0).forEach((r) => r.socket.disconnect()));
afterAll(async () => {
  await Promise.all([a.close(), b.close(), worker.close()]);
});

/** Writes n role changes on the member's topic through instance `via` (each is one event). */
async function changeRoles(via: TestApp, userId: string, n: number) {
  const admin = await signedInAdmin(via.url);
  for (let i = 0; i < n; i++) {
    const res = await admin.put(`/api/users/${userId}/roles`, { roles: i % 2 === 0 ? ['moderator'] : [] });
    expect(res.status).toBe(200);
  }
}

/** Each role change makes two events on the user's topic: the change, then the worker's notification. */
async function settled(t: TestApp, topic: string, seq: number) {
  await eventually(async () => expect(await t.db.query(`SELECT seq::int FROM topic_seqs WHERE topic = $1`, [topic])).toEqual([{ seq }]));
}
const seqs = (r: Received) => r.events.map((e) => e.seq);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
/** A thread that exists (a subscribe to one that does not is refused), as a topic. */
const aThread = async () => topics.thread(await newThread((await signedIn(a.url)).client));

describe('delivery across instances', () => {
  it('a client on A receives, in order, what is written through B', async () => {
    const { client, user } = await signedIn(a.url);
    const member = open(a.url, { cookie: client.cookie });
    expect(await subscribe(member.socket, topics.user(user.id))).toEqual({ ok: true, seq: 0 });
    await changeRoles(b, user.id, 6);
    await eventually(() => expect(seqs(member)).toEqual(range(1, 12)));
    const changes = member.events.filter((e) => e.type === 'user.roles.changed');
    expect(changes.map((e) => e.payload.roles)).toEqual([['member', 'moderator'], ['member'], ['member', 'moderator'], ['member'], ['member', 'moderator'], ['member']]);
    expect(member.events.filter((e) => e.type === 'notification.created')).toHaveLength(6);
    expect(member.events[0]).toMatchObject({ topic: `user:${user.id}`, id: expect.any(Number), at: expect.any(String) });
  });

  it('a client that missed 50 events gets exactly those, in order, from the other instance', async () => {
    const { client, user } = await signedIn(a.url);
    const topic = topics.user(user.id);
    const first = open(a.url, { cookie: client.cookie });
    await subscribe(first.socket, topic);
    await changeRoles(a, user.id, 2);
    await eventually(() => expect(seqs(first)).toEqual(range(1, 4)));
    first.socket.disconnect();

    await changeRoles(a, user.id, 25);
    await settled(a, topic, 54);

    const again = open(b.url, { cookie: client.cookie });
    expect(await subscribe(again.socket, topic, 4)).toEqual({ ok: true, seq: 54 });
    await eventually(() => expect(again.events).toHaveLength(50));
    // Live events come after the replay: once the next change (55, 56) is in, nothing else came before it.
    await changeRoles(a, user.id, 1);
    await received(again, topic, 56);
    expect(seqs(again)).toEqual(range(5, 56));
  });

  it('without afterSeq a subscriber gets only new events', async () => {
    const { client, user } = await signedIn(a.url);
    await changeRoles(a, user.id, 2);
    await settled(a, topics.user(user.id), 4);
    const member = open(b.url, { cookie: client.cookie });
    expect(await subscribe(member.socket, topics.user(user.id))).toEqual({ ok: true, seq: 4 });
    await changeRoles(a, user.id, 1);
    await eventually(() => expect(seqs(member)).toEqual([5, 6]));
  });
});

describe('the sweeper', () => {
  it('publishes events whose relay died after commit', async () => {
    const { client, user } = await signedIn(a.url);
    const member = open(b.url, { cookie: client.cookie });
    await subscribe(member.socket, topics.user(user.id));
    // Committed like any write, but nothing publishes it afterwards (as if the process died there).
    const [event] = await a.db.transaction((manager) =>
      new Tx(manager, []).record({ topic: topics.user(user.id), type: 'user.roles.changed', payload: { userId: user.id, roles: ['member'], by: user.id } }, { actorId: user.id }).written(),
    );
    await eventually(() => expect(member.events.map((e) => e.id)).toEqual([event.id]), 10_000);
    await eventually(async () => expect((await a.db.query(`SELECT published_at FROM outbox WHERE id = $1`, [event.id]))[0].published_at).not.toBeNull());
  });
});

describe('published marks', () => {
  it('publishes close together are marked by one statement, after they resolve', async () => {
    const { user } = await signedIn(a.url);
    // Committed, not yet published (as the sweeper test's event).
    const record = () => a.db.transaction((manager) => new Tx(manager, []).record({ topic: topics.user(user.id), type: 'user.roles.changed', payload: { userId: user.id, roles: ['member'], by: user.id } }, { actorId: user.id }).written());
    const events = [...(await record()), ...(await record()), ...(await record())];
    const marked = async () => (await a.db.query(`SELECT count(*)::int AS n FROM outbox WHERE id = ANY($1) AND published_at IS NOT NULL`, [events.map((e) => e.id)]))[0].n;
    const query = jest.spyOn(a.db, 'query');
    try {
      expect(await Promise.all(events.map((e) => a.app.get(RelayService).publish([e])))).toEqual([true, true, true]);
      // Sent, not yet marked: the mark waits for the window's other publishes.
      expect(await marked()).toBe(0);
      await eventually(async () => expect(await marked()).toBe(3));
      expect(query.mock.calls.filter(([sql]) => String(sql).includes('SET published_at'))).toHaveLength(1);
    } finally {
      query.mockRestore();
    }
  });
});

describe('jobs', () => {
  it('an event implies a notification, made once even when the event is swept again', async () => {
    const { client, user } = await signedIn(a.url);
    const member = open(a.url, { cookie: client.cookie });
    await subscribe(member.socket, topics.user(user.id));
    await changeRoles(b, user.id, 1);

    const notified = await eventually(() => {
      const n = member.events.filter((e) => e.type === 'notification.created');
      expect(n).toHaveLength(1);
      return n[0];
    });
    expect(notified.payload).toMatchObject({ kind: 'roles', title: 'Your roles are now: moderator' });

    // Sweep the same event twice more: BullMQ keeps the job id, and the unique key guards the rows.
    const [{ id: eventId }] = await a.db.query(`SELECT id FROM outbox WHERE topic = $1 AND type = 'user.roles.changed'`, [topics.user(user.id)]);
    const relay = a.app.get(RelayService);
    for (let i = 0; i < 2; i++) {
      await a.db.query(`UPDATE outbox SET published_at = NULL, created_at = now() - interval '1 minute' WHERE id = $1`, [eventId]);
      await relay.sweep(0);
    }
    // Every job done and event out, then the socket has all the topic has: a second notification would be in it.
    await jobsSettled(a.db, worker);
    const [{ seq }] = await a.db.query(`SELECT seq::int FROM topic_seqs WHERE topic = $1`, [topics.user(user.id)]);
    await received(member, topics.user(user.id), seq);
    expect(await a.db.query(`SELECT count(*)::int AS n FROM notifications WHERE user_id = $1`, [user.id])).toEqual([{ n: 1 }]);
    expect(member.events.filter((e) => e.type === 'notification.created')).toHaveLength(1);

    const inbox = await client.get('/api/notifications');
    expect(inbox.body).toMatchObject({ unread: 1, items: [{ title: 'Your roles are now: moderator', readAt: null }] });
    // The topic's seq at reading time, to subscribe from without a gap.
    expect(inbox.body.seq).toBe(Math.max(...member.events.map((e) => e.seq)));
    expect((await client.post('/api/notifications/read', {})).body).toEqual({ unread: 0 });
  });

  it('a job run twice over (its id gone from Redis) still notifies once', async () => {
    const { user } = await signedIn(a.url);
    await changeRoles(a, user.id, 1);
    await eventually(async () => expect(await a.db.query(`SELECT count(*)::int AS n FROM notifications WHERE user_id = $1`, [user.id])).toEqual([{ n: 1 }]));
    const [{ id: eventId }] = await a.db.query(`SELECT id FROM outbox WHERE topic = $1 AND type = 'user.roles.changed'`, [topics.user(user.id)]);
    const queue = a.app.get(RelayService)['jobs'].queue('notifications');
    await queue.remove(`notify:event:${eventId}`);
    await a.db.query(`UPDATE outbox SET published_at = NULL, created_at = now() - interval '1 minute' WHERE id = $1`, [eventId]);
    await a.app.get(RelayService).sweep(0);
    await eventually(async () => expect(await queue.getJobState(`notify:event:${eventId}`)).toBe('completed'));
    expect(await a.db.query(`SELECT count(*)::int AS n FROM notifications WHERE user_id = $1`, [user.id])).toEqual([{ n: 1 }]);
  });

  it('a job that throws is retried with backoff and then succeeds', async () => {
    // The recipient does not exist yet, so the first attempt fails on the foreign key.
    const ghost = '11111111-2222-4333-8444-555555555555';
    const outbox = a.app.get(OutboxService);
    const [event] = await (await outbox.transaction(async (tx) => tx.record({ topic: topics.user(ghost), type: 'user.roles.changed', payload: { userId: ghost, roles: ['member', 'moderator'], by: ghost } }))).written();
    const queue = a.app.get(RelayService)['jobs'].queue('notifications');
    const jobId = `notify:event:${event.id}`;
    await eventually(async () => expect((await queue.getJob(jobId))?.attemptsMade).toBeGreaterThanOrEqual(1));
    await a.db.query(`INSERT INTO users (id, email, password_hash, display_name) VALUES ($1, 'ghost@example.org', 'x', 'Ghost')`, [ghost]);
    await eventually(async () => expect(await queue.getJobState(jobId)).toBe('completed'), 15_000);
    expect(await a.db.query(`SELECT title FROM notifications WHERE user_id = $1`, [ghost])).toEqual([{ title: 'Your roles are now: moderator' }]);
  });
});

describe('exhausted jobs', () => {
  it('stay inspectable by admins, who can retry them', async () => {
    const queue = a.app.get(RelayService)['jobs'].queue('notifications');
    const jobId = `test:missing-event:${Date.now()}`;
    await queue.add('fan-out', { eventId: 2_000_000_000 }, { jobId, attempts: 1 });
    await eventually(async () => expect(await queue.getJobState(jobId)).toBe('failed'));

    const admin = await signedInAdmin(a.url);
    const list = await admin.get('/api/admin/jobs?queue=notifications&state=failed');
    expect(list.status).toBe(200);
    expect(list.body.items).toContainEqual(expect.objectContaining({ id: jobId, name: 'fan-out', attemptsMade: 1, failedReason: 'event 2000000000 not found' }));
    expect((await admin.post(`/api/admin/jobs/notifications/${encodeURIComponent(jobId)}/retry`)).status).toBe(202);
    expect((await admin.get('/api/admin/jobs?queue=nope')).status).toBe(400);

    const { client } = await signedIn(a.url);
    expect((await client.get('/api/admin/jobs?queue=notifications')).status).toBe(403);
  });
});

describe('who may listen', () => {
  it('refuses moderation and other people’s user topics to those who may not, in the ack', async () => {
    const t12 = await aThread();
    const anonymous = open(a.url);
    expect(await subscribe(anonymous.socket, 'moderation')).toEqual({ ok: false, error: expect.stringMatching(/moderators/) });
    const { client, user } = await signedIn(a.url);
    const other = await signedIn(a.url);
    expect(await subscribe(anonymous.socket, topics.user(user.id))).toMatchObject({ ok: false });
    const member = open(a.url, { cookie: client.cookie });
    expect(await subscribe(member.socket, topics.user(other.user.id))).toMatchObject({ ok: false });
    expect(await subscribe(member.socket, 'moderation')).toMatchObject({ ok: false });
    expect(await subscribe(member.socket, topics.user(user.id))).toMatchObject({ ok: true });
    expect(await subscribe(anonymous.socket, 'catalogue')).toMatchObject({ ok: true });
    expect(await subscribe(anonymous.socket, t12)).toMatchObject({ ok: true });
    for (const bad of ['nonsense', 'thread:abc', 'user:1', '', 'thread:1'.padEnd(500, '1')]) {
      expect(await subscribe(anonymous.socket, bad)).toMatchObject({ ok: false });
    }
    expect(await member.socket.timeout(5000).emitWithAck('subscribe', { topic: 'catalogue', afterSeq: -1 })).toMatchObject({ ok: false });
    expect(await member.socket.timeout(5000).emitWithAck('subscribe', 'catalogue')).toMatchObject({ ok: false });
  });

  it('lets moderators follow moderation, and stops when the role is taken away', async () => {
    const admin = await signedInAdmin(a.url);
    const { client, user } = await signedIn(a.url);
    await admin.put(`/api/users/${user.id}/roles`, { roles: ['moderator'] });
    // A moderator who keeps the role, on the same instance: sees who is on the queue, and hears what it hears.
    const staying = open(b.url, { cookie: admin.cookie });
    expect(await subscribe(staying.socket, 'moderation')).toMatchObject({ ok: true });
    const moderator = open(b.url, { cookie: client.cookie });
    expect(await subscribe(moderator.socket, 'moderation')).toMatchObject({ ok: true });
    const onQueue = () => staying.presence.filter((p) => p.topic === 'moderation').at(-1)?.users.map((u) => u.id);
    await eventually(() => expect(onQueue()).toContain(user.id));
    await admin.put(`/api/users/${user.id}/roles`, { roles: [] });
    // B has taken them off the queue (leaving the room comes first).
    await eventually(() => expect(onQueue()).not.toContain(user.id));
    const [event] = await (await a.app.get(OutboxService).transaction(async (tx) => tx.record({ topic: 'moderation', type: 'user.roles.changed', payload: { userId: user.id, roles: ['member'], by: user.id } }))).written();
    // One emit to the room reaches both: once it has reached the staying moderator, it had been sent (or not) to the other.
    await eventually(() => expect(staying.events.map((e) => e.id)).toContain(event.id));
    await flushed(moderator.socket);
    expect(moderator.events.filter((e) => e.topic === 'moderation')).toEqual([]);
    expect(await subscribe(moderator.socket, 'moderation')).toMatchObject({ ok: false });
  });

  it('does not give back a role taken away when an old role change is sent again (as the sweeper repeats what looked unpublished)', async () => {
    const admin = await signedInAdmin(a.url);
    const { client, user } = await signedIn(a.url);
    await admin.put(`/api/users/${user.id}/roles`, { roles: ['moderator'] });
    const [promoted] = await a.db.query(`SELECT ${OUTBOX_COLUMNS} FROM outbox WHERE topic = $1 AND type = 'user.roles.changed'`, [topics.user(user.id)]);
    await admin.put(`/api/users/${user.id}/roles`, { roles: [] });
    const member = open(b.url, { cookie: client.cookie });
    await connected(member.socket);
    const token = client.cookie.split('=')[1];
    const reread = jest.spyOn(b.app.get(AuthService), 'validateMany');
    try {
      await a.app.get(RelayService).publish([fromRow(promoted)]);
      // B reads the roles again when the old event arrives; once that read is back, the socket has what it gave.
      await eventually(() => expect(reread.mock.calls.findIndex(([tokens]) => tokens.includes(token))).toBeGreaterThanOrEqual(0));
      await reread.mock.results[reread.mock.calls.findIndex(([tokens]) => tokens.includes(token))].value;
    } finally {
      reread.mockRestore();
    }
    const onB = b.app.get(RealtimeService)['server']!.sockets.sockets.get(member.socket.id!);
    expect(onB?.data.user.roles).toEqual(['member']);
    expect(await subscribe(member.socket, 'moderation')).toMatchObject({ ok: false });
  });

  it('reads a member\'s roles again once per role change on the instance that made it (its own copy of the event comes back through Redis)', async () => {
    const admin = await signedInAdmin(a.url);
    const { client, user } = await signedIn(a.url);
    const member = open(a.url, { cookie: client.cookie });
    expect(await subscribe(member.socket, topics.user(user.id))).toMatchObject({ ok: true });
    const token = client.cookie.split('=')[1];
    const validate = jest.spyOn(a.app.get(AuthService), 'validateMany');
    const fromRedis = jest.spyOn(a.app.get(RealtimeService), 'deliver');
    try {
      await admin.put(`/api/users/${user.id}/roles`, { roles: ['moderator'] });
      const change = await eventually(() => member.events.find((e) => e.type === 'user.roles.changed')!.id);
      // The local delivery came first; once the Redis copy has been handled, every read it led to has begun.
      await eventually(() => expect(fromRedis.mock.calls.some(([envelopes]) => envelopes.some((e) => e.id === change))).toBe(true));
      expect(validate.mock.calls.filter(([tokens]) => tokens.includes(token))).toHaveLength(1);
    } finally {
      validate.mockRestore();
      fromRedis.mockRestore();
    }
  });

  it('refuses a connection from a foreign Origin and accepts the public one', async () => {
    const { client } = await signedIn(a.url);
    const evil = open(a.url, { cookie: client.cookie, origin: 'https://evil.example' });
    await expect(connected(evil.socket)).rejects.toThrow();
    const good = open(a.url, { cookie: client.cookie, origin: a.url });
    await expect(connected(good.socket)).resolves.toBeUndefined();
  });
});

describe('presence and typing', () => {
  it('shows who is on a topic across instances, and who left', async () => {
    const t424 = await aThread();
    const one = await signedIn(a.url, { displayName: 'Ada Presence' });
    const two = await signedIn(a.url, { displayName: 'Bea Presence' });
    const onA = open(a.url, { cookie: one.client.cookie });
    const onB = open(b.url, { cookie: two.client.cookie });
    const anonymous = open(b.url);
    await subscribe(onA.socket, t424);
    await subscribe(anonymous.socket, t424);
    await subscribe(onB.socket, t424);
    const names = (r: Received) => r.presence.at(-1)?.users.map((u) => u.displayName);
    await eventually(() => expect(names(onA)).toEqual(['Ada Presence', 'Bea Presence']));
    await eventually(() => expect(names(anonymous)).toEqual(['Ada Presence', 'Bea Presence']));
    onB.socket.disconnect();
    await eventually(() => expect(names(onA)).toEqual(['Ada Presence']));
  });

  it('tells a second tab who is here without telling everyone again', async () => {
    const t717 = await aThread();
    const one = await signedIn(a.url, { displayName: 'Tab Owner' });
    const reader = open(b.url);
    await subscribe(reader.socket, t717);
    const first = open(a.url, { cookie: one.client.cookie });
    await subscribe(first.socket, t717);
    await eventually(() => expect(reader.presence.at(-1)?.users.map((u) => u.displayName)).toEqual(['Tab Owner']));
    const heard = reader.presence.length;
    const second = open(b.url, { cookie: one.client.cookie });
    await subscribe(second.socket, t717);
    await eventually(() => expect(second.presence.at(-1)?.users.map((u) => u.displayName)).toEqual(['Tab Owner']));
    // Telling the room would have gone out (on B) before the second tab's own list.
    await flushed(reader.socket);
    expect(reader.presence).toHaveLength(heard);
    // Closing one of two tabs leaves the person here: once A is done with it, and B with what A announced, nothing.
    const leave = jest.spyOn(a.app.get(PresenceService), 'leave');
    try {
      const firstId = first.socket.id;
      first.socket.disconnect();
      await eventually(() => expect(leave.mock.calls.findIndex(([s]) => s.id === firstId)).toBeGreaterThanOrEqual(0));
      await leave.mock.results[leave.mock.calls.findIndex(([s]) => s.id === firstId)].value;
    } finally {
      leave.mockRestore();
    }
    await presenceHeard(a, b);
    await flushed(reader.socket);
    expect(reader.presence).toHaveLength(heard);
  });

  it('forgets the people of an instance that stops beating, and brings them back if it was only stalled', async () => {
    const t515 = await aThread();
    const c = await startApp({ ...own, PRESENCE_HEARTBEAT_MS: '1000' });
    const one = await signedIn(a.url, { displayName: 'Cy Survivor' });
    const two = await signedIn(a.url, { displayName: 'Di Stalled' });
    const onA = open(a.url, { cookie: one.client.cookie });
    const onC = open(c.url, { cookie: two.client.cookie });
    await subscribe(onA.socket, t515);
    await subscribe(onC.socket, t515);
    await eventually(() => expect(onA.presence.at(-1)?.users).toHaveLength(2));
    // Silence C as a crash (or a long stall) would: no more heartbeats, no goodbye.
    const presence = c.app.get(PresenceService);
    clearInterval(presence['timer']);
    await eventually(() => expect(onA.presence.at(-1)?.users.map((u) => u.displayName)).toEqual(['Cy Survivor']), 10_000);
    // C was only stalled: its next beat puts its people back.
    await presence['beat']();
    await eventually(() => expect(onA.presence.at(-1)?.users.map((u) => u.displayName)).toEqual(['Cy Survivor', 'Di Stalled']));
    await c.close();
  });

  it('relays typing to the others on the topic, throttled, never to the typist', async () => {
    const t616 = await aThread();
    const one = await signedIn(a.url, { displayName: 'Typing One' });
    const two = await signedIn(a.url, { displayName: 'Typing Two' });
    const typist = open(a.url, { cookie: one.client.cookie });
    const reader = open(b.url, { cookie: two.client.cookie });
    await subscribe(typist.socket, t616);
    await subscribe(reader.socket, t616);
    const user = { id: one.user.id, displayName: 'Typing One' };
    for (let i = 0; i < 5; i++) typist.socket.emit('typing', { topic: t616 });
    // Typing in a named part of the page (a design section) says which, throttled per part.
    typist.socket.emit('typing', { topic: t616, section: 'data_in' });
    typist.socket.emit('typing', { topic: t616, section: 'Bad Section!' });
    // Relayed in the order typed: once this last one is in, any the throttle or the check let through came before it.
    typist.socket.emit('typing', { topic: t616, section: 'outputs' });
    await eventually(() => expect(reader.typing.at(-1)).toEqual({ topic: t616, section: 'outputs', user }));
    expect(reader.typing).toEqual([{ topic: t616, user }, { topic: t616, section: 'data_in', user }, { topic: t616, section: 'outputs', user }]);
    await flushed(typist.socket);
    expect(typist.typing).toHaveLength(0);
  });
});

describe('notifications inbox', () => {
  it('needs a signed-in user and validates its input', async () => {
    expect((await new Client(a.url).get('/api/notifications')).status).toBe(401);
    const { client } = await signedIn(a.url);
    expect((await client.get('/api/notifications?limit=0')).status).toBe(400);
    expect((await client.post('/api/notifications/read', { ids: ['x'] })).body.error.fields).toHaveProperty(['ids.0']);
  });
});
