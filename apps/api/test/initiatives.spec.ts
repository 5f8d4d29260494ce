import type { INestApplicationContext } from '@nestjs/common';
import { Client, connect, eventually, isolated, Received, settled, signedIn, signedInAdmin, startApp, startWorker, subscribe, TestApp, verifiedMemberOf } from './harness';

let t: TestApp;
let worker: INestApplicationContext;
let admin: Client;
const sockets: Received[] = [];
let n = 0;
/** A slug no other test (or parallel spec) uses. */
const fresh = () => `initiative-test-${process.pid}-${Date.now().toString(36)}-${++n}`;
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** A member who proposes a new initiative, so they lead it. */
async function proposed(extra: Record<string, unknown> = {}) {
  const m = await signedIn(t.url, { displayName: `Leader ${++n}` });
  const slug = fresh();
  const res = await m.client.post('/api/initiatives', { slug, title: `Initiative ${slug}`, summary: 'An initiative made by a test, for a test.', focusArea: 'facilitating', ...extra });
  if (res.status !== 201) throw new Error(`propose failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { slug, leader: m };
}

beforeAll(async () => {
  // A database of its own: a test counts the inbox once settled(), which waits for this file's jobs only.
  const own = await isolated('initiatives');
  t = await startApp(own);
  worker = await startWorker(own);
  admin = await signedInAdmin(t.url);
});
afterEach(() => sockets.splice(0).forEach((s) => s.socket.disconnect()));
afterAll(async () => {
  await worker.close();
  await t.close();
});

describe('proposing and reading', () => {
  it('lets any member propose: it starts proposed, they lead and follow it, with linked tools', async () => {
    expect((await new Client(t.url).post('/api/initiatives', { title: 'Anonymous', summary: 'Nobody signed in proposes this.', focusArea: 'advising' })).status).toBe(401);
    const { slug, leader } = await proposed({ toolSlugs: ['903-validator'], startDate: day(0), targetDate: day(90), description: '# Plan\nShip it.' });
    const res = await new Client(t.url).get(`/api/initiatives/${slug}`);
    expect(res.status).toBe(200);
    expect(res.body.viewer).toBeNull();
    // The page follows the topic from this seq (the proposal's own event is already in what it read).
    expect(res.body.seq).toBe((await t.db.query(`SELECT seq::int FROM topic_seqs WHERE topic = $1`, [`initiative:${slug}`]))[0]?.seq ?? 0);
    expect(res.body.initiative).toMatchObject({
      slug,
      status: 'proposed',
      focusArea: 'facilitating',
      leaders: [{ id: leader.user.id }],
      tools: [{ slug: '903-validator' }],
      progress: { done: 0, total: 0, percent: 0 },
      followers: 1,
      startDate: day(0),
      targetDate: day(90),
    });
    expect(res.body.initiative.statusHistory).toEqual([{ from: null, to: 'proposed', by: expect.objectContaining({ id: leader.user.id }), at: expect.any(String) }]);
    expect((await leader.client.get(`/api/initiatives/${slug}`)).body.viewer).toEqual({ leader: true, following: true, participating: false });

    const again = await leader.client.post('/api/initiatives', { slug, title: 'Same slug again', summary: 'This slug is taken already.', focusArea: 'advising' });
    expect(again).toMatchObject({ status: 409, body: { error: { fields: { slug: expect.any(String) } } } });
    expect((await new Client(t.url).get('/api/initiatives/no-such-initiative')).status).toBe(404);
  });

  it('makes the slug from the title when none is given', async () => {
    const m = await signedIn(t.url);
    const res = await m.client.post('/api/initiatives', { title: `Care Leavers Data Standard ${process.pid} ${++n}`, summary: 'Agree one way to record care leavers.', focusArea: 'advising' });
    expect(res.status).toBe(201);
    expect(res.body.initiative.slug).toMatch(/^care-leavers-data-standard-\d+-\d+$/);
  });

  it('lists everything, filterable by status and focus area', async () => {
    const a = await proposed({ focusArea: 'maintaining' });
    const b = await proposed({ focusArea: 'advising' });
    await b.leader.client.patch(`/api/initiatives/${b.slug}`, { status: 'active' });
    const slugs = async (q: string) => ((await new Client(t.url).get(`/api/initiatives${q}`)).body.items as { slug: string }[]).map((i) => i.slug);
    expect(await slugs('')).toEqual(expect.arrayContaining([a.slug, b.slug]));
    expect(await slugs('?focusArea=maintaining')).toContain(a.slug);
    expect(await slugs('?focusArea=maintaining')).not.toContain(b.slug);
    expect(await slugs('?status=active&focusArea=advising')).toContain(b.slug);
    expect(await slugs('?status=active')).not.toContain(a.slug);
  });

  it('answers bad input with 400 naming the fields', async () => {
    const m = await signedIn(t.url);
    const res = await m.client.post('/api/initiatives', { title: 'x', summary: 'short', focusArea: 'dreaming', startDate: '2026-13-01', toolSlugs: 'x' });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields).sort()).toEqual(['focusArea', 'startDate', 'summary', 'title', 'toolSlugs']);
    const dates = await m.client.post('/api/initiatives', { title: 'Backwards', summary: 'Ends before it starts.', focusArea: 'advising', startDate: day(10), targetDate: day(1) });
    expect(dates.body.error.fields).toHaveProperty('targetDate');
    const tools = await m.client.post('/api/initiatives', { title: 'Unknown tool', summary: 'Links a tool that is not there.', focusArea: 'advising', toolSlugs: ['no-such-tool'] });
    expect(tools).toMatchObject({ status: 400, body: { error: { fields: { toolSlugs: expect.stringContaining('no-such-tool') } } } });
    // Pages of the web client live at these addresses.
    expect((await m.client.post('/api/initiatives', { slug: 'dashboard', title: 'Reserved', summary: 'Takes a page address.', focusArea: 'advising' })).body.error.fields).toHaveProperty('slug');
    expect((await m.client.post('/api/initiatives', { title: 'New', summary: 'Its slug would be a page address.', focusArea: 'advising' })).body.error.fields).toHaveProperty('slug');
    expect((await new Client(t.url).get('/api/initiatives?status=finished')).body.error.fields).toHaveProperty('status');
    expect((await new Client(t.url).get('/api/initiatives/Not_A_Slug')).status).toBe(400);

    const { slug, leader } = await proposed();
    expect((await leader.client.patch(`/api/initiatives/${slug}`, { status: 'finished' })).body.error.fields).toHaveProperty('status');
    expect((await leader.client.patch(`/api/initiatives/${slug}`, {})).status).toBe(400);
    expect((await leader.client.post(`/api/initiatives/${slug}/milestones`, { title: '', dueDate: 'soon' })).body.error.fields).toEqual({ title: expect.any(String), dueDate: expect.any(String) });
    expect((await leader.client.patch(`/api/initiatives/${slug}/milestones/abc`, { done: true })).body.error.fields).toHaveProperty('id');
    expect((await leader.client.patch(`/api/initiatives/${slug}/milestones/1`, { done: 'yes' })).body.error.fields).toHaveProperty('done');
    expect((await leader.client.post(`/api/initiatives/${slug}/updates`, { body: '', rag: 'purple' })).body.error.fields).toEqual({ body: expect.any(String), rag: expect.any(String) });
  });
});

describe('who may do what', () => {
  it('lets leaders and admins edit and manage progress; not other members or anonymous readers', async () => {
    const { slug, leader } = await proposed();
    const other = await signedIn(t.url);
    const anonymous = new Client(t.url);
    expect((await anonymous.patch(`/api/initiatives/${slug}`, { summary: 'Anonymous edit attempt' })).status).toBe(401);
    expect((await other.client.patch(`/api/initiatives/${slug}`, { summary: 'Another member edits this' })).status).toBe(403);
    expect((await other.client.post(`/api/initiatives/${slug}/milestones`, { title: 'Sneaky' })).status).toBe(403);
    expect((await other.client.post(`/api/initiatives/${slug}/updates`, { body: 'Sneaky' })).status).toBe(403);
    expect((await anonymous.post(`/api/initiatives/${slug}/updates`, { body: 'Sneaky' })).status).toBe(401);
    expect((await leader.client.patch(`/api/initiatives/${slug}`, { summary: 'The leader edits this one' })).body.initiative.summary).toBe('The leader edits this one');
    // Only what is sent changes.
    const byAdmin = await admin.patch(`/api/initiatives/${slug}`, { focusArea: 'maintaining' });
    expect(byAdmin.body.initiative).toMatchObject({ focusArea: 'maintaining', summary: 'The leader edits this one' });
    const milestone = await leader.client.post(`/api/initiatives/${slug}/milestones`, { title: 'Kick-off' });
    expect((await other.client.patch(`/api/initiatives/${slug}/milestones/${milestone.body.milestone.id}`, { done: true })).status).toBe(403);
    expect((await admin.patch(`/api/initiatives/${slug}/milestones/${milestone.body.milestone.id}`, { done: true })).status).toBe(200);
  });

  it('lets leaders add co-leaders, and only admins take leadership away, never from the last leader', async () => {
    const { slug, leader } = await proposed();
    const co = await signedIn(t.url, { displayName: 'Co Leader' });
    const other = await signedIn(t.url);
    expect((await other.client.put(`/api/initiatives/${slug}/leaders/${other.user.id}`)).status).toBe(403);
    const added = await leader.client.put(`/api/initiatives/${slug}/leaders/${co.user.id}`);
    expect(added.body.initiative.leaders.map((l: { id: string }) => l.id)).toEqual([leader.user.id, co.user.id]);
    expect((await co.client.patch(`/api/initiatives/${slug}`, { summary: 'The co-leader edits this' })).status).toBe(200);
    expect((await leader.client.delete(`/api/initiatives/${slug}/leaders/${co.user.id}`)).status).toBe(403);
    const removed = await admin.delete(`/api/initiatives/${slug}/leaders/${leader.user.id}`);
    expect(removed.body.initiative.leaders.map((l: { id: string }) => l.id)).toEqual([co.user.id]);
    expect((await leader.client.patch(`/api/initiatives/${slug}`, { summary: 'No longer the leader here' })).status).toBe(403);
    expect((await admin.delete(`/api/initiatives/${slug}/leaders/${co.user.id}`)).status).toBe(409);
    expect((await admin.put(`/api/initiatives/${slug}/leaders/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
  });

  it('keeps the status history: who moved it and when', async () => {
    const { slug, leader } = await proposed();
    await leader.client.patch(`/api/initiatives/${slug}`, { status: 'active' });
    await leader.client.patch(`/api/initiatives/${slug}`, { status: 'active', title: 'Same status, new title' });
    const res = await admin.patch(`/api/initiatives/${slug}`, { status: 'paused' });
    expect(res.body.initiative.statusHistory.map((h: { from: string; to: string; by: { id: string } }) => [h.from, h.to, h.by.id])).toEqual([
      [null, 'proposed', leader.user.id],
      ['proposed', 'active', leader.user.id],
      ['active', 'paused', expect.any(String)],
    ]);
  });
});

describe('milestones and progress', () => {
  it('counts done over all, records who ticked and when, and flags overdue milestones', async () => {
    const { slug, leader } = await proposed();
    const add = async (title: string, dueDate: string | null) => (await leader.client.post(`/api/initiatives/${slug}/milestones`, { title, dueDate })).body.milestone;
    const late = await add('Late one', day(-2));
    const future = await add('Future one', day(30));
    const undated = await add('Undated one', null);
    await add('Due today', day(0));
    expect([late, future, undated].map((m) => m.position)).toEqual([0, 1, 2]);
    expect(late.overdue).toBe(true);
    expect(future.overdue).toBe(false);
    expect(undated.overdue).toBe(false);

    const ticked = await leader.client.patch(`/api/initiatives/${slug}/milestones/${future.id}`, { done: true });
    expect(ticked.body.milestone).toMatchObject({ done: true, doneBy: { id: leader.user.id }, doneAt: expect.any(String), overdue: false });
    let i = (await new Client(t.url).get(`/api/initiatives/${slug}`)).body.initiative;
    expect(i.progress).toEqual({ done: 1, total: 4, percent: 25 });
    expect(i.overdue).toBe(1);

    // Ticking an overdue milestone clears it; unticking clears who and when.
    await leader.client.patch(`/api/initiatives/${slug}/milestones/${late.id}`, { done: true });
    i = (await new Client(t.url).get(`/api/initiatives/${slug}`)).body.initiative;
    expect(i).toMatchObject({ progress: { done: 2, total: 4, percent: 50 }, overdue: 0 });
    const unticked = await leader.client.patch(`/api/initiatives/${slug}/milestones/${future.id}`, { done: false });
    expect(unticked.body.milestone).toMatchObject({ done: false, doneBy: null, doneAt: null });

    const edited = await leader.client.patch(`/api/initiatives/${slug}/milestones/${undated.id}`, { title: 'Now dated', dueDate: day(-1), position: 9 });
    expect(edited.body.milestone).toMatchObject({ title: 'Now dated', dueDate: day(-1), position: 9, overdue: true });
    const other = await proposed();
    expect((await other.leader.client.patch(`/api/initiatives/${other.slug}/milestones/${late.id}`, { done: true })).status).toBe(404);
  });
});

describe('following, participating and the dashboard', () => {
  it('notifies followers of an update and of a milestone done, never the leader who did it', async () => {
    const { slug, leader } = await proposed();
    const follower = await signedIn(t.url);
    const bystander = await signedIn(t.url);
    expect((await follower.client.put(`/api/initiatives/${slug}/follow`)).body).toEqual({ following: true });
    expect((await new Client(t.url).put(`/api/initiatives/${slug}/follow`)).status).toBe(401);

    const posted = await leader.client.post(`/api/initiatives/${slug}/updates`, { body: 'We have **started**.', rag: 'at_risk' });
    expect(posted.status).toBe(201);
    expect(posted.body.update).toMatchObject({ body: 'We have **started**.', rag: 'at_risk', author: { id: leader.user.id } });
    const m = await leader.client.post(`/api/initiatives/${slug}/milestones`, { title: 'First draft' });
    await leader.client.patch(`/api/initiatives/${slug}/milestones/${m.body.milestone.id}`, { done: true });

    const inbox = async (c: Client) => (await c.get('/api/notifications')).body.items.map((x: { kind: string; title: string; url: string }) => [x.kind, x.title, x.url]);
    await eventually(async () =>
      expect(await inbox(follower.client)).toEqual(
        expect.arrayContaining([
          ['initiative', expect.stringContaining('New update'), `/initiatives/${slug}`],
          ['initiative', expect.stringContaining('First draft'), `/initiatives/${slug}`],
        ]),
      ),
    );
    // Renaming a done milestone is no news.
    await leader.client.patch(`/api/initiatives/${slug}/milestones/${m.body.milestone.id}`, { title: 'First draft, renamed' });
    await settled(t.db, worker);
    expect(await inbox(follower.client)).toHaveLength(2);
    expect(await inbox(leader.client)).toEqual([]);
    expect(await inbox(bystander.client)).toEqual([]);

    expect((await follower.client.delete(`/api/initiatives/${slug}/follow`)).body).toEqual({ following: false });
    const i = (await new Client(t.url).get(`/api/initiatives/${slug}`)).body.initiative;
    expect(i).toMatchObject({ followers: 1, rag: 'at_risk', lastUpdateAt: expect.any(String) });
  });

  it('records the organisation of a verified member who joins as a participant', async () => {
    const { slug } = await proposed();
    const [la] = await t.db.query(`SELECT id, name FROM organisations WHERE kind = 'local_authority' ORDER BY id LIMIT 1`);
    const member = await signedIn(t.url, { organisationId: la.id });
    await verifiedMemberOf(t, member.client, la.id);
    expect((await member.client.put(`/api/initiatives/${slug}/participation`)).body).toEqual({ participating: true });
    const res = await member.client.get(`/api/initiatives/${slug}`);
    expect(res.body.viewer).toEqual({ leader: false, following: true, participating: true });
    expect(res.body.initiative.participants).toEqual([{ user: { id: member.user.id, displayName: expect.any(String) }, organisation: { id: la.id, name: la.name }, joinedAt: expect.any(String) }]);
    expect(res.body.initiative.organisations).toEqual([{ id: la.id, name: la.name }]);
    await member.client.delete(`/api/initiatives/${slug}/participation`);
    expect((await member.client.get(`/api/initiatives/${slug}`)).body.initiative.participants).toEqual([]);
  });

  it('gives a leader a dashboard of what they lead and follow, with progress, RAG, overdue milestones and the last update', async () => {
    const { slug, leader } = await proposed();
    const other = await proposed();
    await leader.client.put(`/api/initiatives/${other.slug}/follow`);
    await leader.client.post(`/api/initiatives/${slug}/milestones`, { title: 'Overdue thing', dueDate: day(-3) });
    await leader.client.post(`/api/initiatives/${slug}/updates`, { body: 'Off the rails', rag: 'off_track' });
    await leader.client.post(`/api/initiatives/${slug}/updates`, { body: 'Still going' });
    expect((await new Client(t.url).get('/api/me/initiatives')).status).toBe(401);
    const res = await leader.client.get('/api/me/initiatives');
    expect(res.body.items.map((i: { slug: string; role: string }) => [i.slug, i.role]).sort()).toEqual([[slug, 'leader'], [other.slug, 'follower']].sort());
    const mine = res.body.items.find((i: { slug: string }) => i.slug === slug);
    expect(mine).toMatchObject({ progress: { done: 0, total: 1, percent: 0 }, rag: 'off_track', overdue: 1, overdueMilestones: [{ title: 'Overdue thing' }], lastUpdate: { body: 'Still going', rag: null } });
  });
});

describe('live', () => {
  it('puts every change on initiative:<slug>', async () => {
    const { slug, leader } = await proposed();
    const live = connect(t.url);
    sockets.push(live);
    expect(await subscribe(live.socket, `initiative:${slug}`)).toMatchObject({ ok: true });
    await leader.client.patch(`/api/initiatives/${slug}`, { status: 'active' });
    const m = await leader.client.post(`/api/initiatives/${slug}/milestones`, { title: 'Live one' });
    await leader.client.patch(`/api/initiatives/${slug}/milestones/${m.body.milestone.id}`, { done: true });
    await leader.client.post(`/api/initiatives/${slug}/updates`, { body: 'Live update', rag: 'on_track' });
    await eventually(() =>
      expect(live.events.map((e) => e.type)).toEqual([
        'initiative.status.changed',
        'initiative.updated',
        'initiative.milestone.changed',
        'initiative.updated',
        'initiative.milestone.changed',
        'initiative.updated',
        'initiative.update.posted',
        'initiative.updated',
      ]),
    );
    expect(live.events.filter((e) => e.type === 'initiative.milestone.changed').map((e) => e.payload.completed)).toEqual([false, true]);
    expect(live.events.at(-1)!.payload).toMatchObject({ slug, status: 'active', progress: { done: 1, total: 1, percent: 100 }, rag: 'on_track' });
  });

  it('lets an initiative have threads, and its leaders post announcements', async () => {
    const { slug, leader } = await proposed();
    const other = await signedIn(t.url);
    const thread = { subjectType: 'initiative', subjectId: slug, title: 'Kick-off call', kind: 'announcement', body: 'Join us on Monday.' };
    expect((await other.client.post('/api/threads', thread)).status).toBe(403);
    expect((await leader.client.post('/api/threads', thread)).status).toBe(201);
    expect((await leader.client.post('/api/threads', { ...thread, subjectId: 'no-such-initiative' })).status).toBe(404);
  });
});
