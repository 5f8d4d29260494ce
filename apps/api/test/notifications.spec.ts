import type { INestApplicationContext } from '@nestjs/common';
import { FEEDBACK_ROLES, mentionToken } from '@commons/domain';
import { topics } from '@commons/realtime';
import { JobsService } from '../src/jobs/jobs.service';
import { NotificationRepository } from '../src/notifications/notifications.repository';
import { NotificationsService } from '../src/notifications/notifications.service';
import { Client, connect, eventually, isolated, settled as waitSettled, Received, received, signedIn, signedInAdmin, startApp, startWorker, subscribe, TestApp } from './harness';

let t: TestApp;
let worker: INestApplicationContext;
let admin: Client;
let adminName: string;
let env: Record<string, string>;
const sockets: Received[] = [];
let n = 0;
const fresh = (what: string) => `${what}-${process.pid}-${Date.now().toString(36)}-${++n}`;

type Member = Awaited<ReturnType<typeof signedIn>>;
const member = (name = `Member ${++n}`) => signedIn(t.url, { displayName: name });

/** What the inbox says, sorted: fan-out jobs run concurrently, so the order of two events' notifications is not the point. */
async function inbox(c: Client): Promise<string[]> {
  return (await c.get('/api/notifications?limit=100')).body.items.map((x: { kind: string; title: string }) => `${x.kind}: ${x.title}`).sort();
}
const settled = () => waitSettled(t.db, worker);
async function thread(c: Client, extra: Record<string, unknown> = {}) {
  const res = await c.post('/api/threads', { subjectType: 'general', title: `Thread ${++n}`, body: 'First message', ...extra });
  expect(res.status).toBe(201);
  return res.body as { thread: { id: number; title: string }; message: { id: number } };
}
async function post(c: Client, threadId: number, body: string, parentId?: number) {
  const res = await c.post(`/api/threads/${threadId}/messages`, { body, ...(parentId && { parentId }) });
  expect(res.status).toBe(201);
  return res.body.message as { id: number };
}
async function tool(maintainer: Member) {
  const slug = fresh('tool');
  const res = await maintainer.client.post('/api/tools', { slug, name: `Tool ${slug}`, summary: 'A tool made by a test, for a test.' });
  expect(res.status).toBe(201);
  return slug;
}
async function initiative(leader: Member) {
  const slug = fresh('initiative');
  const res = await leader.client.post('/api/initiatives', { slug, title: `Initiative ${slug}`, summary: 'An initiative made by a test, for a test.', focusArea: 'facilitating' });
  expect(res.status).toBe(201);
  return slug;
}
const watch = (m: Member, type: string, id: string | number, level: string) => m.client.put(`/api/watches/${type}/${id}`, { level });

beforeAll(async () => {
  env = await isolated('notifications');
  t = await startApp({ ...env, MESSAGE_RATE_PER_MINUTE: '1000', FEEDBACK_RATE_PER_MINUTE: '1000' });
  worker = await startWorker(env);
  admin = await signedInAdmin(t.url);
  adminName = (await admin.get('/api/auth/me')).body.user.displayName;
});
afterEach(() => sockets.splice(0).forEach((s) => s.socket.disconnect()));
afterAll(async () => {
  await worker.close();
  await t.close();
});

describe('watch levels', () => {
  it('reads and sets a level, naming the field on bad input and 404 for an unknown subject', async () => {
    const m = await member();
    const other = await member();
    const { thread: th } = await thread(other.client);
    expect((await m.client.get(`/api/watches/thread/${th.id}`)).body).toMatchObject({ subjectType: 'thread', subjectId: String(th.id), level: 'normal', reason: 'default', url: `/threads/${th.id}` });
    expect((await watch(m, 'thread', th.id, 'watching')).body).toMatchObject({ level: 'watching', reason: 'chosen', title: th.title });
    expect((await m.client.get(`/api/watches/thread/${th.id}`)).body.level).toBe('watching');

    const bad = await watch(m, 'thread', th.id, 'loud');
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toHaveProperty('level');
    const badType = await m.client.put(`/api/watches/planet/${th.id}`, { level: 'muted' });
    expect(badType.status).toBe(400);
    expect(badType.body.error.fields).toHaveProperty('subjectType');
    for (const [type, id] of [['thread', 999999999], ['tool', 'no-such-tool'], ['initiative', 'no-such-initiative']] as const) {
      const res = await watch(m, type, id, 'muted');
      expect([type, res.status, res.body.error.fields]).toEqual([type, 404, { subjectId: expect.any(String) }]);
    }
    expect((await new Client(t.url).put(`/api/watches/thread/${th.id}`, { level: 'muted' })).status).toBe(401);
  });

  it('lists what you watch: threads you started, tools you maintain, initiatives you lead or follow, and your choices', async () => {
    const m = await member();
    const { thread: mine } = await thread(m.client);
    const slug = await tool(m);
    const led = await initiative(m);
    const other = await member();
    const { thread: theirs } = await thread(other.client);
    await watch(m, 'thread', theirs.id, 'muted');
    const items = (await m.client.get('/api/watches')).body.items;
    expect(items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ subjectType: 'thread', subjectId: String(mine.id), level: 'watching', reason: 'author' }),
        expect.objectContaining({ subjectType: 'tool', subjectId: slug, level: 'watching', reason: 'maintainer' }),
        expect.objectContaining({ subjectType: 'initiative', subjectId: led, level: 'watching', reason: 'leader' }),
        expect.objectContaining({ subjectType: 'thread', subjectId: String(theirs.id), level: 'muted', reason: 'chosen' }),
      ]),
    );
    // A choice overrides being the author.
    await watch(m, 'thread', mine.id, 'normal');
    expect((await m.client.get(`/api/watches/thread/${mine.id}`)).body).toMatchObject({ level: 'normal', reason: 'chosen' });
  });

  it('keeps following an initiative and watching it one thing', async () => {
    const leader = await member();
    const slug = await initiative(leader);
    const m = await member();
    const following = async () => (await m.client.get(`/api/initiatives/${slug}`)).body.initiative?.viewer?.following ?? (await m.client.get(`/api/initiatives/${slug}`)).body.viewer?.following;
    expect((await watch(m, 'initiative', slug, 'watching')).body).toMatchObject({ level: 'watching', reason: 'follower' });
    expect(await following()).toBe(true);
    expect((await watch(m, 'initiative', slug, 'muted')).body.level).toBe('muted');
    expect(await following()).toBe(false);
    // Following again by the old route is watching again.
    expect((await m.client.put(`/api/initiatives/${slug}/follow`)).status).toBe(200);
    expect((await m.client.get(`/api/watches/initiative/${slug}`)).body.level).toBe('watching');
    expect((await m.client.delete(`/api/initiatives/${slug}/follow`)).status).toBe(200);
    expect((await m.client.get(`/api/watches/initiative/${slug}`)).body.level).toBe('normal');
  });
});

describe('who is notified', () => {
  it('a new message: the thread’s author and watchers; never the writer; normal readers nothing; muted nothing at all', async () => {
    const author = await member('Ann Author');
    const watcher = await member('Wes Watcher');
    const reader = await member('Ray Reader');
    const muter = await member('Mia Muter');
    const writer = await member('Will Writer');
    const { thread: th, message: first } = await thread(author.client, { title: 'Counting respite nights' });
    await settled();
    await watch(watcher, 'thread', th.id, 'watching');
    await watch(writer, 'thread', th.id, 'watching');
    await watch(muter, 'thread', th.id, 'muted');
    // Mentions and replies to a muted member are swallowed too; the reader is mentioned and hears of it.
    const m1 = await post(writer.client, th.id, `Hello ${mentionToken({ id: muter.user.id, displayName: 'Mia Muter' })} and ${mentionToken({ id: reader.user.id, displayName: 'Ray Reader' })}`);
    await post(writer.client, th.id, 'Another thought', first.id);
    await settled();
    expect(await inbox(author.client)).toEqual(['message: Will Writer posted in “Counting respite nights”', 'reply: Will Writer replied to you in “Counting respite nights”']);
    expect(await inbox(watcher.client)).toEqual(['message: Will Writer posted in “Counting respite nights”', 'message: Will Writer posted in “Counting respite nights”']);
    expect(await inbox(reader.client)).toEqual(['mention: Will Writer mentioned you in “Counting respite nights”']);
    expect(await inbox(muter.client)).toEqual([]);
    expect(await inbox(writer.client)).toEqual([]);
    // A reply to the muted member's own message: still nothing.
    const mutersOwn = await post(muter.client, th.id, 'My own point');
    await post(writer.client, th.id, 'Answering you', mutersOwn.id);
    await settled();
    expect(await inbox(muter.client)).toEqual([]);
    // The mention points at the very message.
    expect((await reader.client.get('/api/notifications')).body.items[0].url).toBe(`/threads/${th.id}#message-${m1.id}`);
  });

  it('a message the check holds tells nobody; once a moderator lets it through, the people it concerns hear of it, once', async () => {
    const author = await member('Tia Thread');
    const watcher = await member('Val Watcher');
    const mentioned = await member('Max Mentioned');
    const writer = await member('Rex Rude');
    const { thread: th } = await thread(author.client, { title: 'Validator errors' });
    await settled();
    await watch(watcher, 'thread', th.id, 'watching');
    const rude = await post(writer.client, th.id, `${mentionToken({ id: mentioned.user.id, displayName: 'Max Mentioned' })} this validator is fucking useless`);
    await settled();
    expect((await t.db.query(`SELECT state FROM messages WHERE id = $1`, [rude.id]))[0].state).toBe('held');
    for (const m of [author, watcher, mentioned]) expect(await inbox(m.client)).toEqual([]);

    const [{ id: itemId }] = await t.db.query(`SELECT id FROM moderation_items WHERE subject_type = 'message' AND subject_id = $1`, [rude.id]);
    expect((await admin.post(`/api/moderation/items/${itemId}/decision`, { decision: 'approve' })).status).toBe(200);
    await settled();
    expect(await inbox(author.client)).toEqual(['message: Rex Rude posted in “Validator errors”']);
    expect(await inbox(watcher.client)).toEqual(['message: Rex Rude posted in “Validator errors”']);
    expect(await inbox(mentioned.client)).toEqual(['mention: Rex Rude mentioned you in “Validator errors”']);
    expect(await inbox(writer.client)).toEqual([]);
  });

  it('a question answered: the asker hears it as an answer, which outranks watching their own thread', async () => {
    const asker = await member('Ada Asker');
    const helper = await member('Hal Helper');
    const { thread: th } = await thread(asker.client, { kind: 'question', title: 'Which return is due first?' });
    await settled();
    await post(helper.client, th.id, 'The SSDA903 return, in June');
    await settled();
    expect(await inbox(asker.client)).toEqual(['answer: Hal Helper answered your question “Which return is due first?”']);
    expect(await inbox(helper.client)).toEqual([]);
  });

  it('tells a deleted account nothing, even of a reply to what it wrote', async () => {
    const leaver = await member('Lee Leaver');
    const writer = await member('Wyn Writer');
    const { thread: th, message: first } = await thread(leaver.client);
    await settled();
    expect((await leaver.client.request('DELETE', '/api/me', { password: 'a sensible passphrase' })).status).toBe(204);
    await post(writer.client, th.id, 'Replying to someone who has gone', first.id);
    await settled();
    expect((await t.db.query(`SELECT count(*)::int AS n FROM notifications WHERE user_id = $1`, [leaver.user.id]))[0].n).toBe(0);
  });

  it('a tool: maintainers and watchers hear of releases and stage moves (once per move), and of messages in its threads; muting the tool mutes them', async () => {
    const maintainer = await member('Mo Maintainer');
    const slug = await tool(maintainer);
    const watcher = await member();
    const muter = await member('Tom Toolmuter');
    await watch(watcher, 'tool', slug, 'watching');
    await watch(muter, 'tool', slug, 'muted');
    expect((await admin.post(`/api/tools/${slug}/releases`, { version: '1.2.0' })).status).toBe(201);
    expect((await admin.patch(`/api/tools/${slug}`, { stage: 'in_design' })).status).toBe(200);
    const { thread: th } = await thread(muter.client, { subjectType: 'tool', subjectId: slug, title: 'Tool talk' });
    // The muter started this thread, so they watch it: the thread's own level beats the tool's.
    await watch(muter, 'thread', th.id, 'muted');
    await post(admin, th.id, `A word for ${mentionToken({ id: muter.user.id, displayName: 'x' })}`);
    await settled();
    const name = `Tool ${slug}`;
    for (const m of [maintainer, watcher]) {
      // A new thread on a watched tool is news too: its first message, then the admin's.
      expect(await inbox(m.client)).toEqual(
        [`message: ${adminName} posted in “Tool talk”`, 'message: Tom Toolmuter posted in “Tool talk”', `tool: ${name} moved to in_design`, `tool: ${name} 1.2.0 released`].sort(),
      );
    }
    expect(await inbox(muter.client)).toEqual([]);
    expect(await inbox(admin)).not.toContain(`tool: ${name} 1.2.0 released`);

    // A maintainer assigned later watches from then on, with no row of their own.
    const later = await member();
    expect((await admin.put(`/api/tools/${slug}/maintainers/${later.user.id}`)).status).toBeLessThan(300);
    expect((await admin.post(`/api/tools/${slug}/releases`, { version: '1.3.0' })).status).toBe(201);
    await settled();
    expect(await inbox(later.client)).toEqual([`tool: ${name} 1.3.0 released`]);
  });

  it('an initiative’s threads: its watchers hear of new messages there', async () => {
    const leader = await member();
    const slug = await initiative(leader);
    const writer = await member('Ida Initiative');
    const { thread: th } = await thread(writer.client, { subjectType: 'initiative', subjectId: slug, title: 'Initiative talk' });
    await settled();
    expect(await inbox(leader.client)).toEqual(['message: Ida Initiative posted in “Initiative talk”']);
    expect(th.id).toBeGreaterThan(0);
  });

  it('an initiative: followers and leaders hear of updates and milestones done, not of other milestone edits; muted hear nothing', async () => {
    const leader = await member();
    const slug = await initiative(leader);
    const follower = await member();
    const muter = await member();
    await follower.client.put(`/api/initiatives/${slug}/follow`);
    await muter.client.put(`/api/initiatives/${slug}/follow`);
    await watch(muter, 'initiative', slug, 'muted');
    const milestone = (await admin.post(`/api/initiatives/${slug}/milestones`, { title: 'Agree the fields' })).body.milestone;
    await admin.patch(`/api/initiatives/${slug}/milestones/${milestone.id}`, { title: 'Agree the fields, finally' });
    await admin.patch(`/api/initiatives/${slug}/milestones/${milestone.id}`, { done: true });
    await admin.post(`/api/initiatives/${slug}/updates`, { body: 'Going well', rag: 'on_track' });
    await settled();
    const expected = [`initiative: Milestone done on “Initiative ${slug}”: Agree the fields, finally`, `initiative: New update on “Initiative ${slug}”`];
    expect(await inbox(follower.client)).toEqual(expected);
    expect(await inbox(leader.client)).toEqual(expected);
    expect(await inbox(muter.client)).toEqual([]);
  });

  it('moderators (and admins) hear of an item held for them, once; the feedback writer is nobody to tell', async () => {
    const mod = await member();
    await admin.put(`/api/users/${mod.user.id}/roles`, { roles: ['moderator'] });
    const res = await new Client(t.url).post('/api/feedback', { page: '/tools/903-validator', role: FEEDBACK_ROLES[0], summary: 'Child 943 476 5919 is rejected', email: 'writer@example.org' });
    expect(res.status).toBe(202);
    await eventually(async () => expect((await inbox(mod.client)).filter((x) => x.startsWith('moderation:'))).toHaveLength(1), 20_000);
    await settled();
    const items = (await mod.client.get('/api/notifications')).body.items.filter((x: { kind: string }) => x.kind === 'moderation');
    expect(items).toHaveLength(1);
    expect(items[0].url).toMatch(/^\/moderation#item-\d+$/);
    expect(items[0].title).toBe('Page feedback is waiting in the moderation queue');
    expect(items[0].title).not.toContain('943');
    const adminItems = (await admin.get('/api/notifications?limit=100')).body.items.filter((x: { url: string | null }) => x.url === items[0].url);
    expect(adminItems).toHaveLength(1);
    // A clean item needs nobody.
    await new Client(t.url).post('/api/feedback', { page: '/tools/903-validator', role: FEEDBACK_ROLES[0], summary: 'The export button could be bigger' });
    await settled();
    expect((await mod.client.get('/api/notifications')).body.items.filter((x: { kind: string }) => x.kind === 'moderation')).toHaveLength(items.length);
    const [{ n: toWriter }] = await t.db.query(`SELECT count(*)::int AS n FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.email = 'writer@example.org'`);
    expect(toWriter).toBe(0);
  });
});

describe('fan-out', () => {
  it('creates no duplicate when the job runs again (a retry or a re-swept event)', async () => {
    const author = await member();
    const watcher = await member();
    const { thread: th } = await thread(author.client);
    await settled();
    await watch(watcher, 'thread', th.id, 'watching');
    const live = connect(t.url, { cookie: watcher.client.cookie });
    sockets.push(live);
    await subscribe(live.socket, topics.user(watcher.user.id));
    const msg = await post(author.client, th.id, 'Once only');
    await settled();
    const [{ id: eventId }] = await t.db.query(`SELECT id FROM outbox WHERE type = 'message.created' AND topic = $1 AND payload->>'id' = $2`, [topics.thread(th.id), String(msg.id)]);
    const service = worker.get(NotificationsService);
    expect(await service.fanOut({ eventId: Number(eventId) })).toBe(0);
    expect(await service.fanOut({ eventId: Number(eventId) })).toBe(0);
    // And re-enqueued under a fresh id, as a sweep after BullMQ forgot the first would.
    await worker.get(JobsService).enqueue([{ queue: 'notifications', name: 'fan-out', jobId: `again:event:${eventId}`, data: { eventId: Number(eventId) } }]);
    await settled();
    const [{ n: rows }] = await t.db.query(`SELECT count(*)::int AS n FROM notifications WHERE event_id = $1`, [eventId]);
    expect(rows).toBe(1);
    expect(await inbox(watcher.client)).toHaveLength(1);
    // Settled, so all the topic will have is out: once the socket has it, a second notification would be there.
    const [{ seq }] = await t.db.query(`SELECT seq::int FROM topic_seqs WHERE topic = $1`, [topics.user(watcher.user.id)]);
    await received(live, topics.user(watcher.user.id), seq);
    expect(live.events.filter((e) => e.type === 'notification.created')).toHaveLength(1);
  });

  it('tells nobody of a message no longer visible by the time its notifications are worked out', async () => {
    const author = await member();
    const { thread: th } = await thread(author.client);
    await settled();
    const kept = await post(author.client, th.id, 'Staying');
    const gone = await post(author.client, th.id, 'Going');
    await settled();
    expect((await author.client.request('DELETE', `/api/messages/${gone.id}`)).status).toBeLessThan(300);
    // Someone starts watching only now, so neither message has told them yet; the fan-out is asked again.
    const late = await member();
    await watch(late, 'thread', th.id, 'watching');
    const eventOf = async (id: number) =>
      Number((await t.db.query(`SELECT id FROM outbox WHERE type = 'message.created' AND topic = $1 AND payload->>'id' = $2`, [topics.thread(th.id), String(id)]))[0].id);
    const service = worker.get(NotificationsService);
    expect(await service.fanOut({ eventId: await eventOf(gone.id) })).toBe(0);
    expect(await service.fanOut({ eventId: await eventOf(kept.id) })).toBe(1);
    expect(await inbox(late.client)).toHaveLength(1);
  });

  it('writes thousands of rows in batches, one live event per recipient on their own topic', async () => {
    const author = await member();
    const { thread: th } = await thread(author.client);
    await settled();
    const count = 2500;
    await t.db.query(
      `WITH u AS (INSERT INTO users (email, password_hash, display_name)
                  SELECT 'bulk-' || $2 || '-' || g || '@example.org', 'x', 'Bulk ' || g FROM generate_series(1, $1) g RETURNING id)
       INSERT INTO watches (subject_type, subject_id, user_id, level) SELECT 'thread', $3, id, 'watching' FROM u`,
      [count, fresh('bulk'), String(th.id)],
    );
    const one = (await t.db.query(`SELECT user_id FROM watches WHERE subject_type = 'thread' AND subject_id = $1 LIMIT 1`, [String(th.id)]))[0].user_id;
    const msg = await post(author.client, th.id, 'To everyone watching');
    await settled();
    const [{ total, users }] = await t.db.query(`SELECT count(*)::int AS total, count(DISTINCT user_id)::int AS users FROM notifications WHERE url = $1`, [`/threads/${th.id}#message-${msg.id}`]);
    expect([total, users]).toEqual([count, count]);
    const events = await t.db.query(`SELECT topic, seq, published_at FROM outbox WHERE type = 'notification.created' AND payload->>'url' = $1`, [`/threads/${th.id}#message-${msg.id}`]);
    expect(events).toHaveLength(count);
    expect(new Set(events.map((e: { topic: string }) => e.topic)).size).toBe(count);
    expect(events.every((e: { published_at: Date | null }) => e.published_at)).toBe(true);
    expect(events.find((e: { topic: string }) => e.topic === topics.user(one))).toBeDefined();
  });
});

describe('inbox', () => {
  it('lists unread first, then newest first, a page at a time', async () => {
    const m = await member();
    const writer = await member();
    const { thread: th } = await thread(writer.client);
    await settled();
    await watch(m, 'thread', th.id, 'watching');
    for (let i = 1; i <= 5; i++) await post(writer.client, th.id, `news ${i}`);
    await settled();
    const all = (await m.client.get('/api/notifications')).body.items;
    expect(all).toHaveLength(5);
    // Read the newest two: they go to the end.
    await m.client.post('/api/notifications/read', { ids: [all[0].id, all[1].id] });
    const ids = all.map((x: { id: number }) => x.id);
    const expected = [ids[2], ids[3], ids[4], ids[0], ids[1]];
    const pages: number[] = [];
    let before: number | undefined;
    for (let page = 0; page < 3; page++) {
      const body = (await m.client.get(`/api/notifications?limit=2${before ? `&before=${before}` : ''}`)).body;
      pages.push(...body.items.map((x: { id: number }) => x.id));
      before = body.items.at(-1)?.id;
    }
    expect(pages).toEqual(expected);
    expect((await m.client.get('/api/notifications?limit=2&before=abc')).body.error.fields).toHaveProperty('before');
  });

  it('reads the seq, the page and the unread count at one moment: a notification committed meanwhile is counted once', async () => {
    const m = await member();
    const repo = t.app.get(NotificationRepository);
    const { inbox: list, unreadCount: count } = repo;
    // The page is read, then a role change's fan-out commits, then the count is read.
    let listed: Promise<unknown> = Promise.resolve();
    let held = false;
    const listing = jest.spyOn(repo, 'inbox').mockImplementation((...args) => (listed = list.apply(repo, args)));
    const counting = jest.spyOn(repo, 'unreadCount').mockImplementationOnce(async (...args) => {
      held = true;
      await listed;
      expect((await admin.put(`/api/users/${m.user.id}/roles`, { roles: ['moderator'] })).status).toBe(200);
      await settled();
      return count.apply(repo, args);
    });
    let body: { items: { id: number; readAt: string | null }[]; unread: number; seq: number };
    try {
      body = (await m.client.get('/api/notifications')).body;
    } finally {
      listing.mockRestore();
      counting.mockRestore();
    }
    expect(held).toBe(true);
    const listedIds = new Set(body.items.map((x) => x.id));
    // What the header shows: the count it read, plus each notification replayed after the seq that the page did not list.
    const replayed = await t.db.query(`SELECT (payload->>'id')::int AS id FROM outbox WHERE topic = $1 AND seq > $2 AND type = 'notification.created'`, [topics.user(m.user.id), body.seq]);
    expect(replayed).toHaveLength(1);
    expect(body.unread + replayed.filter((r: { id: number }) => !listedIds.has(r.id)).length).toBe(1);
    expect(body.unread).toBe(body.items.filter((x) => x.readAt === null).length);
  });
});

describe('preferences without SMTP_URL', () => {
  it('says email is unavailable, validates the choice, and still stores it', async () => {
    const m = await member();
    expect((await m.client.get('/api/notifications/preferences')).body).toEqual({ email: 'off', emailAvailable: false, lastDigestAt: null });
    const bad = await m.client.put('/api/notifications/preferences', { email: 'sometimes' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toHaveProperty('email');
    expect((await m.client.put('/api/notifications/preferences', { email: 'on' })).body).toMatchObject({ email: 'on', emailAvailable: false });
    expect((await new Client(t.url).get('/api/notifications/preferences')).status).toBe(401);
  });

  it('registers the daily digest schedule', async () => {
    const scheduler = await worker.get(JobsService).queue('notifications').getJobScheduler('digest');
    expect(scheduler).toMatchObject({ pattern: '0 7 * * *', tz: 'Europe/London', name: 'digest' });
  });
});

