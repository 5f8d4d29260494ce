import { Client, signedIn, signedInAdmin, startApp, type TestApp } from './harness';

let t: TestApp;
beforeAll(async () => {
  t = await startApp();
});
afterAll(() => t?.close());

const unique = () => `c${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

/** A tool straight into the database: these tests are about what is listed, not how tools are made. */
async function tool(access: 'public' | 'local_authority') {
  const slug = unique();
  await t.db.query(`INSERT INTO tools (slug, name, summary, stage, access) VALUES ($1, $2, 'For the community tests.', 'proposed', $3)`, [slug, `Community ${slug}`, access]);
  await t.db.query(
    `INSERT INTO tool_adoptions (tool_id, organisation_id, status) SELECT t.id, o.id, 'uses' FROM tools t, organisations o WHERE t.slug = $1 AND o.la_code = '886'`,
    [slug],
  );
  return slug;
}

describe('GET /api/authorities', () => {
  it('lists the 153 local authorities with codes, region and what each uses, hiding local-authority-only tools from the public', async () => {
    const open = await tool('public');
    const closed = await tool('local_authority');
    const res = await new Client(t.url).get('/api/authorities');
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(153);
    const kent = res.body.items.find((a: { laCode: string }) => a.laCode === '886');
    expect(kent).toMatchObject({ name: 'Kent', onsCode: 'E10000016', region: 'South East' });
    const slugs = kent.uses.map((u: { slug: string }) => u.slug);
    expect(slugs).toContain(open);
    expect(slugs).not.toContain(closed);

    const admin = await signedInAdmin(t.url);
    const asAdmin = (await admin.get('/api/authorities')).body.items.find((a: { laCode: string }) => a.laCode === '886');
    expect(asAdmin.uses.map((u: { slug: string }) => u.slug)).toEqual(expect.arrayContaining([open, closed]));
  });
});

describe('GET /api/activity', () => {
  it('shows new tools, releases and threads newest first, leaving out what the reader may not see', async () => {
    const open = await tool('public');
    const closed = await tool('local_authority');
    const m = await signedIn(t.url);
    await t.db.query(`INSERT INTO tool_releases (tool_id, version, notes) SELECT id, '3.0.0', 'Big one' FROM tools WHERE slug = $1`, [open]);
    const thread = await m.client.post('/api/threads', { subjectType: 'general', title: `Community question ${open}`, kind: 'question', body: 'Which validator do you use for the CIN census?' });
    expect(thread.status).toBe(201);
    await t.db.query(`INSERT INTO threads (subject_type, subject_id, title, kind, author_id) VALUES ('tool', $1, $2, 'discussion', $3)`, [closed, `Hidden thread ${closed}`, m.user.id]);
    const idea = (await m.client.post('/api/ideas', { title: `Need ${open}`, body: 'A need raised for the activity feed test, long enough.' })).body.idea;
    await t.db.query(`INSERT INTO idea_backings (idea_id, organisation_id) SELECT $1, id FROM organisations WHERE la_code = '202'`, [idea.id]);

    const res = await new Client(t.url).get('/api/activity?limit=50');
    expect(res.status).toBe(200);
    const items: { type: string; title: string; url: string; at: string }[] = res.body.items;
    expect(items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'tool.proposed', url: `/tools/${open}` }),
        expect.objectContaining({ type: 'tool.released', title: `Community ${open} 3.0.0` }),
        expect.objectContaining({ type: 'thread.started', title: `Community question ${open}` }),
        expect.objectContaining({ type: 'idea.raised', title: `Need ${open}`, url: `/ideas/${idea.id}` }),
        expect.objectContaining({ type: 'idea.backed', title: `Need ${open}: backed by Camden` }),
      ]),
    );
    expect(items.some((i) => i.url === `/tools/${closed}` || i.title.includes(closed))).toBe(false);
    const times = items.map((i) => Date.parse(i.at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('names the field when the limit is bad', async () => {
    const res = await new Client(t.url).get('/api/activity?limit=500');
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toHaveProperty('limit');
  });
});
