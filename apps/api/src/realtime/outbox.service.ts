import { Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { EventPayload, EventPayloads, EventType, Topic } from '@commons/realtime';
import { DatabaseService } from '../database/database.module';
import { prepared, query } from '../database/prepared';
import { fromRow, OUTBOX_COLUMNS, OutboxEvent, OutboxRow } from './outbox.event';
import { RelayService } from './relay.service';

/**
 * Topics that many transactions write at once. Their events are numbered after commit (see
 * RelayService.sequence): a seq taken inside the writing transaction would lock the topic's
 * `topic_seqs` row through commit and fsync, so every write to the topic would commit one at a time.
 * Other topics keep the in-transaction seq, which costs no extra commit before publishing. Events
 * recorded at commit (Tx.recordAtCommit) are numbered there whatever the topic: one lock per
 * transaction, held only through the commit.
 */
export function sequencedAfterCommit(topic: Topic): boolean {
  return topic === 'moderation';
}

/** What an INSERT into the outbox answers: the payload is already in hand, so it is not read back. */
const INSERTED = 'id, topic, seq, created_at';
type Inserted = Pick<OutboxRow, 'id' | 'topic' | 'seq' | 'created_at'>;

// The statements' texts, built once (the outbox is on every write's path; see prepared).
const RECORD_UNNUMBERED = `INSERT INTO outbox (topic, seq, type, payload, actor_id) VALUES ($1, NULL, $2, $3, $4) RETURNING ${INSERTED}`;
const RECORD_NUMBERED = `WITH next AS (
    INSERT INTO topic_seqs (topic, seq) VALUES ($1, 1)
    ON CONFLICT (topic) DO UPDATE SET seq = topic_seqs.seq + 1
    RETURNING seq)
  INSERT INTO outbox (topic, seq, type, payload, actor_id)
  SELECT $1, next.seq, $2, $3, $4 FROM next
  RETURNING ${INSERTED}`;
const RECORD_MANY = `WITH input AS (SELECT * FROM unnest($1::text[], $2::jsonb[], $3::text[], $4::uuid[]) WITH ORDINALITY AS t(topic, payload, type, actor_id, n)),
  counts AS (SELECT topic, count(*) AS k FROM input GROUP BY topic),
  next AS (
    INSERT INTO topic_seqs (topic, seq) SELECT topic, k FROM counts ORDER BY topic
    ON CONFLICT (topic) DO UPDATE SET seq = topic_seqs.seq + EXCLUDED.seq
    RETURNING topic, seq AS last)
  INSERT INTO outbox (topic, seq, type, payload, actor_id)
  SELECT input.topic, next.last - counts.k + row_number() OVER (PARTITION BY input.topic ORDER BY input.n), input.type, input.payload, input.actor_id
  FROM input JOIN counts USING (topic) JOIN next USING (topic)
  ORDER BY input.n
  RETURNING ${INSERTED}`;
const RANGE = `SELECT ${OUTBOX_COLUMNS} FROM outbox WHERE topic = $1 AND seq > $2 AND seq <= $3 ORDER BY seq LIMIT $4`;
const GET = `SELECT ${OUTBOX_COLUMNS} FROM outbox WHERE id = ANY($1) ORDER BY id`;

const byTopic = (a: { topic: string }, b: { topic: string }) => (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : 0);

/** An event to write with the commit (recordAtCommit), its payload checked. */
type Pending = { topic: Topic; type: EventType; payload: unknown; actorId: string | null };

/** A transaction that can record events; they are published only once it has committed. */
export class Tx {
  private readonly atCommit: Pending[] = [];

  /** `client`: the transaction's own connection, for the events recorded at commit (OutboxService.transaction). */
  constructor(
    readonly manager: EntityManager,
    private readonly recorded: OutboxEvent[],
    private readonly client?: PoolClient,
  ) {}

  /**
   * In this transaction, record event `type` on `topic`. The returned event's seq is 0 on a topic
   * sequenced after commit (its seq is given when the relay numbers it).
   */
  async record<T extends EventType>(topic: Topic, type: T, payload: EventPayload<T>, actorId: string | null = null): Promise<OutboxEvent> {
    // A payload that breaks the catalogue is a bug: fail the write rather than send clients garbage.
    const checked = EventPayloads[type].parse(payload);
    const [row] = await query<Inserted>(this.manager, prepared(sequencedAfterCommit(topic) ? RECORD_UNNUMBERED : RECORD_NUMBERED), [topic, type, JSON.stringify(checked), actorId]);
    const event = fromRow({ ...row, type, payload: checked, actor_id: actorId });
    this.recorded.push(event);
    return event;
  }

  /**
   * Records events to be written with the commit: every event recorded so in the transaction (a
   * fan-out to thousands of `user:<id>` topics, a batch of checks, any number per topic) goes in one
   * statement, sent together with COMMIT instead of a round trip ahead of it (a round trip costs more
   * here than the statement: docs/PERFORMANCE.md, "Round trips"). So for events nothing in the transaction reads
   * back. They are numbered then, even on a topic otherwise numbered after commit (one write each, no
   * numbering commit), after any the transaction recorded before; their topics are locked in sorted
   * order (no deadlock between two such writes) and only for the commit's own time.
   */
  recordAtCommit<T extends EventType>(type: T, events: { topic: Topic; payload: EventPayload<T> }[], actorId: string | null = null): void {
    this.atCommit.push(...checked(type, events, actorId));
  }

  /**
   * Writes the events recorded at commit; OutboxService.transaction calls it after the work, right
   * before COMMIT. Straight on the connection, not through TypeORM (which awaits before it writes),
   * so the statement is certain to be on the wire ahead of COMMIT. If it fails, Postgres ends the
   * transaction at that COMMIT with a rollback; the promise rejects.
   */
  flush(): Promise<unknown> {
    if (!this.atCommit.length) return Promise.resolve();
    if (!this.client) throw new Error('recordAtCommit needs the transaction of OutboxService.transaction');
    const { sorted, values } = many(this.atCommit.splice(0));
    const { name, text } = prepared(RECORD_MANY);
    return this.client.query<Inserted>({ name, text, values }).then(
      (result) => this.took(sorted, result.rows),
      (error: Error) => Promise.reject(new QueryFailedError(RECORD_MANY, values, error)),
    );
  }

  private took(sorted: Pending[], rows: Inserted[]) {
    // Rows in (topic, seq) order line up with `sorted`.
    rows.sort((a, b) => byTopic(a, b) || Number(a.seq) - Number(b.seq));
    this.recorded.push(...rows.map((row, i) => fromRow({ ...row, type: sorted[i].type, payload: sorted[i].payload, actor_id: sorted[i].actorId })));
  }
}

// A payload that breaks the catalogue is a bug: fail the write rather than send clients garbage.
function checked<T extends EventType>(type: T, events: { topic: Topic; payload: EventPayload<T> }[], actorId: string | null): Pending[] {
  return events.map((e) => ({ topic: e.topic, type, payload: EventPayloads[type].parse(e.payload), actorId }));
}

/** RECORD_MANY's values: sorted by topic, and in the given order within one (the order the seqs are given in). */
function many(events: Pending[]) {
  const sorted = events.map((e, n) => ({ e, n })).sort((a, b) => byTopic(a.e, b.e) || a.n - b.n).map(({ e }) => e);
  const values = [sorted.map((e) => e.topic), sorted.map((e) => JSON.stringify(e.payload)), sorted.map((e) => e.type), sorted.map((e) => e.actorId)];
  return { sorted, values };
}

/** Events per PUBLISH: a fan-out to thousands of topics goes out in several messages. */
const PUBLISH_BATCH = 1000;

/** The one way services write changes that others must hear about. */
@Injectable()
export class OutboxService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly db: DatabaseService,
    private readonly relay: RelayService,
  ) {}

  /** Runs `work` in one Postgres transaction; the events it records are published after commit. */
  async transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    const recorded: OutboxEvent[] = [];
    let written: Promise<unknown> = Promise.resolve();
    const result = await this.db.transaction(async (manager, client) => {
      const tx = new Tx(manager, recorded, client);
      const value = await work(tx);
      written = tx.flush();
      written.catch(() => undefined); // awaited once COMMIT has answered
      return value;
    });
    // The COMMIT that answered after a failed flush was a rollback: nothing of the transaction is stored.
    await written;
    // Not awaited: the caller's answer must not wait on Redis. What fails here, the sweeper sends.
    const numbered = recorded.filter((e) => e.seq > 0);
    for (let i = 0; i < numbered.length; i += PUBLISH_BATCH) void this.relay.publish(numbered.slice(i, i + PUBLISH_BATCH));
    for (const topic of new Set(recorded.filter((e) => e.seq === 0).map((e) => e.topic))) this.relay.sequence(topic);
    return result;
  }

  /** `manager`: read in that transaction (and its snapshot) instead. */
  async currentSeq(topic: Topic, manager?: EntityManager): Promise<number> {
    return (await this.currentSeqs([topic], manager)).get(topic) ?? 0;
  }

  async currentSeqs(topics: Topic[], manager: EntityManager = this.dataSource.manager): Promise<Map<Topic, number>> {
    const rows = await query<{ topic: Topic; seq: string }>(manager, prepared(`SELECT topic, seq FROM topic_seqs WHERE topic = ANY($1)`), [topics]);
    return new Map(rows.map((r) => [r.topic, Number(r.seq)]));
  }

  /** Events on `topic` with afterSeq < seq <= uptoSeq, in order, at most `limit` (never an unnumbered one). */
  async range(topic: Topic, afterSeq: number, uptoSeq: number, limit = 500): Promise<OutboxEvent[]> {
    const rows = await query<OutboxRow>(this.dataSource.manager,
      prepared(RANGE),
      [topic, afterSeq, uptoSeq, limit],
    );
    return rows.map(fromRow);
  }

  async get(id: number): Promise<OutboxEvent | null> {
    return (await this.getMany([id]))[0] ?? null;
  }

  /** In id order; those that do not exist are left out. */
  async getMany(ids: number[], manager: EntityManager = this.dataSource.manager): Promise<OutboxEvent[]> {
    const rows = await query<OutboxRow>(manager, prepared(GET), [ids]);
    return rows.map(fromRow);
  }
}
