import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Live co-editing of design documents. Each section is a Yjs document: its compacted state in
 * `snapshot`, and the updates written since in `tool_design_updates` (appended, then merged into the
 * snapshot). A section whose saved text looks like personal data is held (`held_at`) and hidden from
 * readers until a moderator clears it. Revisions may carry a name; comments anchor to a passage.
 */
export class LiveDesign1732000000016 implements MigrationInterface {
  name = 'LiveDesign1732000000016';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE tool_design_sections
        ADD COLUMN snapshot bytea,
        ADD COLUMN held_at timestamptz,
        ADD COLUMN held_kinds text[] NOT NULL DEFAULT '{}',
        ADD COLUMN cleared_by uuid REFERENCES users(id) ON DELETE SET NULL,
        ADD COLUMN cleared_at timestamptz;
      ALTER TABLE tool_design_revisions ADD COLUMN name text;
      CREATE TABLE tool_design_updates (
        id bigserial PRIMARY KEY,
        tool_id integer NOT NULL,
        key text NOT NULL,
        update bytea NOT NULL,
        author_id uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (tool_id, key) REFERENCES tool_design_sections (tool_id, key) ON DELETE CASCADE
      );
      CREATE INDEX tool_design_updates_section ON tool_design_updates (tool_id, key, id);
      CREATE TABLE tool_design_comments (
        id bigserial PRIMARY KEY,
        tool_id integer NOT NULL,
        key text NOT NULL,
        parent_id bigint REFERENCES tool_design_comments(id) ON DELETE CASCADE,
        author_id uuid REFERENCES users(id) ON DELETE SET NULL,
        body text NOT NULL,
        quote text NOT NULL DEFAULT '',
        anchor jsonb,
        resolved_at timestamptz,
        resolved_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (tool_id, key) REFERENCES tool_design_sections (tool_id, key) ON DELETE CASCADE
      );
      CREATE INDEX tool_design_comments_section ON tool_design_comments (tool_id, key, id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE tool_design_comments, tool_design_updates;
      ALTER TABLE tool_design_revisions DROP COLUMN name;
      ALTER TABLE tool_design_sections DROP COLUMN snapshot, DROP COLUMN held_at, DROP COLUMN held_kinds, DROP COLUMN cleared_by, DROP COLUMN cleared_at;
    `);
  }
}
