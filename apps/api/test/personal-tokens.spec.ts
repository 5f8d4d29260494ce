import { createHash } from 'node:crypto';
import { Client, Res, signedIn, startApp, TestApp } from './harness';

/**
 * Read-only personal access tokens for analysts' scripts: made and revoked from a signed-in browser,
 * stored hashed, sent as `Authorization: Bearer …`, reading as their owner and writing nothing.
 */
let t: TestApp;
type Doc = { paths: Record<string, Record<string, unknown>> };
let doc: Doc;

beforeAll(async () => {
  t = await startApp();
  doc = (await new Client(t.url).get('/api/docs/openapi.json')).body;
});
afterAll(() => t?.close());

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const as = (token: string, method: string, path: string, body?: unknown): Promise<Res> => new Client(t.url).request(method, path, body, bearer(token));

async function withToken(name = 'R script') {
  const { client, user } = await signedIn(t.url);
  const res = await client.post('/api/me/tokens', { name });
  expect(res.status).toBe(201);
  return { client, user, created: res.body as { id: string; name: string; token: string } };
}

describe('personal access tokens', () => {
  it('shows the token once, keeps only its hash, and lists it without the secret', async () => {
    const { client, user, created } = await withToken('Power BI refresh');
    expect(created).toMatchObject({ name: 'Power BI refresh', lastUsedAt: null });
    expect(created.token).toMatch(/^cdt_[A-Za-z0-9_-]{43}$/);
    const [row] = await t.db.query(`SELECT token_hash FROM personal_tokens WHERE user_id = $1`, [user.id]);
    expect(row.token_hash).toBe(createHash('sha256').update(created.token).digest('hex'));
    const list = await client.get('/api/me/tokens');
    expect(list.body.items).toEqual([{ id: created.id, name: 'Power BI refresh', createdAt: expect.any(String), lastUsedAt: null }]);
    expect(JSON.stringify(list.body)).not.toContain(created.token);
  });

  it('reads as its owner: GET /api/auth/me answers 200, and use is recorded', async () => {
    const { client, user, created } = await withToken();
    const me = await as(created.token, 'GET', '/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.user.id).toBe(user.id);
    expect((await as(created.token, 'GET', '/api/tools')).status).toBe(200);
    expect((await client.get('/api/me/tokens')).body.items[0].lastUsedAt).not.toBeNull();
    // No more than its owner: a member's token is no admin.
    expect((await as(created.token, 'GET', '/api/users')).status).toBe(403);
  });

  it('writes nothing: every write route of the API answers 403', async () => {
    const { user, created } = await withToken();
    const writes = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods)
        .filter((m) => !['get', 'head', 'options'].includes(m))
        .map((m) => ({ method: m.toUpperCase(), path: path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000') })),
    );
    expect(writes.length).toBeGreaterThan(20);
    for (const { method, path } of writes) {
      const res = await as(created.token, method, path, {});
      expect({ method, path, status: res.status }).toEqual({ method, path, status: 403 });
    }
    // Nothing changed: the token and the account are as they were.
    expect((await as(created.token, 'GET', '/api/auth/me')).body.user.displayName).toBe((await t.db.query(`SELECT display_name FROM users WHERE id = $1`, [user.id]))[0].display_name);
    expect((await t.db.query(`SELECT 1 FROM personal_tokens WHERE id = $1`, [created.id])).length).toBe(1);
  });

  it('stops working once revoked; a mistyped one is refused, not read as signed out', async () => {
    const { client, created } = await withToken();
    expect((await client.delete(`/api/me/tokens/${created.id}`)).status).toBe(204);
    expect((await as(created.token, 'GET', '/api/auth/me')).status).toBe(401);
    expect((await as(created.token, 'GET', '/api/tools')).status).toBe(401);
    expect((await as('cdt_not-a-real-token', 'GET', '/api/tools')).status).toBe(401);
    // Other bearer tokens (the metrics scraper's) are not the guard's to judge.
    expect((await as('some-other-bearer-token', 'GET', '/api/tools')).status).toBe(200);
    expect((await client.delete(`/api/me/tokens/${created.id}`)).status).toBe(404);
  });

  it('only its owner can list or revoke it', async () => {
    const { created } = await withToken();
    const { client: other } = await signedIn(t.url);
    expect((await other.get('/api/me/tokens')).body.items).toEqual([]);
    expect((await other.delete(`/api/me/tokens/${created.id}`)).status).toBe(404);
    expect((await as(created.token, 'GET', '/api/auth/me')).status).toBe(200);
  });

  it('stops working when the account is disabled', async () => {
    const { user, created } = await withToken();
    await t.db.query(`UPDATE users SET disabled_at = now() WHERE id = $1`, [user.id]);
    expect((await as(created.token, 'GET', '/api/auth/me')).status).toBe(401);
  });

  it('names the field for a bad name, refuses personal data in it, and keeps to 20 tokens', async () => {
    const { client } = await signedIn(t.url);
    const empty = await client.post('/api/me/tokens', { name: '  ' });
    expect(empty.status).toBe(400);
    expect(Object.keys(empty.body.error.fields)).toEqual(['name']);
    const personal = await client.post('/api/me/tokens', { name: 'pupils near SW1A 1AA' });
    expect(personal.status).toBe(400);
    expect(Object.keys(personal.body.error.fields)).toEqual(['name']);
    const made = await Promise.all(Array.from({ length: 22 }, (_, i) => client.post('/api/me/tokens', { name: `script ${i}` }).then((r) => r.status)));
    expect(made.filter((s) => s === 201)).toHaveLength(20);
    expect(made.filter((s) => s === 409)).toHaveLength(2);
    expect((await new Client(t.url).post('/api/me/tokens', { name: 'anonymous' })).status).toBe(401);
  });
});
