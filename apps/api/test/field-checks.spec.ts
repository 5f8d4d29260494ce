import { Client, signedIn, startApp, TestApp } from './harness';

/*
 * Text everyone sees at once (thread titles, tools, releases, design sections, initiatives, milestones,
 * updates) is refused when it looks like personal data: 400 naming each field, nothing stored, no event.
 * Messages and feedback are held instead (discussions.spec.ts, feedback.spec.ts).
 */

let t: TestApp;
let n = 0;
/** A marker unique to one write, so its text can be looked for anywhere it might have leaked to. */
const marker = () => `mark${process.pid}x${Date.now().toString(36)}x${++n}`;
const fresh = (what: string) => `${what}-field-${process.pid}-${Date.now().toString(36)}-${++n}`;

const NHS = '943 476 5919';
const POSTCODE = 'SW1A 1AA';
const NI = 'AB 12 34 56 C';
const REFUSED = {
  nhs: 'This looks like personal data (an NHS number). Remove it before saving.',
  postcode: 'This looks like personal data (a postcode). Remove it before saving.',
  ni: 'This looks like personal data (a National Insurance number). Remove it before saving.',
};

/**
 * How many stored events mention `text`, and how many there are on the subject's own `topics`: both
 * unchanged by a refusal. (Shared topics such as `catalogue` move with other specs' writes, so a refused
 * write is looked for there by its marker.)
 */
async function outbox(text: string, topics: string[]) {
  const [{ mentions }] = await t.db.query(`SELECT count(*)::int AS mentions FROM outbox WHERE payload::text LIKE $1`, [`%${text}%`]);
  const [{ onTopics }] = await t.db.query(`SELECT count(*)::int AS "onTopics" FROM outbox WHERE topic = ANY($1)`, [topics]);
  return { mentions, onTopics };
}

function refused(res: { status: number; body: any }, fields: Record<string, string>) {
  expect(res.status).toBe(400);
  expect(res.body.error).toMatchObject({ code: 'validation_failed', message: expect.stringContaining('personal data') });
  expect(res.body.error.fields).toEqual(fields);
}

beforeAll(async () => {
  t = await startApp();
});
afterAll(() => t.close());

describe('thread titles', () => {
  it('refuses a title with an NHS number: nothing stored, listed or announced; a clean one is created', async () => {
    const m = await signedIn(t.url);
    const mark = marker();
    const before = await outbox(mark, []);
    const res = await m.client.post('/api/threads', { subjectType: 'general', title: `TITLE ${mark} child NHS ${NHS}`, body: 'A clean first message.' });
    refused(res, { title: REFUSED.nhs });
    expect(await t.db.query(`SELECT id FROM threads WHERE title LIKE $1`, [`%${mark}%`])).toEqual([]);
    expect(await t.db.query(`SELECT id FROM messages WHERE author_id = $1`, [m.user.id])).toEqual([]);
    expect(await outbox(mark, [])).toEqual(before);
    const listed = await new Client(t.url).get('/api/threads?subjectType=general&limit=100');
    expect(JSON.stringify(listed.body)).not.toContain(mark);

    const clean = await m.client.post('/api/threads', { subjectType: 'general', title: `Clean title ${mark}`, body: 'A clean first message.' });
    expect(clean.status).toBe(201);
  });

  it('refuses a rename with personal data and leaves the thread as it was', async () => {
    const m = await signedIn(t.url);
    const created = await m.client.post('/api/threads', { subjectType: 'general', title: `Rename me ${marker()}`, body: 'A clean first message.' });
    const id = created.body.thread.id;
    const stored = (await m.client.get(`/api/threads/${id}`)).body.thread;
    const mark = marker();
    const before = await outbox(mark, [`thread:${id}`]);
    refused(await m.client.patch(`/api/threads/${id}`, { title: `Child at ${POSTCODE} ${mark}` }), { title: REFUSED.postcode });
    expect((await m.client.get(`/api/threads/${id}`)).body.thread).toEqual(stored);
    expect(await outbox(mark, [`thread:${id}`])).toEqual(before);

    const renamed = await m.client.patch(`/api/threads/${id}`, { title: `Renamed ${mark}` });
    expect(renamed).toMatchObject({ status: 200, body: { thread: { title: `Renamed ${mark}` } } });
  });
});

describe('tools', () => {
  it('refuses a proposal naming every field with personal data, and stores nothing', async () => {
    const m = await signedIn(t.url);
    const slug = fresh('tool');
    const mark = marker();
    const res = await m.client.post('/api/tools', {
      slug,
      name: `Tool for ${NHS}`,
      summary: `Made for the family at ${POSTCODE} ${mark}`,
      description: `Their NI number is ${NI}`,
      datasets: ['SSDA903', `child ${NHS}`],
      technology: ['Python'],
      licence: `MIT ${POSTCODE}`,
    });
    refused(res, { name: REFUSED.nhs, summary: REFUSED.postcode, description: REFUSED.ni, datasets: REFUSED.nhs, licence: REFUSED.postcode });
    expect((await new Client(t.url).get(`/api/tools/${slug}`)).status).toBe(404);
    // Not on the catalogue (which names the slug) nor anywhere else.
    expect(await outbox(slug, [`tool:${slug}`])).toEqual({ mentions: 0, onTopics: 0 });
    expect((await outbox(mark, [])).mentions).toBe(0);
    // A slug is shown in every address: "child-943-476-5919" is an NHS number too.
    refused(await m.client.post('/api/tools', { slug: 'child-943-476-5919', name: 'Clean name', summary: 'A clean summary of a tool.' }), { slug: REFUSED.nhs });

    const clean = await m.client.post('/api/tools', { slug, name: `Clean tool ${mark}`, summary: 'A clean summary of a tool.', datasets: ['SSDA903'] });
    expect(clean.status).toBe(201);
  });

  it('refuses an edit with personal data and leaves the tool and its events as they were', async () => {
    const m = await signedIn(t.url);
    const slug = fresh('tool');
    expect((await m.client.post('/api/tools', { slug, name: `Edited tool ${n}`, summary: 'A clean summary of a tool.' })).status).toBe(201);
    const stored = (await new Client(t.url).get(`/api/tools/${slug}`)).body.tool;
    const mark = marker();
    const before = await outbox(mark, [`tool:${slug}`]);

    const res = await m.client.patch(`/api/tools/${slug}`, { stage: 'in_design', summary: `A clean summary ${mark}`, description: `Child NHS ${NHS} ${mark}` });
    refused(res, { description: REFUSED.nhs });
    expect((await new Client(t.url).get(`/api/tools/${slug}`)).body.tool).toEqual(stored);
    expect(await outbox(mark, [`tool:${slug}`])).toEqual(before);

    const clean = await m.client.patch(`/api/tools/${slug}`, { description: `Clean description ${mark}` });
    expect(clean).toMatchObject({ status: 200, body: { tool: { description: `Clean description ${mark}` } } });
  });

  it('refuses release notes with personal data', async () => {
    const m = await signedIn(t.url);
    const slug = fresh('tool');
    expect((await m.client.post('/api/tools', { slug, name: `Released tool ${n}`, summary: 'A clean summary of a tool.' })).status).toBe(201);
    const mark = marker();
    const before = await outbox(mark, [`tool:${slug}`]);

    refused(await m.client.post(`/api/tools/${slug}/releases`, { version: '1.0.0', notes: `Fixed the record of ${NHS} ${mark}` }), { notes: REFUSED.nhs });
    expect((await new Client(t.url).get(`/api/tools/${slug}/releases`)).body.items).toEqual([]);
    expect(await outbox(mark, [`tool:${slug}`])).toEqual(before);

    expect((await m.client.post(`/api/tools/${slug}/releases`, { version: '1.0.0', notes: `Clean notes ${mark}` })).status).toBe(201);
  });

  it('refuses design section text and new section titles with personal data', async () => {
    const m = await signedIn(t.url);
    const slug = fresh('tool');
    expect((await m.client.post('/api/tools', { slug, name: `Designed tool ${n}`, summary: 'A clean summary of a tool.' })).status).toBe(201);
    const other = await signedIn(t.url);
    const design = (await new Client(t.url).get(`/api/tools/${slug}/design`)).body;
    const mark = marker();
    const before = await outbox(mark, [`tool:${slug}`]);

    refused(await other.client.put(`/api/tools/${slug}/design/sections/problem`, { body: `The child at ${POSTCODE} ${mark}`, baseRevision: 0 }), { body: REFUSED.postcode });
    refused(await m.client.post(`/api/tools/${slug}/design/sections`, { key: 'risks', title: `Risks ${NI}` }), { title: REFUSED.ni });
    expect((await new Client(t.url).get(`/api/tools/${slug}/design`)).body).toEqual(design);
    expect(await t.db.query(`SELECT 1 FROM tool_design_revisions WHERE body LIKE $1`, [`%${mark}%`])).toEqual([]);
    expect(await outbox(mark, [`tool:${slug}`])).toEqual(before);

    const saved = await other.client.put(`/api/tools/${slug}/design/sections/problem`, { body: `Clean problem ${mark}`, baseRevision: 0 });
    expect(saved).toMatchObject({ status: 200, body: { section: { revision: 1, body: `Clean problem ${mark}` } } });
    expect((await m.client.post(`/api/tools/${slug}/design/sections`, { key: 'risks', title: 'Risks' })).status).toBe(201);
  });
});

describe('initiatives', () => {
  async function proposed() {
    const leader = await signedIn(t.url);
    const slug = fresh('initiative');
    const res = await leader.client.post('/api/initiatives', { slug, title: `Initiative ${slug}`, summary: 'A clean summary of an initiative.', focusArea: 'advising' });
    if (res.status !== 201) throw new Error(`propose failed: ${res.status} ${JSON.stringify(res.body)}`);
    return { leader, slug };
  }

  it('refuses a proposal naming every field with personal data, and stores nothing', async () => {
    const m = await signedIn(t.url);
    const slug = fresh('initiative');
    const mark = marker();
    const res = await m.client.post('/api/initiatives', {
      slug,
      title: `Help ${NHS}`,
      summary: `For the family at ${POSTCODE} ${mark}`,
      description: `NI ${NI}`,
      focusArea: 'advising',
    });
    refused(res, { title: REFUSED.nhs, summary: REFUSED.postcode, description: REFUSED.ni });
    expect((await new Client(t.url).get(`/api/initiatives/${slug}`)).status).toBe(404);
    expect(await outbox(mark, [`initiative:${slug}`])).toEqual({ mentions: 0, onTopics: 0 });

    expect((await m.client.post('/api/initiatives', { slug, title: `Clean ${mark}`, summary: 'A clean summary of an initiative.', focusArea: 'advising' })).status).toBe(201);
  });

  it('refuses edits, milestones and updates with personal data, leaving the initiative as it was', async () => {
    const { leader, slug } = await proposed();
    const milestone = (await leader.client.post(`/api/initiatives/${slug}/milestones`, { title: 'Kick-off' })).body.milestone;
    const stored = (await new Client(t.url).get(`/api/initiatives/${slug}`)).body.initiative;
    const mark = marker();
    const before = await outbox(mark, [`initiative:${slug}`]);

    refused(await leader.client.patch(`/api/initiatives/${slug}`, { status: 'active', summary: `Now for ${POSTCODE} ${mark}`, title: `Clean ${mark}` }), { summary: REFUSED.postcode });
    refused(await leader.client.post(`/api/initiatives/${slug}/milestones`, { title: `Visit ${NHS} ${mark}` }), { title: REFUSED.nhs });
    refused(await leader.client.patch(`/api/initiatives/${slug}/milestones/${milestone.id}`, { done: true, title: `Visit ${NHS} ${mark}` }), { title: REFUSED.nhs });
    refused(await leader.client.post(`/api/initiatives/${slug}/updates`, { body: `Met the child, NI ${NI} ${mark}`, rag: 'at_risk' }), { body: REFUSED.ni });
    expect((await new Client(t.url).get(`/api/initiatives/${slug}`)).body.initiative).toEqual(stored);
    expect(await outbox(mark, [`initiative:${slug}`])).toEqual(before);

    expect((await leader.client.patch(`/api/initiatives/${slug}`, { title: `Clean ${mark}` })).status).toBe(200);
    expect((await leader.client.post(`/api/initiatives/${slug}/milestones`, { title: `Visit ${mark}` })).status).toBe(201);
    expect((await leader.client.patch(`/api/initiatives/${slug}/milestones/${milestone.id}`, { title: `Kick-off ${mark}` })).status).toBe(200);
    expect((await leader.client.post(`/api/initiatives/${slug}/updates`, { body: `Going well ${mark}` })).status).toBe(201);
  });
});
