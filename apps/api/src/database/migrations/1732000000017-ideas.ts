import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Needs and ideas that authorities raise and back. One backing per authority (the primary key), given
 * by a verified member on its behalf; an idea links to the tool, initiative or thread that takes it forward.
 */
export class Ideas1732000000017 implements MigrationInterface {
  name = 'Ideas1732000000017';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ideas (
        id serial PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('need', 'idea')),
        title text NOT NULL,
        body text NOT NULL,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'under_review', 'planned', 'in_design', 'delivered', 'declined')),
        decline_reason text,
        link_type text CHECK (link_type IN ('tool', 'initiative', 'thread')),
        link_id text,
        author_id uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((link_type IS NULL) = (link_id IS NULL)),
        CHECK (status <> 'declined' OR decline_reason IS NOT NULL)
      );
      CREATE INDEX ideas_status ON ideas (status, created_at DESC);
      CREATE TABLE idea_backings (
        idea_id integer NOT NULL REFERENCES ideas(id) ON DELETE CASCADE,
        organisation_id integer NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (idea_id, organisation_id)
      );
      CREATE INDEX idea_backings_user ON idea_backings (user_id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE idea_backings; DROP TABLE ideas;`);
  }
}
