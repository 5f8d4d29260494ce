import type { INestApplicationContext } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { mentionToken } from '@commons/domain';
import { EmailService } from '../src/notifications/email.service';
import { Client, eventually, isolated, settled as waitSettled, signedIn, startApp, startWorker, TestApp } from './harness';
import { parse, type ReceivedMail } from './mailbox';

type Mail = ReceivedMail;

let smtp: SMTPServer;
const inbox: Mail[] = [];
/** Addresses the mail server refuses (550), as a full or closed mailbox would. */
const refused = new Set<string>();
/** Addresses whose message the mail server holds on to until the gate opens, as a slow server would. */
const stalled = new Map<string, { arrived: boolean; gate: Promise<void> }>();
let t: TestApp;
let worker: INestApplicationContext;
let n = 0;

// Notification emails only: registering also sends an account email (confirm your address), which has no unsubscribe.
const mailsTo = (email: string) => inbox.filter((m) => m.to.includes(email) && 'list-unsubscribe' in m.headers);
const settled = () => waitSettled(t.db, worker);
async function emailer(name: string) {
  const m = await signedIn(t.url, { displayName: name });
  expect((await m.client.put('/api/notifications/preferences', { email: 'on' })).body).toMatchObject({ email: 'on', emailAvailable: true });
  return m;
}
async function thread(c: Client, title: string) {
  const res = await c.post('/api/threads', { subjectType: 'general', title, body: 'First message' });
  expect(res.status).toBe(201);
  return res.body.thread.id as number;
}

/** A thread by `poster` that `watchers` watch, with `bodies` posted in it once they do; settled. */
async function watchedThread(poster: string, title: string, watchers: { client: Client }[], bodies: string[]) {
  const p = await signedIn(t.url, { displayName: poster });
  const id = await thread(p.client, `${title} ${++n}`);
  await settled();
  for (const w of watchers) await w.client.put(`/api/watches/thread/${id}`, { level: 'watching' });
  for (const body of bodies) await p.client.post(`/api/threads/${id}/messages`, { body });
  await settled();
  return id;
}

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      callback(refused.has(address.address) ? Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }) : undefined);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', async () => {
        const to = session.envelope.rcptTo.map((r) => r.address);
        const stall = stalled.get(to[0]);
        if (stall) {
          stall.arrived = true;
          await stall.gate;
        }
        inbox.push(parse(Buffer.concat(chunks).toString('latin1'), to));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const port = (smtp.server.address() as AddressInfo).port;
  const env = { ...(await isolated('email')), SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: 'Commons <commons@example.org>', MESSAGE_RATE_PER_MINUTE: '1000' };
  t = await startApp(env);
  // The worker writes the links: they point at the API the test talks to.
  worker = await startWorker({ ...env, PUBLIC_ORIGIN: t.url });
});
afterAll(async () => {
  await worker?.close();
  await t?.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

describe('email', () => {
  it('sends a mention at once to those who chose email, with a one-click unsubscribe; nobody else; never twice', async () => {
    const ada = await emailer('Ada Email');
    const quiet = await signedIn(t.url, { displayName: 'Quinn Quiet' });
    const writer = await signedIn(t.url, { displayName: 'Wren Writer' });
    const id = await thread(writer.client, `Placement codes ${++n}`);
    await writer.client.post(`/api/threads/${id}/messages`, {
      body: `Over to ${mentionToken({ id: ada.user.id, displayName: 'Ada Email' })} and ${mentionToken({ id: quiet.user.id, displayName: 'Quinn Quiet' })}`,
    });
    await settled();
    const mails = await eventually(() => {
      const m = mailsTo(ada.user.email);
      expect(m).toHaveLength(1);
      return m;
    });
    const [mail] = mails;
    expect(mail.headers.from).toBe('Commons <commons@example.org>');
    expect(mail.headers.subject).toBe(`Wren Writer mentioned you in “Placement codes ${n}”`);
    expect(mail.text).toContain(`${t.url}/threads/${id}#message-`);
    expect(mail.headers['list-unsubscribe']).toMatch(new RegExp(`^<${t.url}/api/notifications/unsubscribe\\?token=[^>]+>$`));
    expect(mail.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    expect(mail.text).toContain(mail.headers['list-unsubscribe'].slice(1, -1));
    expect(mailsTo(quiet.user.email)).toEqual([]);
    expect(mailsTo(writer.user.email)).toEqual([]);

    // The job again (a retry): nothing more is sent.
    const [{ id: notificationId }] = await t.db.query(`SELECT id FROM notifications WHERE user_id = $1 AND kind = 'mention'`, [ada.user.id]);
    expect(await worker.get(EmailService).emailNow({ notificationId: Number(notificationId) })).toBe('nothing to send');
    expect(mailsTo(ada.user.email)).toHaveLength(1);
  });

  it('sends the rest in a daily digest of what is unread since the last one; nothing when empty; nothing twice', async () => {
    const dan = await emailer('Dan Digest');
    const id = await watchedThread('Pat Poster', 'Digest thread', [dan], ['First news', 'Second news', 'Third news']);
    // Watching is digest material: nothing at once.
    expect(mailsTo(dan.user.email)).toEqual([]);
    // One read on the site is not repeated by email.
    const items = (await dan.client.get('/api/notifications')).body.items;
    expect(items).toHaveLength(3);
    await dan.client.post('/api/notifications/read', { ids: [items[0].id] });

    const email = worker.get(EmailService);
    const first = await email.digest();
    expect(first.sent).toBeGreaterThanOrEqual(1);
    const digests = mailsTo(dan.user.email);
    expect(digests).toHaveLength(1);
    expect(digests[0].headers.subject).toBe('Your daily digest: 2 new notifications');
    expect(digests[0].text.match(/Pat Poster posted in “Digest thread \d+”/g)).toHaveLength(2);
    expect(digests[0].text).toContain(`${t.url}/threads/${id}#message-`);
    expect(digests[0].headers['list-unsubscribe']).toContain('/api/notifications/unsubscribe?token=');
    expect((await dan.client.get('/api/notifications/preferences')).body.lastDigestAt).toEqual(expect.any(String));

    // A rerun (the job retried, or run twice) sends nothing: there is nothing new.
    expect(await email.digest()).toEqual({ sent: 0 });
    expect(mailsTo(dan.user.email)).toHaveLength(1);
  });

  it('sends the others when one digest is refused, and that one again next time, once', async () => {
    const kept = await emailer('Kim Kept');
    const bounced = await emailer('Bo Bounced');
    await watchedThread('Pia Poster', 'Refused digest', [kept, bounced], ['News for both']);
    refused.add(bounced.user.email);

    const email = worker.get(EmailService);
    await expect(email.digest()).rejects.toThrow('digest failed for 1 user(s); the rest were sent');
    expect(mailsTo(kept.user.email)).toHaveLength(1);
    expect(mailsTo(bounced.user.email)).toEqual([]);
    // Given back: not marked emailed, and no digest recorded as sent.
    expect(await t.db.query(`SELECT emailed_at FROM notifications WHERE user_id = $1`, [bounced.user.id])).toEqual([{ emailed_at: null }]);
    expect((await bounced.client.get('/api/notifications/preferences')).body.lastDigestAt).toBeNull();

    refused.delete(bounced.user.email);
    expect(await email.digest()).toEqual({ sent: 1 });
    expect(mailsTo(bounced.user.email).map((m) => m.headers.subject)).toEqual(['Your daily digest: 1 new notification']);
    expect(mailsTo(kept.user.email)).toHaveLength(1);
  });

  it('holds no locks while the mail server is slow: the reader can mark the items read meanwhile', async () => {
    const sam = await emailer('Sam Slow');
    await watchedThread('Sol Poster', 'Slow digest', [sam], ['News while the server is slow']);
    let open!: () => void;
    const stall = { arrived: false, gate: new Promise<void>((resolve) => (open = resolve)) };
    stalled.set(sam.user.email, stall);

    const digest = worker.get(EmailService).digest();
    await eventually(() => expect(stall.arrived).toBe(true));
    // The digest is still waiting on the mail server; marking read must not wait for it.
    const items = (await sam.client.get('/api/notifications')).body.items;
    expect((await sam.client.post('/api/notifications/read', { ids: items.map((i: { id: number }) => i.id) })).status).toBe(200);
    open();
    expect(await digest).toEqual({ sent: 1 });
    expect(mailsTo(sam.user.email)).toHaveLength(1);
  });

  it('unsubscribes with the emailed link, without signing in, by GET or by RFC 8058 POST; a forged token does nothing', async () => {
    const una = await emailer('Una Unsub');
    const writer = await signedIn(t.url);
    const id = await thread(writer.client, `Unsubscribe thread ${++n}`);
    await writer.client.post(`/api/threads/${id}/messages`, { body: `Hi ${mentionToken({ id: una.user.id, displayName: 'Una' })}` });
    const [mail] = await eventually(() => {
      const m = mailsTo(una.user.email);
      expect(m).toHaveLength(1);
      return m;
    });
    const link = mail.headers['list-unsubscribe'].slice(1, -1);
    const token = new URL(link).searchParams.get('token')!;

    // A token for someone else made from this one's signature is refused, and changes nothing.
    const forged = `${writer.user.id}.${token.split('.')[1]}`;
    const bad = await new Client(t.url).get(`/api/notifications/unsubscribe?token=${encodeURIComponent(forged)}`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toHaveProperty('token');
    expect((await new Client(t.url).get('/api/notifications/unsubscribe')).body.error.fields).toHaveProperty('token');
    expect((await una.client.get('/api/notifications/preferences')).body.email).toBe('on');

    const page = await fetch(link);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('no more notification emails');
    expect((await una.client.get('/api/notifications/preferences')).body.email).toBe('off');

    // Mail clients' one-click: a form POST to the same link.
    await una.client.put('/api/notifications/preferences', { email: 'on' });
    const oneClick = await fetch(link, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    expect(oneClick.status).toBe(200);
    expect((await una.client.get('/api/notifications/preferences')).body.email).toBe('off');

    // Off means off: another mention sends nothing.
    await writer.client.post(`/api/threads/${id}/messages`, { body: `Again ${mentionToken({ id: una.user.id, displayName: 'Una' })}` });
    await settled();
    expect(mailsTo(una.user.email)).toHaveLength(1);
  });
});
