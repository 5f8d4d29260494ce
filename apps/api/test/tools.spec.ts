import { Client, connect, eventually, Received, signedIn, signedInAdmin, startApp, subscribe, TestApp, verifiedMemberOf } from './harness';

let t: TestApp;
let admin: Client;
const sockets: Received[] = [];
let n = 0;
/** A slug no other test (or parallel spec) uses. */
const fresh = () => `tool-test-${process.pid}-${Date.now().toString(36)}-${++n}`;

async function la(where: string, params: unknown[] = []): Promise<{ id: number; region: string }> {
  const [row] = await t.db.query(`SELECT id, region FROM organisations WHERE kind = 'local_authority' AND ${where} ORDER BY id LIMIT 1`, params);
  return row;
}

/** A member (optionally of an organisation) who proposes a new tool, so they maintain it. */
async function proposed(extra: Record<string, unknown> = {}) {
  const m = await signedIn(t.url);
  const slug = fresh();
  const res = await m.client.post('/api/tools', { slug, name: `Tool ${slug}`, summary: 'A tool made by a test, for a test.', ...extra });
  if (res.status !== 201) throw new Error(`propose failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { slug, maintainer: m };
}

beforeAll(async () => {
  t = await startApp();
  admin = await signedInAdmin(t.url);
});
afterEach(() => sockets.splice(0).forEach((s) => s.socket.disconnect()));
afterAll(() => t.close());

describe('catalogue', () => {
  it('keeps the seeded tools and gives each an empty design document', async () => {
    const res = await new Client(t.url).get('/api/tools/903-validator');
    expect(res.status).toBe(200);
    expect(res.body.tool).toMatchObject({ slug: '903-validator', stage: 'maintained', maintainers: [], latestRelease: null, usedBy: 0 });
    const design = await new Client(t.url).get('/api/tools/903-validator/design');
    expect(design.body.sections.map((s: { key: string }) => s.key)).toEqual(['problem', 'users', 'data_in', 'outputs', 'rules', 'open_questions']);
    expect(design.body.sections[0]).toMatchObject({ body: '', revision: 0, updatedBy: null });
  });

  it('ranks name matches above summary matches in full-text search', async () => {
    const res = await new Client(t.url).get('/api/tools?q=validator&limit=100');
    const slugs: string[] = res.body.items.map((x: { slug: string }) => x.slug);
    const inName = ['903-validator', 'cin-census-validator', 'csc-validator-web', 'annex-a-send-validator'];
    expect(slugs.slice(0, inName.length).sort()).toEqual([...inName].sort());
    expect(slugs).toEqual(expect.arrayContaining(['quality-lac-data-beta', 'postcode-reference']));
  });

  it('filters by technology and pages', async () => {
    const excel = await new Client(t.url).get('/api/tools?technology=Excel&limit=100');
    expect(excel.body.items.length).toBeGreaterThan(0);
    expect(excel.body.items.every((x: { technology: string[] }) => x.technology.includes('Excel'))).toBe(true);
    const page1 = await new Client(t.url).get('/api/tools?limit=5&offset=0');
    const page2 = await new Client(t.url).get('/api/tools?limit=5&offset=5');
    expect(page1.body.items).toHaveLength(5);
    expect(page1.body.total).toBeGreaterThanOrEqual(28);
    expect(page2.body.items[0].slug).not.toBe(page1.body.items[0].slug);
    expect(page1.body.facets.datasets).toEqual(expect.arrayContaining(['SSDA903', 'CIN census', 'SEN2']));
    expect(page1.body.facets.technology).toEqual(expect.arrayContaining(['Excel', 'Python']));
  });

  it('lets any member propose a tool, which starts proposed with them as maintainer, live on the catalogue', async () => {
    const m = await signedIn(t.url, { displayName: 'Pro Poser' });
    const live = connect(t.url);
    sockets.push(live);
    expect(await subscribe(live.socket, 'catalogue')).toMatchObject({ ok: true });
    expect((await new Client(t.url).post('/api/tools', { name: 'Anonymous tool', summary: 'Nobody signed in proposes this.' })).status).toBe(401);

    const res = await m.client.post('/api/tools', { name: `Placement Sufficiency Planner ${n++}`, summary: 'Forecasts placement need from SSDA903 history.', datasets: ['SSDA903'], technology: ['Python'] });
    expect(res.status).toBe(201);
    const slug = res.body.tool.slug;
    expect(slug).toMatch(/^placement-sufficiency-planner-\d+$/);
    expect(res.body.tool).toMatchObject({ stage: 'proposed', maintainers: [{ id: m.user.id, displayName: 'Pro Poser' }] });
    expect(res.body.tool.stageHistory).toEqual([{ from: null, to: 'proposed', by: { id: m.user.id, displayName: 'Pro Poser' }, at: expect.any(String) }]);
    await eventually(() => expect(live.events.find((e) => e.type === 'tool.created' && e.payload.slug === slug)).toBeDefined());

    const again = await m.client.post('/api/tools', { slug, name: 'Same slug again', summary: 'This slug is taken already.' });
    expect(again).toMatchObject({ status: 409, body: { error: { code: 'conflict', fields: { slug: expect.any(String) } } } });
  });

  it('answers bad input with 400 naming the fields', async () => {
    const m = await signedIn(t.url);
    const res = await m.client.post('/api/tools', { name: 'x', summary: 'short', repository: 'not a link', datasets: 'SSDA903' });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields).sort()).toEqual(['datasets', 'name', 'repository', 'summary']);
    expect((await new Client(t.url).get('/api/tools?technology=' + 'x'.repeat(101))).body.error.fields).toHaveProperty('technology');
    expect((await new Client(t.url).get('/api/tools/Not_A_Slug')).status).toBe(400);
    const { slug, maintainer } = await proposed();
    expect((await maintainer.client.patch(`/api/tools/${slug}`, { stage: 'finished' })).body.error.fields).toHaveProperty('stage');
    expect((await maintainer.client.patch(`/api/tools/${slug}`, {})).status).toBe(400);
    expect((await maintainer.client.post(`/api/tools/${slug}/releases`, { version: 'v1' })).body.error.fields).toHaveProperty('version');
    expect((await maintainer.client.put(`/api/tools/${slug}/adoptions/abc`, { status: 'uses' })).body.error.fields).toHaveProperty('organisationId');
    expect((await maintainer.client.put(`/api/tools/${slug}/adoptions/1`, { status: 'loves' })).body.error.fields).toHaveProperty('status');
    expect((await maintainer.client.put(`/api/tools/${slug}/design/sections/problem`, { body: 'x' })).body.error.fields).toHaveProperty('baseRevision');
  });
});

describe('editing and stages', () => {
  it('lets maintainers and admins edit, not other members or anonymous readers', async () => {
    const { slug, maintainer } = await proposed({ datasets: ['SEN2'], technology: ['Excel'] });
    const other = await signedIn(t.url);
    expect((await new Client(t.url).patch(`/api/tools/${slug}`, { summary: 'Anonymous edit attempt here' })).status).toBe(401);
    expect((await other.client.patch(`/api/tools/${slug}`, { summary: 'Another member edits this' })).status).toBe(403);
    expect((await maintainer.client.patch(`/api/tools/${slug}`, { summary: 'The maintainer edits this' })).body.tool.summary).toBe('The maintainer edits this');
    // Only what is sent changes.
    expect((await admin.patch(`/api/tools/${slug}`, { licence: 'MIT' })).body.tool).toMatchObject({ licence: 'MIT', summary: 'The maintainer edits this', datasets: ['SEN2'], technology: ['Excel'] });
  });

  it('records who moved the stage and when, live on the tool and the catalogue', async () => {
    const { slug, maintainer } = await proposed();
    const onTool = connect(t.url);
    const onCatalogue = connect(t.url);
    sockets.push(onTool, onCatalogue);
    await subscribe(onTool.socket, `tool:${slug}`);
    await subscribe(onCatalogue.socket, 'catalogue');
    const res = await maintainer.client.patch(`/api/tools/${slug}`, { stage: 'in_design', description: '# Why\nBecause.' });
    expect(res.status).toBe(200);
    expect(res.body.tool.stageHistory.map((h: { from: string; to: string }) => [h.from, h.to])).toEqual([
      [null, 'proposed'],
      ['proposed', 'in_design'],
    ]);
    expect(res.body.tool.stageHistory[1].by.id).toBe(maintainer.user.id);
    await eventually(() => {
      expect(onTool.events.map((e) => e.type)).toEqual(['tool.stage.changed', 'tool.updated']);
      expect(onCatalogue.events.find((e) => e.type === 'tool.stage.changed' && e.payload.slug === slug)?.payload).toMatchObject({ from: 'proposed', to: 'in_design' });
    });
  });

  it('lets admins assign and remove maintainers', async () => {
    const { slug, maintainer } = await proposed();
    const helper = await signedIn(t.url, { displayName: 'New Maintainer' });
    expect((await maintainer.client.put(`/api/tools/${slug}/maintainers/${helper.user.id}`)).status).toBe(403);
    expect((await helper.client.patch(`/api/tools/${slug}`, { summary: 'Not yet a maintainer here' })).status).toBe(403);
    const added = await admin.put(`/api/tools/${slug}/maintainers/${helper.user.id}`);
    expect(added.body.maintainers.map((m: { id: string }) => m.id)).toEqual([maintainer.user.id, helper.user.id]);
    expect((await helper.client.patch(`/api/tools/${slug}`, { summary: 'Now I maintain this tool' })).status).toBe(200);
    await admin.delete(`/api/tools/${slug}/maintainers/${helper.user.id}`);
    expect((await helper.client.patch(`/api/tools/${slug}`, { summary: 'No longer maintaining it' })).status).toBe(403);
    expect((await admin.put(`/api/tools/${slug}/maintainers/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
  });
});

describe('releases', () => {
  it('lets maintainers publish releases and shows the highest version with the tool', async () => {
    const { slug, maintainer } = await proposed();
    const other = await signedIn(t.url);
    const live = connect(t.url);
    sockets.push(live);
    await subscribe(live.socket, `tool:${slug}`);
    expect((await other.client.post(`/api/tools/${slug}/releases`, { version: '1.0.0' })).status).toBe(403);
    expect((await maintainer.client.post(`/api/tools/${slug}/releases`, { version: '1.10.0', notes: 'Tenth', releasedOn: '2026-03-01' })).status).toBe(201);
    expect((await maintainer.client.post(`/api/tools/${slug}/releases`, { version: '1.9.0', notes: 'Ninth' })).status).toBe(201);
    expect((await maintainer.client.post(`/api/tools/${slug}/releases`, { version: '1.9.0' })).status).toBe(409);
    const tool = await new Client(t.url).get(`/api/tools/${slug}`);
    expect(tool.body.tool.latestRelease).toMatchObject({ version: '1.10.0', notes: 'Tenth', releasedOn: '2026-03-01' });
    // The page follows the topic from this seq: the topic's seq when it was read (both releases are in it).
    expect(tool.body.seq).toBe((await t.db.query(`SELECT seq::int FROM topic_seqs WHERE topic = $1`, [`tool:${slug}`]))[0].seq);
    expect((await new Client(t.url).get(`/api/tools/${slug}/releases`)).body.items.map((r: { version: string }) => r.version)).toEqual(['1.10.0', '1.9.0']);
    await eventually(() => expect(live.events.filter((e) => e.type === 'tool.release.published')).toHaveLength(2));
  });
});

describe('adoption', () => {
  it('lets only a verified member of the authority (or an admin) record it, and counts per tool and per region', async () => {
    const { slug } = await proposed();
    const a = await la(`region = (SELECT region FROM organisations WHERE kind = 'local_authority' ORDER BY id LIMIT 1)`);
    const b = await la(`region = $1 AND id <> $2`, [a.region, a.id]);
    const c = await la(`region <> $1`, [a.region]);
    const memberA = await signedIn(t.url, { organisationId: a.id });
    const memberB = await signedIn(t.url, { organisationId: b.id });
    // Self-declared, memberA is refused until a confirmed address on a's domain makes them a verified member.
    expect((await memberA.client.put(`/api/tools/${slug}/adoptions/${a.id}`, { status: 'pilots' })).status).toBe(403);
    await verifiedMemberOf(t, memberA.client, a.id);
    await verifiedMemberOf(t, memberB.client, b.id);
    const live = connect(t.url);
    sockets.push(live);
    await subscribe(live.socket, `tool:${slug}`);

    expect((await new Client(t.url).put(`/api/tools/${slug}/adoptions/${a.id}`, { status: 'uses' })).status).toBe(401);
    expect((await memberB.client.put(`/api/tools/${slug}/adoptions/${a.id}`, { status: 'uses' })).status).toBe(403);
    expect((await memberA.client.put(`/api/tools/${slug}/adoptions/${a.id}`, { status: 'pilots' })).status).toBe(200);
    const uses = await memberA.client.put(`/api/tools/${slug}/adoptions/${a.id}`, { status: 'uses' });
    expect(uses.body.adoption).toMatchObject({ status: 'uses', usedBy: 1, organisation: { id: a.id } });
    await memberB.client.put(`/api/tools/${slug}/adoptions/${b.id}`, { status: 'interested' });
    await admin.put(`/api/tools/${slug}/adoptions/${c.id}`, { status: 'uses' });

    const summary = (await new Client(t.url).get(`/api/tools/${slug}/adoptions`)).body;
    expect(summary).toMatchObject({ usedBy: 2, of: 153, counts: { uses: 2, pilots: 0, interested: 1, stopped: 0 } });
    expect(summary.regions.reduce((s: number, r: { authorities: number }) => s + r.authorities, 0)).toBe(153);
    expect(summary.regions.find((r: { region: string }) => r.region === a.region)).toMatchObject({ uses: 1, interested: 1 });
    expect(summary.regions.find((r: { region: string }) => r.region === c.region)).toMatchObject({ uses: 1 });
    expect((await new Client(t.url).get(`/api/tools/${slug}`)).body.tool.usedBy).toBe(2);

    await memberA.client.put(`/api/tools/${slug}/adoptions/${a.id}`, { status: 'stopped' });
    expect((await new Client(t.url).get(`/api/tools/${slug}/adoptions`)).body).toMatchObject({ usedBy: 1, counts: { stopped: 1 } });
    await eventually(() => expect(live.events.filter((e) => e.type === 'tool.adoption.changed')).toHaveLength(5));

    const byRegion = await new Client(t.url).get(`/api/tools?region=${encodeURIComponent(c.region)}&q=${slug}`);
    expect(byRegion.body.items.map((x: { slug: string }) => x.slug)).toContain(slug);
    const mine = await new Client(t.url).get(`/api/organisations/${c.id}/tools`);
    expect(mine.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ status: 'uses', tool: expect.objectContaining({ slug }) })]));
    expect((await new Client(t.url).get(`/api/organisations/999999/tools`)).status).toBe(404);
  });

  it('is for local authorities only', async () => {
    const { slug } = await proposed();
    const [dfe] = await t.db.query(`SELECT id FROM organisations WHERE kind = 'central_government' LIMIT 1`);
    const res = await admin.put(`/api/tools/${slug}/adoptions/${dfe.id}`, { status: 'uses' });
    expect(res).toMatchObject({ status: 400, body: { error: { fields: { organisationId: expect.any(String) } } } });
  });
});

describe('design document', () => {
  it('lets members edit sections, refuses a stale base with 409 and the current text, and keeps every revision', async () => {
    const { slug, maintainer } = await proposed();
    const ann = await signedIn(t.url, { displayName: 'Ann' });
    const bob = await signedIn(t.url, { displayName: 'Bob' });
    const live = connect(t.url);
    sockets.push(live);
    await subscribe(live.socket, `tool:${slug}`);
    const path = `/api/tools/${slug}/design/sections/problem`;

    expect((await new Client(t.url).put(path, { body: 'anon', baseRevision: 0 })).status).toBe(401);
    const first = await ann.client.put(path, { body: 'Placements break down.', baseRevision: 0 });
    expect(first.body.section).toMatchObject({ key: 'problem', revision: 1, body: 'Placements break down.', updatedBy: { displayName: 'Ann' } });
    const stale = await bob.client.put(path, { body: 'Bob from the old base.', baseRevision: 0 });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'conflict', current: { revision: 1, body: 'Placements break down.', updatedBy: { displayName: 'Ann' } } });
    const merged = await bob.client.put(path, { body: 'Placements break down.\nAnd nobody sees it coming.', baseRevision: 1 });
    expect(merged.body.section.revision).toBe(2);
    await eventually(() => expect(live.events.filter((e) => e.type === 'tool.design.section.updated').map((e) => e.payload.revision)).toEqual([1, 2]));

    const revisions = (await new Client(t.url).get(`${path}/revisions`)).body.items;
    expect(revisions.map((r: { revision: number; author: { displayName: string } }) => [r.revision, r.author.displayName])).toEqual([
      [2, 'Bob'],
      [1, 'Ann'],
    ]);
    const compare = await new Client(t.url).get(`/api/tools/${slug}/design/sections/problem/compare?from=1&to=2`);
    expect(compare.body.diff).toEqual([
      { op: 'same', text: 'Placements break down.' },
      { op: 'added', text: 'And nobody sees it coming.' },
    ]);
    expect((await new Client(t.url).get(`/api/tools/${slug}/design/sections/problem/compare?from=1&to=9`)).status).toBe(404);
    expect((await ann.client.put(`/api/tools/${slug}/design/sections/no_such`, { body: 'x', baseRevision: 0 })).status).toBe(404);

    // Only maintainers add sections.
    expect((await ann.client.post(`/api/tools/${slug}/design/sections`, { key: 'risks', title: 'Risks' })).status).toBe(403);
    expect((await maintainer.client.post(`/api/tools/${slug}/design/sections`, { key: 'Risks!', title: 'Risks' })).body.error.fields).toHaveProperty('key');
    expect((await maintainer.client.post(`/api/tools/${slug}/design/sections`, { key: 'risks', title: 'Risks' })).status).toBe(201);
    expect((await maintainer.client.post(`/api/tools/${slug}/design/sections`, { key: 'risks', title: 'Risks' })).status).toBe(409);
    const doc = (await new Client(t.url).get(`/api/tools/${slug}/design`)).body;
    expect(doc.sections.map((s: { key: string }) => s.key).at(-1)).toBe('risks');
  });

  it('lets exactly one of two concurrent saves from the same base win', async () => {
    const { slug } = await proposed();
    const ann = await signedIn(t.url);
    const path = `/api/tools/${slug}/design/sections/users`;
    const results = await Promise.all([1, 2, 3, 4].map((i) => ann.client.put(path, { body: `text ${i}`, baseRevision: 0 })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409]);
  });
});
