import { MigrationInterface, QueryRunner } from 'typeorm';
import { DEFAULT_DESIGN_SECTIONS } from '@commons/domain';

/**
 * Maintainers, stage history, releases, adoption and design documents. Additive: the seeded tools keep
 * their rows and ids; they gain the new columns and an empty design document each.
 */
export class Tools1732000000003 implements MigrationInterface {
  name = 'Tools1732000000003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE tools
        ADD COLUMN documentation text,
        ADD COLUMN origin_organisation_id integer REFERENCES organisations(id),
        ADD COLUMN created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        -- Name outranks summary outranks description in search; generated, so it can never go stale.
        ADD COLUMN search tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('english', name), 'A') ||
          setweight(to_tsvector('english', summary), 'B') ||
          setweight(to_tsvector('english', description), 'C')) STORED;
      CREATE INDEX tools_search ON tools USING gin (search);
      CREATE INDEX tools_datasets ON tools USING gin (datasets);
      CREATE INDEX tools_technology ON tools USING gin (technology);

      CREATE TABLE tool_maintainers (
        tool_id integer NOT NULL REFERENCES tools(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        added_by uuid REFERENCES users(id) ON DELETE SET NULL,
        added_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tool_id, user_id)
      );
      CREATE INDEX tool_maintainers_user ON tool_maintainers (user_id);

      CREATE TABLE tool_stage_history (
        id bigserial PRIMARY KEY,
        tool_id integer NOT NULL REFERENCES tools(id) ON DELETE CASCADE,
        from_stage text,
        to_stage text NOT NULL,
        moved_by uuid REFERENCES users(id) ON DELETE SET NULL,
        moved_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX tool_stage_history_tool ON tool_stage_history (tool_id, id);

      CREATE TABLE tool_releases (
        id serial PRIMARY KEY,
        tool_id integer NOT NULL REFERENCES tools(id) ON DELETE CASCADE,
        version text NOT NULL,
        notes text NOT NULL DEFAULT '',
        released_on date NOT NULL DEFAULT current_date,
        published_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tool_id, version)
      );

      CREATE TABLE tool_adoptions (
        tool_id integer NOT NULL REFERENCES tools(id) ON DELETE CASCADE,
        organisation_id integer NOT NULL REFERENCES organisations(id),
        status text NOT NULL CHECK (status IN ('uses','pilots','interested','stopped')),
        recorded_by uuid REFERENCES users(id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tool_id, organisation_id)
      );
      CREATE INDEX tool_adoptions_organisation ON tool_adoptions (organisation_id);

      CREATE TABLE tool_design_sections (
        tool_id integer NOT NULL REFERENCES tools(id) ON DELETE CASCADE,
        key text NOT NULL,
        title text NOT NULL,
        position integer NOT NULL,
        body text NOT NULL DEFAULT '',
        revision integer NOT NULL DEFAULT 0,
        updated_by uuid REFERENCES users(id) ON DELETE SET NULL,
        updated_at timestamptz,
        PRIMARY KEY (tool_id, key)
      );
      -- Every saved text, so any two can be compared; the section row holds the latest.
      CREATE TABLE tool_design_revisions (
        tool_id integer NOT NULL,
        key text NOT NULL,
        revision integer NOT NULL,
        body text NOT NULL,
        author_id uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tool_id, key, revision),
        FOREIGN KEY (tool_id, key) REFERENCES tool_design_sections (tool_id, key) ON DELETE CASCADE
      );
    `);
    await q.query(
      `INSERT INTO tool_design_sections (tool_id, key, title, position)
       SELECT t.id, s.key, s.title, s.position FROM tools t
       CROSS JOIN unnest($1::text[], $2::text[]) WITH ORDINALITY AS s(key, title, position)`,
      [DEFAULT_DESIGN_SECTIONS.map((x) => x.key), DEFAULT_DESIGN_SECTIONS.map((x) => x.title)],
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE tool_design_revisions, tool_design_sections, tool_adoptions, tool_releases, tool_stage_history, tool_maintainers;
      ALTER TABLE tools DROP COLUMN search, DROP COLUMN created_by, DROP COLUMN origin_organisation_id, DROP COLUMN documentation;
    `);
  }
}
