import { createHash } from 'node:crypto';
import { FEEDBACK_ROLES } from '@commons/domain';
import { topics } from '@commons/realtime';
import { Client, connect, connected, eventually, isolated, newUser, Received, signedIn, signedInAdmin, startApp, subscribe, TestApp } from './harness';

/**
 * A socket's rights end with its session (docs/architecture.md, "Realtime protocol"): logout, expiry, account
 * deletion and a lost role end its access to `moderation` and `user:` topics at once, on every instance.
 * Each case: the socket on instance B, the action through instance A.
 */
let a: TestApp;
let b: TestApp;
let admin: Client;
/** A moderator whose socket on B keeps `moderation`: what it hears, the others must not. */
let control: Received;
const sockets: Received[] = [];

function open(url: string, cookie?: string) {
  const r = connect(url, { cookie });
  sockets.push(r);
  return r;
}

beforeAll(async () => {
  // A database of their own: moderators made here would otherwise hear other files' held items.
  const env = { ...(await isolated('socket_sessions')), FEEDBACK_RATE_PER_MINUTE: '1000' };
  [a, b] = await Promise.all([startApp(env), startApp(env)]);
  admin = await signedInAdmin(a.url);
  const watcher = await moderator();
  control = open(b.url, watcher.client.cookie);
  expect(await subscribe(control.socket, 'moderation')).toMatchObject({ ok: true });
});
afterAll(async () => {
  for (const s of sockets) s.socket.disconnect();
  await Promise.all([a.close(), b.close()]);
});

/** A fresh member made moderator through A; `input` signs them in again (another browser). */
async function moderator() {
  const input = newUser();
  const client = new Client(a.url);
  const res = await client.post('/api/auth/register', input);
  expect(res.status).toBe(201);
  expect((await admin.put(`/api/users/${res.body.user.id}/roles`, { roles: ['moderator'] })).status).toBe(200);
  return { client, input, user: res.body.user as { id: string } };
}

async function otherBrowser(input: { email: string; password: string }) {
  const client = new Client(a.url);
  expect((await client.post('/api/auth/login', { email: input.email, password: input.password })).status).toBe(200);
  return client;
}

async function moderationSocket(url: string, cookie: string) {
  const r = open(url, cookie);
  expect(await subscribe(r.socket, 'moderation')).toMatchObject({ ok: true });
  return r;
}

function disconnected(r: Received): Promise<string> {
  return new Promise((resolve) => r.socket.once('disconnect', resolve));
}

const heldItems = (r: Received) => r.events.filter((e) => e.type === 'moderation.item.created').map((e) => e.payload.subjectId as number);

/**
 * Feedback through A (it is held for moderators at once); resolves once the control moderator on B has
 * its item, so whatever B sent to the moderation room has been sent.
 */
async function holdFeedback(summary: string): Promise<number> {
  const res = await new Client(a.url).post('/api/feedback', { page: '/tools/903-validator', role: FEEDBACK_ROLES[0], summary, email: 'parent@example.org' });
  expect(res.status).toBe(202);
  await eventually(() => expect(heldItems(control)).toContain(res.body.id));
  return res.body.id;
}

/** A round trip on a still-connected socket: anything sent to it before has arrived. */
async function roundTrip(r: Received) {
  expect(await subscribe(r.socket, 'catalogue')).toMatchObject({ ok: true });
}

/** The old cookie no longer opens `moderation` or `user:`, not even to replay from the start. */
async function refusedAgain(cookie: string, userId: string) {
  const again = open(b.url, cookie);
  expect(await subscribe(again.socket, 'moderation', 0)).toMatchObject({ ok: false });
  const mine = open(b.url, cookie);
  expect(await subscribe(mine.socket, topics.user(userId), 0)).toMatchObject({ ok: false });
  expect([...again.events, ...mine.events]).toEqual([]);
}

function tokenHash(cookie: string) {
  return createHash('sha256').update(decodeURIComponent(cookie.split('=')[1])).digest('hex');
}

describe('logout', () => {
  it('disconnects the sockets of that session on every instance, not the person\'s other browsers', async () => {
    const { client, input, user } = await moderator();
    const other = await otherBrowser(input);
    const onB = await moderationSocket(b.url, client.cookie);
    const onA = await moderationSocket(a.url, client.cookie);
    const stays = await moderationSocket(b.url, other.cookie);
    const cookie = client.cookie;
    const closed = [disconnected(onB), disconnected(onA)];

    expect((await client.post('/api/auth/logout')).status).toBe(204);
    expect(await Promise.all(closed)).toEqual(['io server disconnect', 'io server disconnect']);

    const id = await holdFeedback('Logout: held after the session ended');
    await eventually(() => expect(heldItems(stays)).toContain(id));
    expect(stays.socket.connected).toBe(true);
    expect(heldItems(onB)).not.toContain(id);
    expect(heldItems(onA)).not.toContain(id);
    await refusedAgain(cookie, user.id);
    expect((await other.get('/api/auth/me')).status).toBe(200);
  });

  it('a socket that missed the revocation cannot resubscribe: every subscribe re-reads the session', async () => {
    const { client, user } = await moderator();
    const missed = await moderationSocket(b.url, client.cookie);
    // Revoked behind the instances' backs: no event, nobody told.
    await a.db.query(`UPDATE sessions SET revoked_at = now() WHERE token_hash = $1`, [tokenHash(client.cookie)]);
    const closed = disconnected(missed);
    expect(await subscribe(missed.socket, 'moderation', 0)).toEqual({ ok: false, error: expect.stringContaining('session has ended') });
    expect(await closed).toBe('io server disconnect');

    expect(missed.events.filter((e) => e.topic === topics.user(user.id))).toEqual([]);

    const member = await signedIn(a.url);
    const mine = open(b.url, member.client.cookie);
    expect(await subscribe(mine.socket, topics.user(member.user.id))).toMatchObject({ ok: true });
    await a.db.query(`UPDATE sessions SET revoked_at = now() WHERE token_hash = $1`, [tokenHash(member.client.cookie)]);
    expect(await subscribe(mine.socket, topics.user(member.user.id), 0)).toMatchObject({ ok: false });
  });
});

describe('expiry', () => {
  it('disconnects the socket when its session expires, read from the session\'s expires_at', async () => {
    const { client, user } = await moderator();
    const expiresAt = Date.now() + 3000;
    await a.db.query(`UPDATE sessions SET expires_at = $2 WHERE token_hash = $1`, [tokenHash(client.cookie), new Date(expiresAt)]);
    const socket = await moderationSocket(b.url, client.cookie);
    expect(await subscribe(socket.socket, topics.user(user.id))).toMatchObject({ ok: true });

    expect(await disconnected(socket)).toBe('io server disconnect');
    expect(Date.now()).toBeGreaterThanOrEqual(expiresAt - 50);
    const id = await holdFeedback('Expiry: held after the session expired');
    expect(heldItems(socket)).not.toContain(id);
    await refusedAgain(client.cookie, user.id);
  });
});

describe('account deletion', () => {
  it('disconnects every socket of the person, every session, on every instance', async () => {
    const { client, input, user } = await moderator();
    const other = await otherBrowser(input);
    const all = [await moderationSocket(b.url, client.cookie), await moderationSocket(b.url, other.cookie), await moderationSocket(a.url, other.cookie)];
    const closed = all.map(disconnected);

    const res = await client.request('DELETE', '/api/me', { password: input.password });
    expect({ status: res.status, body: res.body }).toEqual({ status: 204, body: undefined });
    expect(await Promise.all(closed)).toEqual(all.map(() => 'io server disconnect'));

    const id = await holdFeedback('Deletion: held after the account went');
    for (const s of all) expect(heldItems(s)).not.toContain(id);
    await refusedAgain(other.cookie, user.id);
  });
});

describe('losing the moderator role', () => {
  it('drops moderation on every instance at once and refuses it afterwards; the session goes on', async () => {
    const { client, user } = await moderator();
    const onB = await moderationSocket(b.url, client.cookie);
    const onA = await moderationSocket(a.url, client.cookie);
    // Who the control moderator sees on the moderation queue.
    const inModeration = () => control.presence.filter((p) => p.topic === 'moderation').at(-1)?.users.map((u) => u.id) ?? [];
    await eventually(() => expect(inModeration()).toContain(user.id));

    expect((await admin.put(`/api/users/${user.id}/roles`, { roles: [] })).status).toBe(200);
    // Both sockets leave moderation (and its presence list) without anyone subscribing again.
    await eventually(() => expect(inModeration()).not.toContain(user.id));

    const id = await holdFeedback('Demotion: held after the role went');
    for (const s of [onB, onA]) {
      await roundTrip(s);
      expect(heldItems(s)).not.toContain(id);
      expect(await subscribe(s.socket, 'moderation', 0)).toMatchObject({ ok: false });
      await roundTrip(s);
      expect(heldItems(s)).not.toContain(id);
    }
    // Still signed in, still theirs: only moderation went.
    expect(onB.socket.connected).toBe(true);
    expect(await subscribe(onB.socket, topics.user(user.id))).toMatchObject({ ok: true });
  });

  it('refuses a subscribe that races the demotion (the role is re-read, not taken from the handshake)', async () => {
    const { client, user } = await moderator();
    const socket = open(b.url, client.cookie);
    await connected(socket.socket);
    // Demoted behind the instances' backs: no event, so only the subscribe's own read can tell.
    await a.db.query(`UPDATE users SET roles = '{member}' WHERE id = $1`, [user.id]);
    expect(await subscribe(socket.socket, 'moderation', 0)).toMatchObject({ ok: false });
    await roundTrip(socket);
    expect(heldItems(socket)).toEqual([]);
  });
});
