import { DemoSeeder } from '../src/seed/demo.seed';
import { Client, eventually, isolated, newUser, signedIn, signedInAdmin, startApp, TestApp } from './harness';
import { Mailbox } from './mailbox';

/**
 * Account basics against the real Postgres, Redis and an SMTP server on loopback: confirming the address
 * at registration, resetting a forgotten password, changing password, name and address, the list of
 * sessions with "sign out this one", and sessions that slide while in use.
 */
let t: TestApp;
const mailbox = new Mailbox();

beforeAll(async () => {
  const smtp = await mailbox.start();
  t = await startApp({ ...(await isolated('account_basics')), SMTP_URL: smtp, MAIL_FROM: 'Commons <commons@example.org>' });
});
afterAll(async () => {
  await t?.close();
  await mailbox.close();
});

async function registered(overrides: Parameters<typeof newUser>[0] = {}) {
  const input = newUser(overrides);
  const client = new Client(t.url);
  const res = await client.post('/api/auth/register', input);
  expect(res.status).toBe(201);
  return { client, input, user: res.body.user as { id: string; email: string; emailVerified: boolean; organisationVerified: boolean } };
}

describe('confirming the email address', () => {
  it('emails a link at registration; opening it confirms the address, once', async () => {
    const { client, input, user } = await registered();
    expect(user.emailVerified).toBe(false);
    const { mail, url, token } = await mailbox.link(input.email);
    expect(mail.subject).toMatch(/Confirm your email address/);
    expect(url.startsWith(`${t.url}/confirm-email?token=`)).toBe(true);
    // An account email is not a notification: no unsubscribe footer.
    expect(mail.text).not.toMatch(/unsubscribe/i);
    const stored = await t.db.query(`SELECT token_hash FROM email_tokens WHERE user_id = $1`, [user.id]);
    expect(stored[0].token_hash).not.toContain(token);

    const confirmed = await new Client(t.url).post('/api/auth/confirm-email', { token });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.user).toMatchObject({ id: user.id, emailVerified: true });
    expect((await client.get('/api/auth/me')).body.user.emailVerified).toBe(true);
    const again = await new Client(t.url).post('/api/auth/confirm-email', { token });
    expect(again.status).toBe(400);
    expect(again.body.error.fields).toHaveProperty('token');
  });

  it('an unconfirmed address counts for no organisation; confirmed on its domain, it does', async () => {
    const [org] = await t.db.query(`SELECT id FROM organisations WHERE la_code = '202'`);
    await t.db.query(`INSERT INTO organisation_domains (domain, organisation_id, confirmed) VALUES ('camden-basics.gov.uk', $1, true) ON CONFLICT DO NOTHING`, [org.id]);
    const { client, input, user } = await registered({ email: `ann.${Date.now()}@camden-basics.gov.uk`, organisationId: org.id });
    expect(user.organisationVerified).toBe(false);
    const { token } = await mailbox.link(input.email);
    await new Client(t.url).post('/api/auth/confirm-email', { token });
    expect((await client.get('/api/auth/me')).body.user).toMatchObject({ emailVerified: true, organisationVerified: true });
  });

  it('the ADMIN_EMAIL account and the demo accounts count as confirmed', async () => {
    expect((await (await signedInAdmin(t.url)).get('/api/auth/me')).body.user.emailVerified).toBe(true);
    await t.app.get(DemoSeeder).seed();
    const demo = await new Client(t.url).post('/api/auth/login', { email: 'member@camden.demo.commons.local', password: 'commons-demo-password' });
    expect(demo.body.user).toMatchObject({ emailVerified: true });
  });

  it('sends the link again on request, and not once confirmed', async () => {
    const { client, input } = await registered();
    await mailbox.link(input.email);
    expect((await client.post('/api/me/verification')).status).toBe(202);
    const { token } = await mailbox.link(input.email, 2);
    expect((await new Client(t.url).post('/api/auth/confirm-email', { token })).status).toBe(200);
    expect((await client.post('/api/me/verification')).status).toBe(409);
  });
});

describe('forgotten password', () => {
  it('answers the same for an account and for nobody, emails only the account, and the link works once', async () => {
    const { client: first, input, user } = await registered();
    const second = new Client(t.url);
    await second.post('/api/auth/login', { email: input.email, password: input.password });

    const nobody = await new Client(t.url).post('/api/auth/password-reset', { email: `nobody.${Date.now()}@example.org` });
    const somebody = await new Client(t.url).post('/api/auth/password-reset', { email: input.email.toUpperCase() });
    expect(nobody.status).toBe(202);
    expect(somebody.status).toBe(202);
    expect(somebody.body).toEqual(nobody.body);

    // The confirmation email was the first; the reset link is the second.
    const { mail, token } = await mailbox.link(input.email, 2);
    expect(mail.subject).toMatch(/Set a new password/);
    // Asked for after the unknown address, and sent only after a longer path: had that one been sent, it would be here by now.
    expect(mailbox.received.filter((m) => m.to.some((to) => to.startsWith('nobody.')))).toEqual([]);

    const weak = await new Client(t.url).post('/api/auth/password-reset/confirm', { token, password: 'Password1!' });
    expect(weak.status).toBe(400);
    expect(Object.keys(weak.body.error.fields)).toEqual(['password']);

    const done = await new Client(t.url).post('/api/auth/password-reset/confirm', { token, password: 'a fresh reset passphrase' });
    expect(done.status).toBe(204);
    // Every session of the account has ended.
    expect((await first.get('/api/auth/me')).status).toBe(401);
    expect((await second.get('/api/auth/me')).status).toBe(401);
    expect((await new Client(t.url).post('/api/auth/login', { email: input.email, password: input.password })).status).toBe(401);
    const login = await new Client(t.url).post('/api/auth/login', { email: input.email, password: 'a fresh reset passphrase' });
    expect(login.status).toBe(200);
    // Opening the link proved the address.
    expect(login.body.user).toMatchObject({ id: user.id, emailVerified: true });

    const reuse = await new Client(t.url).post('/api/auth/password-reset/confirm', { token, password: 'yet another passphrase here' });
    expect(reuse.status).toBe(400);
    expect(reuse.body.error.fields).toHaveProperty('token');
  });

  it('a link stops working after an hour, and a newer link replaces an older one', async () => {
    const { input, user } = await registered();
    await new Client(t.url).post('/api/auth/password-reset', { email: input.email });
    const older = await mailbox.link(input.email, 2);
    await new Client(t.url).post('/api/auth/password-reset', { email: input.email });
    const newer = await mailbox.link(input.email, 3);
    expect((await new Client(t.url).post('/api/auth/password-reset/confirm', { token: older.token, password: 'a fresh reset passphrase' })).status).toBe(400);
    const [row] = await t.db.query(`SELECT expires_at - created_at AS life FROM email_tokens WHERE user_id = $1 AND purpose = 'reset_password' AND used_at IS NULL`, [user.id]);
    expect(row.life).toEqual({ hours: 1 });
    await t.db.query(`UPDATE email_tokens SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [user.id]);
    expect((await new Client(t.url).post('/api/auth/password-reset/confirm', { token: newer.token, password: 'a fresh reset passphrase' })).status).toBe(400);
  });
});

describe('changing password, name and email address', () => {
  it('changes the password after the current one; other sessions end, this one stays', async () => {
    const { client, input } = await registered();
    const other = new Client(t.url);
    await other.post('/api/auth/login', { email: input.email, password: input.password });

    const wrong = await client.post('/api/auth/password', { currentPassword: 'not my password', newPassword: 'a brand new passphrase' });
    expect(wrong.status).toBe(401);
    expect(Object.keys(wrong.body.error.fields)).toEqual(['currentPassword']);
    const weak = await client.post('/api/auth/password', { currentPassword: input.password, newPassword: 'qwerty1234' });
    expect(weak.status).toBe(400);
    expect(Object.keys(weak.body.error.fields)).toEqual(['newPassword']);
    expect((await other.get('/api/auth/me')).status).toBe(200);

    expect((await client.post('/api/auth/password', { currentPassword: input.password, newPassword: 'a brand new passphrase' })).status).toBe(204);
    expect((await client.get('/api/auth/me')).status).toBe(200);
    expect((await other.get('/api/auth/me')).status).toBe(401);
    expect((await new Client(t.url).post('/api/auth/login', { email: input.email, password: 'a brand new passphrase' })).status).toBe(200);
  });

  it('changes the display name, naming the field when it is bad', async () => {
    const { client } = await signedIn(t.url);
    const res = await client.patch('/api/me', { displayName: '  Ada Renamed ' });
    expect(res.status).toBe(200);
    expect(res.body.user.displayName).toBe('Ada Renamed');
    expect((await client.get('/api/auth/me')).body.user.displayName).toBe('Ada Renamed');
    const bad = await client.patch('/api/me', { displayName: '' });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields)).toEqual(['displayName']);
    expect((await new Client(t.url).patch('/api/me', { displayName: 'Nobody' })).status).toBe(401);
  });

  it('moves to a new address only when the link sent there is opened', async () => {
    const { client, input } = await registered();
    const taken = (await registered()).input.email;
    expect((await client.post('/api/me/email', { email: `moved.${Date.now()}@example.org`, password: 'not my password' })).status).toBe(401);
    expect((await client.post('/api/me/email', { email: taken, password: input.password })).status).toBe(409);

    const newEmail = `moved.${Date.now()}@example.org`;
    const res = await client.post('/api/me/email', { email: newEmail, password: input.password });
    expect(res.status).toBe(202);
    const { token, mail } = await mailbox.link(newEmail);
    expect(mail.subject).toMatch(/Confirm your new email address/);
    expect((await client.get('/api/auth/me')).body.user.email).toBe(input.email);

    expect((await new Client(t.url).post('/api/auth/confirm-email', { token })).status).toBe(200);
    expect((await client.get('/api/auth/me')).body.user).toMatchObject({ email: newEmail, emailVerified: true });
    expect((await new Client(t.url).post('/api/auth/login', { email: newEmail, password: input.password })).status).toBe(200);
    expect((await new Client(t.url).post('/api/auth/login', { email: input.email, password: input.password })).status).toBe(401);
    // The old address is told.
    const notice = await eventually(() => {
      const found = mailbox.to(input.email).find((m) => /has changed/.test(m.subject));
      if (!found) throw new Error('no notice to the old address yet');
      return found;
    });
    expect(notice.text).toContain(newEmail);
  });
});

describe('sessions', () => {
  it('lists the active sessions, marks this one, and signs out one other', async () => {
    const { client, input } = await registered();
    const phone = new Client(t.url);
    await phone.request('POST', '/api/auth/login', { email: input.email, password: input.password }, { 'user-agent': 'PhoneBrowser/1.0' });
    const list = await client.get('/api/me/sessions');
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(2);
    expect(list.body.items.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
    const theirs = list.body.items.find((s: { userAgent: string | null }) => s.userAgent === 'PhoneBrowser/1.0');
    expect(theirs.current).toBe(false);

    // Somebody else cannot end it.
    const stranger = (await signedIn(t.url)).client;
    expect((await stranger.delete(`/api/me/sessions/${theirs.id}`)).status).toBe(404);
    expect((await phone.get('/api/auth/me')).status).toBe(200);

    expect((await client.delete(`/api/me/sessions/${theirs.id}`)).status).toBe(204);
    expect((await phone.get('/api/auth/me')).status).toBe(401);
    expect((await client.get('/api/auth/me')).status).toBe(200);
    expect((await client.get('/api/me/sessions')).body.items).toHaveLength(1);
    expect((await client.delete(`/api/me/sessions/${theirs.id}`)).status).toBe(404);
  });

  it('slides while in use: a session used again moves its expiry (and the cookie’s) forward', async () => {
    const { client, user } = await registered();
    await t.db.query(`UPDATE sessions SET expires_at = now() + interval '2 hours', created_at = now() - interval '5 days' WHERE user_id = $1`, [user.id]);
    const res = await client.get('/api/auth/me');
    expect(res.status).toBe(200);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('commons_session='))!;
    const expires = new Date(/Expires=([^;]+)/.exec(cookie)![1]).getTime();
    const ttl = 14 * 24 * 3600_000;
    expect(Math.abs(expires - (Date.now() + ttl))).toBeLessThan(60_000);
    const [row] = await t.db.query(`SELECT expires_at FROM sessions WHERE user_id = $1`, [user.id]);
    expect(Math.abs(new Date(row.expires_at).getTime() - expires)).toBeLessThan(2_000);
    // Fresh from sliding, the next request sends no cookie (one write an hour at most).
    expect((await client.get('/api/auth/me')).headers.getSetCookie()).toEqual([]);
  });

  it('never slides past SESSION_MAX_DAYS after sign-in, and an expired one stays expired', async () => {
    const { client, user } = await registered();
    await t.db.query(`UPDATE sessions SET expires_at = now() + interval '2 hours', created_at = now() - interval '90 days' + interval '3 hours' WHERE user_id = $1`, [user.id]);
    await client.get('/api/auth/me');
    const [row] = await t.db.query(`SELECT expires_at - now() AS left FROM sessions WHERE user_id = $1`, [user.id]);
    expect(row.left.hours).toBeLessThanOrEqual(3);
    expect(row.left.days).toBeUndefined();
    await t.db.query(`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [user.id]);
    expect((await client.get('/api/auth/me')).status).toBe(401);
    await eventually(async () => expect((await t.db.query(`SELECT 1 FROM sessions WHERE user_id = $1 AND expires_at > now()`, [user.id])).length).toBe(0));
  });
});
