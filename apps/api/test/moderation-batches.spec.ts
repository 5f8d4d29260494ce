import type { INestApplicationContext } from '@nestjs/common';
import { FEEDBACK_ROLES } from '@commons/domain';
import { ModerationService } from '../src/moderation/moderation.service';
import { Client, eventually, isolated, signedIn, startApp, startWorker, TestApp } from './harness';

// A database and queue of its own: no other file's worker may check these items first.
let own: Record<string, string>;
let t: TestApp;
let worker: INestApplicationContext | undefined;
let ip = 0;

function reader() {
  ip++;
  return { 'x-forwarded-for': `203.0.113.${ip}` };
}
function send(body: Record<string, unknown>, headers: Record<string, string> = reader()) {
  return new Client(t.url).request('POST', '/api/feedback', { page: '/tools/903-validator', role: FEEDBACK_ROLES[0], ...body }, headers);
}

beforeAll(async () => {
  own = await isolated('batches');
  t = await startApp({ ...own, TRUST_PROXY: 'true', FEEDBACK_RATE_PER_MINUTE: '1000' });
});
afterAll(async () => {
  await worker?.close();
  await t.close();
});

describe('checks in batches', () => {
  it('checks many items in one transaction, each with its own outcome; a missing one fails alone', async () => {
    // A repeat is the same signed-in person's whole submission again (anonymous feedback never is).
    const { client: sender } = await signedIn(t.url);
    const sendAs = (body: Record<string, unknown>) => sender.request('POST', '/api/feedback', { page: '/tools/903-validator', role: FEEDBACK_ROLES[0], ...body }, reader());
    const clean = await send({ summary: 'The 903 return validator needs a 2026 rule set' });
    const personal = await send({ summary: 'Pupil B801200005001 moved placement twice' });
    const first = await sendAs({ summary: 'Please add the census extract to the tool list' });
    const repeat = await sendAs({ summary: 'Please add the census extract to the tool list' });
    const ids = [clean, personal, repeat].map((r) => r.body.id as number);
    const moderation = t.app.get(ModerationService);

    const results = await moderation.checkMany('feedback', [...ids, 999999999]);
    expect(ids.map((id) => results.get(id))).toEqual(['clean', 'personal_data', 'spam']);
    expect(results.get(999999999)).toBeInstanceOf(Error);
    expect((await moderation.checkMany('feedback', [ids[0]])).get(ids[0])).toBe('already checked');

    const items = await t.db.query(
      `SELECT i.subject_id::int AS id, i.state, i.checked_at, f.status FROM moderation_items i JOIN feedback f ON f.id = i.subject_id
       WHERE i.subject_type = 'feedback' AND i.subject_id = ANY($1) ORDER BY i.subject_id`,
      [[...ids, first.body.id]],
    );
    expect(items.map((i: { id: number; state: string; status: string }) => [i.id, i.state, i.status])).toEqual([
      [ids[0], 'published', 'published'],
      [ids[1], 'held', 'held'],
      [first.body.id, 'pending', 'pending'],
      [ids[2], 'held', 'held'],
    ]);
    // One transaction: one checked_at for the three.
    expect(new Set(items.filter((i: { checked_at: Date | null }) => i.checked_at).map((i: { checked_at: Date }) => i.checked_at.getTime())).size).toBe(1);
    expect(await t.db.query(`SELECT 1 FROM moderation_items WHERE subject_type = 'feedback' AND subject_id = 999999999`)).toEqual([]);
    // Their events were numbered in the batch's transaction: one per item, in a row, there at commit.
    const events: { seq: number | null; id: number }[] = await t.db.query(
      `SELECT seq::int, (payload->>'subjectId')::int AS id FROM outbox WHERE topic = 'moderation' AND type = 'moderation.item.updated' AND (payload->>'subjectId')::int = ANY($1) ORDER BY seq`,
      [ids],
    );
    expect(events.every((e) => e.seq !== null)).toBe(true);
    expect(events.map((e) => e.id).sort()).toEqual([...ids].sort());
    expect(events[2].seq! - events[0].seq!).toBe(2);
  });

  it('spots a message posted again by its author, and holds it from the thread', async () => {
    const author = await signedIn(t.url, { displayName: 'Rea Peat' });
    const other = await signedIn(t.url, { displayName: 'Otto Other' });
    const text = 'Has anyone mapped the 2026 placement codes yet?';
    const made = await author.client.post('/api/threads', { subjectType: 'general', title: 'Placement codes', body: text });
    const threadId = made.body.thread.id as number;
    const again = await author.client.post(`/api/threads/${threadId}/messages`, { body: text });
    const echo = await other.client.post(`/api/threads/${threadId}/messages`, { body: text });
    const ids = [again.body.message.id, echo.body.message.id] as number[];

    const results = await t.app.get(ModerationService).checkMany('message', ids);
    // Only the author's own repeat is spam: someone else quoting it is not.
    expect(ids.map((id) => results.get(id))).toEqual(['spam', 'clean']);
    const states = await t.db.query(`SELECT id::int, state FROM messages WHERE id = ANY($1) ORDER BY id`, [ids]);
    expect(states).toEqual([
      { id: ids[0], state: 'held' },
      { id: ids[1], state: 'visible' },
    ]);
  });

  it("makes the queue items of a batch's messages in one statement", async () => {
    // Messages get their item at their first check: counted by a statement trigger on the items table.
    await t.db.query(`CREATE SEQUENCE item_inserts;
      CREATE FUNCTION count_item_inserts() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM nextval('item_inserts'); RETURN NULL; END $$;
      CREATE TRIGGER count_item_inserts AFTER INSERT ON moderation_items FOR EACH STATEMENT EXECUTE FUNCTION count_item_inserts();`);
    try {
      const author = await signedIn(t.url, { displayName: 'Bea Batch' });
      const made = await author.client.post('/api/threads', { subjectType: 'general', title: 'Batch of replies', body: 'Which return is due first?' });
      const threadId = made.body.thread.id as number;
      const ids = [made.body.message.id as number];
      for (let i = 1; i <= 11; i++) ids.push((await author.client.post(`/api/threads/${threadId}/messages`, { body: `Reply ${i}: the annex is due before the census.` })).body.message.id);
      const inserts = async () => Number((await t.db.query(`SELECT CASE WHEN is_called THEN last_value ELSE 0 END AS n FROM item_inserts`))[0].n);
      const before = await inserts();

      const results = await t.app.get(ModerationService).checkMany('message', [...ids].reverse());
      expect(ids.map((id) => results.get(id))).toEqual(ids.map(() => 'clean'));
      expect((await inserts()) - before).toBe(1);
      const items = await t.db.query(`SELECT subject_id::int AS id, state FROM moderation_items WHERE subject_type = 'message' AND subject_id = ANY($1) ORDER BY subject_id`, [ids]);
      expect(items).toEqual([...ids].sort((a, b) => a - b).map((id) => ({ id, state: 'published' })));
    } finally {
      await t.db.query(`DROP TRIGGER count_item_inserts ON moderation_items; DROP FUNCTION count_item_inserts(); DROP SEQUENCE item_inserts;`);
    }
  });

  it('two batches holding messages in the same two threads take the threads in one order (no deadlock)', async () => {
    const author = await signedIn(t.url, { displayName: 'Dee Lock' });
    // In each thread the author repeats the opening text twice: both repeats are held as spam.
    const thread = async (text: string) => {
      const made = await author.client.post('/api/threads', { subjectType: 'general', title: text.slice(0, 30), body: text });
      const id = made.body.thread.id as number;
      const repeats = [];
      for (let i = 0; i < 2; i++) repeats.push((await author.client.post(`/api/threads/${id}/messages`, { body: text })).body.message.id as number);
      return { id, repeats };
    };
    const x = await thread('Thread X: who has mapped the new SEN2 fields already?');
    const y = await thread('Thread Y: is the 903 header changing for the next return?');
    const moderation = t.app.get(ModerationService);
    // The relay marking events published may also wait, on the message events a batch scrubbed: not counted.
    const waitingOnLocks = (n: number) =>
      eventually(async () =>
        expect((await t.db.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database() AND query NOT LIKE 'UPDATE outbox SET published_at%'`))[0].n).toBe(n),
      );

    // Thread X's seq is held elsewhere, so both batches queue on it: A first (X then Y), then B, given
    // Y then X. Taken in the given order, B would already hold Y when A, granted X, asks for it: deadlock.
    const blocker = t.db.createQueryRunner();
    await blocker.connect();
    await blocker.startTransaction();
    await blocker.query(`SELECT seq FROM topic_seqs WHERE topic = $1 FOR UPDATE`, [`thread:${x.id}`]);
    const a = moderation.checkMany('message', [x.repeats[0], y.repeats[0]]);
    await waitingOnLocks(1);
    const b = moderation.checkMany('message', [y.repeats[1], x.repeats[1]]);
    await waitingOnLocks(2);
    await blocker.commitTransaction();
    await blocker.release();

    const [ra, rb] = await Promise.all([a, b]);
    expect([...ra.values(), ...rb.values()]).toEqual(['spam', 'spam', 'spam', 'spam']);
    const states = await t.db.query(`SELECT state FROM messages WHERE id = ANY($1)`, [[...x.repeats, ...y.repeats]]);
    expect(states.map((m: { state: string }) => m.state)).toEqual(['held', 'held', 'held', 'held']);
  });

  it('runs the check jobs that wait together, in far fewer transactions than jobs', async () => {
    const sent: number[] = [];
    for (let i = 0; i < 60; i++) sent.push((await send({ summary: `Batch feedback number ${i} about the tool` }, { 'x-forwarded-for': `198.51.100.${i}` })).body.id as number);
    worker = await startWorker(own);
    const rows = await eventually(async () => {
      const checked = await t.db.query(`SELECT checked_at FROM moderation_items WHERE subject_type = 'feedback' AND subject_id = ANY($1) AND checked_at IS NOT NULL`, [sent]);
      expect(checked).toHaveLength(60);
      return checked as { checked_at: Date }[];
    });
    const transactions = new Set(rows.map((r) => r.checked_at.getTime())).size;
    expect(transactions).toBeLessThan(30);
    expect(await t.db.query(`SELECT count(*)::int AS n FROM feedback WHERE id = ANY($1) AND status = 'published'`, [sent])).toEqual([{ n: 60 }]);
  });
});
