import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DatabaseService } from '../database/database.module';
import { prepared, query } from '../database/prepared';

/** Rows deleted per transaction: short transactions, so writers and the relay never wait long behind one. */
export const PRUNE_BATCH = 5000;

/**
 * Published events older than the window, in id order after `$3` (each batch goes on where the last one
 * deleted, so the events kept are read once a run, not once a batch). Events a notification still points
 * at stay (the inbox reads them); unpublished ones stay for the sweeper. SKIP LOCKED: two workers prune
 * side by side.
 */
const PRUNE_OUTBOX = `WITH doomed AS (
    SELECT o.id FROM outbox o
    WHERE o.id > $3 AND o.created_at < now() - make_interval(hours => $1) AND o.published_at IS NOT NULL AND o.seq IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM notifications n WHERE n.event_id = o.id)
    ORDER BY o.id LIMIT $2 FOR UPDATE OF o SKIP LOCKED)
  DELETE FROM outbox o USING doomed WHERE o.id = doomed.id RETURNING o.id, o.topic, o.seq`;
/** The topics' rows in sorted order, as writers lock them (outbox.service.ts), so the two never deadlock. */
const LOCK_TOPICS = `SELECT topic FROM topic_seqs WHERE topic = ANY($1::text[]) ORDER BY topic FOR UPDATE`;
const MARK_PRUNED = `UPDATE topic_seqs t SET pruned_seq = GREATEST(t.pruned_seq, p.seq)
  FROM unnest($1::text[], $2::bigint[]) AS p(topic, seq) WHERE t.topic = p.topic`;
/** Sign-ins that ended (expired or revoked) longer ago than the window. */
const PRUNE_SESSIONS = `DELETE FROM sessions WHERE id IN (
    SELECT id FROM sessions
    WHERE expires_at < now() - make_interval(days => $1) OR revoked_at < now() - make_interval(days => $1)
    LIMIT $2)`;
/** Notifications read longer ago than the window; unread ones are kept however old. */
const PRUNE_NOTIFICATIONS = `DELETE FROM notifications WHERE id IN (
    SELECT id FROM notifications WHERE read_at < now() - make_interval(days => $1) LIMIT $2)`;

/**
 * What is kept, and for how long (docs/operations.md, "Limits and retention"): the worker's hourly `maintenance`
 * jobs delete the rest, a batch per transaction until none is left.
 */
@Injectable()
export class RetentionService {
  private readonly logger = new Logger(RetentionService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly db: DatabaseService,
  ) {}

  /**
   * Deletes events older than `hours`, and records per topic the highest seq deleted: a client asking to
   * replay from before it is told to reload (DeliveryService.follow) rather than given a hole.
   */
  async pruneOutbox(hours: number, batch = PRUNE_BATCH): Promise<number> {
    let after = 0;
    return this.batches('outbox events', () =>
      this.db.transaction(async (manager) => {
        const gone = await query<{ id: string; topic: string; seq: string }>(manager, prepared(PRUNE_OUTBOX), [hours, batch, after]);
        for (const { id } of gone) after = Math.max(after, Number(id));
        const highest = new Map<string, number>();
        for (const { topic, seq } of gone) highest.set(topic, Math.max(highest.get(topic) ?? 0, Number(seq)));
        const topics = [...highest.keys()].sort();
        if (topics.length) {
          await query(manager, prepared(LOCK_TOPICS), [topics]);
          await query(manager, prepared(MARK_PRUNED), [topics, topics.map((t) => highest.get(t))]);
        }
        return gone.length;
      }), batch);
  }

  /** Deletes sign-ins that expired or were revoked more than `days` ago. */
  pruneSessions(days: number, batch = PRUNE_BATCH): Promise<number> {
    return this.batches('ended sign-ins', () => this.deleted(PRUNE_SESSIONS, [days, batch]), batch);
  }

  /** Deletes notifications read more than `days` ago. */
  pruneNotifications(days: number, batch = PRUNE_BATCH): Promise<number> {
    return this.batches('read notifications', () => this.deleted(PRUNE_NOTIFICATIONS, [days, batch]), batch);
  }

  private async deleted(sql: string, params: unknown[]): Promise<number> {
    const [, count] = (await this.dataSource.query(sql, params)) as [unknown, number];
    return count;
  }

  /** Runs `once` until a batch comes back short; returns how many rows went in all. */
  private async batches(what: string, once: () => Promise<number>, batch: number): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await once();
      total += n;
      if (n < batch) break;
    }
    if (total) this.logger.log(`retention: deleted ${total} ${what}`);
    return total;
  }
}
