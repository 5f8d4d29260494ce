import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { changesKey } from './change-counter';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import type { EventEnvelope, Topic } from '@commons/realtime';
import { ENV, Env } from '../config/env';
import { DatabaseService } from '../database/database.module';
import { JobsService } from '../jobs/jobs.service';
import { prepared, query } from '../database/prepared';
import { EventRegistry } from './event-rules';
import { fromRow, OUTBOX_COLUMNS, OutboxEvent, OutboxRow, toEnvelope } from './outbox.event';

/** At most this many events numbered per transaction (a backlog takes several). */
const NUMBER_BATCH = 5000;

/**
 * Published marks wait this long to go out together: one UPDATE for every publish of the window, not one
 * each (a round trip costs this machine more CPU than the statement; at 25 posts a second a 50 ms window
 * still marked nearly every post alone). Well inside the sweeper's grace of a second, so a mark still
 * lands before the sweeper would send its events again (and if not, readers drop the repeat by seq).
 */
const MARK_EVERY_MS = 200;

export function eventsChannel(env: Env) {
  return `${env.REDIS_PREFIX}:events`;
}

/**
 * Takes committed outbox events to every API instance (one Redis PUBLISH, awaited, so a failure is
 * known) and enqueues the jobs they imply. Only then is an event marked published; anything a crash
 * or an outage left behind, the sweeper sends again. Clients drop the resulting duplicates by seq.
 */
@Injectable()
export class RelayService implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger(RelayService.name);
  private readonly publisher: Redis;
  private timer?: NodeJS.Timeout;
  private sweeping?: Promise<number>;
  private readonly inFlight = new Set<Promise<unknown>>();
  /** Topics with a numbering pass under way in this process, and those that need one more after it. */
  private readonly numbering = new Map<string, Promise<void>>();
  private readonly unnumbered = new Set<string>();
  /** Event ids published and not yet marked, and whether a mark is due to take them. */
  private unmarked: number[] = [];
  private marking = false;
  /** In the API: its own sockets, which so hear its events without the round trip through Redis. */
  private local?: (envelopes: EventEnvelope[]) => void;

  constructor(
    @Inject(ENV) private readonly env: Env,
    private readonly dataSource: DataSource,
    private readonly db: DatabaseService,
    private readonly jobs: JobsService,
    private readonly events: EventRegistry,
  ) {
    this.publisher = new Redis(env.REDIS_URL, { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectionName: 'commons-relay' });
    this.publisher.on('error', () => undefined);
  }

  onApplicationBootstrap() {
    this.timer = setInterval(() => void this.sweep(), this.env.OUTBOX_SWEEP_MS);
    this.timer.unref();
  }

  /**
   * The API's sockets get the events this process publishes at once; the copy that comes back through
   * Redis is dropped by seq (DeliveryService), as any repeat is. Two hops fewer between a post and its
   * readers, and during a Redis outage this instance's readers still hear its writes.
   */
  deliverLocally(deliver: (envelopes: EventEnvelope[]) => void) {
    this.local = deliver;
  }

  /** Publishes and enqueues; returns false (and leaves the events for the sweeper) if Redis failed. */
  publish(events: OutboxEvent[]): Promise<boolean> {
    const done = this.publishOnce(events).finally(() => this.inFlight.delete(done));
    this.inFlight.add(done);
    return done;
  }

  private async publishOnce(events: OutboxEvent[]): Promise<boolean> {
    try {
      await this.send(events);
    } catch (error) {
      this.logger.warn(`publishing ${events.length} event(s) failed, the sweeper will retry: ${(error as Error).message}`);
      return false;
    }
    // Not waited for: a topic's next numbering pass need not sit out the window.
    this.mark(events.map((e) => e.id));
    return true;
  }

  /**
   * Marks these ids published at the end of the window, with those of every other publish of it. A mark
   * that fails leaves its events to the sweeper, which sends them again.
   */
  private mark(ids: number[]) {
    this.unmarked.push(...ids);
    if (this.marking) return;
    this.marking = true;
    const done = new Promise((resolve) => setTimeout(resolve, MARK_EVERY_MS))
      .then(() => {
        const batch = this.unmarked;
        this.unmarked = [];
        this.marking = false;
        // One statement per window, not per publish: not worth a prepared statement.
        return this.dataSource.query(`UPDATE outbox SET published_at = now() WHERE id = ANY($1) AND published_at IS NULL`, [batch]);
      })
      .catch((error: Error) => this.logger.warn(`marking events published failed, the sweeper will send them again: ${error.message}`))
      .finally(() => this.inFlight.delete(done));
    this.inFlight.add(done);
  }

  /**
   * Numbers `topic`'s committed unsequenced events, then publishes them. Writers number every event at
   * commit (Tx.record); unnumbered rows are only those an earlier version left, which the sweeper finds.
   * One pass at a time per topic in
   * this process: calls during a pass ask for one more pass after it, which takes every event committed
   * meanwhile, so a burst of writes costs a few numbering commits, not one each. Resolves once the
   * events committed before the call are numbered (here or by another process) and published, or, if
   * Postgres or Redis failed, left to the sweeper. Never rejects.
   */
  sequence(topic: Topic): Promise<void> {
    this.unnumbered.add(topic);
    let pass = this.numbering.get(topic);
    if (!pass) {
      pass = this.numberAll(topic);
      this.numbering.set(topic, pass);
      this.inFlight.add(pass);
      void pass.then(() => this.inFlight.delete(pass!));
    }
    return pass;
  }

  private async numberAll(topic: Topic) {
    try {
      while (this.unnumbered.delete(topic)) {
        try {
          const events = await this.number(topic);
          if (events.length === NUMBER_BATCH) this.unnumbered.add(topic);
          if (events.length) await this.publishOnce(events);
        } catch (error) {
          this.logger.warn(`numbering ${topic} failed, the sweeper will retry: ${(error as Error).message}`);
        }
      }
    } finally {
      // In the same tick as the last check above, so a call arriving after it starts a new pass.
      this.numbering.delete(topic);
    }
  }

  /**
   * One short transaction: lock the topic's seq row, then (a new statement, so a fresh snapshot that
   * sees every commit before the lock was granted) give every committed unsequenced row of the topic
   * the next seqs in id order. Seqs become visible together at this commit, after all lower ones (the
   * previous holder of the lock committed them first): an event's visibility still implies every
   * earlier seq of its topic is committed, which DeliveryService's gap filling relies on.
   */
  private number(topic: Topic): Promise<OutboxEvent[]> {
    return this.db.transaction(async (manager) => {
      const [{ seq }] = await manager.query(
        `INSERT INTO topic_seqs (topic, seq) VALUES ($1, 0) ON CONFLICT (topic) DO UPDATE SET seq = topic_seqs.seq RETURNING seq`,
        [topic],
      );
      const rows = await manager.query(
        `WITH next AS (
           SELECT id, $2::bigint + row_number() OVER (ORDER BY id) AS seq
           FROM outbox WHERE topic = $1 AND seq IS NULL ORDER BY id LIMIT ${NUMBER_BATCH}),
         numbered AS (
           UPDATE outbox o SET seq = next.seq FROM next WHERE o.id = next.id
           RETURNING o.id, o.topic, o.seq, o.type, o.payload, o.actor_id, o.created_at),
         bumped AS (
           UPDATE topic_seqs SET seq = (SELECT max(seq) FROM numbered) WHERE topic = $1 AND EXISTS (SELECT 1 FROM numbered))
         SELECT * FROM numbered ORDER BY seq`,
        [topic, seq],
      );
      return rows.map(fromRow);
    });
  }

  /** One pass over unpublished events older than a second (younger ones are still with their relay). */
  sweep(graceMs = 1000): Promise<number> {
    this.sweeping ??= this.sweepOnce(graceMs).finally(() => (this.sweeping = undefined));
    return this.sweeping;
  }

  private async sweepOnce(graceMs: number): Promise<number> {
    try {
      // Events a crash left unnumbered (their writer's relay never ran): number and publish them first.
      const stale = await query<{ topic: Topic }>(this.dataSource.manager,
        prepared(`SELECT DISTINCT topic FROM outbox WHERE seq IS NULL AND created_at < now() - make_interval(secs => $1)`),
        [graceMs / 1000],
      );
      for (const { topic } of stale) await this.sequence(topic);
      // SKIP LOCKED: every process sweeps, no two send the same batch at once. (A deferred row numbered more
      // than the grace after its insert can still be sent here and by its numbering relay: instances drop
      // the repeat by seq and BullMQ the repeated job id.)
      return await this.db.transaction(async (manager) => {
        const rows = await query<OutboxRow>(manager,
          prepared(`SELECT ${OUTBOX_COLUMNS} FROM outbox
           WHERE published_at IS NULL AND seq IS NOT NULL AND created_at < now() - make_interval(secs => $1)
           ORDER BY id LIMIT 500 FOR UPDATE SKIP LOCKED`),
          [graceMs / 1000],
        );
        if (!rows.length) return 0;
        const events = rows.map(fromRow);
        await this.send(events);
        await manager.query(`UPDATE outbox SET published_at = now() WHERE id = ANY($1)`, [events.map((e: OutboxEvent) => e.id)]);
        this.logger.log(`swept ${events.length} unpublished event(s)`);
        return events.length;
      });
    } catch (error) {
      this.logger.warn(`sweep failed, retrying in ${this.env.OUTBOX_SWEEP_MS} ms: ${(error as Error).message}`);
      return 0;
    }
  }

  private async send(events: OutboxEvent[]) {
    const envelopes = events.map(toEnvelope);
    try {
      this.local?.(envelopes);
    } catch (error) {
      this.logger.error(`delivering ${envelopes.length} event(s) to this instance's sockets: ${(error as Error).message}`);
    }
    // Together: two replies awaited at once, not one after the other.
    await Promise.all([
      this.publisher.publish(eventsChannel(this.env), JSON.stringify(envelopes)),
      this.jobs.enqueue(events.flatMap((e) => this.events.jobs(e))),
      // Caches of derived reads (the search box) key on this counter (ChangeCounter).
      this.publisher.incr(changesKey(this.env)),
    ]);
  }

  /** Before connections close: let publishes and a sweep under way finish, so none fails half done. */
  async beforeApplicationShutdown() {
    clearInterval(this.timer);
    await Promise.all([this.sweeping, ...this.inFlight]);
  }

  onApplicationShutdown() {
    this.publisher.disconnect();
  }
}
