import type { INestApplicationContext } from '@nestjs/common';
import { FEEDBACK_ROLES } from '@commons/domain';
import { Client, connect, eventually, isolated, Received, signedIn, signedInAdmin, startApp, startWorker, subscribe, TestApp } from './harness';

let t: TestApp;
let moderator: Client;
let moderatorCookie: string;
const sockets: Received[] = [];
let worker: INestApplicationContext | undefined;

const ROLE = FEEDBACK_ROLES[0];
let ip = 0;
/** Each test's reader has an address of its own (a header value only), so rate limits do not interfere. */
function reader() {
  ip++;
  return { 'x-forwarded-for': `203.0.113.${ip}` };
}
function send(body: Record<string, unknown>, headers: Record<string, string> = reader()) {
  return new Client(t.url).request('POST', '/api/feedback', { page: '/tools/903-validator', role: ROLE, ...body }, headers);
}
function moderationSocket() {
  const r = connect(t.url, { cookie: moderatorCookie });
  sockets.push(r);
  return r;
}

// A database of its own: one test puts a trigger on the feedback table, which takes a lock other files' writes would queue behind.
let own: Record<string, string>;
beforeAll(async () => {
  own = await isolated('feedback');
  t = await startApp({ ...own, TRUST_PROXY: 'true', FEEDBACK_RATE_PER_MINUTE: '1000' });
  const admin = await signedInAdmin(t.url);
  const mod = await signedIn(t.url, { displayName: 'Mo Derator' });
  await admin.put(`/api/users/${mod.user.id}/roles`, { roles: ['moderator'] });
  moderator = mod.client;
  moderatorCookie = mod.client.cookie;
});
afterEach(() => sockets.splice(0).forEach((s) => s.socket.disconnect()));
afterAll(async () => {
  await worker?.close();
  await t.close();
});

async function withWorker() {
  worker ??= await startWorker(own);
}

describe('intake', () => {
  it('answers 202 and puts the feedback in the moderators’ live queue before any job runs', async () => {
    await worker?.close();
    worker = undefined;
    const live = moderationSocket();
    expect(await subscribe(live.socket, 'moderation')).toMatchObject({ ok: true });

    const res = await send({ summary: 'The validator rejects child 943 476 5919 wrongly', nature: 'I’ve identified a specific issue with this' });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ id: expect.any(Number), status: 'received' });

    // No worker is running: the item can only have come from the write itself.
    const created = await eventually(() => {
      const e = live.events.find((x) => x.type === 'moderation.item.created' && x.payload.subjectType === 'feedback' && x.payload.subjectId === res.body.id);
      expect(e).toBeDefined();
      return e!;
    });
    // Moderators see the redacted copy by default, from the first moment: the original is behind an audited action.
    expect(created.payload).toMatchObject({ state: 'pending', outcome: null, hasOriginal: true, content: { summary: 'The validator rejects child [NHS number removed] wrongly' } });

    await withWorker();
    const updated = await eventually(() => {
      const e = live.events.find((x) => x.type === 'moderation.item.updated' && x.payload.subjectType === 'feedback' && x.payload.subjectId === res.body.id);
      expect(e).toBeDefined();
      return e!;
    });
    expect(updated.payload).toMatchObject({ state: 'held', outcome: 'personal_data', findings: [{ field: 'summary', kind: 'nhs_number', text: '[NHS number removed]' }] });
    expect(updated.payload.redacted.summary).toBe('The validator rejects child [NHS number removed] wrongly');
    expect(JSON.stringify(live.events)).not.toContain('943 476 5919');
  });

  it('publishes clean feedback, and never shows held feedback publicly', async () => {
    await withWorker();
    const clean = await send({ summary: 'Rule 103 fires on 2,345 of our 9,876 episodes' });
    const held = await send({ summary: 'Pupil B801200005001 moved placement twice' });
    await eventually(async () => {
      const states = await t.db.query(`SELECT id::int, status FROM feedback WHERE id = ANY($1) ORDER BY id`, [[clean.body.id, held.body.id]]);
      expect(states).toEqual([
        { id: clean.body.id, status: 'published' },
        { id: held.body.id, status: 'held' },
      ]);
    });
    const listed = (await moderator.get('/api/feedback?page=/tools/903-validator&limit=200')).body.items.map((f: { id: number }) => f.id);
    expect(listed).toContain(clean.body.id);
    expect(listed).not.toContain(held.body.id);
    expect((await new Client(t.url).get('/api/feedback')).status).toBe(401);
    expect((await (await signedIn(t.url)).client.get('/api/feedback')).status).toBe(403);

    // A tool's maintainers read the published feedback on its page, and only there. (A tool of the
    // test's own: proposing one makes its proposer the maintainer.)
    const maintainer = await signedIn(t.url);
    const slug = `feedback-check-${Date.now().toString(36)}`;
    expect((await maintainer.client.post('/api/tools', { slug, name: `Feedback check ${slug}`, summary: 'A tool to receive feedback' })).status).toBe(201);
    const onTool = await send({ page: `/tools/${slug}`, summary: 'Works well for our returns' });
    const heldOnTool = await send({ page: `/tools/${slug}`, summary: 'Pupil B801200005001 is missing' });
    await eventually(async () => expect(await t.db.query(`SELECT count(*)::int AS n FROM feedback WHERE page = $1 AND status <> 'pending'`, [`/tools/${slug}`])).toEqual([{ n: 2 }]));
    const theirs = await maintainer.client.get(`/api/feedback?page=/tools/${slug}&limit=200`);
    expect(theirs.status).toBe(200);
    expect(theirs.body.items.map((f: { id: number }) => f.id)).toEqual([onTool.body.id]);
    expect(heldOnTool.status).toBe(202);
    expect((await maintainer.client.get('/api/feedback?page=/tools/903-validator')).status).toBe(403);
    expect((await maintainer.client.get('/api/feedback')).status).toBe(403);
  });

  it('answers a filled honeypot exactly like real feedback, stores it as spam and shows it to nobody', async () => {
    const live = moderationSocket();
    await subscribe(live.socket, 'moderation');
    const res = await send({ summary: 'Cheap watches at spam.example', hp_field: 'http://spam.example' });
    expect(res.status).toBe(202);
    expect(Object.keys(res.body).sort()).toEqual(['id', 'status']);
    expect(res.body.status).toBe('received');
    expect(await t.db.query(`SELECT status FROM feedback WHERE id = $1`, [res.body.id])).toEqual([{ status: 'spam' }]);
    expect(await t.db.query(`SELECT count(*)::int AS n FROM moderation_items WHERE subject_type = 'feedback' AND subject_id = $1`, [res.body.id])).toEqual([{ n: 0 }]);
    await new Promise((r) => setTimeout(r, 300));
    expect(live.events.filter((e) => e.payload.subjectType === 'feedback' && e.payload.subjectId === res.body.id)).toEqual([]);
  });

  it('lands a retried submission once with the same Idempotency-Key', async () => {
    const headers = { ...reader(), 'idempotency-key': `retry-${Date.now()}` };
    const [first, second] = await Promise.all([send({ summary: 'Sent twice by a flaky network' }, headers), send({ summary: 'Sent twice by a flaky network' }, headers)]);
    const third = await send({ summary: 'Sent twice by a flaky network' }, headers);
    expect(new Set([first.body.id, second.body.id, third.body.id]).size).toBe(1);
    expect(await t.db.query(`SELECT count(*)::int AS n FROM feedback WHERE idempotency_key = $1`, [headers['idempotency-key']])).toEqual([{ n: 1 }]);
    expect(await t.db.query(`SELECT count(*)::int AS n FROM moderation_items WHERE subject_type = 'feedback' AND subject_id = $1`, [first.body.id])).toEqual([{ n: 1 }]);
  });

  /** Sends all at once; answers each with what was stored under the id it was given. */
  async function together(sent: Record<string, unknown>[]) {
    const answers = await Promise.all(sent.map((body) => send(body)));
    const stored = await t.db.query(`SELECT id::int, summary, status FROM feedback WHERE id = ANY($1)`, [answers.map((a) => a.body.id ?? 0)]);
    const byId = new Map<number, { id: number; summary: string; status: string }>(stored.map((r: { id: number }) => [r.id, r]));
    return answers.map((a) => ({ status: a.status, id: a.body.id as number | undefined, stored: byId.get(a.body.id) }));
  }

  it('stores submissions that arrive together in a few transactions, each answered with its own id and live with its own content', async () => {
    const live = moderationSocket();
    await subscribe(live.socket, 'moderation');
    const sent = Array.from({ length: 40 }, (_, i) => ({ summary: `Arrived together, number ${i}`, ...(i % 10 === 3 && { hp_field: 'http://spam.example' }) }));
    const answers = await together(sent);

    answers.forEach((a, i) => {
      expect(a.status).toBe(202);
      expect(a.stored).toMatchObject({ summary: sent[i].summary, status: sent[i].hp_field ? 'spam' : expect.stringMatching(/^(pending|published)$/) });
    });
    // created_at is the transaction's start (in microseconds): one value per transaction. One each would be 40.
    const [{ transactions }] = await t.db.query(`SELECT count(DISTINCT created_at)::int AS transactions FROM feedback WHERE id = ANY($1)`, [answers.map((a) => a.id)]);
    expect(transactions).toBeLessThan(20);

    // Each real one is live for moderators with its own content; the honeypots are not.
    const ids = new Set(answers.map((a) => a.id));
    const real = answers.filter((_, i) => !sent[i].hp_field).map((a) => ({ id: a.id, summary: a.stored!.summary }));
    const created = await eventually(() => {
      const mine = live.events.filter((e) => e.type === 'moderation.item.created' && ids.has(e.payload.subjectId));
      expect(mine).toHaveLength(real.length);
      return mine;
    });
    const byId = (x: { id?: number }, y: { id?: number }) => x.id! - y.id!;
    expect(created.map((e) => ({ id: e.payload.subjectId, summary: e.payload.content.summary })).sort(byId)).toEqual(real.sort(byId));
  });

  it('fails a submission the database refuses alone: the others sent with it are stored', async () => {
    // A fault of the database's own on one row (input checks cannot catch it).
    await t.db.query(`CREATE FUNCTION test_refuse_feedback() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused for the test'; END $$`);
    await t.db.query(`CREATE TRIGGER test_refuse_feedback BEFORE INSERT ON feedback FOR EACH ROW WHEN (NEW.summary LIKE 'Refused by the database%') EXECUTE FUNCTION test_refuse_feedback()`);
    try {
      const sent = Array.from({ length: 12 }, (_, i) => ({ summary: i === 5 ? 'Refused by the database, alone' : `Sent with a refused one, number ${i}` }));
      const answers = await together(sent);
      expect(answers.map((a) => a.status)).toEqual(sent.map((_, i) => (i === 5 ? 500 : 202)));
      answers.forEach((a, i) => i === 5 || expect(a.stored?.summary).toBe(sent[i].summary));
      expect(await t.db.query(`SELECT count(*)::int AS n FROM feedback WHERE summary LIKE 'Refused by the database%'`)).toEqual([{ n: 0 }]);
    } finally {
      await t.db.query(`DROP TRIGGER test_refuse_feedback ON feedback; DROP FUNCTION test_refuse_feedback()`);
    }
  });

  it('fails a whole batch at once when the database fails it (a timeout), not each submission in turn', async () => {
    // A database of its own: every insert into its feedback table fails, after half a second, as a statement timeout does.
    const own = await startApp({ ...(await isolated('intake-timeout')), TRUST_PROXY: 'true', FEEDBACK_RATE_PER_MINUTE: '1000' });
    try {
      await own.db.query(`CREATE SEQUENCE test_insert_attempts`);
      await own.db.query(`CREATE FUNCTION test_time_out() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN PERFORM nextval('test_insert_attempts'); PERFORM pg_sleep(0.5); RAISE EXCEPTION USING ERRCODE = 'query_canceled', MESSAGE = 'canceling statement due to statement timeout'; END $$`);
      await own.db.query(`CREATE TRIGGER test_time_out BEFORE INSERT ON feedback FOR EACH STATEMENT EXECUTE FUNCTION test_time_out()`);
      const answers = await Promise.all(
        Array.from({ length: 30 }, (_, i) => new Client(own.url).request('POST', '/api/feedback', { page: '/tools', role: ROLE, summary: `Sent while the database times out, ${i}` }, reader())),
      );
      expect(answers.map((a) => a.status)).toEqual(answers.map(() => 500));
      // The first alone, the rest together while it waited: a few statements. One each after its batch failed would be 30 or more.
      const [{ attempts }] = await own.db.query(`SELECT last_value::int AS attempts FROM test_insert_attempts`);
      expect(attempts).toBeLessThanOrEqual(5);
    } finally {
      await own.close();
    }
  });

  it('rate-limits per client address (429 with Retry-After), storing only a salted hash of it', async () => {
    const limited = await startApp({ TRUST_PROXY: 'true', FEEDBACK_RATE_PER_MINUTE: '3' });
    try {
      const post = (from: string) => new Client(limited.url).request('POST', '/api/feedback', { page: '/', role: ROLE, summary: 'Counting submissions' }, { 'x-forwarded-for': from });
      for (let i = 0; i < 3; i++) expect((await post('198.51.100.7')).status).toBe(202);
      const refused = await post('198.51.100.7');
      expect(refused.status).toBe(429);
      expect(refused.body.error.code).toBe('rate_limited');
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await post('198.51.100.8')).status).toBe(202);
      const stored = await limited.db.query(`SELECT client_hash FROM feedback WHERE summary = 'Counting submissions'`);
      expect(stored).toHaveLength(4);
      for (const { client_hash } of stored) expect(client_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(JSON.stringify(await limited.db.query(`SELECT * FROM feedback`))).not.toContain('198.51.100');
    } finally {
      await limited.close();
    }
  });

  it('refuses bad input naming the field, and stores nothing', async () => {
    const before = await t.db.query(`SELECT count(*)::int AS n FROM feedback`);
    const cases: [Record<string, unknown>, string][] = [
      [{ summary: 'tiny' }, 'summary'],
      [{ summary: 'Long enough', role: 'Astronaut' }, 'role'],
      [{ summary: 'Long enough', nature: 'Furious' }, 'nature'],
      [{ summary: 'Long enough', email: 'not-an-email' }, 'email'],
      [{ summary: 'Long enough', page: 'https://elsewhere.example/' }, 'page'],
      [{ summary: 'Long enough', page: '//evil.example' }, 'page'],
      [{ summary: 'Long enough', page: '//evil.example/tools' }, 'page'],
      [{ summary: 'Long enough', page: '/\\evil.example' }, 'page'],
      [{ summary: 'Long enough', page: '/\\/evil.example' }, 'page'],
      [{ summary: 'Long enough', page: 'javascript:alert(1)' }, 'page'],
      [{ summary: 'Long enough', page: '/tools\\..\\x' }, 'page'],
      [{ summary: 'Long enough', page: 'tools' }, 'page'],
      [{ summary: 'x'.repeat(2001) }, 'summary'],
      [{ summary: 'Long enough', details: 'x'.repeat(10_001) }, 'details'],
      [{ summary: 12345 }, 'summary'],
    ];
    for (const [body, field] of cases) {
      const res = await send(body);
      expect([field, res.status]).toEqual([field, 400]);
      expect(res.body.error.fields).toHaveProperty([field]);
    }
    expect(await t.db.query(`SELECT count(*)::int AS n FROM feedback`)).toEqual(before);
  });
});

describe('decisions', () => {
  async function heldItem(summary: string) {
    await withWorker();
    const res = await send({ summary });
    return eventually(async () => {
      const [row] = await t.db.query(`SELECT id::int, state FROM moderation_items WHERE subject_type = 'feedback' AND subject_id = $1`, [res.body.id]);
      expect(row.state).toBe('held');
      return { itemId: row.id as number, feedbackId: res.body.id as number };
    });
  }

  it('redacts: the public sees the redacted text, the audit log keeps who, when, before and after', async () => {
    const { itemId, feedbackId } = await heldItem('Email jo.bloggs@example.gov.uk about child 943 476 5919');
    const live = moderationSocket();
    await subscribe(live.socket, 'moderation');
    const res = await moderator.post(`/api/moderation/items/${itemId}/decision`, { decision: 'redact', note: 'NHS number and email' });
    expect(res.status).toBe(200);
    expect(res.body.item).toMatchObject({ state: 'redacted', decision: 'redact', decidedBy: { displayName: 'Mo Derator' }, note: 'NHS number and email' });
    await eventually(() => expect(live.events.some((e) => e.type === 'moderation.item.updated' && e.payload.id === itemId && e.payload.state === 'redacted')).toBe(true));

    const shown = (await moderator.get('/api/feedback?limit=200')).body.items.find((f: { id: number }) => f.id === feedbackId);
    expect(shown.summary).toBe('Email [email address removed] about child [NHS number removed]');

    const audit = await moderator.get(`/api/moderation/items/${itemId}/audit`);
    expect(audit.body.items).toEqual([
      expect.objectContaining({ action: 'redact', note: 'NHS number and email', actor: expect.objectContaining({ displayName: 'Mo Derator' }), before: expect.objectContaining({ state: 'held' }), after: expect.objectContaining({ state: 'redacted' }) }),
    ]);
  });

  it('lets only one of two moderators decide an item: the second gets 409', async () => {
    const { itemId } = await heldItem('Postcode of the family is SW1A 1AA');
    const admin = await signedInAdmin(t.url);
    const results = await Promise.all([moderator.post(`/api/moderation/items/${itemId}/decision`, { decision: 'reject' }), admin.post(`/api/moderation/items/${itemId}/decision`, { decision: 'approve' })]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await t.db.query(`SELECT count(*)::int AS n FROM moderation_audit WHERE item_id = $1`, [itemId])).toEqual([{ n: 1 }]);
  });

  it('is for moderators only, and checks its input', async () => {
    const { itemId } = await heldItem('Call 07700 900123 about the child');
    const member = (await signedIn(t.url)).client;
    expect((await member.get('/api/moderation/queue')).status).toBe(403);
    expect((await member.post(`/api/moderation/items/${itemId}/decision`, { decision: 'approve' })).status).toBe(403);
    expect((await new Client(t.url).get('/api/moderation/queue')).status).toBe(401);
    expect((await moderator.post(`/api/moderation/items/${itemId}/decision`, { decision: 'delete' })).body.error.fields).toHaveProperty(['decision']);
    expect((await moderator.post(`/api/moderation/items/abc/decision`, { decision: 'approve' })).status).toBe(400);
    expect((await moderator.post(`/api/moderation/items/999999999/decision`, { decision: 'approve' })).status).toBe(404);

    const queue = await moderator.get('/api/moderation/queue?state=held');
    expect(queue.status).toBe(200);
    expect(queue.body.items.every((i: { state: string }) => i.state === 'held')).toBe(true);
    expect(queue.body.items.map((i: { id: number }) => i.id)).toContain(itemId);
    expect(queue.body.counts.held).toBeGreaterThanOrEqual(1);
    const [{ seq }] = await t.db.query(`SELECT seq::int FROM topic_seqs WHERE topic = 'moderation'`);
    expect(queue.body.seq).toBeLessThanOrEqual(seq);
    expect(queue.body.seq).toBeGreaterThan(0);
    expect((await moderator.get(`/api/moderation/items/${itemId}`)).body.item).toMatchObject({ id: itemId, state: 'held', outcome: 'personal_data' });
    expect((await member.get(`/api/moderation/items/${itemId}`)).status).toBe(403);
  });
});

describe('repeats', () => {
  const statuses = async (ids: number[]) =>
    Object.fromEntries((await t.db.query(`SELECT id::int, status FROM feedback WHERE id = ANY($1)`, [ids])).map((r: { id: number; status: string }) => [r.id, r.status]));

  /** A signed-in person sending feedback, from an address of their own. */
  async function person() {
    const { client } = await signedIn(t.url);
    const headers = reader();
    return (body: Record<string, unknown>) => client.request('POST', '/api/feedback', { page: '/tools/903-validator', role: ROLE, ...body }, headers);
  }

  it('holds the same whole submission sent again by the same signed-in person within the hour, however much they sent meanwhile', async () => {
    await withWorker();
    const ann = await person();
    const bob = await person();
    const whole = { summary: 'The demand model forecast is great', details: 'It matched our actuals for 2025', organisation: 'Anytown Council' };
    const first = await ann(whole);
    // More than the 20 latest texts the check used to look at.
    for (let i = 0; i < 25; i++) await ann({ summary: `A different point, number ${i}, about the demand model` });
    const again = await ann({ summary: '  the demand model  FORECAST is great', details: 'It matched our actuals for 2025', organisation: 'ANYTOWN council' });
    // The same summary with other details is another submission, not a repeat.
    const otherDetails = await ann({ summary: 'The demand model forecast is great', details: 'It missed our actuals for 2024' });
    const fromBob = await bob(whole);
    const anonymous = await send(whole);
    const shortOnce = await ann({ summary: 'Thanks, works now' });
    const shortAgain = await ann({ summary: 'Thanks, works now' });
    const ids = [first, again, otherDetails, fromBob, anonymous, shortOnce, shortAgain].map((r) => r.body.id as number);
    await eventually(async () => expect(Object.values(await statuses(ids))).not.toContain('pending'));
    expect(await statuses(ids)).toEqual({
      [ids[0]]: 'published',
      [ids[1]]: 'held',
      [ids[2]]: 'published',
      [ids[3]]: 'published',
      [ids[4]]: 'published',
      [ids[5]]: 'published',
      [ids[6]]: 'published',
    });
    expect(await t.db.query(`SELECT outcome FROM moderation_items WHERE subject_type = 'feedback' AND subject_id = $1`, [ids[1]])).toEqual([{ outcome: 'spam' }]);
  });

  it('never holds anonymous feedback as a repeat: two people in one council office share an address', async () => {
    await withWorker();
    const office = reader();
    const sent = [];
    for (const summary of ['Problem with the tool when we upload', 'Problem with the tool when we upload', 'Bug report', 'Bug report']) sent.push(await send({ summary }, office));
    const ids = sent.map((r) => r.body.id as number);
    await eventually(async () => expect(Object.values(await statuses(ids))).not.toContain('pending'));
    expect(Object.values(await statuses(ids))).toEqual(['published', 'published', 'published', 'published']);
  });

  it('does not count a submission sent more than an hour before', async () => {
    await withWorker();
    const ann = await person();
    const old = await ann({ summary: 'The validator rules for 2026 look right to us' });
    await eventually(async () => expect(await statuses([old.body.id])).toEqual({ [old.body.id]: 'published' }));
    await t.db.query(`UPDATE feedback SET created_at = created_at - interval '61 minutes' WHERE id = $1`, [old.body.id]);
    const again = await ann({ summary: 'The validator rules for 2026 look right to us' });
    await eventually(async () => expect(await statuses([again.body.id])).toEqual({ [again.body.id]: 'published' }));
  });
});

describe('retention', () => {
  it('scrubs the original of redacted feedback everywhere moderators kept it, once the period is over', async () => {
    await withWorker();
    const res = await send({ summary: 'Child 943 476 5919 again' });
    const itemId = await eventually(async () => {
      const [row] = await t.db.query(`SELECT id::int, state FROM moderation_items WHERE subject_type = 'feedback' AND subject_id = $1`, [res.body.id]);
      expect(row.state).toBe('held');
      return row.id as number;
    });
    await moderator.post(`/api/moderation/items/${itemId}/decision`, { decision: 'redact' });
    const { ModerationService } = await import('../src/moderation/moderation.service');
    const moderation = t.app.get(ModerationService);

    // Within the period nothing is touched: moderators can still see the original.
    expect(await moderation.purgeOriginals(30)).toBe(0);
    expect((await moderator.post(`/api/moderation/items/${itemId}/original`)).body).toMatchObject({ original: { summary: 'Child 943 476 5919 again' }, purged: false });

    await t.db.query(`UPDATE moderation_items SET decided_at = now() - interval '31 days' WHERE id = $1`, [itemId]);
    expect(await moderation.purgeOriginals(30)).toBeGreaterThanOrEqual(1);
    const everything = JSON.stringify([
      await t.db.query(`SELECT * FROM feedback WHERE id = $1`, [res.body.id]),
      await t.db.query(`SELECT * FROM moderation_items WHERE id = $1`, [itemId]),
      await t.db.query(`SELECT * FROM moderation_audit WHERE item_id = $1`, [itemId]),
      await t.db.query(`SELECT payload FROM outbox WHERE topic = 'moderation' AND payload->>'subjectType' = 'feedback' AND (payload->>'subjectId')::bigint = $1`, [res.body.id]),
    ]);
    expect(everything).not.toContain('943 476 5919');
    expect(everything).toContain('[NHS number removed]');
    // Not the text, but a hash of it, which a guess at the number could be checked against.
    expect(await t.db.query(`SELECT summary_key FROM feedback WHERE id = $1`, [res.body.id])).toEqual([{ summary_key: null }]);
    expect((await moderator.get(`/api/moderation/items/${itemId}`)).body.item).toMatchObject({ content: { summary: 'Child [NHS number removed] again' }, hasOriginal: false });
    expect((await moderator.post(`/api/moderation/items/${itemId}/original`)).body).toMatchObject({ original: { summary: 'Child [NHS number removed] again' }, purged: true });
    expect(await moderation.purgeOriginals(30)).toBe(0);
  });
});
