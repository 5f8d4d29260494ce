import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { EventPayload, EventPayloads, EventType, Topic } from '@commons/realtime';
import { fromRow, OUTBOX_COLUMNS, OutboxEvent, OutboxRow } from './outbox.event';
import { RelayService } from './relay.service';

/**
 * Topics that many transactions write at once. Their events are numbered after commit (see
 * RelayService.sequence): a seq taken inside the writing transaction would lock the topic's
 * `topic_seqs` row through commit and fsync, so every write to the topic would commit one at a time.
 * Other topics keep the in-transaction seq, which costs no extra commit before publishing.
 */
export function sequencedAfterCommit(topic: Topic): boolean {
  return topic === 'moderation';
}

/** A transaction that can record events; they are published only once it has committed. */
export class Tx {
  constructor(
    readonly manager: EntityManager,
    private readonly recorded: OutboxEvent[],
  ) {}

  /**
   * In this transaction, record event `type` on `topic`. The returned event's seq is 0 on a topic
   * sequenced after commit (its seq is given when the relay numbers it).
   */
  async record<T extends EventType>(topic: Topic, type: T, payload: EventPayload<T>, actorId: string | null = null): Promise<OutboxEvent> {
    // A payload that breaks the catalogue is a bug: fail the write rather than send clients garbage.
    const checked = EventPayloads[type].parse(payload);
    const [row] = (await this.manager.query(
      sequencedAfterCommit(topic)
        ? `INSERT INTO outbox (topic, seq, type, payload, actor_id) VALUES ($1, NULL, $2, $3, $4) RETURNING ${OUTBOX_COLUMNS}`
        : `WITH next AS (
             INSERT INTO topic_seqs (topic, seq) VALUES ($1, 1)
             ON CONFLICT (topic) DO UPDATE SET seq = topic_seqs.seq + 1
             RETURNING seq)
           INSERT INTO outbox (topic, seq, type, payload, actor_id)
           SELECT $1, next.seq, $2, $3, $4 FROM next
           RETURNING ${OUTBOX_COLUMNS}`,
      [topic, type, JSON.stringify(checked), actorId],
    )) as OutboxRow[];
    const event = fromRow(row);
    this.recorded.push(event);
    return event;
  }

  /**
   * Records many events of `type` in one statement (a fan-out to thousands of `user:<id>` topics costs
   * one round trip, not thousands). Either one event per topic, none of them numbered after commit:
   * topics are taken in sorted order, so two such writes lock their `topic_seqs` rows in one order and
   * cannot deadlock. Or all on topics numbered after commit, any number per topic (a batch of checks).
   */
  async recordMany<T extends EventType>(type: T, events: { topic: Topic; payload: EventPayload<T> }[], actorId: string | null = null): Promise<OutboxEvent[]> {
    if (!events.length) return [];
    const deferred = events.filter((e) => sequencedAfterCommit(e.topic)).length;
    if (deferred && deferred < events.length) throw new Error(`recordMany: ${type} on topics numbered both in and after commit`);
    if (!deferred && new Set(events.map((e) => e.topic)).size < events.length) throw new Error(`recordMany: ${type} twice on one topic`);
    const sorted = events.map((e) => ({ topic: e.topic, payload: JSON.stringify(EventPayloads[type].parse(e.payload)) })).sort((a, b) => (a.topic < b.topic ? -1 : 1));
    const rows = (await this.manager.query(
      deferred
        ? `INSERT INTO outbox (topic, seq, type, payload, actor_id)
           SELECT topic, NULL, $3, payload, $4 FROM unnest($1::text[], $2::jsonb[]) WITH ORDINALITY AS t(topic, payload, n) ORDER BY n
           RETURNING ${OUTBOX_COLUMNS}`
        : `WITH input AS (SELECT * FROM unnest($1::text[], $2::jsonb[]) AS t(topic, payload)),
           next AS (
             INSERT INTO topic_seqs (topic, seq) SELECT topic, 1 FROM input ORDER BY topic
             ON CONFLICT (topic) DO UPDATE SET seq = topic_seqs.seq + 1
             RETURNING topic, seq)
           INSERT INTO outbox (topic, seq, type, payload, actor_id)
           SELECT input.topic, next.seq, $3, input.payload, $4 FROM input JOIN next USING (topic)
           ORDER BY next.topic
           RETURNING ${OUTBOX_COLUMNS}`,
      [sorted.map((e) => e.topic), sorted.map((e) => e.payload), type, actorId],
    )) as OutboxRow[];
    const recorded = rows.map(fromRow);
    this.recorded.push(...recorded);
    return recorded;
  }
}

/** Events per PUBLISH: a fan-out to thousands of topics goes out in several messages. */
const PUBLISH_BATCH = 1000;

/** The one way services write changes that others must hear about. */
@Injectable()
export class OutboxService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly relay: RelayService,
  ) {}

  /** Runs `work` in one Postgres transaction; the events it records are published after commit. */
  async transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    const recorded: OutboxEvent[] = [];
    const result = await this.dataSource.transaction((manager) => work(new Tx(manager, recorded)));
    // Not awaited: the caller's answer must not wait on Redis. What fails here, the sweeper sends.
    const numbered = recorded.filter((e) => e.seq > 0);
    for (let i = 0; i < numbered.length; i += PUBLISH_BATCH) void this.relay.publish(numbered.slice(i, i + PUBLISH_BATCH));
    for (const topic of new Set(recorded.filter((e) => e.seq === 0).map((e) => e.topic))) this.relay.sequence(topic);
    return result;
  }

  async currentSeq(topic: Topic): Promise<number> {
    return (await this.currentSeqs([topic])).get(topic) ?? 0;
  }

  async currentSeqs(topics: Topic[]): Promise<Map<Topic, number>> {
    const rows: { topic: Topic; seq: string }[] = await this.dataSource.query(`SELECT topic, seq FROM topic_seqs WHERE topic = ANY($1)`, [topics]);
    return new Map(rows.map((r) => [r.topic, Number(r.seq)]));
  }

  /** Events on `topic` with afterSeq < seq <= uptoSeq, in order, at most `limit` (never an unnumbered one). */
  async range(topic: Topic, afterSeq: number, uptoSeq: number, limit = 500): Promise<OutboxEvent[]> {
    const rows = await this.dataSource.query(
      `SELECT ${OUTBOX_COLUMNS} FROM outbox WHERE topic = $1 AND seq > $2 AND seq <= $3 ORDER BY seq LIMIT $4`,
      [topic, afterSeq, uptoSeq, limit],
    );
    return rows.map(fromRow);
  }

  async get(id: number): Promise<OutboxEvent | null> {
    const rows = await this.dataSource.query(`SELECT ${OUTBOX_COLUMNS} FROM outbox WHERE id = $1`, [id]);
    return rows.length ? fromRow(rows[0]) : null;
  }
}
