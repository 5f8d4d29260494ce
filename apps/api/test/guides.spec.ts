import { Client, signedIn, signedInAdmin, startApp, type TestApp } from './harness';

let t: TestApp;
beforeAll(async () => {
  t = await startApp();
});
afterAll(() => t?.close());

const unique = () => `g${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const guide = (extra: Record<string, unknown> = {}) => ({
  title: 'Checking the SSDA903 return before submission',
  summary: 'The checks that catch most rejected episodes, in the order to run them.',
  body: 'Run the validator on the full year, then fix **episode overlaps** first: they cause most other errors.',
  ...extra,
});

/** A member who maintains a fresh tool (proposing one makes you its maintainer). */
async function maintainer() {
  const m = await signedIn(t.url);
  const slug = unique();
  const res = await m.client.post('/api/tools', { slug, name: `Guide tool ${slug}`, summary: 'A tool for the guide tests.' });
  expect(res.status).toBe(201);
  return { ...m, slug };
}

describe('guides', () => {
  it('advisers write them, linked to tools; members read them; only the owner and moderators edit', async () => {
    const plain = await signedIn(t.url);
    expect((await plain.client.get('/api/guides')).body.canWrite).toBe(false);
    expect((await plain.client.post('/api/guides', guide({ slug: unique() }))).status).toBe(403);

    const m = await maintainer();
    expect((await m.client.get('/api/guides')).body.canWrite).toBe(true);
    const slug = unique();
    expect((await m.client.post('/api/guides', guide({ slug, links: [{ type: 'tool', id: 'no-such-tool-x' }] }))).body.error.fields).toHaveProperty('links');
    const created = await m.client.post('/api/guides', guide({ slug, links: [{ type: 'tool', id: m.slug }] }));
    expect(created.status).toBe(201);
    expect(created.body.guide).toMatchObject({ slug, revision: 1, owner: { id: m.user.id }, links: [{ type: 'tool', id: m.slug }], canEdit: true, reviewDue: false });

    const listed = await new Client(t.url).get(`/api/guides?tool=${m.slug}`);
    expect(listed.body.items.map((g: { slug: string }) => g.slug)).toEqual([slug]);
    expect((await new Client(t.url).get(`/api/guides/${slug}`)).body.guide.canEdit).toBe(false);

    expect((await plain.client.patch(`/api/guides/${slug}`, { body: 'Someone else’s rewrite of the whole guide text.' })).status).toBe(403);
    const edited = await m.client.patch(`/api/guides/${slug}`, { body: 'Run the validator on the full year. Fix episode overlaps first, then missing legal statuses.' });
    expect(edited.body.guide.revision).toBe(2);
    expect(edited.body.guide.revisions.map((r: { revision: number }) => r.revision)).toEqual([2, 1]);

    await t.db.query(`UPDATE guides SET last_reviewed_on = current_date - 400 WHERE slug = $1`, [slug]);
    expect((await new Client(t.url).get(`/api/guides/${slug}`)).body.guide.reviewDue).toBe(true);
    const reviewed = await m.client.post(`/api/guides/${slug}/reviewed`);
    expect(reviewed.body.guide).toMatchObject({ reviewDue: false, lastReviewedOn: new Date().toISOString().slice(0, 10) });
  });

  it('pass the personal-data checks like everything else', async () => {
    const admin = await signedInAdmin(t.url);
    const res = await admin.post('/api/guides', guide({ slug: unique(), body: 'For example the record for NHS number 943 476 5919 shows the overlap clearly.' }));
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toHaveProperty('body');
  });

  it('turn a well-answered question into a guide that links back to it, by a maintainer of its tool', async () => {
    const m = await maintainer();
    const asker = await signedIn(t.url);
    const thread = (await asker.client.post('/api/threads', { subjectType: 'tool', subjectId: m.slug, title: 'How do we handle overlapping episodes?', kind: 'question', body: 'The validator flags overlaps. Which do we fix first?' })).body.thread;
    const answer = (await m.client.post(`/api/threads/${thread.id}/messages`, { body: 'Fix the earlier episode’s end date first, then re-run.' })).body.message;
    await asker.client.patch(`/api/threads/${thread.id}`, { acceptedMessageId: answer.id });

    const body = guide({ slug: unique(), title: 'Fixing overlapping episodes' });
    expect((await asker.client.post(`/api/threads/${thread.id}/guide`, body)).status).toBe(403);
    const made = await m.client.post(`/api/threads/${thread.id}/guide`, body);
    expect(made.status).toBe(201);
    expect(made.body.guide).toMatchObject({ sourceThread: { id: thread.id, title: 'How do we handle overlapping episodes?' }, links: [{ type: 'tool', id: m.slug }] });
    expect((await m.client.post('/api/threads/999999999/guide', guide({ slug: unique() }))).status).toBe(404);
  });
});
