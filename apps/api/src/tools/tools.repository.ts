import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { AdoptionStatus, ToolQuery, ToolStage } from '@commons/domain';

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
};

/** Authorities that use the tool: the "used by N of 153" figure. */
const USED_BY = `(SELECT count(*)::int FROM tool_adoptions a JOIN organisations o ON o.id = a.organisation_id
                  WHERE a.tool_id = t.id AND a.status = 'uses' AND o.kind = 'local_authority')`;

const SELECT_TOOL = `
  SELECT t.id, t.slug, t.name, t.summary, t.description, t.stage, t.datasets, t.technology, t.licence, t.repository,
         t.documentation, t.origin_organisation_id, org.name AS origin_name, ${USED_BY} AS used_by, t.created_at, t.updated_at
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
  recorded_by: string | null;
  recorder_name: string | null;
  updated_at: Date;
}

/** The tool aggregate: the tool, its maintainers, stage history, releases and adoptions. */
@Injectable()
export class ToolRepository {
  constructor(private readonly db: DataSource) {}

  /** Filtered, ranked (name > summary > description when searching), paginated. */
  async search(query: ToolQuery): Promise<{ rows: ToolRow[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    let order = 't.name ASC';
    if (query.q) {
      const q = param(query.q);
      where.push(`t.search @@ websearch_to_tsquery('english', ${q})`);
      order = `ts_rank(t.search, websearch_to_tsquery('english', ${q})) DESC, t.name ASC`;
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

  async facets(): Promise<{ datasets: string[]; technology: string[] }> {
    const [row] = await this.db.query(
      `SELECT ARRAY(SELECT DISTINCT unnest(datasets) FROM tools ORDER BY 1) AS datasets,
              ARRAY(SELECT DISTINCT unnest(technology) FROM tools ORDER BY 1) AS technology`,
    );
    return row;
  }

  async bySlug(slug: string, manager: EntityManager = this.db.manager): Promise<ToolRow | null> {
    const rows = await manager.query(`${SELECT_TOOL} WHERE t.slug = $1`, [slug]);
    return rows[0] ?? null;
  }

  /** Locks the tool row for the rest of the transaction, so concurrent edits apply one after another. */
  async lock(manager: EntityManager, slug: string): Promise<{ id: number; stage: ToolStage } | null> {
    const rows = await manager.query(`SELECT id, stage FROM tools WHERE slug = $1 FOR UPDATE`, [slug]);
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
      `SELECT a.organisation_id, o.name AS organisation_name, o.region, a.status, a.recorded_by, u.display_name AS recorder_name, a.updated_at
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

  async upsertAdoption(manager: EntityManager, toolId: number, organisationId: number, status: AdoptionStatus, by: string) {
    await manager.query(
      `INSERT INTO tool_adoptions (tool_id, organisation_id, status, recorded_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (tool_id, organisation_id) DO UPDATE SET status = $3, recorded_by = $4, updated_at = now()`,
      [toolId, organisationId, status, by],
    );
  }

  organisation(id: number): Promise<{ id: number; name: string; kind: string; region: string | null } | undefined> {
    return this.db.query(`SELECT id, name, kind, region FROM organisations WHERE id = $1`, [id]).then((r: any[]) => r[0]);
  }

  /** The tools an organisation has recorded, with its status for each. */
  organisationTools(organisationId: number): Promise<(ToolRow & { adoption_status: AdoptionStatus; adoption_updated_at: Date })[]> {
    return this.db.query(
      `SELECT x.*, a.status AS adoption_status, a.updated_at AS adoption_updated_at
       FROM tool_adoptions a JOIN (${SELECT_TOOL}) x ON x.id = a.tool_id WHERE a.organisation_id = $1 ORDER BY x.name`,
      [organisationId],
    );
  }
}
