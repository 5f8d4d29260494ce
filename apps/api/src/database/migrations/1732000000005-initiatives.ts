import { MigrationInterface, QueryRunner } from 'typeorm';

/** Initiatives: leaders, status history, linked tools, milestones, updates, followers and participants. New tables only. */
export class Initiatives1732000000005 implements MigrationInterface {
  name = 'Initiatives1732000000005';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE initiatives (
        id serial PRIMARY KEY,
        slug text NOT NULL UNIQUE,
        title text NOT NULL,
        summary text NOT NULL,
        description text NOT NULL DEFAULT '',
        status text NOT NULL CHECK (status IN ('proposed','active','paused','completed','cancelled')),
        focus_area text NOT NULL CHECK (focus_area IN ('maintaining','advising','facilitating')),
        start_date date,
        target_date date,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE initiative_leaders (
        initiative_id integer NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        added_by uuid REFERENCES users(id) ON DELETE SET NULL,
        added_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (initiative_id, user_id)
      );
      CREATE INDEX initiative_leaders_user ON initiative_leaders (user_id);

      CREATE TABLE initiative_status_history (
        id bigserial PRIMARY KEY,
        initiative_id integer NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,
        from_status text,
        to_status text NOT NULL,
        changed_by uuid REFERENCES users(id) ON DELETE SET NULL,
        changed_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX initiative_status_history_initiative ON initiative_status_history (initiative_id, id);

      CREATE TABLE initiative_tools (
        initiative_id integer NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,
        tool_id integer NOT NULL REFERENCES tools(id) ON DELETE CASCADE,
        PRIMARY KEY (initiative_id, tool_id)
      );

      CREATE TABLE initiative_milestones (
        id serial PRIMARY KEY,
        initiative_id integer NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,
        title text NOT NULL,
        due_date date,
        position integer NOT NULL,
        done_by uuid REFERENCES users(id) ON DELETE SET NULL,
        -- done is "done_at is set": one column, so done and its time can never disagree
        done_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX initiative_milestones_initiative ON initiative_milestones (initiative_id, position);

      CREATE TABLE initiative_updates (
        id serial PRIMARY KEY,
        initiative_id integer NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,
        body text NOT NULL,
        rag text CHECK (rag IN ('on_track','at_risk','off_track')),
        author_id uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX initiative_updates_initiative ON initiative_updates (initiative_id, id);

      CREATE TABLE initiative_followers (
        initiative_id integer NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        followed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (initiative_id, user_id)
      );
      CREATE INDEX initiative_followers_user ON initiative_followers (user_id);

      -- The organisation is copied at joining: it is what they joined for, even if they move later.
      CREATE TABLE initiative_participants (
        initiative_id integer NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        organisation_id integer REFERENCES organisations(id),
        joined_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (initiative_id, user_id)
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE initiative_participants, initiative_followers, initiative_updates, initiative_milestones, initiative_tools, initiative_status_history, initiative_leaders, initiatives`);
  }
}
