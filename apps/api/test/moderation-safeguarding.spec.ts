import type { INestApplicationContext } from '@nestjs/common';
import { FEEDBACK_ROLES } from '@commons/domain';
import { Client, connect, eventually, Received, settled, signedIn, signedInAdmin, startApp, startWorker, subscribe, TestApp } from './harness';

/**
 * What moderation keeps from whom: the original text behind an audited action, the submitter's contact
 * details out of everything stored or broadcast, and gone when the person or the retention period says so.
 */
let t: TestApp;
let worker: INestApplicationContext;
let moderator: Client;
let moderatorId: string;
let moderatorCookie: string;
const sockets: Received[] = [];

const ROLE = FEEDBACK_ROLES[0];
const NHS = '943 476 5919';
let ip = 0;
function send(body: Record<string, unknown>, client = new Client(t.url)) {
  ip++;
  return client.request('POST', '/api/feedback', { page: '/tools/903-validator', role: ROLE, ...body }, { 'x-forwarded-for': `192.0.2.${ip}` });
}
function socket(cookie: string) {
  const r = connect(t.url, { cookie });
  sockets.push(r);
  return r;
}

beforeAll(async () => {
  t = await startApp({ TRUST_PROXY: 'true', FEEDBACK_RATE_PER_MINUTE: '1000' });
  worker = await startWorker();
  const admin = await signedInAdmin(t.url);
  const mod = await signedIn(t.url, { displayName: 'Safe Guarder' });
  await admin.put(`/api/users/${mod.user.id}/roles`, { roles: ['moderator'] });
  moderator = mod.client;
  moderatorId = mod.user.id;
  moderatorCookie = mod.client.cookie;
});
afterEach(() => sockets.splice(0).forEach((s) => s.socket.disconnect()));
afterAll(async () => {
  await worker?.close();
  await t?.close();
});

/** The feedback's moderation item, once the check has run. */
async function checkedItem(feedbackId: number) {
  return eventually(async () => {
    const [row] = await t.db.query(`SELECT id::int, state FROM moderation_items WHERE subject_type = 'feedback' AND subject_id = $1 AND checked_at IS NOT NULL`, [feedbackId]);
    expect(row).toBeDefined();
    return row as { id: number; state: string };
  });
}

/** Everything moderation stored about a feedback item: its live events and its audit entries. */
async function storedCopies(feedbackId: number) {
  const events = await t.db.query(`SELECT payload FROM outbox WHERE topic = 'moderation' AND payload->>'subjectType' = 'feedback' AND (payload->>'subjectId')::bigint = $1`, [feedbackId]);
  const audit = await t.db.query(`SELECT a.before, a.after FROM moderation_audit a JOIN moderation_items i ON i.id = a.item_id WHERE i.subject_type = 'feedback' AND i.subject_id = $1`, [feedbackId]);
  return { events, audit, text: JSON.stringify([events, audit]) };
}

const published = async (feedbackId: number) => (await moderator.get('/api/feedback?limit=200')).body.items.find((f: { id: number }) => f.id === feedbackId);

describe('organisation', () => {
  it('is checked like summary and details, and redacted the same way', async () => {
    const res = await send({ summary: 'The census upload fails for us', organisation: `Anytown, ring about child ${NHS}` });
    const item = await checkedItem(res.body.id);
    expect(item.state).toBe('held');
    const shown = (await moderator.get(`/api/moderation/items/${item.id}`)).body.item;
    expect(shown.findings).toEqual([expect.objectContaining({ field: 'organisation', kind: 'nhs_number', text: '[NHS number removed]' })]);
    expect(shown.content.organisation).toBe('Anytown, ring about child [NHS number removed]');

    expect((await moderator.post(`/api/moderation/items/${item.id}/decision`, { decision: 'redact' })).status).toBe(200);
    expect(await published(res.body.id)).toMatchObject({ summary: 'The census upload fails for us', organisation: 'Anytown, ring about child [NHS number removed]' });
  });
});

describe('originals', () => {
  it('shows moderators the redacted copy; the original only through an action the audit log records', async () => {
    const live = socket(moderatorCookie);
    await subscribe(live.socket, 'moderation');
    const res = await send({ summary: `Child ${NHS} is listed twice`, details: 'Seen in the March return' });
    const item = await checkedItem(res.body.id);

    const shown = (await moderator.get(`/api/moderation/items/${item.id}`)).body.item;
    expect(shown).toMatchObject({ state: 'held', hasOriginal: true, content: { summary: 'Child [NHS number removed] is listed twice', details: 'Seen in the March return' } });
    const queue = (await moderator.get('/api/moderation/queue?state=held&limit=200')).body;
    expect(JSON.stringify(queue)).not.toContain(NHS);
    await eventually(() => expect(live.events.some((e) => e.payload.subjectId === res.body.id && e.payload.checkedAt)).toBe(true));
    expect(JSON.stringify(live.events)).not.toContain(NHS);

    const member = (await signedIn(t.url)).client;
    expect((await member.post(`/api/moderation/items/${item.id}/original`)).status).toBe(403);
    expect((await new Client(t.url).post(`/api/moderation/items/${item.id}/original`)).status).toBe(401);

    const before = Date.now();
    const original = await moderator.post(`/api/moderation/items/${item.id}/original`);
    expect(original.status).toBe(200);
    expect(original.body).toEqual({
      original: { summary: `Child ${NHS} is listed twice`, details: 'Seen in the March return', organisation: null },
      findings: [expect.objectContaining({ field: 'summary', kind: 'nhs_number', text: NHS })],
      purged: false,
    });
    const audit = (await moderator.get(`/api/moderation/items/${item.id}/audit`)).body.items;
    expect(audit).toEqual([expect.objectContaining({ action: 'view_original', actor: { id: moderatorId, displayName: 'Safe Guarder' } })]);
    expect(Date.parse(audit[0].at)).toBeGreaterThanOrEqual(before - 1000);
  });

  it('takes a moderator’s own redaction, removing what the detector missed, and refuses one that still holds personal data', async () => {
    const res = await send({ summary: `Codeword bluebird: child ${NHS} stays with the foster carer`, details: 'Placed by the Northside team' });
    const item = await checkedItem(res.body.id);
    const decide = (body: unknown) => moderator.post(`/api/moderation/items/${item.id}/decision`, body);

    const leaky = await decide({ decision: 'redact', redacted: { summary: `Codeword [removed]: child ${NHS} stays with the foster carer` } });
    expect(leaky.status).toBe(400);
    expect(leaky.body.error.fields).toHaveProperty(['redacted.summary']);
    expect((await decide({ decision: 'approve', redacted: { summary: 'Anything' } })).body.error.fields).toHaveProperty(['redacted']);
    expect((await decide({ decision: 'redact', redacted: { email: 'x' } })).status).toBe(400);
    expect((await decide({ decision: 'redact', redacted: { organisation: 'Somewhere' } })).body.error.fields).toHaveProperty(['redacted.organisation']);
    expect((await t.db.query(`SELECT state FROM moderation_items WHERE id = $1`, [item.id]))[0].state).toBe('held');

    const edited = { summary: 'Codeword [removed]: child [NHS number removed] stays with the foster carer', details: 'Placed by the [team removed]' };
    const done = await decide({ decision: 'redact', redacted: edited, note: 'Codeword and team too' });
    expect(done.status).toBe(200);
    expect(done.body.item).toMatchObject({ state: 'redacted', content: edited, hasOriginal: true });
    expect(await published(res.body.id)).toMatchObject(edited);
    // The original is still there for moderators, behind the audited action.
    expect((await moderator.post(`/api/moderation/items/${item.id}/original`)).body.original.summary).toContain('bluebird');
    expect((await storedCopies(res.body.id)).text).not.toContain('bluebird');
  });
});

describe('contact details', () => {
  it('never puts the email or organisation in live events or the audit log; moderators read them from the queue', async () => {
    const email = `follow.up.${Date.now()}@example.org`;
    const live = socket(moderatorCookie);
    await subscribe(live.socket, 'moderation');
    const res = await send({ summary: `About child ${NHS} in our data`, email, organisation: 'Northshire County Council' });
    const item = await checkedItem(res.body.id);
    expect((await moderator.get(`/api/moderation/items/${item.id}`)).body.item.content).toMatchObject({ email, organisation: 'Northshire County Council' });
    const queued = (await moderator.get('/api/moderation/queue?state=open&limit=200')).body.items.find((i: { id: number }) => i.id === item.id);
    expect(queued.content).toMatchObject({ email, organisation: 'Northshire County Council' });

    await moderator.post(`/api/moderation/items/${item.id}/decision`, { decision: 'redact', note: 'done' });
    await settled(t.db, worker);
    const stored = await storedCopies(res.body.id);
    expect(stored.events.length).toBeGreaterThanOrEqual(3);
    expect(stored.audit).toHaveLength(1);
    for (const secret of [email, 'Northshire']) expect(stored.text).not.toContain(secret);
    expect(JSON.stringify(live.events)).not.toContain(email);
    expect(JSON.stringify(live.events)).not.toContain('Northshire');
  });

  it('deletes them with the account: from the feedback and from moderation events stored before this rule', async () => {
    const password = 'a sensible passphrase';
    const { client, user } = await signedIn(t.url, { password });
    const res = await send({ summary: 'The validator is slow on big files', email: user.email, organisation: 'Eastborough Council' }, client);
    const other = await send({ summary: 'Anonymous, giving the same address', email: user.email.toUpperCase() });
    const item = await checkedItem(res.body.id);
    await checkedItem(other.body.id);
    // An event and an audit entry as they were written before contact details were kept out of them.
    await t.db.query(
      `UPDATE outbox SET payload = jsonb_set(jsonb_set(payload, '{content,email}', to_jsonb($2::text)), '{content,organisation}', '"Eastborough Council"')
       WHERE topic = 'moderation' AND payload->>'subjectType' = 'feedback' AND (payload->>'subjectId')::bigint = $1`,
      [res.body.id, user.email],
    );
    const legacy = { content: { summary: 'The validator is slow on big files', email: user.email, organisation: 'Eastborough Council' }, state: 'published' };
    await t.db.query(`INSERT INTO moderation_audit (item_id, actor_id, action, note, before, after) VALUES ($1, $2, 'approve', NULL, $3, $3)`, [item.id, moderatorId, JSON.stringify(legacy)]);
    expect((await storedCopies(res.body.id)).text).toContain('Eastborough');

    const deleted = await client.request('DELETE', '/api/me', { password });
    expect(deleted.status).toBe(204);
    const rows = await t.db.query(`SELECT email, organisation FROM feedback WHERE id = ANY($1) ORDER BY id`, [[res.body.id, other.body.id]]);
    expect(rows).toEqual([
      { email: null, organisation: null },
      { email: null, organisation: null },
    ]);
    for (const id of [res.body.id, other.body.id]) {
      const { text } = await storedCopies(id);
      expect(text.toLowerCase()).not.toContain(user.email.toLowerCase());
      expect(text).not.toContain('Eastborough');
    }
    // The text itself stays with the page it was about.
    expect((await storedCopies(res.body.id)).text).toContain('The validator is slow on big files');
  });
});

describe('retention', () => {
  it('purges the original from every table and stored event once the period is over', async () => {
    const author = await signedIn(t.url);
    const { body: created } = await author.client.post('/api/threads', { subjectType: 'general', title: 'Retention check', body: 'Opening message' });
    const message = (await author.client.post(`/api/threads/${created.thread.id}/messages`, { body: `Carer codeword kestrel, child ${NHS}` })).body.message;
    const feedback = await send({ summary: `Codeword osprey for child ${NHS}`, organisation: 'Westvale Council', email: 'follow.up@example.org' });
    const feedbackItem = await checkedItem(feedback.body.id);
    const messageItem = await eventually(async () => {
      const [row] = await t.db.query(`SELECT id::int, state FROM moderation_items WHERE subject_type = 'message' AND subject_id = $1 AND checked_at IS NOT NULL`, [message.id]);
      expect(row?.state).toBe('held');
      return row as { id: number };
    });
    // Edited before the report, then rejected: its body and its edit history hold the original.
    const rejected = (await author.client.post(`/api/threads/${created.thread.id}/messages`, { body: 'Codeword merlin: the return closes on Friday' })).body.message;
    await author.client.patch(`/api/messages/${rejected.id}`, { body: 'Codeword merlin: the return closes on Friday, sorry' });
    await (await signedIn(t.url)).client.post(`/api/messages/${rejected.id}/flags`, { reason: 'other' });
    const [rejectedItem] = await t.db.query(`SELECT id::int FROM moderation_items WHERE subject_type = 'message' AND subject_id = $1 AND reason = 'flag'`, [rejected.id]);
    expect((await moderator.post(`/api/moderation/items/${rejectedItem.id}/decision`, { decision: 'reject' })).status).toBe(200);
    expect((await moderator.post(`/api/moderation/items/${messageItem.id}/decision`, { decision: 'redact', redacted: { summary: 'Carer codeword [removed], child [NHS number removed]' } })).status).toBe(200);
    expect((await moderator.post(`/api/moderation/items/${feedbackItem.id}/decision`, { decision: 'redact', redacted: { summary: 'Codeword [removed] for child [NHS number removed]' } })).status).toBe(200);
    await moderator.post(`/api/moderation/items/${messageItem.id}/original`);
    await settled(t.db, worker);

    const everywhere = async (text: string) => {
      const tables: { table_name: string }[] = await t.db.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`);
      const found = [];
      for (const { table_name } of tables) {
        const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM "${table_name}" t WHERE to_jsonb(t)::text LIKE $1`, [`%${text}%`]);
        if (n) found.push(table_name);
      }
      return found.sort();
    };
    // Within the period moderators keep the originals (on the feedback row, and on the item for the message).
    expect(await everywhere('kestrel')).toEqual(['moderation_items']);
    expect(await everywhere('osprey')).toEqual(['feedback', 'moderation_items']);

    expect(await everywhere('merlin')).toContain('messages');

    // Every item of these subjects (a reported message's first check was settled by the decision too).
    await t.db.query(`UPDATE moderation_items SET decided_at = now() - interval '31 days' WHERE (subject_type, subject_id) IN (SELECT subject_type, subject_id FROM moderation_items WHERE id = ANY($1))`, [
      [messageItem.id, feedbackItem.id, rejectedItem.id],
    ]);
    const { ModerationService } = await import('../src/moderation/moderation.service');
    expect(await t.app.get(ModerationService).purgeOriginals(30)).toBeGreaterThanOrEqual(3);
    // (The codewords stand for the whole original: the NHS number is in other tests' rows too.)
    for (const text of ['kestrel', 'osprey', 'merlin']) expect([text, await everywhere(text)]).toEqual([text, []]);
    // What was published stays: the redacted text, and the organisation, which held nothing to remove.
    expect(await t.db.query(`SELECT summary, organisation FROM feedback WHERE id = $1`, [feedback.body.id])).toEqual([
      { summary: 'Codeword [removed] for child [NHS number removed]', organisation: 'Westvale Council' },
    ]);
    expect((await moderator.post(`/api/moderation/items/${messageItem.id}/original`)).body).toMatchObject({ original: { summary: 'Carer codeword [removed], child [NHS number removed]' }, purged: true });
  });
});

describe('reported messages', () => {
  it('are held at once, listed under held, and the moderators are told', async () => {
    const alice = await signedIn(t.url);
    const bob = await signedIn(t.url);
    const { body: created } = await alice.client.post('/api/threads', { subjectType: 'general', title: 'Reported here', body: 'Our placement team uses the tool daily' });
    const messageId = created.message.id as number;
    const reader = socket(bob.client.cookie);
    await subscribe(reader.socket, `thread:${created.thread.id}`);
    const moderators = socket(moderatorCookie);
    await subscribe(moderators.socket, 'moderation');
    await settled(t.db, worker);

    expect((await bob.client.post(`/api/messages/${messageId}/flags`, { reason: 'other', note: 'Names a family' })).status).toBe(202);
    // Hidden from everyone but its author and moderators, before any job runs.
    expect((await t.db.query(`SELECT state FROM messages WHERE id = $1`, [messageId]))[0].state).toBe('held');
    const ids = async (c: Client) => (await c.get(`/api/threads/${created.thread.id}/messages`)).body.items.map((m: { id: number }) => m.id);
    expect(await ids(bob.client)).not.toContain(messageId);
    expect(await ids(new Client(t.url))).not.toContain(messageId);
    expect(await ids(alice.client)).toContain(messageId);
    await eventually(() => expect(reader.events.some((e) => e.type === 'message.hidden' && e.payload.id === messageId)).toBe(true));

    const item = await eventually(() => {
      const e = moderators.events.find((x) => x.type === 'moderation.item.created' && x.payload.subjectType === 'message' && x.payload.subjectId === messageId);
      expect(e?.payload).toMatchObject({ reason: 'flag', state: 'held' });
      return e!.payload as { id: number };
    });
    const held = (await moderator.get('/api/moderation/queue?state=held&limit=200')).body.items.map((i: { id: number }) => i.id);
    expect(held).toContain(item.id);
    const open = (await moderator.get('/api/moderation/queue?state=open&limit=200')).body.items.map((i: { id: number }) => i.id);
    expect(open).toContain(item.id);

    await settled(t.db, worker);
    const told = (await moderator.get('/api/notifications?limit=50')).body.items.filter((n: { url: string }) => n.url === `/moderation#item-${item.id}`);
    expect(told).toEqual([expect.objectContaining({ kind: 'moderation', title: 'A message is waiting in the moderation queue' })]);

    // Let through by a moderator, it is back for everyone; a new report holds it again.
    expect((await moderator.post(`/api/moderation/items/${item.id}/decision`, { decision: 'approve' })).status).toBe(200);
    expect(await ids(bob.client)).toContain(messageId);
    const carol = await signedIn(t.url);
    expect((await carol.client.post(`/api/messages/${messageId}/flags`, { reason: 'spam' })).status).toBe(202);
    expect(await ids(bob.client)).not.toContain(messageId);
    expect((await moderator.get(`/api/moderation/items/${item.id}`)).body.item).toMatchObject({ state: 'held', decision: null });
  });

  it('let back in, tell nobody a second time', async () => {
    const alice = await signedIn(t.url);
    const bob = await signedIn(t.url);
    const { body: created } = await alice.client.post('/api/threads', { subjectType: 'general', title: 'Told once', body: 'Which return does this tool read?' });
    const { body: replied } = await bob.client.post(`/api/threads/${created.thread.id}/messages`, { body: 'The SSDA903 return, from the header file', parentId: created.message.id });
    const replyId = replied.message.id as number;
    const aboutReply = async () => (await t.db.query(`SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND url LIKE $2`, [alice.user.id, `%#message-${replyId}`]))[0].n;
    await settled(t.db, worker);
    expect(await aboutReply()).toBe(1);

    await (await signedIn(t.url)).client.post(`/api/messages/${replyId}/flags`, { reason: 'other' });
    const [item] = await t.db.query(`SELECT id::int FROM moderation_items WHERE subject_type = 'message' AND subject_id = $1 AND reason = 'flag'`, [replyId]);
    expect((await moderator.post(`/api/moderation/items/${item.id}/decision`, { decision: 'approve' })).status).toBe(200);
    await settled(t.db, worker);
    expect(await aboutReply()).toBe(1);
  });
});
