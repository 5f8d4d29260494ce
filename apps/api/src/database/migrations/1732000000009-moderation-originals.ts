import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Organisation is checked and redacted like summary and details. A repeat is the whole submission sent
 * again by the same signed-in person (anonymous feedback shares addresses: a council office is one),
 * so `summary_key` now keys all the text fields and is looked up by user, not by address. A decision
 * that replaces a subject's text (a redacted message) keeps the original on the item until the
 * retention period ends.
 */
export class ModerationOriginals1732000000009 implements MigrationInterface {
  name = 'ModerationOriginals1732000000009';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE feedback ADD COLUMN redacted_organisation text;
      DROP INDEX feedback_repeats;
      CREATE INDEX feedback_repeats ON feedback (user_id, summary_key, id) WHERE user_id IS NOT NULL;
      ALTER TABLE moderation_items ADD COLUMN original jsonb;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE moderation_items DROP COLUMN original;
      DROP INDEX feedback_repeats;
      CREATE INDEX feedback_repeats ON feedback (client_hash, summary_key, id);
      ALTER TABLE feedback DROP COLUMN redacted_organisation;
    `);
  }
}
