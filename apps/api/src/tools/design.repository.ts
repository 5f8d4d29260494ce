import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

export interface SectionRow {
  key: string;
  title: string;
  body: string;
  revision: number;
  updated_by: string | null;
  editor_name: string | null;
  updated_at: Date | null;
}

export interface RevisionRow {
  revision: number;
  body: string;
  author_id: string | null;
  author_name: string | null;
  created_at: Date;
}

const SELECT_SECTION = `
  SELECT s.key, s.title, s.body, s.revision, s.updated_by, u.display_name AS editor_name, s.updated_at
  FROM tool_design_sections s LEFT JOIN users u ON u.id = s.updated_by`;

/** A tool's design document: its sections and every revision of each. */
@Injectable()
export class DesignRepository {
  constructor(private readonly db: DataSource) {}

  sections(toolId: number): Promise<SectionRow[]> {
    return this.db.query(`${SELECT_SECTION} WHERE s.tool_id = $1 ORDER BY s.position, s.key`, [toolId]);
  }

  async section(toolId: number, key: string, manager: EntityManager = this.db.manager): Promise<SectionRow | null> {
    const rows = await manager.query(`${SELECT_SECTION} WHERE s.tool_id = $1 AND s.key = $2`, [toolId, key]);
    return rows[0] ?? null;
  }

  /** One statement for all the sections a new tool starts with. */
  async insertDefaults(manager: EntityManager, toolId: number, sections: readonly { key: string; title: string }[]) {
    await manager.query(
      `INSERT INTO tool_design_sections (tool_id, key, title, position)
       SELECT $1, s.key, s.title, s.position FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS s(key, title, position)`,
      [toolId, sections.map((s) => s.key), sections.map((s) => s.title)],
    );
  }

  /** False when the key exists already. */
  async add(manager: EntityManager, toolId: number, key: string, title: string): Promise<boolean> {
    const rows = await manager.query(
      `INSERT INTO tool_design_sections (tool_id, key, title, position)
       SELECT $1, $2, $3, COALESCE(max(position), 0) + 1 FROM tool_design_sections WHERE tool_id = $1
       ON CONFLICT (tool_id, key) DO NOTHING RETURNING key`,
      [toolId, key, title],
    );
    return rows.length > 0;
  }

  /**
   * Saves `body` as the next revision only if the section is still at `baseRevision`; the conditional
   * UPDATE is the check, so two concurrent saves from the same base cannot both win. Null when stale.
   */
  async save(manager: EntityManager, toolId: number, key: string, body: string, baseRevision: number, authorId: string): Promise<number | null> {
    const rows = await manager.query(
      `UPDATE tool_design_sections SET body = $3, revision = revision + 1, updated_by = $5, updated_at = now()
       WHERE tool_id = $1 AND key = $2 AND revision = $4 RETURNING revision`,
      [toolId, key, body, baseRevision, authorId],
    );
    // TypeORM answers an UPDATE with [rows, rowCount].
    const [updated] = rows[0] as { revision: number }[];
    if (!updated) return null;
    const revision = Number(updated.revision);
    await manager.query(`INSERT INTO tool_design_revisions (tool_id, key, revision, body, author_id) VALUES ($1, $2, $3, $4, $5)`, [toolId, key, revision, body, authorId]);
    return revision;
  }

  revisions(toolId: number, key: string, numbers?: number[]): Promise<RevisionRow[]> {
    return this.db.query(
      `SELECT r.revision, r.body, r.author_id, u.display_name AS author_name, r.created_at
       FROM tool_design_revisions r LEFT JOIN users u ON u.id = r.author_id
       WHERE r.tool_id = $1 AND r.key = $2 AND ($3::int[] IS NULL OR r.revision = ANY($3)) ORDER BY r.revision DESC`,
      [toolId, key, numbers ?? null],
    );
  }
}
