import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Guides: advice written once and pointed to. Every saved text is a revision; a guide has an owner who
 * reviews it, tools and initiatives it belongs with, and the thread it was made from, if any.
 */
export class Guides1732000000018 implements MigrationInterface {
  name = 'Guides1732000000018';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE guides (
        id serial PRIMARY KEY,
        slug text NOT NULL UNIQUE,
        title text NOT NULL,
        summary text NOT NULL,
        body text NOT NULL,
        revision integer NOT NULL DEFAULT 1,
        owner_id uuid REFERENCES users(id) ON DELETE SET NULL,
        last_reviewed_on date NOT NULL DEFAULT current_date,
        source_thread_id bigint REFERENCES threads(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE guide_revisions (
        guide_id integer NOT NULL REFERENCES guides(id) ON DELETE CASCADE,
        revision integer NOT NULL,
        title text NOT NULL,
        body text NOT NULL,
        author_id uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (guide_id, revision)
      );
      CREATE TABLE guide_links (
        guide_id integer NOT NULL REFERENCES guides(id) ON DELETE CASCADE,
        subject_type text NOT NULL CHECK (subject_type IN ('tool', 'initiative')),
        subject_id text NOT NULL,
        PRIMARY KEY (guide_id, subject_type, subject_id)
      );
      CREATE INDEX guide_links_subject ON guide_links (subject_type, subject_id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE guide_links; DROP TABLE guide_revisions; DROP TABLE guides;`);
  }
}
