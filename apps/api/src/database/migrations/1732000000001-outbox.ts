import { MigrationInterface, QueryRunner } from 'typeorm';

export class Outbox1732000000001 implements MigrationInterface {
  name = 'Outbox1732000000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- The last seq handed out per topic. Taking the next one locks the row until commit, so seqs
      -- are gap-free and commit in order on each topic.
      CREATE TABLE topic_seqs (
        topic text PRIMARY KEY,
        seq bigint NOT NULL
      );
      -- Every event, written in the same transaction as the change it describes. Kept: it is what
      -- reconnecting clients replay from.
      CREATE TABLE outbox (
        id bigserial PRIMARY KEY,
        topic text NOT NULL,
        seq bigint NOT NULL,
        type text NOT NULL,
        payload jsonb NOT NULL,
        actor_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz,
        UNIQUE (topic, seq)
      );
      CREATE INDEX outbox_unpublished ON outbox (id) WHERE published_at IS NULL;
      CREATE TABLE notifications (
        id bigserial PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        event_id bigint NOT NULL REFERENCES outbox(id),
        kind text NOT NULL,
        title text NOT NULL,
        url text,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz,
        -- A retried job or a re-swept event never notifies anyone twice.
        UNIQUE (user_id, event_id)
      );
      CREATE INDEX notifications_inbox ON notifications (user_id, (read_at IS NULL) DESC, id DESC);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notifications, outbox, topic_seqs`);
  }
}
