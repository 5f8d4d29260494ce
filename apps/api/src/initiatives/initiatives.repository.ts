import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { FocusArea, InitiativeQuery, InitiativeStatus, Rag } from '@commons/domain';

export interface InitiativeRow {
  id: number;
  slug: string;
  title: string;
  summary: string;
  description: string;
  status: InitiativeStatus;
  focus_area: FocusArea;
  start_date: string | null;
  target_date: string | null;
  done: number;
  total: number;
  overdue: number;
  rag: Rag | null;
  last_update_at: Date | null;
  followers: number;
  created_at: Date;
  updated_at: Date;
}

/** The editable columns, by their API names. */
export interface InitiativeFields {
  title: string;
  summary: string;
  description: string;
  status: InitiativeStatus;
  focusArea: FocusArea;
  startDate: string | null;
  targetDate: string | null;
}

const COLUMN: Record<keyof InitiativeFields, string> = {
  title: 'title',
  summary: 'summary',
  description: 'description',
  status: 'status',
  focusArea: 'focus_area',
  startDate: 'start_date',
  targetDate: 'target_date',
};

// Overdue uses the UTC date, as the web does (isOverdue in @commons/domain).
const SELECT_INITIATIVE = `
  SELECT i.id, i.slug, i.title, i.summary, i.description, i.status, i.focus_area,
         to_char(i.start_date, 'YYYY-MM-DD') AS start_date, to_char(i.target_date, 'YYYY-MM-DD') AS target_date,
         (SELECT count(*) FILTER (WHERE m.done_at IS NOT NULL)::int FROM initiative_milestones m WHERE m.initiative_id = i.id) AS done,
         (SELECT count(*)::int FROM initiative_milestones m WHERE m.initiative_id = i.id) AS total,
         (SELECT count(*)::int FROM initiative_milestones m
           WHERE m.initiative_id = i.id AND m.done_at IS NULL AND m.due_date < (now() AT TIME ZONE 'UTC')::date) AS overdue,
         (SELECT u.rag FROM initiative_updates u WHERE u.initiative_id = i.id AND u.rag IS NOT NULL ORDER BY u.id DESC LIMIT 1) AS rag,
         (SELECT max(u.created_at) FROM initiative_updates u WHERE u.initiative_id = i.id) AS last_update_at,
         (SELECT count(*)::int FROM initiative_followers f WHERE f.initiative_id = i.id) AS followers,
         i.created_at, i.updated_at
  FROM initiatives i`;

export interface PersonRow {
  id: string;
  display_name: string;
}

export interface MilestoneRow {
  id: number;
  initiative_id: number;
  title: string;
  due_date: string | null;
  position: number;
  done_by: string | null;
  done_by_name: string | null;
  done_at: Date | null;
}

export interface UpdateRow {
  id: number;
  initiative_id: number;
  body: string;
  rag: Rag | null;
  author_id: string | null;
  author_name: string | null;
  created_at: Date;
}

export interface StatusRow {
  from_status: InitiativeStatus | null;
  to_status: InitiativeStatus;
  changed_at: Date;
  id: string | null;
  display_name: string | null;
}

export interface ParticipantRow extends PersonRow {
  organisation_id: number | null;
  organisation_name: string | null;
  joined_at: Date;
}

const SELECT_MILESTONE = `
  SELECT m.id, m.initiative_id, m.title, to_char(m.due_date, 'YYYY-MM-DD') AS due_date, m.position, m.done_by, u.display_name AS done_by_name, m.done_at
  FROM initiative_milestones m LEFT JOIN users u ON u.id = m.done_by`;

const SELECT_UPDATE = `
  SELECT x.id, x.initiative_id, x.body, x.rag, x.author_id, u.display_name AS author_name, x.created_at
  FROM initiative_updates x LEFT JOIN users u ON u.id = x.author_id`;

/** The initiative aggregate: the initiative, its leaders, status history, tools, milestones, updates, followers and participants. */
@Injectable()
export class InitiativeRepository {
  constructor(private readonly db: DataSource) {}

  list(query: InitiativeQuery): Promise<InitiativeRow[]> {
    return this.db.query(
      `${SELECT_INITIATIVE} WHERE ($1::text IS NULL OR i.status = $1) AND ($2::text IS NULL OR i.focus_area = $2) ORDER BY i.title`,
      [query.status ?? null, query.focusArea ?? null],
    );
  }

  /** Everything the user leads or follows, with which of the two (leading wins). */
  dashboard(userId: string): Promise<(InitiativeRow & { role: 'leader' | 'follower' })[]> {
    return this.db.query(
      `SELECT x.*, CASE WHEN EXISTS (SELECT 1 FROM initiative_leaders l WHERE l.initiative_id = x.id AND l.user_id = $1) THEN 'leader' ELSE 'follower' END AS role
       FROM (${SELECT_INITIATIVE}) x
       WHERE EXISTS (SELECT 1 FROM initiative_leaders l WHERE l.initiative_id = x.id AND l.user_id = $1)
          OR EXISTS (SELECT 1 FROM initiative_followers f WHERE f.initiative_id = x.id AND f.user_id = $1)
       ORDER BY x.title`,
      [userId],
    );
  }

  async bySlug(slug: string, manager: EntityManager = this.db.manager): Promise<InitiativeRow | null> {
    const rows = await manager.query(`${SELECT_INITIATIVE} WHERE i.slug = $1`, [slug]);
    return rows[0] ?? null;
  }

  /** Locks the initiative row for the rest of the transaction, so concurrent edits apply one after another. */
  async lock(manager: EntityManager, id: number): Promise<{ status: InitiativeStatus }> {
    const [row] = await manager.query(`SELECT status FROM initiatives WHERE id = $1 FOR UPDATE`, [id]);
    return row;
  }

  /** Null when the slug is taken. */
  async insert(manager: EntityManager, slug: string, f: InitiativeFields, createdBy: string): Promise<number | null> {
    const rows = await manager.query(
      `INSERT INTO initiatives (slug, title, summary, description, status, focus_area, start_date, target_date, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (slug) DO NOTHING RETURNING id`,
      [slug, f.title, f.summary, f.description, f.status, f.focusArea, f.startDate, f.targetDate, createdBy],
    );
    return rows[0]?.id ?? null;
  }

  async update(manager: EntityManager, id: number, changes: Partial<InitiativeFields>) {
    const keys = Object.keys(changes) as (keyof InitiativeFields)[];
    const sets = keys.map((k, i) => `${COLUMN[k]} = $${i + 2}`);
    await manager.query(`UPDATE initiatives SET ${[...sets, 'updated_at = now()'].join(', ')} WHERE id = $1`, [id, ...keys.map((k) => changes[k])]);
  }

  async touch(manager: EntityManager, id: number) {
    await manager.query(`UPDATE initiatives SET updated_at = now() WHERE id = $1`, [id]);
  }

  async recordStatus(manager: EntityManager, id: number, from: InitiativeStatus | null, to: InitiativeStatus, by: string): Promise<Date> {
    const [row] = await manager.query(
      `INSERT INTO initiative_status_history (initiative_id, from_status, to_status, changed_by) VALUES ($1, $2, $3, $4) RETURNING changed_at`,
      [id, from, to, by],
    );
    return row.changed_at;
  }

  statusHistory(id: number, manager: EntityManager = this.db.manager): Promise<StatusRow[]> {
    return manager.query(
      `SELECT h.from_status, h.to_status, h.changed_at, u.id, u.display_name
       FROM initiative_status_history h LEFT JOIN users u ON u.id = h.changed_by WHERE h.initiative_id = $1 ORDER BY h.id`,
      [id],
    );
  }

  // leaders

  leaders(ids: number[], manager: EntityManager = this.db.manager): Promise<(PersonRow & { initiative_id: number })[]> {
    return manager.query(
      `SELECT l.initiative_id, u.id, u.display_name FROM initiative_leaders l JOIN users u ON u.id = l.user_id
       WHERE l.initiative_id = ANY($1::int[]) ORDER BY l.added_at, u.display_name`,
      [ids],
    );
  }

  async isLeader(id: number, userId: string): Promise<boolean> {
    return (await this.db.query(`SELECT 1 FROM initiative_leaders WHERE initiative_id = $1 AND user_id = $2`, [id, userId])).length > 0;
  }

  async addLeader(manager: EntityManager, id: number, userId: string, addedBy: string) {
    await manager.query(`INSERT INTO initiative_leaders (initiative_id, user_id, added_by) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [id, userId, addedBy]);
  }

  /** Leaves at least one leader: false (and nothing removed) when `userId` is the last. */
  async removeLeader(manager: EntityManager, id: number, userId: string): Promise<boolean> {
    const [{ count }] = await manager.query(`SELECT count(*)::int AS count FROM initiative_leaders WHERE initiative_id = $1`, [id]);
    if (count <= 1) return false;
    await manager.query(`DELETE FROM initiative_leaders WHERE initiative_id = $1 AND user_id = $2`, [id, userId]);
    return true;
  }

  async userExists(userId: string): Promise<boolean> {
    return (await this.db.query(`SELECT 1 FROM users WHERE id = $1`, [userId])).length > 0;
  }

  // tools

  tools(id: number, manager: EntityManager = this.db.manager): Promise<{ slug: string; name: string }[]> {
    return manager.query(`SELECT t.slug, t.name FROM initiative_tools x JOIN tools t ON t.id = x.tool_id WHERE x.initiative_id = $1 ORDER BY t.name`, [id]);
  }

  /** The tool ids for these slugs, and the slugs that name no tool. */
  async toolIds(slugs: string[]): Promise<{ ids: number[]; unknown: string[] }> {
    const rows: { id: number; slug: string }[] = await this.db.query(`SELECT id, slug FROM tools WHERE slug = ANY($1::text[])`, [slugs]);
    return { ids: rows.map((r) => r.id), unknown: slugs.filter((s) => !rows.some((r) => r.slug === s)) };
  }

  async setTools(manager: EntityManager, id: number, toolIds: number[]) {
    await manager.query(`DELETE FROM initiative_tools WHERE initiative_id = $1`, [id]);
    await manager.query(`INSERT INTO initiative_tools (initiative_id, tool_id) SELECT $1, unnest($2::int[]) ON CONFLICT DO NOTHING`, [id, toolIds]);
  }

  // milestones

  milestones(ids: number[], manager: EntityManager = this.db.manager): Promise<MilestoneRow[]> {
    return manager.query(`${SELECT_MILESTONE} WHERE m.initiative_id = ANY($1::int[]) ORDER BY m.position, m.id`, [ids]);
  }

  async milestone(manager: EntityManager, initiativeId: number, id: number): Promise<MilestoneRow | null> {
    const rows = await manager.query(`${SELECT_MILESTONE} WHERE m.initiative_id = $1 AND m.id = $2`, [initiativeId, id]);
    return rows[0] ?? null;
  }

  async insertMilestone(manager: EntityManager, initiativeId: number, m: { title: string; dueDate: string | null; position?: number }): Promise<number> {
    const [row] = await manager.query(
      `INSERT INTO initiative_milestones (initiative_id, title, due_date, position)
       VALUES ($1, $2, $3, COALESCE($4, (SELECT COALESCE(max(position) + 1, 0) FROM initiative_milestones WHERE initiative_id = $1))) RETURNING id`,
      [initiativeId, m.title, m.dueDate, m.position ?? null],
    );
    return row.id;
  }

  /** `done` sets or clears who and when; sending done again keeps the first who and when. */
  async updateMilestone(manager: EntityManager, id: number, p: { title?: string; dueDate?: string | null; position?: number; done?: boolean }, by: string) {
    await manager.query(
      `UPDATE initiative_milestones SET
         title = COALESCE($2, title),
         due_date = CASE WHEN $3 THEN $4::date ELSE due_date END,
         position = COALESCE($5, position),
         done_at = CASE WHEN $6::boolean IS NULL THEN done_at WHEN $6 THEN COALESCE(done_at, now()) ELSE NULL END,
         done_by = CASE WHEN $6::boolean IS NULL THEN done_by WHEN $6 THEN COALESCE(done_by, $7) ELSE NULL END
       WHERE id = $1`,
      [id, p.title ?? null, p.dueDate !== undefined, p.dueDate ?? null, p.position ?? null, p.done ?? null, by],
    );
  }

  // updates

  updates(id: number, manager: EntityManager = this.db.manager): Promise<UpdateRow[]> {
    return manager.query(`${SELECT_UPDATE} WHERE x.initiative_id = $1 ORDER BY x.id DESC`, [id]);
  }

  /** The latest update of each initiative. */
  latestUpdates(ids: number[]): Promise<UpdateRow[]> {
    return this.db.query(`SELECT DISTINCT ON (x.initiative_id) y.* FROM initiative_updates x JOIN (${SELECT_UPDATE}) y ON y.id = x.id WHERE x.initiative_id = ANY($1::int[]) ORDER BY x.initiative_id, x.id DESC`, [ids]);
  }

  async insertUpdate(manager: EntityManager, initiativeId: number, u: { body: string; rag: Rag | null }, by: string): Promise<UpdateRow> {
    const [{ id }] = await manager.query(`INSERT INTO initiative_updates (initiative_id, body, rag, author_id) VALUES ($1, $2, $3, $4) RETURNING id`, [initiativeId, u.body, u.rag, by]);
    const [row] = await manager.query(`${SELECT_UPDATE} WHERE x.id = $1`, [id]);
    return row;
  }

  // followers and participants

  async follow(manager: EntityManager, id: number, userId: string) {
    await manager.query(`INSERT INTO initiative_followers (initiative_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [id, userId]);
  }

  async unfollow(manager: EntityManager, id: number, userId: string) {
    await manager.query(`DELETE FROM initiative_followers WHERE initiative_id = $1 AND user_id = $2`, [id, userId]);
  }

  /** Who hears about updates and finished milestones. */
  async followerIds(slug: string): Promise<string[]> {
    const rows = await this.db.query(`SELECT f.user_id FROM initiative_followers f JOIN initiatives i ON i.id = f.initiative_id WHERE i.slug = $1`, [slug]);
    return rows.map((r: { user_id: string }) => r.user_id);
  }

  /** The participant keeps the organisation they joined with. */
  async join(manager: EntityManager, id: number, userId: string, organisationId: number | null) {
    await manager.query(`INSERT INTO initiative_participants (initiative_id, user_id, organisation_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [id, userId, organisationId]);
  }

  async leave(manager: EntityManager, id: number, userId: string) {
    await manager.query(`DELETE FROM initiative_participants WHERE initiative_id = $1 AND user_id = $2`, [id, userId]);
  }

  participants(id: number, manager: EntityManager = this.db.manager): Promise<ParticipantRow[]> {
    return manager.query(
      `SELECT u.id, u.display_name, p.organisation_id, o.name AS organisation_name, p.joined_at
       FROM initiative_participants p JOIN users u ON u.id = p.user_id LEFT JOIN organisations o ON o.id = p.organisation_id
       WHERE p.initiative_id = $1 ORDER BY p.joined_at`,
      [id],
    );
  }

  async viewer(id: number, userId: string): Promise<{ leader: boolean; following: boolean; participating: boolean }> {
    const [row] = await this.db.query(
      `SELECT EXISTS (SELECT 1 FROM initiative_leaders WHERE initiative_id = $1 AND user_id = $2) AS leader,
              EXISTS (SELECT 1 FROM initiative_followers WHERE initiative_id = $1 AND user_id = $2) AS following,
              EXISTS (SELECT 1 FROM initiative_participants WHERE initiative_id = $1 AND user_id = $2) AS participating`,
      [id, userId],
    );
    return row;
  }
}
