import type { INestApplicationContext } from '@nestjs/common';
import { Client, eventually, isolated, settled, signedIn, signedInAdmin, startApp, startWorker, type TestApp } from './harness';
import { Mailbox } from './mailbox';
import { FEEDBACK_ROLES } from '@commons/domain';

let t: TestApp;
let worker: INestApplicationContext;
const mailbox = new Mailbox();

beforeAll(async () => {
  const env = { ...(await isolated('answers')), SMTP_URL: await mailbox.start(), MAIL_FROM: 'Commons <commons@example.org>' };
  t = await startApp(env);
  worker = await startWorker({ ...env, PUBLIC_ORIGIN: t.url });
});
afterAll(async () => {
  await worker?.close();
  await t?.close();
  await mailbox.close();
});

const unique = () => `a${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const feedback = (extra: Record<string, unknown>) => ({ page: '/tools', summary: 'Please add a CIN census checker', role: FEEDBACK_ROLES[0], ...extra });
const notified = (userId: string) => t.db.query(`SELECT title, url FROM notifications WHERE user_id = $1 AND kind = 'outcome'`, [userId]);

describe('you said, we did', () => {
  it('tells everyone who asked, once, when the idea that answers them is delivered; feedback senders by email only if they asked', async () => {
    const reader = await signedIn(t.url);
    const asker = await signedIn(t.url);
    const admin = await signedInAdmin(t.url);
    // "Tell me what happens" needs an address to tell.
    expect((await new Client(t.url).post('/api/feedback', feedback({ tellMe: true }))).body.error.fields).toHaveProperty('email');
    const told = (await reader.client.post('/api/feedback', feedback({ email: 'tell.me@example.org', tellMe: true }))).body.id;
    const quiet = (await new Client(t.url).post('/api/feedback', feedback({ summary: 'A CIN checker would save us days', email: 'quiet@example.org' }))).body.id;
    const thread = (await asker.client.post('/api/threads', { subjectType: 'general', title: 'Is anyone building a CIN checker?', kind: 'question', body: 'We would use one.' })).body.thread;
    const idea = (await asker.client.post('/api/ideas', { title: 'A shared CIN census checker', body: 'Every authority checks its CIN census by hand before it is due.' })).body.idea;

    for (const source of [{ type: 'feedback', id: told }, { type: 'feedback', id: quiet }, { type: 'thread', id: thread.id }]) {
      expect((await asker.client.post('/api/answers', { source, target: { type: 'idea', id: idea.id } })).status).toBe(403);
      expect((await admin.post('/api/answers', { source, target: { type: 'idea', id: idea.id } })).status).toBe(201);
    }
    expect((await admin.post('/api/answers', { source: { type: 'thread', id: thread.id }, target: { type: 'idea', id: idea.id } })).status).toBe(409);
    expect((await admin.post('/api/answers', { source: { type: 'thread', id: thread.id }, target: { type: 'release', id: 999999 } })).body.error.fields).toHaveProperty('target');

    // Not done yet: nobody is told.
    await settled(t.db, worker);
    expect(await notified(asker.user.id)).toEqual([]);

    await admin.patch(`/api/ideas/${idea.id}`, { status: 'delivered' });
    await settled(t.db, worker);
    expect(await notified(asker.user.id)).toEqual([{ title: 'You said, we did: A shared CIN census checker', url: `/ideas/${idea.id}` }]);
    expect(await notified(reader.user.id)).toEqual([{ title: 'You said, we did: A shared CIN census checker', url: `/ideas/${idea.id}` }]);
    const mail = await eventually(() => mailbox.received.find((m) => m.to.includes('tell.me@example.org')) ?? Promise.reject(new Error('no email yet')));
    expect(mail.subject).toBe('You said, we did: what happened to your feedback');
    expect(mail.text).toContain(`${t.url}/ideas/${idea.id}`);
    expect(mailbox.received.some((m) => m.to.includes('quiet@example.org'))).toBe(false);

    // Told once: moving it away and back tells nobody again.
    await admin.patch(`/api/ideas/${idea.id}`, { status: 'planned' });
    await admin.patch(`/api/ideas/${idea.id}`, { status: 'delivered' });
    await settled(t.db, worker);
    expect(await notified(asker.user.id)).toHaveLength(1);
    expect(mailbox.received.filter((m) => m.to.includes('tell.me@example.org'))).toHaveLength(1);
  });

  it('a maintainer links a thread on their tool to a release: done already, so the asker is told at once; the tool page lists it', async () => {
    const maintainer = await signedIn(t.url);
    const asker = await signedIn(t.url);
    const slug = unique();
    await maintainer.client.post('/api/tools', { slug, name: 'Answers Tool', summary: 'A tool for the answers test.' });
    const release = (await maintainer.client.post(`/api/tools/${slug}/releases`, { version: '1.2.0', notes: 'Checks dates of birth against episodes' })).body;
    const releaseId = release.release?.id ?? (await t.db.query(`SELECT r.id FROM tool_releases r JOIN tools t ON t.id = r.tool_id WHERE t.slug = $1`, [slug]))[0].id;
    const thread = (await asker.client.post('/api/threads', { subjectType: 'tool', subjectId: slug, title: 'Can it check episode dates?', kind: 'question', body: 'It would help us.' })).body.thread;

    expect((await maintainer.client.post('/api/answers', { source: { type: 'thread', id: thread.id }, target: { type: 'release', id: releaseId } })).status).toBe(201);
    await settled(t.db, worker);
    expect(await notified(asker.user.id)).toEqual([{ title: 'You said, we did: Answers Tool 1.2.0', url: `/tools/${slug}` }]);

    const listed = (await new Client(t.url).get(`/api/answers?tool=${slug}`)).body.items;
    expect(listed).toEqual([expect.objectContaining({ asked: expect.objectContaining({ type: 'thread', text: 'Can it check episode dates?' }), done: expect.objectContaining({ title: 'Answers Tool 1.2.0', done: true }), toldAt: expect.any(String) })]);
  });
});
