import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * "You said, we did": page feedback and threads linked to the idea, milestone or release that answers
 * them. `told_at` is set, once, when that work is done and the people who asked are told; a feedback
 * sender who ticked "tell me what happens" (`feedback.tell_me`) is emailed then.
 */
export class Answers1732000000019 implements MigrationInterface {
  name = 'Answers1732000000019';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE feedback ADD COLUMN tell_me boolean NOT NULL DEFAULT false;
      CREATE TABLE answers (
        id serial PRIMARY KEY,
        source_type text NOT NULL CHECK (source_type IN ('feedback', 'thread')),
        source_id bigint NOT NULL,
        target_type text NOT NULL CHECK (target_type IN ('idea', 'milestone', 'release')),
        target_id integer NOT NULL,
        linked_by uuid REFERENCES users(id) ON DELETE SET NULL,
        linked_at timestamptz NOT NULL DEFAULT now(),
        told_at timestamptz,
        emailed_at timestamptz,
        UNIQUE (source_type, source_id, target_type, target_id)
      );
      CREATE INDEX answers_target ON answers (target_type, target_id) WHERE told_at IS NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE answers; ALTER TABLE feedback DROP COLUMN tell_me;`);
  }
}
