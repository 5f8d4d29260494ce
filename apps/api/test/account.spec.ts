import { FEEDBACK_ROLES } from '@commons/domain';
import { ADMIN, Client, connect, eventually, isolated, newUser, Received, signedIn, signedInAdmin, startApp, startWorker, subscribe, TestApp } from './harness';

let t: TestApp;
let env: Record<string, string>;
const sockets: Received[] = [];

// A database of its own: "the last admin" must mean the last one in the whole deployment.
beforeAll(async () => {
  env = await isolated('account');
  t = await startApp(env);
});
afterAll(async () => {
  for (const s of sockets) s.socket.disconnect();
  await t.close();
});

function socketFor(cookie: string) {
  const r = connect(t.url, { cookie });
  sockets.push(r);
  return r;
}

async function signIn(email: string, password: string) {
  const c = new Client(t.url);
  const res = await c.post('/api/auth/login', { email, password });
  return { c, status: res.status };
}

describe('log out everywhere', () => {
  it('ends every session of the user, this one too, and closes their sockets at once', async () => {
    const input = newUser();
    const a = new Client(t.url);
    await a.post('/api/auth/register', input);
    const b = (await signIn(input.email, input.password)).c;
    const other = await signedIn(t.url); // someone else's session is untouched
    const me = (await b.get('/api/auth/me')).body.user;

    const bSocket = socketFor(b.cookie);
    expect(await subscribe(bSocket.socket, `user:${me.id}`)).toMatchObject({ ok: true });
    const otherSocket = socketFor(other.client.cookie);
    expect(await subscribe(otherSocket.socket, 'catalogue')).toMatchObject({ ok: true });
    const disconnected = new Promise<string>((resolve) => bSocket.socket.once('disconnect', resolve));

    const res = await a.post('/api/auth/logout-all');
    expect(res.status).toBe(204);
    expect(a.cookie).toBe('');
    expect(await disconnected).toBe('io server disconnect');
    expect(bSocket.events.map((e) => e.type)).toContain('user.sessions.revoked');
    expect((await b.get('/api/auth/me')).status).toBe(401);
    expect(otherSocket.socket.connected).toBe(true);
    expect((await other.client.get('/api/auth/me')).status).toBe(200);

    // The old cookie is dead for sockets too: a new handshake with it is anonymous.
    const again = socketFor(b.cookie);
    expect(await subscribe(again.socket, `user:${me.id}`)).toMatchObject({ ok: false });
    // And signing in again works.
    expect((await signIn(input.email, input.password)).status).toBe(200);
  });

  it('needs a session', async () => {
    expect((await new Client(t.url).post('/api/auth/logout-all')).status).toBe(401);
  });
});

describe('data export (UK GDPR access)', () => {
  it('downloads everything held about the caller as JSON, with no secrets and nobody else’s data', async () => {
    const org = (await t.db.query(`SELECT id, name FROM organisations WHERE la_code = '202'`))[0];
    const { client, user } = await signedIn(t.url, { organisationId: org.id, displayName: 'Ex Porter' });
    const stranger = await signedIn(t.url, { displayName: 'Stranger Danger' });
    const thread = (await client.post('/api/threads', { subjectType: 'general', title: 'Exported thread', body: 'my first words' })).body;
    await stranger.client.post(`/api/threads/${thread.thread.id}/messages`, { body: 'a stranger replies' });
    await client.post(`/api/threads/${thread.thread.id}/messages`, { body: 'my second words' });
    const fb = await client.request('POST', '/api/feedback', { page: '/tools', role: FEEDBACK_ROLES[0], summary: 'Feedback I sent signed in', email: 'me@example.org' });
    expect(fb.status).toBe(202);
    // Tables added by later features are found from their foreign keys, with no change here.
    expect((await client.put(`/api/watches/thread/${thread.thread.id}`, { level: 'muted' })).status).toBe(200);
    expect((await client.put('/api/notifications/preferences', { email: 'off' })).status).toBe(200);

    const res = await client.get('/api/me/export');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="commons-export-.*\.json"$/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = res.body;
    expect(body.user).toMatchObject({ id: user.id, email: user.email, displayName: 'Ex Porter', roles: ['member'] });
    expect(body.organisation).toMatchObject({ id: org.id, name: org.name, laCode: '202' });
    const s = body.sections;
    expect(s.sessions.length).toBeGreaterThanOrEqual(1);
    expect(Object.keys(s.sessions[0]).sort()).toEqual(['created_at', 'expires_at', 'id', 'last_seen_at', 'revoked_at', 'user_agent']);
    expect(s.threads.map((r: any) => r.title)).toContain('Exported thread');
    expect(s.messagesByAuthor.map((r: any) => r.body).sort()).toEqual(['my first words', 'my second words']);
    expect(s.feedback).toEqual([expect.objectContaining({ summary: 'Feedback I sent signed in', email: 'me@example.org' })]);
    expect(s.feedback[0]).not.toHaveProperty('client_hash');
    expect(s.watches).toEqual([expect.objectContaining({ level: 'muted' })]);
    expect(s.notificationPreferences).toEqual([expect.objectContaining({ email: 'off' })]);
    const text = JSON.stringify(body);
    expect(text).not.toMatch(/argon2|token_hash|password/i);
    expect(text).not.toContain('a stranger replies');
    expect(text).not.toContain(stranger.user.id);
  });

  it('needs a session', async () => {
    expect((await new Client(t.url).get('/api/me/export')).status).toBe(401);
  });
});

describe('account deletion (UK GDPR erasure)', () => {
  it('needs the password, naming the field', async () => {
    const { client } = await signedIn(t.url);
    const missing = await client.request('DELETE', '/api/me', {});
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields).toHaveProperty('password');
    const wrong = await client.request('DELETE', '/api/me', { password: 'not my password' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.fields).toHaveProperty('password');
    expect((await client.get('/api/auth/me')).status).toBe(200);
    expect((await new Client(t.url).request('DELETE', '/api/me', { password: 'whatever it is' })).status).toBe(401);
  });

  it('anonymises the account: nobody can sign in, personal rows go, what they wrote stays as "Deleted user"', async () => {
    const input = newUser({ displayName: 'Gone Soon' });
    const client = new Client(t.url);
    const user = (await client.post('/api/auth/register', input)).body.user;
    const second = (await signIn(input.email, input.password)).c;
    const admin = await signedInAdmin(t.url);
    const thread = (await client.post('/api/threads', { subjectType: 'general', title: 'Left behind', body: 'words that stay' })).body.thread;
    await client.request('POST', '/api/feedback', { page: '/tools', role: FEEDBACK_ROLES[0], summary: 'Signed-in feedback', email: 'contact@example.org' });
    await client.put(`/api/watches/thread/${thread.id}`, { level: 'watching' });
    await client.put('/api/notifications/preferences', { email: 'on' });
    // A notification for them (roles changed by an admin) and a follow.
    await admin.put(`/api/users/${user.id}/roles`, { roles: ['moderator'] });
    const socket = socketFor(second.cookie);
    expect(await subscribe(socket.socket, 'catalogue')).toMatchObject({ ok: true });
    const disconnected = new Promise<string>((resolve) => socket.socket.once('disconnect', resolve));

    const res = await client.request('DELETE', '/api/me', { password: input.password });
    expect(res.status).toBe(204);
    expect(client.cookie).toBe('');
    expect(await disconnected).toBe('io server disconnect');

    expect((await second.get('/api/auth/me')).status).toBe(401);
    expect((await signIn(input.email, input.password)).status).toBe(401);
    const [row] = await t.db.query(`SELECT email, password_hash, display_name, organisation_id, roles FROM users WHERE id = $1`, [user.id]);
    expect(row).toEqual({ email: `deleted+${user.id}@deleted.invalid`, password_hash: '!deleted', display_name: 'Deleted user', organisation_id: null, roles: ['member'] });
    for (const table of ['sessions', 'notifications', 'read_positions', 'watches', 'notification_preferences']) {
      expect((await t.db.query(`SELECT count(*)::int AS n FROM ${table} WHERE user_id = $1`, [user.id]))[0].n).toBe(0);
    }
    expect(await t.db.query(`SELECT email FROM feedback WHERE summary = 'Signed-in feedback'`)).toEqual([{ email: null }]);
    const read = await new Client(t.url).get(`/api/threads/${thread.id}/messages`);
    expect(read.body.items.map((m: any) => [m.author.displayName, m.body])).toEqual([['Deleted user', 'words that stay']]);
    // The address is free again.
    expect((await new Client(t.url).post('/api/auth/register', { ...input, displayName: 'Back Again' })).status).toBe(201);
  });

  it('takes the name out of stored events (replayed on reconnect) and out of others’ notifications of what they did', async () => {
    const worker = await startWorker(env); // notifications are the worker's
    try {
      const name = `Erin Erasable ${Date.now().toString(36)}`;
      const input = newUser({ displayName: name });
      const erin = new Client(t.url);
      await erin.post('/api/auth/register', input);
      const ann = await signedIn(t.url, { displayName: 'Ann Author' });
      const thread = (await ann.client.post('/api/threads', { subjectType: 'general', title: 'Keeps its words', body: 'a question' })).body.thread;
      expect((await erin.post(`/api/threads/${thread.id}/messages`, { body: 'an answer that stays' })).status).toBe(201);
      const inbox = async () => (await ann.client.get('/api/notifications?limit=20')).body.items.map((n: { title: string }) => n.title);
      await eventually(async () => expect(await inbox()).toContain(`${name} posted in “Keeps its words”`));
      const stored = async () => (await t.db.query(`SELECT count(*)::int AS n FROM outbox WHERE payload::text LIKE $1`, [`%${name}%`]))[0].n;
      expect(await stored()).toBeGreaterThan(0); // the check below can fail

      expect((await erin.request('DELETE', '/api/me', { password: input.password })).status).toBe(204);

      expect(await stored()).toBe(0);
      expect(await inbox()).toContain('Deleted user posted in “Keeps its words”');
      // What a reconnecting client replays: the thread from its start, Ann's own topic from its start.
      const socket = socketFor(ann.client.cookie);
      expect(await subscribe(socket.socket, `thread:${thread.id}`, 0)).toMatchObject({ ok: true });
      expect(await subscribe(socket.socket, `user:${ann.user.id}`, 0)).toMatchObject({ ok: true });
      const replayed = await eventually(() => {
        const message = socket.events.find((e) => e.type === 'message.created' && e.payload.body === 'an answer that stays');
        const notification = socket.events.find((e) => e.type === 'notification.created' && e.payload.title.endsWith('posted in “Keeps its words”'));
        expect(message && notification).toBeTruthy();
        return { author: message!.payload.author.displayName, title: notification!.payload.title };
      });
      expect(replayed).toEqual({ author: 'Deleted user', title: 'Deleted user posted in “Keeps its words”' });
    } finally {
      await worker.close();
    }
  });

  it('refuses the last admin (409), allows an admin when another remains', async () => {
    const admin = await signedInAdmin(t.url);
    const others = (await t.db.query(`SELECT id FROM users WHERE 'admin' = ANY(roles) AND email <> $1`, [ADMIN.email])) as { id: string }[];
    for (const o of others) await t.db.query(`UPDATE users SET roles = '{member}' WHERE id = $1`, [o.id]);
    const last = await admin.request('DELETE', '/api/me', { password: ADMIN.password });
    expect(last.status).toBe(409);
    expect(last.body.error.code).toBe('conflict');
    expect((await admin.get('/api/auth/me')).status).toBe(200);

    const input = newUser();
    const second = new Client(t.url);
    const user = (await second.post('/api/auth/register', input)).body.user;
    await admin.put(`/api/users/${user.id}/roles`, { roles: ['admin'] });
    expect((await second.request('DELETE', '/api/me', { password: input.password })).status).toBe(204);
    expect((await t.db.query(`SELECT roles FROM users WHERE id = $1`, [user.id]))[0].roles).toEqual(['member']);
  });
});

describe('sessions and cross-site requests', () => {
  it('a token planted before sign-in is worthless after it (no fixation)', async () => {
    const input = newUser();
    await new Client(t.url).post('/api/auth/register', input);
    const victim = new Client(t.url);
    victim.cookie = 'commons_session=planted-by-an-attacker-0123456789abcdef';
    expect((await victim.post('/api/auth/login', { email: input.email, password: input.password })).status).toBe(200);
    expect(victim.cookie).not.toContain('planted-by-an-attacker');
    const attacker = new Client(t.url);
    attacker.cookie = 'commons_session=planted-by-an-attacker-0123456789abcdef';
    expect((await attacker.get('/api/auth/me')).status).toBe(401);
    // Two sign-ins, two different sessions: logging one out leaves the other.
    const second = (await signIn(input.email, input.password)).c;
    expect(second.cookie).not.toBe(victim.cookie);
    await victim.post('/api/auth/logout');
    expect((await second.get('/api/auth/me')).status).toBe(200);
  });

  it('refuses what a cross-site form can send (no JSON content type): 415, nothing changes', async () => {
    const { client, user } = await signedIn(t.url);
    const before = await t.db.query(`SELECT count(*)::int AS n FROM threads`);
    for (const type of ['application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'text/plain']) {
      const res = await client.request('POST', '/api/threads', 'subjectType=general&title=Forged&body=x', { 'content-type': type });
      expect([type, res.status]).toEqual([type, 415]);
      const del = await client.request('DELETE', '/api/me', 'password=whatever', { 'content-type': type });
      expect([type, del.status]).toEqual([type, 415]);
    }
    expect(await t.db.query(`SELECT count(*)::int AS n FROM threads`)).toEqual(before);
    expect((await client.get('/api/auth/me')).body.user.id).toBe(user.id);
  });

  it('stays same-origin only: a foreign Origin gets no CORS headers, preflight included (a guard against enabling CORS)', async () => {
    const { client } = await signedIn(t.url);
    const read = await client.request('GET', '/api/auth/me', undefined, { origin: 'https://evil.example' });
    expect(read.headers.get('access-control-allow-origin')).toBeNull();
    expect(read.headers.get('access-control-allow-credentials')).toBeNull();
    const preflight = await client.request('OPTIONS', '/api/me', undefined, { origin: 'https://evil.example', 'access-control-request-method': 'DELETE', 'access-control-request-headers': 'content-type' });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(preflight.headers.get('access-control-allow-methods')).toBeNull();
  });
});
