import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Busy topics (`moderation`) get their seq after commit: writers insert outbox rows with seq NULL and
 * take no topic lock, and the relay numbers every committed unsequenced row of the topic in one short
 * transaction. Readers (replay, gap fill, current seq) only ever see numbered rows.
 */
export class OutboxDeferredSeq1732000000007 implements MigrationInterface {
  name = 'OutboxDeferredSeq1732000000007';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE outbox ALTER COLUMN seq DROP NOT NULL;
      CREATE INDEX outbox_unsequenced ON outbox (topic, id) WHERE seq IS NULL;
    `);
  }

  /** Drops events not yet numbered (committed, never published): only safe with the relays stopped and idle. */
  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX outbox_unsequenced;
      DELETE FROM outbox WHERE seq IS NULL;
      ALTER TABLE outbox ALTER COLUMN seq SET NOT NULL;
    `);
  }
}
