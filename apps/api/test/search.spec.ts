import { randomBytes } from 'node:crypto';
import type { SearchItem } from '@commons/domain';
import { Client, signedIn, signedInAdmin, startApp, type TestApp } from './harness';

/** The one search box against the real Postgres: matching (reference tools) and who sees what. */
let t: TestApp;
let laOrg: number;
beforeAll(async () => {
  t = await startApp();
  laOrg = (await t.db.query(`SELECT id FROM organisations WHERE la_code = '202'`))[0].id;
});
afterAll(() => t?.close());

/** A word found nowhere else: random letters share almost no trigrams with other words. */
const marker = () => `q${randomBytes(6).toString('hex').replace(/\d/g, (d) => 'ghijklmnop'[Number(d)])}`;

async function search(c: Client, q: string): Promise<SearchItem[]> {
  const res = await c.get(`/api/search?q=${encodeURIComponent(q)}`);
  expect(res.status).toBe(200);
  return res.body.items;
}
const of = (items: SearchItem[], type: SearchItem['type']) => items.filter((i) => i.type === type).map((i) => i.id);
const marked = (h: { text: string; highlights: [number, number][] }) => h.highlights.map(([a, b]) => h.text.slice(a, b));

/** A verified member of a local authority (signed in through its single sign-on, as the view counts it). */
async function localAuthorityStaff() {
  const m = await signedIn(t.url, { organisationId: laOrg });
  await t.db.query(`UPDATE users SET sso_organisation_id = organisation_id WHERE id = $1`, [m.user.id]);
  return m;
}

describe('search matching (the reference catalogue)', () => {
  const anonymous = () => new Client(t.url);

  it('finds the SSDA903 validator from part of its number', async () => {
    const tools = of(await search(anonymous(), '903'), 'tool');
    expect(tools[0]).toBe('903-validator');
  });

  it('finds validators through a misspelling, and marks the word it matched', async () => {
    const items = await search(anonymous(), 'valdator');
    const tools = of(items, 'tool');
    expect(tools).toEqual(expect.arrayContaining(['903-validator', 'cin-census-validator', 'annex-a-send-validator']));
    expect(marked(items.find((i) => i.id === '903-validator')!.title)).toEqual(['validator']);
  });

  it('finds the CIN census validator through "cin censsus"', async () => {
    const tools = of(await search(anonymous(), 'cin censsus'), 'tool');
    expect(tools.slice(0, 3)).toContain('cin-census-validator');
    expect(tools).toContain('cin-census-sql-toolkit');
  });

  it('matches dataset words', async () => {
    const tools = of(await search(anonymous(), 'ofsted'), 'tool');
    expect(tools).toEqual(expect.arrayContaining(['ofsted-ilacs-summary', 'ofsted-send-summary', 'ofsted-jtai-summary']));
  });

  it('matches the same way in the catalogue (GET /api/tools?q=)', async () => {
    const slugs = async (q: string) => (await anonymous().get(`/api/tools?q=${encodeURIComponent(q)}`)).body.items.map((i: { slug: string }) => i.slug);
    expect((await slugs('903'))[0]).toBe('903-validator');
    expect(await slugs('valdator')).toEqual(expect.arrayContaining(['903-validator', 'cin-census-validator']));
    expect((await slugs('cin censsus')).slice(0, 3)).toContain('cin-census-validator');
    expect(await slugs('ofsted')).toEqual(expect.arrayContaining(['ofsted-ilacs-summary', 'ofsted-jtai-summary']));
  });

  it('answers a missing or overlong search with a 400 naming q', async () => {
    for (const q of ['', '?q=', `?q=${'x'.repeat(201)}`]) {
      const res = await anonymous().get(`/api/search${q}`);
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body)).toContain('q');
    }
  });

  it('treats LIKE wildcards as text', async () => {
    const items = await search(anonymous(), '%_%');
    expect(items.filter((i) => i.type === 'tool')).toEqual([]);
  });
});

describe('search respects what the reader may see', () => {
  async function thread(client: Client, title: string, body: string, subject: { subjectType: string; subjectId?: string } = { subjectType: 'general' }) {
    const res = await client.post('/api/threads', { ...subject, kind: 'discussion', title, body });
    expect(res.status).toBe(201);
    return { threadId: res.body.thread.id as number, messageId: res.body.message.id as number };
  }

  it('finds a held message (personal data) for its author and moderators only', async () => {
    const alice = await signedIn(t.url);
    const bob = await signedIn(t.url);
    const word = marker();
    const { threadId } = await thread(alice.client, 'Where are the return files?', 'They are in the shared folder.');
    const res = await alice.client.post(`/api/threads/${threadId}/messages`, { body: `${word}: the child is 943 476 5919` });
    expect(res.body.message.state).toBe('held');
    const id = String(res.body.message.id);

    const mine = await search(alice.client, word);
    expect(of(mine, 'message')).toEqual([id]);
    expect(mine[0].held).toBe(true);
    expect(of(await search(await signedInAdmin(t.url), word), 'message')).toEqual([id]);
    expect(of(await search(bob.client, word), 'message')).toEqual([]);
    expect(of(await search(new Client(t.url), word), 'message')).toEqual([]);
  });

  it('stops finding a reported (hidden) message for others at once, and a rejected one for everybody', async () => {
    const alice = await signedIn(t.url);
    const bob = await signedIn(t.url);
    const word = marker();
    const { threadId } = await thread(alice.client, 'Sharing a query', 'A first message.');
    const id = (await alice.client.post(`/api/threads/${threadId}/messages`, { body: `The ${word} query runs nightly` })).body.message.id;
    expect(of(await search(bob.client, word), 'message')).toEqual([String(id)]);
    const item = (await search(bob.client, word))[0];
    expect(item.url).toBe(`/threads/${threadId}#message-${id}`);
    expect(marked(item.snippet)).toEqual([word]);
    expect(item.held).toBe(false);

    expect((await bob.client.post(`/api/messages/${id}/flags`, { reason: 'abusive' })).status).toBeLessThan(300);
    expect(of(await search(bob.client, word), 'message')).toEqual([]);
    expect(of(await search(new Client(t.url), word), 'message')).toEqual([]);
    expect(of(await search(alice.client, word), 'message')).toEqual([String(id)]);

    // Rejected by a moderator: deleted, with no text for anybody.
    const admin = await signedInAdmin(t.url);
    const queued = (await admin.get('/api/moderation/queue')).body.items.find((x: { subjectType: string; subjectId: number }) => x.subjectType === 'message' && x.subjectId === id);
    expect((await admin.post(`/api/moderation/items/${queued.id}/decision`, { decision: 'reject' })).status).toBe(200);
    expect(of(await search(alice.client, word), 'message')).toEqual([]);
    expect(of(await search(admin, word), 'message')).toEqual([]);
  });

  it('finds threads and messages of a local-authority-only tool, and the tool, only for those who may read it', async () => {
    const staff = await localAuthorityStaff();
    const member = await signedIn(t.url);
    const word = marker();
    const slug = marker();
    expect((await staff.client.post('/api/tools', { slug, name: `${word} register`, summary: 'A tool kept to councils.' })).status).toBe(201);
    const { threadId, messageId } = await thread(staff.client, `Rolling out ${word}`, `The ${word} pilot starts in March.`, { subjectType: 'tool', subjectId: slug });
    // As its maintainer would, so the change is an event like any other (the search box's cache keys on them).
    expect((await staff.client.patch(`/api/tools/${slug}`, { access: 'local_authority' })).status).toBe(200);

    const staffSees = await search(staff.client, word);
    expect(of(staffSees, 'tool')).toEqual([slug]);
    expect(of(staffSees, 'thread')).toEqual([String(threadId)]);
    expect(of(staffSees, 'message')).toEqual([String(messageId)]);
    expect(staffSees.find((i) => i.type === 'thread')!.context).toBe(`${word} register`);
    expect(of(await search(await signedInAdmin(t.url), word), 'thread')).toEqual([String(threadId)]);

    for (const reader of [member.client, new Client(t.url)]) expect(await search(reader, word)).toEqual([]);

    // The same thread on a public tool is everybody's, at once.
    expect((await staff.client.patch(`/api/tools/${slug}`, { access: 'public' })).status).toBe(200);
    expect(of(await search(member.client, word), 'thread')).toEqual([String(threadId)]);
  });

  it('finds initiatives and ranks a title match above a passing mention', async () => {
    const leader = await signedIn(t.url);
    const word = marker();
    const slug = marker();
    const created = await leader.client.post('/api/initiatives', { slug, title: `${word} pathway`, summary: 'Joining up the returns.', focusArea: 'advising' });
    expect(created.status).toBe(201);
    await thread(leader.client, 'Weekly notes', `Notes mention ${word} in passing, among many other words about data and returns.`);
    const items = await search(new Client(t.url), word);
    expect(items[0]).toMatchObject({ type: 'initiative', id: slug, url: `/initiatives/${slug}` });
    expect(of(items, 'message')).toHaveLength(1);
  });

  it('finds guides and needs, the guide through a misspelling of its title', async () => {
    const admin = await signedInAdmin(t.url);
    const member = await signedIn(t.url);
    const word = marker();
    const guide = await admin.post('/api/guides', { slug: word, title: `Safeguarding ${word} checklist`, summary: 'What to check before a return is due.', body: 'Check the episodes, then the legal statuses, then the reviews.' });
    expect(guide.status).toBe(201);
    const need = await member.client.post('/api/ideas', { title: `A ${word} reconciliation tool`, body: 'Every authority reconciles its returns by hand every quarter.' });
    const items = await search(new Client(t.url), word);
    expect(items).toEqual(expect.arrayContaining([
      expect.objectContaining({ type: 'guide', id: word, url: `/guides/${word}` }),
      expect.objectContaining({ type: 'idea', id: String(need.body.idea.id), url: `/ideas/${need.body.idea.id}` }),
    ]));
    expect(of(await search(new Client(t.url), `safegaurding ${word}`), 'guide')).toEqual([word]);
  });

  it('keeps answers until the next change, and never serves one after it', async () => {
    const alice = await signedIn(t.url);
    const word = marker();
    const { threadId, messageId } = await thread(alice.client, 'Cached answers', `The ${word} extract is ready.`);
    const reader = new Client(t.url);
    expect(of(await search(reader, word), 'message')).toEqual([String(messageId)]);
    // A change made behind the API's back (no event) is not seen: the answer was kept.
    await t.db.query(`UPDATE messages SET body = 'Nothing to see here.' WHERE id = $1`, [messageId]);
    expect(of(await search(reader, word), 'message')).toEqual([String(messageId)]);
    // Any change made through the API (here, another message) is seen by the next search.
    const second = (await alice.client.post(`/api/threads/${threadId}/messages`, { body: `A second ${word} note.` })).body.message.id;
    expect(of(await search(reader, word), 'message')).toEqual([String(second)]);
  });
});
