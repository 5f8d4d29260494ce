import type { INestApplicationContext } from '@nestjs/common';
import { mentionToken, renderMarkdown } from '@commons/domain';
import { Client, connect, eventually, Received, signedIn, signedInAdmin, startApp, startWorker, subscribe, TestApp } from './harness';

let t: TestApp;
let worker: INestApplicationContext;
const sockets: Received[] = [];
function open(cookie?: string) {
  const r = connect(t.url, { cookie });
  sockets.push(r);
  return r;
}

beforeAll(async () => {
  t = await startApp({ MESSAGE_RATE_PER_MINUTE: '1000' });
  worker = await startWorker();
});
afterEach(() => sockets.splice(0).forEach((s) => s.socket.disconnect()));
afterAll(async () => {
  await worker.close();
  await t.close();
});

async function newThread(client: Client, extra: Record<string, unknown> = {}) {
  const res = await client.post('/api/threads', { subjectType: 'general', title: 'How do you count placements?', body: 'First message', ...extra });
  expect(res.status).toBe(201);
  return res.body as { thread: { id: number }; message: { id: number; seq: number } };
}

describe('threads', () => {
  it('creates a thread with its first message, attached to a tool or the general space', async () => {
    const { client, user } = await signedIn(t.url, { displayName: 'Tess Thread' });
    const general = await newThread(client);
    expect(general.thread).toMatchObject({ subjectType: 'general', subjectId: null, kind: 'discussion', author: { id: user.id }, messageCount: 1, lastSeq: 1 });
    expect(general.message).toMatchObject({ seq: 1, body: 'First message', state: 'visible' });
    const onTool = await newThread(client, { subjectType: 'tool', subjectId: '903-validator', kind: 'question' });
    const listed = await new Client(t.url).get('/api/threads?subjectType=tool&subjectId=903-validator');
    expect(listed.body.items.map((x: { id: number }) => x.id)).toContain(onTool.thread.id);
    expect((await client.post('/api/threads', { subjectType: 'tool', subjectId: 'no-such-tool', title: 'Hello there', body: 'x' })).status).toBe(404);
  });

  it('validates input, naming the field', async () => {
    const { client } = await signedIn(t.url);
    const cases: [Record<string, unknown>, string][] = [
      [{ subjectType: 'general', title: 'ok title', body: '' }, 'body'],
      [{ subjectType: 'general', title: 'ok title', body: '   ' }, 'body'],
      [{ subjectType: 'general', title: 'ok title', body: 'x'.repeat(20_001) }, 'body'],
      [{ subjectType: 'general', title: 'x', body: 'hi' }, 'title'],
      [{ subjectType: 'forum', title: 'ok title', body: 'hi' }, 'subjectType'],
      [{ subjectType: 'tool', title: 'ok title', body: 'hi' }, 'subjectId'],
      [{ subjectType: 'general', title: 'ok title', body: 'hi', kind: 'poll' }, 'kind'],
    ];
    for (const [body, field] of cases) {
      const res = await client.post('/api/threads', body);
      expect([field, res.status]).toEqual([field, 400]);
      expect(res.body.error.fields).toHaveProperty([field]);
    }
    expect((await new Client(t.url).post('/api/threads', { subjectType: 'general', title: 'ok title', body: 'hi' })).status).toBe(401);
  });

  it('keeps announcements for admins (and tool maintainers), pin and lock for moderators', async () => {
    const { client } = await signedIn(t.url);
    expect((await client.post('/api/threads', { subjectType: 'general', title: 'Big news', kind: 'announcement', body: 'hi' })).status).toBe(403);
    const admin = await signedInAdmin(t.url);
    const { thread } = await newThread(admin, { kind: 'announcement', title: 'Big news' });
    expect((await client.patch(`/api/threads/${thread.id}`, { pinned: true })).status).toBe(403);
    expect((await admin.patch(`/api/threads/${thread.id}`, { pinned: true, locked: true })).body.thread).toMatchObject({ pinned: true, locked: true });
    expect((await client.post(`/api/threads/${thread.id}/messages`, { body: 'Can I post?' })).status).toBe(403);
    // The refused post left the thread as it was (its counters are bumped in the statement that would add it).
    expect((await client.get(`/api/threads/${thread.id}`)).body.thread).toMatchObject({ messageCount: 1, lastSeq: 1 });
    const posted = await admin.post(`/api/threads/${thread.id}/messages`, { body: 'Moderators can' });
    expect([posted.status, posted.body.message.seq]).toEqual([201, 2]);
    expect((await client.post('/api/threads/999999999/messages', { body: 'Anyone there?' })).body.error).toMatchObject({ code: 'not_found', message: 'No thread 999999999' });
    expect((await new Client(t.url).get('/api/threads?subjectType=general')).body.items[0].id).toBe(thread.id);
  });

  it('lets the asker accept one reply of a question', async () => {
    const asker = await signedIn(t.url);
    const helper = await signedIn(t.url);
    const { thread, message: first } = await newThread(asker.client, { kind: 'question' });
    const answer = (await helper.client.post(`/api/threads/${thread.id}/messages`, { body: 'Use the episode start date' })).body.message;
    expect((await helper.client.patch(`/api/threads/${thread.id}`, { acceptedMessageId: answer.id })).status).toBe(403);
    expect((await asker.client.patch(`/api/threads/${thread.id}`, { acceptedMessageId: first.id })).status).toBe(404);
    const accepted = await asker.client.patch(`/api/threads/${thread.id}`, { acceptedMessageId: answer.id });
    expect(accepted.body.thread.acceptedMessageId).toBe(answer.id);
    const plain = await newThread(asker.client);
    expect((await asker.client.patch(`/api/threads/${plain.thread.id}`, { acceptedMessageId: plain.message.id })).status).toBe(403);
  });
});

describe('messages', () => {
  it('pages both ways by position, even with posts arriving concurrently', async () => {
    const { client } = await signedIn(t.url);
    const { thread } = await newThread(client);
    await Promise.all(Array.from({ length: 40 }, (_, i) => client.post(`/api/threads/${thread.id}/messages`, { body: `message ${i}` })));
    const latest = await client.get(`/api/threads/${thread.id}/messages?limit=15`);
    expect(latest.body.items.map((m: { seq: number }) => m.seq)).toEqual(Array.from({ length: 15 }, (_, i) => 27 + i));
    expect(latest.body.hasMore).toBe(true);
    const seen: number[] = [];
    for (let after = 0; ; ) {
      const page = await client.get(`/api/threads/${thread.id}/messages?after=${after}&limit=7`);
      seen.push(...page.body.items.map((m: { seq: number }) => m.seq));
      if (!page.body.hasMore) break;
      after = seen[seen.length - 1];
    }
    expect(seen).toEqual(Array.from({ length: 41 }, (_, i) => i + 1));
    const before = await client.get(`/api/threads/${thread.id}/messages?before=10&limit=3`);
    expect(before.body.items.map((m: { seq: number }) => m.seq)).toEqual([7, 8, 9]);
    expect((await client.get(`/api/threads/${thread.id}/messages?before=5&after=2`)).status).toBe(400);
  });

  it('a thread read says the topic seq it is at: subscribed from it, a reader gets exactly what was posted after', async () => {
    const alice = await signedIn(t.url, { displayName: 'Alice Seq' });
    const { thread } = await newThread(alice.client);
    await alice.client.post(`/api/threads/${thread.id}/messages`, { body: 'Before the read' });
    const read = (await alice.client.get(`/api/threads/${thread.id}`)).body;
    expect(read.seq).toBe(2);
    const after = (await alice.client.post(`/api/threads/${thread.id}/messages`, { body: 'After the read' })).body.message;
    const reader = open(alice.client.cookie);
    expect(await subscribe(reader.socket, `thread:${thread.id}`, read.seq)).toEqual({ ok: true, seq: 3 });
    await eventually(() => expect(reader.events.map((e) => [e.seq, (e.payload as { id: number }).id])).toEqual([[3, after.id]]));
  });

  it('reaches everyone on the thread live: new, edited, deleted, reactions; replies point at their parent', async () => {
    const alice = await signedIn(t.url, { displayName: 'Alice Live' });
    const bob = await signedIn(t.url, { displayName: 'Bob Live' });
    const { thread, message: first } = await newThread(alice.client);
    const watcher = open(bob.client.cookie);
    await subscribe(watcher.socket, `thread:${thread.id}`);

    const reply = (await bob.client.post(`/api/threads/${thread.id}/messages`, { body: 'A reply', parentId: first.id })).body.message;
    expect(reply.parentId).toBe(first.id);
    await alice.client.patch(`/api/messages/${first.id}`, { body: 'First message, edited' });
    expect((await alice.client.put(`/api/messages/${reply.id}/reactions/👍`)).body.reactions).toEqual([{ emoji: '👍', count: 1, users: [{ id: alice.user.id, displayName: 'Alice Live' }] }]);
    await bob.client.put(`/api/messages/${reply.id}/reactions/👍`);
    expect((await alice.client.put(`/api/messages/${reply.id}/reactions/👍`)).body.reactions).toEqual([{ emoji: '👍', count: 1, users: [{ id: bob.user.id, displayName: 'Bob Live' }] }]);
    expect((await alice.client.delete(`/api/messages/${reply.id}`)).status).toBe(403);
    expect((await bob.client.delete(`/api/messages/${reply.id}`)).status).toBe(204);

    await eventually(() =>
      expect(watcher.events.map((e) => e.type)).toEqual(['message.created', 'message.updated', 'reactions.changed', 'reactions.changed', 'reactions.changed', 'message.deleted']),
    );
    // seq 1 was the thread's first message, before the watcher came.
    expect(watcher.events.map((e) => e.seq)).toEqual([2, 3, 4, 5, 6, 7]);
    const page = (await alice.client.get(`/api/threads/${thread.id}/messages`)).body.items;
    expect(page[0]).toMatchObject({ body: 'First message, edited', editedAt: expect.any(String) });
    expect(page[1]).toMatchObject({ state: 'deleted', body: null });
    const history = await alice.client.get(`/api/messages/${first.id}/revisions`);
    expect(history.body.items).toEqual([expect.objectContaining({ body: 'First message', replacedBy: expect.objectContaining({ displayName: 'Alice Live' }) })]);
    expect((await bob.client.patch(`/api/messages/${first.id}`, { body: 'Not mine' })).status).toBe(403);
    expect((await bob.client.put(`/api/messages/${first.id}/reactions/notanemoji`)).status).toBe(400);
  });

  it('resolves mentions to user ids at write time, dropping unknown ones', async () => {
    const alice = await signedIn(t.url);
    const bob = await signedIn(t.url, { displayName: 'Bob Mention' });
    const { thread } = await newThread(alice.client);
    const ghost = { id: '00000000-0000-4000-8000-000000000000', displayName: 'Nobody' };
    const body = `Thanks ${mentionToken({ id: bob.user.id, displayName: 'Bob Mention' })} and ${mentionToken(ghost)}`;
    const res = await alice.client.post(`/api/threads/${thread.id}/messages`, { body });
    expect(res.body.message.mentions).toEqual([bob.user.id]);
    expect(renderMarkdown(body)).toContain('<strong>@Bob Mention</strong>');
  });

  it('holds a message with personal data at once: only its author and moderators see it', async () => {
    const alice = await signedIn(t.url);
    const bob = await signedIn(t.url);
    const admin = await signedInAdmin(t.url);
    const { thread } = await newThread(alice.client);
    const watcher = open(bob.client.cookie);
    await subscribe(watcher.socket, `thread:${thread.id}`);
    const moderators = open(admin.cookie);
    await subscribe(moderators.socket, 'moderation');

    const first = (await alice.client.post(`/api/threads/${thread.id}/messages`, { body: 'Born 12/03/2015, the child is 943 476 5918' })).body.message;
    expect(first.state).toBe('held');
    // Edited while under review: no history is kept of a version nobody has checked.
    const held = (await alice.client.patch(`/api/messages/${first.id}`, { body: 'The child is 943 476 5919' })).body.message;
    expect(held.state).toBe('held');
    const ids = async (c: Client) => (await c.get(`/api/threads/${thread.id}/messages`)).body.items.map((m: { id: number }) => m.id);
    expect(await ids(alice.client)).toContain(held.id);
    expect(await ids(admin)).toContain(held.id);
    expect(await ids(bob.client)).not.toContain(held.id);
    expect(await ids(new Client(t.url))).not.toContain(held.id);

    const item = await eventually(() => {
      const e = moderators.events.filter((x) => x.payload.subjectType === 'message' && x.payload.subjectId === held.id && x.payload.state === 'held' && x.payload.checkedAt).at(-1);
      // Checked before or after the edit, the item ends up judging the text as it is now.
      expect(e?.payload.findings.map((f: { kind: string }) => f.kind)).toEqual(['nhs_number']);
      return e!.payload;
    });
    // Live events carry the redacted copy; the matched text is only behind the audited "show original".
    expect(JSON.stringify(item)).not.toContain('943 476 5919');
    const original = await admin.post(`/api/moderation/items/${item.id}/original`, {});
    expect(original.body.findings[0]).toMatchObject({ kind: 'nhs_number', text: '943 476 5919' });
    expect(watcher.events.filter((e) => e.payload.id === held.id)).toEqual([]);

    await admin.post(`/api/moderation/items/${item.id}/decision`, { decision: 'redact' });
    await eventually(() => expect(watcher.events.find((e) => e.type === 'message.created' && e.payload.id === held.id)?.payload.body).toBe('The child is [NHS number removed]'));
    expect(await ids(bob.client)).toContain(held.id);
    // The redacted original must not come back through the edit history.
    const history = JSON.stringify((await bob.client.get(`/api/messages/${held.id}/revisions`)).body);
    expect(history).not.toContain('943 476 5919');
    expect(history).not.toContain('12/03/2015');
  });

  it('hides a visible message the moderation job finds abusive, and takes flags into the queue', async () => {
    const alice = await signedIn(t.url);
    const bob = await signedIn(t.url);
    const admin = await signedInAdmin(t.url);
    const { thread, message } = await newThread(alice.client);
    const watcher = open(bob.client.cookie);
    await subscribe(watcher.socket, `thread:${thread.id}`);

    const rude = (await bob.client.post(`/api/threads/${thread.id}/messages`, { body: 'This validator is fucking useless' })).body.message;
    expect(rude.state).toBe('visible');
    await eventually(() => expect(watcher.events.some((e) => e.type === 'message.hidden' && e.payload.id === rude.id)).toBe(true));

    expect((await bob.client.post(`/api/messages/${message.id}/flags`, { reason: 'spam', note: 'Looks like an advert' })).status).toBe(202);
    expect((await admin.post(`/api/messages/${message.id}/flags`, { reason: 'other' })).status).toBe(202);
    expect((await bob.client.post(`/api/messages/${message.id}/flags`, { reason: 'rude' })).status).toBe(400);
    const queue = (await admin.get('/api/moderation/queue?limit=200')).body.items;
    const flagged = queue.find((i: { subjectType: string; subjectId: number; reason: string }) => i.subjectType === 'message' && i.subjectId === message.id && i.reason === 'flag');
    expect(flagged.flags.map((f: { reason: string }) => f.reason)).toEqual(['spam', 'other']);
    expect(flagged.content).toMatchObject({ summary: 'First message', threadId: thread.id, author: { id: alice.user.id } });
  });

  it('hides a message its author already posted within the hour, also when an edit makes it a repeat', async () => {
    const alice = await signedIn(t.url);
    const { thread } = await newThread(alice.client);
    const post = async (body: string) => (await alice.client.post(`/api/threads/${thread.id}/messages`, { body })).body.message as { id: number };
    const stateOf = async (id: number) => (await t.db.query(`SELECT state FROM messages WHERE id = $1`, [id]))[0].state;
    const checked = (id: number) => eventually(async () => expect(await t.db.query(`SELECT checked_at FROM moderation_items WHERE subject_type = 'message' AND subject_id = $1 AND reason = 'new'`, [id])).toEqual([{ checked_at: expect.any(Date) }]));

    const original = await post('Our placement counts come from the SSDA903 return');
    await checked(original.id);
    /** Posts each body, waits for every check, and answers the states in order. */
    const statesAfter = async (...bodies: string[]) => {
      const posted = [];
      for (const body of bodies) posted.push(await post(body));
      for (const m of posted) await checked(m.id);
      return Promise.all(posted.map((m) => stateOf(m.id)));
    };
    expect(await statesAfter('our placement counts come from the  SSDA903 return', 'We count placements from the case management system')).toEqual(['held', 'visible']);
    expect(await stateOf(original.id)).toBe('visible');

    // The edit's new text is what counts: the original now says something else, so it repeats nothing.
    expect((await alice.client.patch(`/api/messages/${original.id}`, { body: 'Our placement counts come from the annual return' })).status).toBe(200);
    expect(await statesAfter('Our placement counts come from the SSDA903 return, again', 'Our placement counts come from the annual return')).toEqual(['visible', 'held']);
  });

  it('rate-limits posting per member with 429 and Retry-After', async () => {
    const limited = await startApp({ MESSAGE_RATE_PER_MINUTE: '3' });
    try {
      const { client } = await signedIn(limited.url);
      const { thread } = await newThread(client);
      for (let i = 0; i < 3; i++) expect((await client.post(`/api/threads/${thread.id}/messages`, { body: `m${i}` })).status).toBe(201);
      const refused = await client.post(`/api/threads/${thread.id}/messages`, { body: 'one too many' });
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    } finally {
      await limited.close();
    }
  });
});

describe('notifications from discussions', () => {
  it('tells the mentioned, the replied-to and the asker — once each, never the writer', async () => {
    const asker = await signedIn(t.url, { displayName: 'Ada Asker' });
    const helper = await signedIn(t.url, { displayName: 'Hal Helper' });
    const third = await signedIn(t.url, { displayName: 'Tia Third' });
    const { thread, message: question } = await newThread(asker.client, { kind: 'question', title: 'Which code for respite?' });
    const answer = (
      await helper.client.post(`/api/threads/${thread.id}/messages`, {
        body: `Use P1. ${mentionToken({ id: third.user.id, displayName: 'Tia Third' })} knows more.`,
        parentId: question.id,
      })
    ).body.message;
    await asker.client.post(`/api/threads/${thread.id}/messages`, { body: `Thanks! ${mentionToken({ id: asker.user.id, displayName: 'Ada Asker' })}`, parentId: answer.id });

    const inbox = async (c: Client) => (await c.get('/api/notifications')).body.items.map((n: { kind: string; title: string }) => `${n.kind}: ${n.title}`);
    // Each notification waits for its message's check job in the worker: allow for a loaded CI machine.
    const told = (check: () => Promise<void>) => eventually(check, 30_000);
    // The asker's answer is both a reply to them and an answer to their question: one notification.
    await told(async () => expect(await inbox(asker.client)).toEqual(['reply: Hal Helper replied to you in “Which code for respite?”']));
    await told(async () => expect(await inbox(third.client)).toEqual(['mention: Hal Helper mentioned you in “Which code for respite?”']));
    await told(async () => expect(await inbox(helper.client)).toEqual(['reply: Ada Asker replied to you in “Which code for respite?”']));
    const plainAnswer = await third.client.post(`/api/threads/${thread.id}/messages`, { body: 'Or P2 for short breaks.' });
    expect(plainAnswer.status).toBe(201);
    await told(async () => expect(await inbox(asker.client)).toContain('answer: Tia Third answered your question “Which code for respite?”'));
    expect((await inbox(asker.client)).filter((n: string) => n.startsWith('mention'))).toEqual([]);
  });
});

describe('reading', () => {
  it('keeps each reader’s position: unread per thread and in total, never moving backwards', async () => {
    const alice = await signedIn(t.url);
    const bob = await signedIn(t.url);
    const { thread } = await newThread(alice.client);
    for (let i = 0; i < 4; i++) await alice.client.post(`/api/threads/${thread.id}/messages`, { body: `update ${i}` });
    expect((await bob.client.get(`/api/threads/${thread.id}`)).body.thread).toMatchObject({ lastReadSeq: 0, unread: 5 });
    expect((await bob.client.put(`/api/threads/${thread.id}/read`, { seq: 3 })).body).toEqual({ lastReadSeq: 3, unread: 2 });
    expect((await bob.client.put(`/api/threads/${thread.id}/read`, { seq: 1 })).body).toEqual({ lastReadSeq: 3, unread: 2 });
    expect((await bob.client.get('/api/threads/unread')).body).toEqual({ total: 2 });
    const listed = (await bob.client.get('/api/threads?subjectType=general&limit=100')).body.items.find((x: { id: number }) => x.id === thread.id);
    expect(listed).toMatchObject({ lastReadSeq: 3, unread: 2 });
    expect((await alice.client.get(`/api/threads/${thread.id}`)).body.thread.unread).toBe(0);
    expect((await bob.client.put(`/api/threads/${thread.id}/read`, { seq: -1 })).status).toBe(400);
  });
});

describe('Markdown', () => {
  const payloads = [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '[click](javascript:alert(1))',
    '[click](JaVaScRiPt:alert(1))',
    '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
    '![x](https://evil.example/pixel.png)',
    '<a href="javascript:alert(1)">x</a>',
    '<iframe src="https://evil.example"></iframe>',
    '<svg onload=alert(1)>',
    '[x](vbscript:msgbox(1))',
    '`<script>`',
    '<style>body{display:none}</style>',
    '[x](//evil.example)',
  ];
  it.each(payloads)('renders %s without script, raw HTML or dangerous links', (payload) => {
    const html = renderMarkdown(payload);
    expect(html).not.toMatch(/<(script|img|iframe|svg|style|a href="(javascript|data|vbscript)|a href="\/\/)/i);
    expect(html).not.toMatch(/<[a-z][^>]*\son\w+=/i);
  });

  it('keeps ordinary links, with rel nofollow noopener', () => {
    expect(renderMarkdown('See [the guide](https://example.org/guide)')).toContain('<a href="https://example.org/guide" rel="nofollow noopener noreferrer">the guide</a>');
  });
});
