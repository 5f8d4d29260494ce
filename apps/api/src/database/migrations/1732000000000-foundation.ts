import { MigrationInterface, QueryRunner } from 'typeorm';
import localAuthorities from '../seed/local-authorities.json';
import tools from '../seed/tools.json';

/** Organisations that are not local authorities, so members from them can say where they work. */
const OTHER_ORGANISATIONS: [kind: string, name: string][] = [
  ['central_government', 'Department for Education'],
  ['central_government', 'Ofsted'],
  ['central_government', 'Department of Health and Social Care'],
  ['charity', 'Children’s services data charity (other)'],
  ['supplier', 'Data and digital supplier (other)'],
  ['other', 'Other organisation'],
];

export class Foundation1732000000000 implements MigrationInterface {
  name = 'Foundation1732000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE organisations (
        id serial PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('local_authority','central_government','charity','supplier','other')),
        name text NOT NULL UNIQUE,
        la_code text UNIQUE,
        ons_code text UNIQUE,
        region text
      );
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL UNIQUE,
        password_hash text NOT NULL,
        display_name text NOT NULL,
        organisation_id integer REFERENCES organisations(id),
        roles text[] NOT NULL DEFAULT '{member}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        token_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz
      );
      CREATE INDEX sessions_user_id ON sessions (user_id);
      CREATE TABLE tools (
        id serial PRIMARY KEY,
        slug text NOT NULL UNIQUE,
        name text NOT NULL,
        summary text NOT NULL,
        description text NOT NULL DEFAULT '',
        stage text NOT NULL,
        datasets text[] NOT NULL DEFAULT '{}',
        technology text[] NOT NULL DEFAULT '{}',
        licence text,
        repository text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
    `);
    // Reference data belongs to every deployment, so migrations load it (demo content does not).
    for (const la of localAuthorities) {
      await q.query(
        `INSERT INTO organisations (kind, name, la_code, ons_code, region) VALUES ('local_authority', $1, $2, $3, $4)`,
        [la.name, la.code, la.onsCode, la.region],
      );
    }
    for (const [kind, name] of OTHER_ORGANISATIONS) {
      await q.query(`INSERT INTO organisations (kind, name) VALUES ($1, $2)`, [kind, name]);
    }
    for (const t of tools) {
      await q.query(
        `INSERT INTO tools (slug, name, summary, stage, datasets, technology, licence, repository)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [t.slug, t.name, t.summary, t.stage, t.datasets, t.technology, t.licence, t.repository],
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE tools, sessions, users, organisations`);
  }
}
