import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { AdoptionStatus, ToolAccess, ToolQuery, ToolStage } from '@commons/domain';
import { likePattern, TRIGRAM_THRESHOLD } from '@commons/domain';
import { prepared, query } from '../database/prepared';
import { toolReadableSql } from './tool-access';

export interface ToolRow {
  id: number;
  slug: string;
  name: string;
  summary: string;
  description: string;
  stage: ToolStage;
  datasets: string[];
  technology: string[];
  licence: string | null;
  repository: string | null;
  documentation: string | null;
  origin_organisation_id: number | null;
  origin_name: string | null;
  access: ToolAccess;
  used_by: number;
  created_at: Date;
  updated_at: Date;
}

/** The editable columns, by their API names. */
export interface ToolFields {
  name: string;
  summary: string;
  description: string;
  stage: ToolStage;
  datasets: string[];
  technology: string[];
  licence: string | null;
  repository: string | null;
  documentation: string | null;
  originOrganisationId: number | null;
  access: ToolAccess;
}

const COLUMN: Record<keyof ToolFields, string> = {
  name: 'name',
  summary: 'summary',
  description: 'description',
  stage: 'stage',
  datasets: 'datasets',
  technology: 'technology',
  licence: 'licence',
  repository: 'repository',
  documentation: 'documentation',
  originOrganisationId: 'origin_organisation_id',
  access: 'access',
};

/** Authorities that use the tool: the "used by N of 153" figure. */
const USED_BY = `(SELECT count(*)::int FROM tool_adoptions a JOIN organisations o ON o.id = a.organisation_id
                  WHERE a.tool_id = t.id AND a.status = 'uses' AND o.kind = 'local_authority')`;

const SELECT_TOOL = `
  SELECT t.id, t.slug, t.name, t.summary, t.description, t.stage, t.datasets, t.technology, t.licence, t.repository,
         t.documentation, t.origin_organisation_id, org.name AS origin_name, t.access, ${USED_BY} AS used_by, t.created_at, t.updated_at
  FROM tools t LEFT JOIN organisations org ON org.id = t.origin_organisation_id`;

export interface PersonRow {
  id: string;
  display_name: string;
}

export interface ReleaseRow {
  id: number;
  version: string;
  notes: string;
  released_on: string;
  published_by: string | null;
  publisher_name: string | null;
  created_at: Date;
}

export interface AdoptionRow {
  organisation_id: number;
  organisation_name: string;
  region: string | null;
  status: AdoptionStatus;
  version: string | null;
  recorded_by: string | null;
  recorder_name: string | null;
  updated_at: Date;
}

/** The tool aggregate: the tool, its maintainers, stage history, releases and adoptions. */
@Injectable()
export class ToolRepository {
  constructor(private readonly db: DataSource) {}

  /** Filtered, ranked (name > summary > description when searching), paginated; local-authority-only tools only for `readsLocalAuthority`. */
  async search(query: ToolQuery, readsLocalAuthority: boolean): Promise<{ rows: ToolRow[]; total: number }> {
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    const where: string[] = [toolReadableSql('t', param(readsLocalAuthority))];
    let order = 't.name ASC';
    if (query.q) {
      const q = param(query.q);
      // The search box's matching (search_titles, migration 1732000000015): full text, inside a word, or a word like one searched for.
      const text = `tool_search_text(t.name, t.slug, t.datasets, t.technology)`;
      where.push(`(t.search @@ websearch_to_tsquery('english', ${q}) OR ${text} ILIKE ${param(likePattern(query.q))} OR word_similarity(${q}, ${text}) >= ${TRIGRAM_THRESHOLD})`);
      order = `ts_rank(t.search, websearch_to_tsquery('english', ${q})) + word_similarity(${q}, t.name) + 0.5 * word_similarity(${q}, ${text}) DESC, t.name ASC`;
    }
    if (query.stage) where.push(`t.stage = ${param(query.stage)}`);
    if (query.dataset) where.push(`t.datasets @> ARRAY[${param(query.dataset)}]::text[]`);
    if (query.technology) where.push(`t.technology @> ARRAY[${param(query.technology)}]::text[]`);
    if (query.region) {
      where.push(`EXISTS (SELECT 1 FROM tool_adoptions a JOIN organisations o ON o.id = a.organisation_id
                          WHERE a.tool_id = t.id AND a.status IN ('uses','pilots') AND o.region = ${param(query.region)})`);
    }
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM tools t ${filter}`, params);
    const rows = await this.db.query(
      `${SELECT_TOOL} ${filter} ORDER BY ${order} LIMIT ${param(query.limit)} OFFSET ${param(query.offset)}`,
      params,
    );
    return { rows, total };
  }

  async facets(readsLocalAuthority: boolean): Promise<{ datasets: string[]; technology: string[] }> {
    const [row] = await this.db.query(
      `SELECT ARRAY(SELECT DISTINCT unnest(datasets) FROM tools t WHERE ${toolReadableSql('t', '$1')} ORDER BY 1) AS datasets,
              ARRAY(SELECT DISTINCT unnest(technology) FROM tools t WHERE ${toolReadableSql('t', '$1')} ORDER BY 1) AS technology`,
      [readsLocalAuthority],
    );
    return row;
  }

  async bySlug(slug: string, manager: EntityManager = this.db.manager): Promise<ToolRow | null> {
    const rows = await manager.query(`${SELECT_TOOL} WHERE t.slug = $1`, [slug]);
    return rows[0] ?? null;
  }

  /** Locks the tool row for the rest of the transaction, so concurrent edits apply one after another. */
  async lock(manager: EntityManager, slug: string): Promise<{ id: number; stage: ToolStage; access: ToolAccess } | null> {
    const rows = await manager.query(`SELECT id, stage, access FROM tools WHERE slug = $1 FOR UPDATE`, [slug]);
    return rows[0] ?? null;
  }

  /** Null when the slug is taken. */
  async insert(manager: EntityManager, slug: string, f: ToolFields, createdBy: string): Promise<number | null> {
    const rows = await manager.query(
      `INSERT INTO tools (slug, name, summary, description, stage, datasets, technology, licence, repository, documentation, origin_organisation_id, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT (slug) DO NOTHING RETURNING id`,
      [slug, f.name, f.summary, f.description, f.stage, f.datasets, f.technology, f.licence, f.repository, f.documentation, f.originOrganisationId, createdBy],
    );
    return rows[0]?.id ?? null;
  }

  async update(manager: EntityManager, id: number, changes: Partial<ToolFields>) {
    const keys = Object.keys(changes) as (keyof ToolFields)[];
    const sets = keys.map((k, i) => `${COLUMN[k]} = $${i + 2}`);
    await manager.query(`UPDATE tools SET ${[...sets, 'updated_at = now()'].join(', ')} WHERE id = $1`, [id, ...keys.map((k) => changes[k])]);
  }

  async recordStage(manager: EntityManager, toolId: number, from: ToolStage | null, to: ToolStage, by: string) {
    const [row] = await manager.query(
      `INSERT INTO tool_stage_history (tool_id, from_stage, to_stage, moved_by) VALUES ($1, $2, $3, $4) RETURNING moved_at`,
      [toolId, from, to, by],
    );
    return row.moved_at as Date;
  }

  stageHistory(toolId: number, manager: EntityManager = this.db.manager): Promise<(PersonRow & { from_stage: ToolStage | null; to_stage: ToolStage; moved_at: Date })[]> {
    return manager.query(
      `SELECT h.from_stage, h.to_stage, h.moved_at, u.id, u.display_name
       FROM tool_stage_history h LEFT JOIN users u ON u.id = h.moved_by WHERE h.tool_id = $1 ORDER BY h.id`,
      [toolId],
    );
  }

  organisationExists(id: number, manager: EntityManager = this.db.manager): Promise<boolean> {
    return manager.query(`SELECT 1 FROM organisations WHERE id = $1`, [id]).then((r: unknown[]) => r.length > 0);
  }

  // maintainers

  maintainers(toolId: number, manager: EntityManager = this.db.manager): Promise<PersonRow[]> {
    return manager.query(
      `SELECT u.id, u.display_name FROM tool_maintainers m JOIN users u ON u.id = m.user_id WHERE m.tool_id = $1 ORDER BY m.added_at, u.display_name`,
      [toolId],
    );
  }

  async isMaintainer(toolId: number, userId: string): Promise<boolean> {
    const rows = await this.db.query(`SELECT 1 FROM tool_maintainers WHERE tool_id = $1 AND user_id = $2`, [toolId, userId]);
    return rows.length > 0;
  }

  async userExists(userId: string): Promise<boolean> {
    return (await this.db.query(`SELECT 1 FROM users WHERE id = $1`, [userId])).length > 0;
  }

  async addMaintainer(manager: EntityManager, toolId: number, userId: string, addedBy: string) {
    await manager.query(`INSERT INTO tool_maintainers (tool_id, user_id, added_by) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [toolId, userId, addedBy]);
  }

  async removeMaintainer(manager: EntityManager, toolId: number, userId: string) {
    await manager.query(`DELETE FROM tool_maintainers WHERE tool_id = $1 AND user_id = $2`, [toolId, userId]);
  }

  // releases

  releases(toolId: number, manager: EntityManager = this.db.manager): Promise<ReleaseRow[]> {
    return manager.query(
      `SELECT r.id, r.version, r.notes, to_char(r.released_on, 'YYYY-MM-DD') AS released_on, r.published_by, u.display_name AS publisher_name, r.created_at
       FROM tool_releases r LEFT JOIN users u ON u.id = r.published_by WHERE r.tool_id = $1`,
      [toolId],
    );
  }

  /** Null when that version exists already. */
  async insertRelease(manager: EntityManager, toolId: number, r: { version: string; notes: string; releasedOn?: string }, by: string): Promise<number | null> {
    const rows = await manager.query(
      `INSERT INTO tool_releases (tool_id, version, notes, released_on, published_by) VALUES ($1, $2, $3, COALESCE($4::date, current_date), $5)
       ON CONFLICT (tool_id, version) DO NOTHING RETURNING id`,
      [toolId, r.version, r.notes, r.releasedOn ?? null, by],
    );
    return rows[0]?.id ?? null;
  }

  // adoption

  adoptions(toolId: number, manager: EntityManager = this.db.manager): Promise<AdoptionRow[]> {
    return manager.query(
      `SELECT a.organisation_id, o.name AS organisation_name, o.region, a.status, a.version, a.recorded_by, u.display_name AS recorder_name, a.updated_at
       FROM tool_adoptions a JOIN organisations o ON o.id = a.organisation_id LEFT JOIN users u ON u.id = a.recorded_by
       WHERE a.tool_id = $1 ORDER BY o.region NULLS LAST, o.name`,
      [toolId],
    );
  }

  /** Per region: how many authorities there are, and how many of them use, pilot, … the tool. */
  adoptionByRegion(toolId: number): Promise<{ region: string; authorities: number; uses: number; pilots: number; interested: number; stopped: number }[]> {
    return this.db.query(
      `SELECT o.region, count(*)::int AS authorities,
              count(*) FILTER (WHERE a.status = 'uses')::int AS uses,
              count(*) FILTER (WHERE a.status = 'pilots')::int AS pilots,
              count(*) FILTER (WHERE a.status = 'interested')::int AS interested,
              count(*) FILTER (WHERE a.status = 'stopped')::int AS stopped
       FROM organisations o LEFT JOIN tool_adoptions a ON a.organisation_id = o.id AND a.tool_id = $1
       WHERE o.kind = 'local_authority' GROUP BY o.region ORDER BY o.region`,
      [toolId],
    );
  }

  /** `version` undefined keeps the recorded version. */
  async upsertAdoption(manager: EntityManager, toolId: number, organisationId: number, status: AdoptionStatus, by: string, version?: string | null) {
    await manager.query(
      `INSERT INTO tool_adoptions (tool_id, organisation_id, status, recorded_by, version) VALUES ($1, $2, $3, $4, $6)
       ON CONFLICT (tool_id, organisation_id) DO UPDATE SET status = $3, recorded_by = $4, updated_at = now(),
         version = CASE WHEN $5 THEN $6 ELSE tool_adoptions.version END`,
      [toolId, organisationId, status, by, version !== undefined, version ?? null],
    );
  }

  organisation(id: number): Promise<{ id: number; name: string; kind: string; region: string | null } | undefined> {
    return this.db.query(`SELECT id, name, kind, region FROM organisations WHERE id = $1`, [id]).then((r: any[]) => r[0]);
  }

  /** The tools an organisation has recorded, with its status for each (local-authority-only ones only for `readsLocalAuthority`). */
  organisationTools(organisationId: number, readsLocalAuthority: boolean): Promise<(ToolRow & { adoption_status: AdoptionStatus; adoption_updated_at: Date })[]> {
    return this.db.query(
      `SELECT x.*, a.status AS adoption_status, a.updated_at AS adoption_updated_at
       FROM tool_adoptions a JOIN (${SELECT_TOOL}) x ON x.id = a.tool_id WHERE a.organisation_id = $1 AND ${toolReadableSql('x', '$2')} ORDER BY x.name`,
      [organisationId, readsLocalAuthority],
    );
  }

  /**
   * Of `userIds`, those who may read what `topic` is about: everyone for anything but a local-authority-only
   * tool (its own topic, or a thread about it). The SQL form of canReadTool per person, for notifications
   * told to many people at once.
   */
  /** The access of the tool `topic` is about (`tool:<slug>`, or `thread:<id>` of a thread on a tool); null for any other topic. */
  async topicAccess(topic: string): Promise<ToolAccess | null> {
    const rows = await query<{ access: ToolAccess }>(this.db.manager, TOPIC_ACCESS, [topic]);
    return rows[0]?.access ?? null;
  }

  async readersOf(topic: string, userIds: string[], manager: EntityManager = this.db.manager): Promise<Set<string>> {
    // Anything but a local-authority-only tool's topic (or its threads') keeps everyone: no read of users.
    const restricted = userIds.length > 0 && /^(tool|thread):/.test(topic) && (await query<{ access: ToolAccess }>(manager, TOPIC_ACCESS, [topic]))[0]?.access === 'local_authority';
    if (!restricted) return new Set(userIds);
    const rows: { id: string }[] = await manager.query(READERS_OF, [userIds]);
    return new Set(rows.map((r) => r.id));
  }
}

/** The tool a topic is about: `tool:<slug>`, or `thread:<id>` of a thread on a tool. */
const TOPIC_TOOL = `(
  SELECT t.access FROM tools t WHERE $1 LIKE 'tool:%' AND t.slug = substr($1, 6)
  UNION ALL
  SELECT t.access FROM threads th JOIN tools t ON t.slug = th.subject_id
  WHERE $1 ~ '^thread:[0-9]+$' AND th.id = substr($1, 8)::bigint AND th.subject_type = 'tool')`;

// Every subscribe to a tool or thread topic asks: prepared once per connection.
const TOPIC_ACCESS = prepared(`SELECT subject.access FROM ${TOPIC_TOOL} subject`);

/**
 * canReadTool's "may read local-authority-only tools" for the person `u` (an alias of users), as now:
 * a verified member of a local authority, a moderator or an admin. For statements about many people.
 */
const readsLocalAuthority = (u: string) => `(${u}.roles && ARRAY['moderator', 'admin']::text[]
    OR EXISTS (SELECT 1 FROM verified_memberships m JOIN organisations o ON o.id = m.organisation_id WHERE m.user_id = ${u}.id AND o.kind = 'local_authority'))`;

/** Of these people, those who may read a local-authority-only tool. */
const READERS_OF = `SELECT u.id FROM users u WHERE u.id = ANY($1::uuid[]) AND ${readsLocalAuthority('u')}`;

/** Whether the person with id `user` (a SQL uuid) may read the tool with id `toolId` (a SQL expression): for the personal-data export. */
export const toolReadableBy = (toolId: string, user: string) =>
  `EXISTS (SELECT 1 FROM tools rt WHERE rt.id = ${toolId} AND (rt.access = 'public' OR EXISTS (SELECT 1 FROM users ru WHERE ru.id = ${user} AND ${readsLocalAuthority('ru')})))`;
