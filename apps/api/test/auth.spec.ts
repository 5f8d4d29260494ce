import { Client, newUser, signedIn, signedInAdmin, startApp, TestApp } from './harness';

let t: TestApp;
beforeAll(async () => {
  t = await startApp();
});
afterAll(() => t.close());

describe('register, log in, log out, me', () => {
  it('registers, is signed in at once, logs out and back in', async () => {
    const c = new Client(t.url);
    const input = newUser({ email: 'Mixed.Case@Example.org' });
    const reg = await c.post('/api/auth/register', input);
    expect(reg.status).toBe(201);
    expect(reg.body.user).toMatchObject({ email: 'mixed.case@example.org', displayName: input.displayName, roles: ['member'], organisationId: null });
    expect(reg.body.user.passwordHash).toBeUndefined();

    expect((await c.get('/api/auth/me')).body.user.id).toBe(reg.body.user.id);

    expect((await c.post('/api/auth/logout')).status).toBe(204);
    expect(c.cookie).toBe('');
    expect((await c.get('/api/auth/me')).status).toBe(401);

    const login = await c.post('/api/auth/login', { email: 'MIXED.case@example.org', password: input.password });
    expect(login.status).toBe(200);
    expect((await c.get('/api/auth/me')).body.user.email).toBe('mixed.case@example.org');
  });

  it('records the organisation, which must exist', async () => {
    const { rows } = { rows: await t.db.query(`SELECT id FROM organisations WHERE la_code = '202'`) };
    const ok = await new Client(t.url).post('/api/auth/register', newUser({ organisationId: rows[0].id }));
    expect(ok.body.user.organisationId).toBe(rows[0].id);
    const bad = await new Client(t.url).post('/api/auth/register', newUser({ organisationId: 999_999 }));
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toHaveProperty('organisationId');
  });

  it('refuses a second account with the same email (409) and keeps the first', async () => {
    const input = newUser();
    await new Client(t.url).post('/api/auth/register', input);
    const again = await new Client(t.url).post('/api/auth/register', { ...input, email: input.email.toUpperCase(), password: 'another passphrase' });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'conflict', fields: { email: expect.any(String) } });
    expect((await new Client(t.url).post('/api/auth/login', { email: input.email, password: input.password })).status).toBe(200);
  });

  it('answers 401 for a wrong password or unknown email, without saying which', async () => {
    const input = newUser();
    await new Client(t.url).post('/api/auth/register', input);
    const wrong = await new Client(t.url).post('/api/auth/login', { email: input.email, password: 'not the password' });
    const unknown = await new Client(t.url).post('/api/auth/login', { email: 'nobody@example.org', password: 'not the password' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.error.message).toBe(unknown.body.error.message);
  });

  it('refuses weak passwords naming the field', async () => {
    for (const password of ['short', 'password123', 'aaaaaaaaaaaa']) {
      const res = await new Client(t.url).post('/api/auth/register', newUser({ password }));
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
      expect(Object.keys(res.body.error.fields)).toEqual(['password']);
    }
  });
});

describe('session cookie', () => {
  it('is httpOnly, SameSite=Lax, path /, expiring, and not Secure on http', async () => {
    const res = await fetch(`${t.url}/api/auth/register`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(newUser()) });
    const cookie = res.headers.getSetCookie()[0];
    expect(cookie).toMatch(/^commons_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Lax/);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).toMatch(/; Expires=/);
    expect(cookie).not.toMatch(/Secure/);
  });

  it('is Secure when PUBLIC_ORIGIN is https', async () => {
    const https = await startApp({ PUBLIC_ORIGIN: 'https://commons.example.org' });
    try {
      const res = await fetch(`${https.url}/api/auth/register`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(newUser()) });
      expect(res.headers.getSetCookie()[0]).toMatch(/; Secure/);
    } finally {
      await https.close();
    }
  });

  it('stores only a hash of the token', async () => {
    const { client, user } = await signedIn(t.url);
    const token = client.cookie.split('=')[1];
    const rows = await t.db.query(`SELECT token_hash FROM sessions WHERE user_id = $1`, [user.id]);
    expect(rows).toHaveLength(1);
    expect(rows[0].token_hash).not.toContain(token);
    expect(rows[0].token_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('stops working once expired', async () => {
    const { client, user } = await signedIn(t.url);
    expect((await client.get('/api/auth/me')).status).toBe(200);
    await t.db.query(`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [user.id]);
    expect((await client.get('/api/auth/me')).status).toBe(401);
  });

  it('stops working once revoked by logout, even if the cookie is replayed', async () => {
    const { client } = await signedIn(t.url);
    const stolen = client.cookie;
    await client.post('/api/auth/logout');
    const replay = new Client(t.url);
    replay.cookie = stolen;
    expect((await replay.get('/api/auth/me')).status).toBe(401);
  });

  it('ignores a forged or garbage cookie', async () => {
    for (const value of ['forged', 'x'.repeat(5000), '']) {
      const c = new Client(t.url);
      c.cookie = `commons_session=${value}`;
      expect((await c.get('/api/auth/me')).status).toBe(401);
    }
  });
});

describe('admin: users and roles', () => {
  it('lets an admin list users and grant and revoke moderator', async () => {
    const admin = await signedInAdmin(t.url);
    const { client: member, user } = await signedIn(t.url);

    const list = await admin.get(`/api/users?q=${encodeURIComponent(user.email)}`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((u: { id: string }) => u.id)).toEqual([user.id]);
    expect(list.body.total).toBe(1);

    const grant = await admin.put(`/api/users/${user.id}/roles`, { roles: ['moderator'] });
    expect(grant.status).toBe(200);
    expect(grant.body.user.roles).toEqual(['member', 'moderator']);
    expect((await member.get('/api/auth/me')).body.user.roles).toEqual(['member', 'moderator']);

    await admin.put(`/api/users/${user.id}/roles`, { roles: [] });
    expect((await member.get('/api/auth/me')).body.user.roles).toEqual(['member']);
  });

  it('refuses members (403) and anonymous callers (401)', async () => {
    const { client: member, user } = await signedIn(t.url);
    expect((await member.get('/api/users')).status).toBe(403);
    expect((await member.put(`/api/users/${user.id}/roles`, { roles: ['admin'] })).status).toBe(403);
    expect((await new Client(t.url).get('/api/users')).status).toBe(401);
    expect((await member.get('/api/auth/me')).body.user.roles).toEqual(['member']);
  });

  it('a moderator is not an admin', async () => {
    const admin = await signedInAdmin(t.url);
    const { client: moderator, user } = await signedIn(t.url);
    await admin.put(`/api/users/${user.id}/roles`, { roles: ['moderator'] });
    expect((await moderator.get('/api/users')).status).toBe(403);
  });

  it('keeps an admin from removing their own admin role, and 404s an unknown user', async () => {
    const admin = await signedInAdmin(t.url);
    const me = (await admin.get('/api/auth/me')).body.user;
    const res = await admin.put(`/api/users/${me.id}/roles`, { roles: ['moderator'] });
    expect(res.status).toBe(409);
    expect((await admin.get('/api/auth/me')).body.user.roles).toContain('admin');
    expect((await admin.put('/api/users/00000000-0000-4000-8000-000000000000/roles', { roles: [] })).status).toBe(404);
  });

  it('creates the first admin from ADMIN_EMAIL/ADMIN_PASSWORD with admin and moderator', async () => {
    const admin = await signedInAdmin(t.url);
    expect((await admin.get('/api/auth/me')).body.user.roles.sort()).toEqual(['admin', 'member', 'moderator']);
  });
});

describe('throttling sign-in', () => {
  it('refuses an account after repeated failures, even with the right password, until the window passes', async () => {
    const throttled = await startApp({ LOGIN_FAILURES_PER_ACCOUNT: '3' });
    try {
      const input = newUser();
      await new Client(throttled.url).post('/api/auth/register', input);
      for (let i = 0; i < 3; i++) expect((await new Client(throttled.url).post('/api/auth/login', { email: input.email, password: 'a wrong guess' })).status).toBe(401);
      const refused = await new Client(throttled.url).post('/api/auth/login', { email: input.email, password: input.password });
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      // Another account is not affected.
      const other = newUser();
      await new Client(throttled.url).post('/api/auth/register', other);
      expect((await new Client(throttled.url).post('/api/auth/login', { email: other.email, password: other.password })).status).toBe(200);
    } finally {
      await throttled.close();
    }
  });

  it('counts every attempt from one address', async () => {
    const throttled = await startApp({ LOGIN_ATTEMPTS_PER_ADDRESS: '4', TRUST_PROXY: 'true' });
    try {
      const from = (ip: string) => new Client(throttled.url).request('POST', '/api/auth/login', { email: 'nobody@example.org', password: 'whatever it is' }, { 'x-forwarded-for': ip });
      for (let i = 0; i < 4; i++) expect((await from('198.51.100.20')).status).toBe(401);
      expect((await from('198.51.100.20')).status).toBe(429);
      expect((await from('198.51.100.21')).status).toBe(401);
    } finally {
      await throttled.close();
    }
  });
});

describe('security headers', () => {
  it('sends helmet’s headers, and a Content-Security-Policy on the web client’s pages', async () => {
    const api = await fetch(`${t.url}/api/health`);
    expect(api.headers.get('x-content-type-options')).toBe('nosniff');
    expect(api.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(api.headers.get('strict-transport-security')).toMatch(/max-age/);
    // The web client is built before the tests run (npm test does it).
    const page = await fetch(`${t.url}/tools`, { headers: { accept: 'text/html' } });
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect((await fetch(`${t.url}/api/docs`)).headers.get('content-security-policy')).toBeNull();
  });
});
