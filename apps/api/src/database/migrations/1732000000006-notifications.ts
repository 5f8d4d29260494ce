import { randomBytes } from 'node:crypto';
import { MigrationInterface, QueryRunner } from 'typeorm';

/** Watch levels, email preferences and the unsubscribe secret. New tables, one new column, one trigger. */
export class Notifications1732000000006 implements MigrationInterface {
  name = 'Notifications1732000000006';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- Explicit choices only. Authors, maintainers and initiative followers watch without a row here
      -- (resolved when fanning out), so a row is what someone chose over that default.
      -- subject_id is the public id: a tool or initiative slug, a thread's number.
      CREATE TABLE watches (
        subject_type text NOT NULL CHECK (subject_type IN ('tool', 'initiative', 'thread')),
        subject_id text NOT NULL,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        level text NOT NULL CHECK (level IN ('watching', 'normal', 'muted')),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (subject_type, subject_id, user_id)
      );
      CREATE INDEX watches_user ON watches (user_id);

      -- Following an initiative is watching it: whichever route follows, an earlier normal or muted goes.
      CREATE FUNCTION initiative_follow_watches() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM watches w USING initiatives i
         WHERE i.id = NEW.initiative_id AND w.subject_type = 'initiative' AND w.subject_id = i.slug AND w.user_id = NEW.user_id;
        RETURN NULL;
      END $$;
      CREATE TRIGGER initiative_follow_watches AFTER INSERT ON initiative_followers
        FOR EACH ROW EXECUTE FUNCTION initiative_follow_watches();

      CREATE TABLE notification_preferences (
        user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
        email text NOT NULL DEFAULT 'off' CHECK (email IN ('off', 'on')),
        -- The digest covers what came after this (or after email was turned on).
        digest_from timestamptz NOT NULL DEFAULT now(),
        last_digest_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now()
      );

      -- Set when a notification went out by email (at once or in a digest): a rerun sends it no more.
      ALTER TABLE notifications ADD COLUMN emailed_at timestamptz;
      -- The digest's question: what is unread and not yet emailed, per user.
      CREATE INDEX notifications_unemailed ON notifications (user_id, id) WHERE emailed_at IS NULL AND read_at IS NULL;
      -- A held moderation item is news once: who was already told about it.
      CREATE INDEX notifications_moderation_url ON notifications (url) WHERE kind = 'moderation';

    `);
    // Signs unsubscribe links unless UNSUBSCRIBE_SECRET is set; generated once per deployment.
    await q.query(`INSERT INTO app_secrets (name, value) VALUES ('unsubscribe', $1)`, [randomBytes(32).toString('hex')]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DELETE FROM app_secrets WHERE name = 'unsubscribe';
      DROP TABLE notification_preferences, watches;
      DROP FUNCTION initiative_follow_watches() CASCADE;
      ALTER TABLE notifications DROP COLUMN emailed_at;
    `);
  }
}
