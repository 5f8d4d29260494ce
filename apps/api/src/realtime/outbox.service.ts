import { Injectable } from '@nestjs/common';
import { ChangeCounter } from './change-counter';
import type { PoolClient } from 'pg';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { EventPayload, EventPayloads, EventType, Topic } from '@commons/realtime';
import { DatabaseService } from '../database/database.module';
import { prepared, query } from '../database/prepared';
import { fromRow, OUTBOX_COLUMNS, OutboxEvent, OutboxRow } from './outbox.event';
import { RelayService } from './relay.service';

/** What an INSERT into the outbox answers: the payload is already in hand, so it is not read back. */
const INSERTED = 'id, topic, seq, created_at';
type Inserted = Pick<OutboxRow, 'id' | 'topic' | 'seq' | 'created_at'>;

/**
 * Every event of a transaction in one statement, numbered there: each topic's seq row is locked in
 * sorted order (no deadlock between two writers) and, as the statement goes with COMMIT, only for the
 * commit's own time, so busy topics (`moderation`, a thread in a burst) stay fast.
 */
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

/** An event to record: a type of the event catalogue (libs/realtime/src/events.ts) with its payload. */
export type NewEvent = { [T in EventType]: { topic: Topic; type: T; payload: EventPayload<T> } }[EventType];

/** A recorded event, its payload checked; `event` once written, `writing` once its statement is sent. */
type Pending = { topic: Topic; type: EventType; payload: unknown; actorId: string | null; event?: OutboxEvent; writing?: Promise<unknown> };

/** What `Tx.record` gives back. */
export interface Recorded {
  /**
   * The events as stored, with their ids and seqs. Before commit this writes every event recorded so
   * far at once (one round trip, and their topics stay locked until commit): only for a caller that
   * needs their ids in the transaction, such as a fan-out that names them.
   */
  written(): Promise<OutboxEvent[]>;
}

/** A transaction that can record events; they are published only once it has committed. */
export class Tx {
  private readonly queued: Pending[] = [];
  private ended = false;

  /** `client`: the transaction's own connection (OutboxService.transaction), to write the events with COMMIT. */
  constructor(
    readonly manager: EntityManager,
    private readonly recorded: OutboxEvent[],
    private readonly client?: PoolClient,
  ) {}

  /**
   * Records events in this transaction: they exist if and only if it commits. They are written with
   * the COMMIT, all of the transaction's in one statement that numbers them (in the order recorded
   * within each topic), instead of a round trip each ahead of it (docs/PERFORMANCE.md, "Round trips").
   */
  record(events: NewEvent | NewEvent[], options: { actorId?: string | null } = {}): Recorded {
    // A payload that breaks the catalogue is a bug: fail the write rather than send clients garbage.
    const mine: Pending[] = (Array.isArray(events) ? events : [events]).map((e) => ({
      topic: e.topic,
      type: e.type,
      payload: (EventPayloads[e.type] as { parse(p: unknown): unknown }).parse(e.payload),
      actorId: options.actorId ?? null,
    }));
    if (this.ended) throw new Error('recording in a transaction that has ended');
    this.queued.push(...mine);
    return {
      written: async () => {
        if (mine.some((p) => !p.writing)) {
          if (this.ended) throw new Error('these events were never written: their transaction did not commit');
          void this.write();
        }
        await Promise.all(mine.map((p) => p.writing));
        return mine.map((p) => p.event!);
      },
    };
  }

  /**
   * Writes the events recorded and not yet written; OutboxService.transaction calls it after the work,
   * right before COMMIT. Straight on the connection, not through TypeORM (which awaits before it
   * writes), so the statement is certain to be on the wire ahead of COMMIT. If it fails, Postgres
   * ends the transaction at that COMMIT with a rollback; the promise rejects.
   */
  write(): Promise<unknown> {
    const batch = this.queued.splice(0);
    if (!batch.length) return Promise.resolve();
    const { sorted, values } = many(batch);
    const statement = prepared(RECORD_MANY);
    const sent = this.client
      ? this.client.query<Inserted>({ name: statement.name, text: statement.text, values }).then(
          (result) => result.rows,
          (error: Error) => Promise.reject(new QueryFailedError(RECORD_MANY, values, error)),
        )
      : query<Inserted>(this.manager, statement, values);
    const writing = sent.then((rows) => this.took(sorted, rows));
    for (const p of batch) p.writing = writing;
    return writing;
  }

  /** No more recording: the transaction is committing or has ended. */
  end() {
    this.ended = true;
  }

  private took(sorted: Pending[], rows: Inserted[]) {
    // Rows in (topic, seq) order line up with `sorted`.
    rows.sort((a, b) => byTopic(a, b) || Number(a.seq) - Number(b.seq));
    sorted.forEach((p, i) => (p.event = fromRow({ ...rows[i], type: p.type, payload: p.payload, actor_id: p.actorId })));
    this.recorded.push(...sorted.map((p) => p.event!));
  }
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
    private readonly changes: ChangeCounter,
  ) {}

  /** Runs `work` in one Postgres transaction; the events it records are published after commit. */
  async transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    const recorded: OutboxEvent[] = [];
    let written: Promise<unknown> = Promise.resolve();
    const result = await this.db.transaction(async (manager, client) => {
      const tx = new Tx(manager, recorded, client);
      const value = await work(tx);
      tx.end();
      written = tx.write();
      written.catch(() => undefined); // awaited once COMMIT has answered
      return value;
    });
    // The COMMIT that answered after a failed flush was a rollback: nothing of the transaction is stored.
    await written;
    // Before the caller answers: a search made after this write must not be served from before it.
    if (recorded.length) await this.changes.bump();
    // Not awaited: the caller's answer must not wait on Redis. What fails here, the sweeper sends.
    for (let i = 0; i < recorded.length; i += PUBLISH_BATCH) void this.relay.publish(recorded.slice(i, i + PUBLISH_BATCH));
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

  /**
   * The topic's current seq, and the highest seq retention has deleted (OUTBOX_RETENTION_HOURS): a
   * replay from before that cannot be whole, so the client is told to reload instead.
   */
  async position(topic: Topic): Promise<{ seq: number; pruned: number }> {
    const rows = await query<{ seq: string; pruned_seq: string }>(this.dataSource.manager, prepared(`SELECT seq, pruned_seq FROM topic_seqs WHERE topic = $1`), [topic]);
    return rows.length ? { seq: Number(rows[0].seq), pruned: Number(rows[0].pruned_seq) } : { seq: 0, pruned: 0 };
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
