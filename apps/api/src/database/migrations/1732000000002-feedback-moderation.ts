import { randomBytes } from 'node:crypto';
import { MigrationInterface, QueryRunner } from 'typeorm';

export class FeedbackModeration1732000000002 implements MigrationInterface {
  name = 'FeedbackModeration1732000000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- Deployment-wide secrets made once, e.g. the salt for hashing client addresses (never stored raw).
      CREATE TABLE app_secrets (
        name text PRIMARY KEY,
        value text NOT NULL
      );
      CREATE TABLE feedback (
        id bigserial PRIMARY KEY,
        page text NOT NULL,
        nature text,
        summary text NOT NULL,
        details text,
        role text NOT NULL,
        organisation text,
        email text,
        user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        client_hash text NOT NULL,
        idempotency_key text UNIQUE,
        -- pending (awaiting the moderation job), published, held, redacted, rejected, spam (honeypot: never shown)
        status text NOT NULL,
        redacted_summary text,
        redacted_details text,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX feedback_page ON feedback (page, id DESC) WHERE status IN ('published', 'redacted');
      CREATE INDEX feedback_client ON feedback (client_hash, created_at DESC);
      -- The moderators' queue: one row per thing to check (new feedback now; messages and flags later).
      CREATE TABLE moderation_items (
        id bigserial PRIMARY KEY,
        subject_type text NOT NULL,
        subject_id bigint NOT NULL,
        reason text NOT NULL DEFAULT 'new',
        -- pending (not yet checked), held (needs a moderator), published (checked clean),
        -- approved, redacted, rejected (a moderator decided)
        state text NOT NULL DEFAULT 'pending',
        outcome text,
        findings jsonb NOT NULL DEFAULT '[]',
        checked_at timestamptz,
        decided_by uuid REFERENCES users(id),
        decided_at timestamptz,
        decision text,
        note text,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (subject_type, subject_id, reason)
      );
      CREATE INDEX moderation_queue ON moderation_items (state, id DESC);
      CREATE TABLE moderation_audit (
        id bigserial PRIMARY KEY,
        item_id bigint NOT NULL REFERENCES moderation_items(id),
        actor_id uuid REFERENCES users(id),
        action text NOT NULL,
        note text,
        before jsonb NOT NULL,
        after jsonb NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX moderation_audit_item ON moderation_audit (item_id, id);
    `);
    await q.query(`INSERT INTO app_secrets (name, value) VALUES ('client_hash_salt', $1)`, [randomBytes(32).toString('hex')]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE moderation_audit, moderation_items, feedback, app_secrets`);
  }
}
