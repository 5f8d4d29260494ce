import { Client, connect, Received, signedIn, signedInAdmin, startApp, subscribe, TestApp } from './harness';

/** The admin screens' API: people (roles, disable), organisations and their domains, and the audit log of every change. */
let t: TestApp;
let admin: Client;
let adminId: string;
let camden: number;
const sockets: Received[] = [];
let n = 0;
const unique = () => `a${process.pid}x${Date.now().toString(36)}x${++n}`;

/** The newest audit entries of `action` about `targetId`. */
async function audited(action: string, targetId: string) {
  const res = await admin.get(`/api/admin/audit?action=${action}&limit=200`);
  expect(res.status).toBe(200);
  return (res.body.items as { targetId: string; actor: { id: string } | null; detail: Record<string, unknown> }[]).filter((e) => e.targetId === targetId);
}

beforeAll(async () => {
  t = await startApp();
  admin = await signedInAdmin(t.url);
  adminId = (await admin.get('/api/auth/me')).body.user.id;
  [{ id: camden }] = await t.db.query(`SELECT id FROM organisations WHERE la_code = '202'`);
});
afterAll(async () => {
  sockets.forEach((s) => s.socket.disconnect());
  await t.close();
});

describe('people', () => {
  it('finds people by name, email or organisation, with whether their organisation is verified', async () => {
    const name = `Findable ${unique()}`;
    const m = await signedIn(t.url, { displayName: name, organisationId: camden });
    const res = await admin.get(`/api/admin/users?q=${encodeURIComponent(name)}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ total: 1, items: [expect.objectContaining({ id: m.user.id, displayName: name, organisationName: 'Camden', organisationVerified: false, emailVerified: false, disabledAt: null })] });
    expect((await admin.get(`/api/admin/users?q=${encodeURIComponent('%')}`)).status).toBe(200);
  });

  it('a role change is audited with what it was and what it became (PUT /api/users/:id/roles keeps working)', async () => {
    const m = await signedIn(t.url);
    expect((await admin.put(`/api/users/${m.user.id}/roles`, { roles: ['moderator'] })).status).toBe(200);
    const [entry] = await audited('user.roles.changed', m.user.id);
    expect(entry).toMatchObject({ actor: { id: adminId }, detail: { from: ['member'], to: ['member', 'moderator'] } });
  });

  it('disabling ends the account’s sign-ins and sockets at once and refuses new ones; enabling lets it back', async () => {
    const m = await signedIn(t.url);
    const email = m.user.email;
    const r = connect(t.url, { cookie: m.client.cookie });
    sockets.push(r);
    expect((await subscribe(r.socket, `user:${m.user.id}`)).ok).toBe(true);
    const closed = new Promise((resolve) => r.socket.once('disconnect', resolve));

    const res = await admin.put(`/api/admin/users/${m.user.id}/disabled`, { disabled: true });
    expect(res.status).toBe(200);
    expect(res.body.user.disabledAt).toEqual(expect.any(String));
    await closed;
    expect((await m.client.get('/api/auth/me')).status).toBe(401);
    const again = new Client(t.url);
    await again.post('/api/auth/login', { email, password: 'a sensible passphrase' });
    expect((await again.get('/api/auth/me')).status).toBe(401);
    const reconnect = connect(t.url, { cookie: m.client.cookie });
    sockets.push(reconnect);
    expect((await subscribe(reconnect.socket, `user:${m.user.id}`)).ok).toBe(false);
    expect(await audited('user.disabled', m.user.id)).toHaveLength(1);

    expect((await admin.put(`/api/admin/users/${m.user.id}/disabled`, { disabled: false })).body.user.disabledAt).toBeNull();
    const back = new Client(t.url);
    expect((await back.post('/api/auth/login', { email, password: 'a sensible passphrase' })).status).toBe(200);
    expect((await back.get('/api/auth/me')).status).toBe(200);
    expect(await audited('user.enabled', m.user.id)).toHaveLength(1);
  });

  it('an admin cannot disable themselves; an unknown id is 404; bad input names the field', async () => {
    expect((await admin.put(`/api/admin/users/${adminId}/disabled`, { disabled: true })).status).toBe(409);
    expect((await admin.put('/api/admin/users/00000000-0000-4000-8000-000000000000/disabled', { disabled: true })).status).toBe(404);
    const bad = await admin.put(`/api/admin/users/${adminId}/disabled`, { disabled: 'yes' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toHaveProperty('disabled');
  });
});

describe('organisations and their domains', () => {
  it('lists organisations with their domains and member counts', async () => {
    const res = await admin.get('/api/admin/organisations?q=Camden');
    expect(res.status).toBe(200);
    const org = res.body.items.find((o: { id: number }) => o.id === camden);
    expect(org.domains).toEqual(expect.arrayContaining([expect.objectContaining({ domain: 'camden.gov.uk', confirmed: false })]));
    expect(org).toMatchObject({ members: expect.any(Number), verifiedMembers: expect.any(Number) });
  });

  it('adds, confirms and removes a domain, each audited; a domain belongs to one organisation', async () => {
    const domain = `${unique()}.example`;
    const added = await admin.post(`/api/organisations/${camden}/domains`, { domain: ` ${domain.toUpperCase()} ` });
    expect(added.status).toBe(201);
    expect(added.body.domain).toMatchObject({ domain, organisationId: camden, confirmed: false });
    const [{ id: other }] = await t.db.query(`SELECT id FROM organisations WHERE la_code = '204'`);
    const taken = await admin.post(`/api/organisations/${other}/domains`, { domain });
    expect(taken.status).toBe(409);
    expect(taken.body.error.message).toContain('Camden');
    expect((await admin.patch(`/api/organisations/${other}/domains/${domain}`, { confirmed: true })).status).toBe(404);
    expect((await admin.patch(`/api/organisations/${camden}/domains/${domain}`, { confirmed: true })).body.domain.confirmed).toBe(true);
    expect((await admin.get(`/api/organisations/${camden}/domains`)).body.items).toEqual(expect.arrayContaining([expect.objectContaining({ domain, confirmed: true })]));
    expect((await admin.delete(`/api/organisations/${camden}/domains/${domain}`)).status).toBe(204);
    expect((await admin.delete(`/api/organisations/${camden}/domains/${domain}`)).status).toBe(404);
    const actions = (await admin.get('/api/admin/audit?limit=200')).body.items.filter((e: { detail: { domain?: string } }) => e.detail.domain === domain).map((e: { action: string }) => e.action);
    expect(actions).toEqual(['organisation.domain.removed', 'organisation.domain.confirmed', 'organisation.domain.added']);
  });

  it('refuses what is not a domain, naming the field', async () => {
    for (const domain of ['@camden.gov.uk', 'https://camden.gov.uk', 'localhost', 'a..b']) {
      const res = await admin.post(`/api/organisations/${camden}/domains`, { domain });
      expect(res.status).toBe(400);
      expect(res.body.error.fields).toHaveProperty('domain');
    }
  });
});

describe('the audit log', () => {
  it('records a tool’s access changes, and pages from newest to oldest', async () => {
    const slug = `audit-${unique()}`;
    expect((await admin.post('/api/tools', { slug, name: `Tool ${slug}`, summary: 'A tool for the audit test.' })).status).toBe(201);
    expect((await admin.patch(`/api/tools/${slug}`, { access: 'local_authority' })).status).toBe(200);
    expect((await admin.patch(`/api/tools/${slug}`, { access: 'local_authority' })).status).toBe(200); // no change: no entry
    expect(await audited('tool.access.changed', slug)).toEqual([expect.objectContaining({ detail: { from: 'public', to: 'local_authority' }, targetName: `Tool ${slug}` })]);
    const first = (await admin.get('/api/admin/audit?limit=2')).body;
    expect(first.items).toHaveLength(2);
    expect(first.hasMore).toBe(true);
    const next = (await admin.get(`/api/admin/audit?limit=2&before=${first.items[1].id}`)).body;
    expect(next.items[0].id).toBeLessThan(first.items[1].id);
  });

  it('a member who is not a verified member of a local authority cannot keep a tool to local authority staff', async () => {
    const m = await signedIn(t.url, { organisationId: camden });
    const slug = `audit-${unique()}`;
    expect((await m.client.post('/api/tools', { slug, name: `Tool ${slug}`, summary: 'A tool for the audit test.' })).status).toBe(201);
    const res = await m.client.patch(`/api/tools/${slug}`, { access: 'local_authority' });
    expect(res.status).toBe(403);
    expect(res.body.error.fields).toHaveProperty('access');
  });
});

