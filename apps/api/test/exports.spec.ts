import { Client, signedIn, startApp, type TestApp } from './harness';

let t: TestApp;
beforeAll(async () => {
  t = await startApp();
});
afterAll(() => t?.close());

const unique = () => `x${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

/** RFC 4180 rows, enough for these files (quoted cells may hold commas and quotes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\n') row.push(cell.replace(/\r$/, '')), rows.push(row), (row = []), (cell = '');
    else cell += c;
  }
  return rows;
}

async function proposeTool(client: Client, extra: Record<string, unknown> = {}) {
  const slug = unique();
  const res = await client.post('/api/tools', { slug, name: `Export ${slug}`, summary: 'A tool for the export tests.', ...extra });
  expect(res.body).toEqual(expect.objectContaining({ tool: expect.anything() }));
  return slug;
}

describe('CSV exports', () => {
  it('lists public tools for a spreadsheet, with formulas defused and local-authority-only tools left out', async () => {
    const m = await signedIn(t.url);
    const open = await proposeTool(m.client, { summary: '=HYPERLINK("http://evil.example","click") for sums' });
    const closed = await proposeTool(m.client);
    await t.db.query(`UPDATE tools SET access = 'local_authority' WHERE slug = $1`, [closed]);

    const res = await fetch(`${t.url}/api/exports/tools.csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toContain('attachment');
    const bytes = Buffer.from(await res.arrayBuffer());
    // The byte-order mark that makes Excel read the file as UTF-8 (fetch's text() would drop it).
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = parseCsv(bytes.subarray(3).toString('utf8'));
    expect(header.slice(0, 4)).toEqual(['slug', 'name', 'summary', 'stage']);
    const row = rows.find((r) => r[0] === open)!;
    expect(row[header.indexOf('summary')]).toBe(`'=HYPERLINK("http://evil.example","click") for sums`);
    expect(row[header.indexOf('url')]).toBe(`${t.url}/tools/${open}`);
    expect(rows.some((r) => r[0] === closed)).toBe(false);
  });

  it('lists adoption as authority × tool × status, public tools only', async () => {
    const m = await signedIn(t.url);
    const open = await proposeTool(m.client);
    const closed = await proposeTool(m.client);
    await t.db.query(`UPDATE tools SET access = 'local_authority' WHERE slug = $1`, [closed]);
    await t.db.query(
      `INSERT INTO tool_adoptions (tool_id, organisation_id, status)
       SELECT t.id, o.id, 'uses' FROM tools t, organisations o WHERE t.slug = ANY($1) AND o.la_code = '202'`,
      [[open, closed]],
    );
    const text = (await new Client(t.url).get('/api/exports/adoptions.csv')).body as string;
    const [header, ...rows] = parseCsv(text);
    expect(header).toEqual(['la_code', 'ons_code', 'organisation', 'region', 'tool_slug', 'tool_name', 'status', 'version', 'updated_on']);
    const mine = rows.filter((r) => r[4] === open || r[4] === closed);
    expect(mine).toEqual([['202', expect.stringMatching(/^E0/), 'Camden', 'London', open, `Export ${open}`, 'uses', '', expect.stringMatching(/^\d{4}-\d\d-\d\d$/)]]);
  });

  it('lists needs and ideas with the authorities backing them', async () => {
    const m = await signedIn(t.url);
    const id = (await m.client.post('/api/ideas', { title: '@SUM(1+1) a shared checker', body: 'A need for the export test, long enough to be accepted.' })).body.idea.id;
    await t.db.query(`INSERT INTO idea_backings (idea_id, organisation_id) SELECT $1, id FROM organisations WHERE la_code IN ('202', '886')`, [id]);
    const text = (await new Client(t.url).get('/api/exports/ideas.csv')).body as string;
    const [header, ...rows] = parseCsv(text);
    const row = rows.find((r) => r[0] === String(id))!;
    expect(Object.fromEntries(header.map((h, i) => [h, row[i]]))).toMatchObject({
      kind: 'need', title: "'@SUM(1+1) a shared checker", status: 'open', authorities_backing: '2', regions: '2', backed_by: 'Camden; Kent', url: `${t.url}/ideas/${id}`,
    });
  });
});

describe('Atom feeds', () => {
  it('carries releases of public tools at /feeds/releases.atom', async () => {
    const m = await signedIn(t.url);
    const open = await proposeTool(m.client);
    const closed = await proposeTool(m.client);
    expect((await m.client.post(`/api/tools/${open}/releases`, { version: '2.1.0', notes: 'Rule 103 & <dates> fixed' })).status).toBe(201);
    expect((await m.client.post(`/api/tools/${closed}/releases`, { version: '9.9.9', notes: 'Hidden' })).status).toBe(201);
    await t.db.query(`UPDATE tools SET access = 'local_authority' WHERE slug = $1`, [closed]);

    const res = await new Client(t.url).get('/feeds/releases.atom');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/atom\+xml/);
    const xml = res.body as string;
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    expect(xml).toContain(`Export ${open} 2.1.0`);
    expect(xml).toContain('Rule 103 &amp; &lt;dates&gt; fixed');
    expect(xml).not.toContain('<dates>');
    expect(xml).toContain(`${t.url}/tools/${open}`);
    expect(xml).not.toContain(closed);
  });

  it('carries initiative updates at /feeds/initiatives.atom', async () => {
    const m = await signedIn(t.url);
    const slug = unique();
    expect((await m.client.post('/api/initiatives', { slug, title: `Feed ${slug}`, summary: 'An initiative for the feed test.', focusArea: 'advising' })).status).toBe(201);
    expect((await m.client.post(`/api/initiatives/${slug}/updates`, { body: 'Pilot authorities signed up', rag: 'at_risk' })).status).toBe(201);
    const xml = (await new Client(t.url).get('/feeds/initiatives.atom')).body as string;
    expect(xml).toContain(`Feed ${slug} (at risk)`);
    expect(xml).toContain('Pilot authorities signed up');
  });
});
