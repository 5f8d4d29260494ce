import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Retention (apps/api/src/retention/retention.service.ts): each topic remembers the highest seq the outbox
 * prune deleted, so a replay asked from before it is answered "reload" rather than with a hole; the
 * prune keeps events a notification still points at, found through the new index.
 */
export class Retention1732000000014 implements MigrationInterface {
  name = 'Retention1732000000014';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE topic_seqs ADD COLUMN pruned_seq bigint NOT NULL DEFAULT 0;
      CREATE INDEX notifications_event ON notifications (event_id);
      CREATE INDEX notifications_read ON notifications (read_at) WHERE read_at IS NOT NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX notifications_read;
      DROP INDEX notifications_event;
      ALTER TABLE topic_seqs DROP COLUMN pruned_seq;
    `);
  }
}
