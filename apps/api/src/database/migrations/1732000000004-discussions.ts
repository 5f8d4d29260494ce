import { MigrationInterface, QueryRunner } from 'typeorm';

export class Discussions1732000000004 implements MigrationInterface {
  name = 'Discussions1732000000004';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE threads (
        id bigserial PRIMARY KEY,
        subject_type text NOT NULL CHECK (subject_type IN ('tool', 'initiative', 'general')),
        subject_id text,
        title text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('discussion', 'question', 'announcement')),
        author_id uuid NOT NULL REFERENCES users(id),
        pinned boolean NOT NULL DEFAULT false,
        locked boolean NOT NULL DEFAULT false,
        accepted_message_id bigint,
        -- The last message position handed out. Taking the next one locks the thread row until
        -- commit, so positions commit in order and a cursor page never skips a late commit.
        last_seq integer NOT NULL DEFAULT 0,
        message_count integer NOT NULL DEFAULT 0,
        last_message_at timestamptz NOT NULL DEFAULT now(),
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX threads_subject ON threads (subject_type, subject_id, pinned DESC, last_message_at DESC);
      CREATE TABLE messages (
        id bigserial PRIMARY KEY,
        thread_id bigint NOT NULL REFERENCES threads(id),
        seq integer NOT NULL,
        author_id uuid NOT NULL REFERENCES users(id),
        parent_id bigint REFERENCES messages(id),
        body text NOT NULL,
        mentions uuid[] NOT NULL DEFAULT '{}',
        state text NOT NULL DEFAULT 'visible' CHECK (state IN ('visible', 'held', 'deleted')),
        created_at timestamptz NOT NULL DEFAULT now(),
        edited_at timestamptz,
        deleted_at timestamptz,
        deleted_by uuid REFERENCES users(id),
        UNIQUE (thread_id, seq)
      );
      CREATE INDEX messages_author ON messages (author_id, created_at DESC);
      ALTER TABLE threads ADD FOREIGN KEY (accepted_message_id) REFERENCES messages(id);
      -- Earlier bodies of edited messages ("edited" is shown, the history can be read).
      CREATE TABLE message_revisions (
        id bigserial PRIMARY KEY,
        message_id bigint NOT NULL REFERENCES messages(id),
        body text NOT NULL,
        replaced_at timestamptz NOT NULL DEFAULT now(),
        replaced_by uuid NOT NULL REFERENCES users(id)
      );
      CREATE INDEX message_revisions_message ON message_revisions (message_id, id);
      CREATE TABLE reactions (
        message_id bigint NOT NULL REFERENCES messages(id),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        emoji text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (message_id, user_id, emoji)
      );
      CREATE TABLE read_positions (
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        thread_id bigint NOT NULL REFERENCES threads(id),
        last_read_seq integer NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, thread_id)
      );
      -- The redacted text moderation prepared, for any kind of item (feedback also keeps its own copy).
      ALTER TABLE moderation_items ADD COLUMN redacted jsonb, ADD COLUMN original_purged_at timestamptz;
      CREATE TABLE message_flags (
        message_id bigint NOT NULL REFERENCES messages(id),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        reason text NOT NULL,
        note text,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (message_id, user_id)
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE moderation_items DROP COLUMN redacted, DROP COLUMN original_purged_at`);
    await q.query(`ALTER TABLE threads DROP COLUMN accepted_message_id`);
    await q.query(`DROP TABLE message_flags, read_positions, reactions, message_revisions, messages, threads`);
  }
}
