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
  held_at: Date | null;
}

export interface RevisionRow {
  revision: number;
  body: string;
  author_id: string | null;
  author_name: string | null;
  created_at: Date;
  name: string | null;
}

export interface CommentRow {
  id: string;
  key: string;
  parent_id: string | null;
  author_id: string | null;
  author_name: string | null;
  body: string;
  quote: string;
  anchor: { start: string; end: string } | null;
  resolved_at: Date | null;
  created_at: Date;
}

const SELECT_SECTION = `
  SELECT s.key, s.title, s.body, s.revision, s.updated_by, u.display_name AS editor_name, s.updated_at, s.held_at
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
      `SELECT r.revision, r.body, r.author_id, u.display_name AS author_name, r.created_at, r.name
       FROM tool_design_revisions r LEFT JOIN users u ON u.id = r.author_id
       WHERE r.tool_id = $1 AND r.key = $2 AND ($3::int[] IS NULL OR r.revision = ANY($3)) ORDER BY r.revision DESC`,
      [toolId, key, numbers ?? null],
    );
  }

  /** The section's row, locked until the transaction ends: versions of one section are made one at a time. */
  async lock(manager: EntityManager, toolId: number, key: string): Promise<{ body: string; revision: number; held_at: Date | null } | null> {
    const rows = await manager.query(`SELECT body, revision, held_at FROM tool_design_sections WHERE tool_id = $1 AND key = $2 FOR UPDATE`, [toolId, key]);
    return rows[0] ?? null;
  }

  /** Saves `body` as the next revision (the row is locked by the caller); `name` for a named version. */
  async version(manager: EntityManager, toolId: number, key: string, body: string, authorId: string | null, name: string | null): Promise<number> {
    const [[row]] = await manager.query(
      `UPDATE tool_design_sections SET body = $3, revision = revision + 1, updated_by = $4, updated_at = now()
       WHERE tool_id = $1 AND key = $2 RETURNING revision`,
      [toolId, key, body, authorId],
    );
    const revision = Number(row.revision);
    await manager.query(`INSERT INTO tool_design_revisions (tool_id, key, revision, body, author_id, name) VALUES ($1, $2, $3, $4, $5, $6)`, [toolId, key, revision, body, authorId, name]);
    return revision;
  }

  async nameRevision(manager: EntityManager, toolId: number, key: string, revision: number, name: string) {
    await manager.query(`UPDATE tool_design_revisions SET name = $4 WHERE tool_id = $1 AND key = $2 AND revision = $3`, [toolId, key, revision, name]);
  }

  /** Held: hidden from readers until a moderator clears it. A section already held stays held as it was. */
  async hold(manager: EntityManager, toolId: number, key: string, kinds: string[]) {
    await manager.query(`UPDATE tool_design_sections SET held_at = coalesce(held_at, now()), held_kinds = $3 WHERE tool_id = $1 AND key = $2`, [toolId, key, kinds]);
  }

  /** False when the section was not held. */
  async clear(manager: EntityManager, toolId: number, key: string, moderatorId: string): Promise<boolean> {
    const [rows] = await manager.query(
      `UPDATE tool_design_sections SET held_at = NULL, held_kinds = '{}', cleared_by = $3, cleared_at = now()
       WHERE tool_id = $1 AND key = $2 AND held_at IS NOT NULL RETURNING key`,
      [toolId, key, moderatorId],
    );
    return rows.length > 0;
  }

  comments(toolId: number, key: string | null, id?: number): Promise<CommentRow[]> {
    return this.db.query(
      `SELECT c.id, c.key, c.parent_id, c.author_id, u.display_name AS author_name, c.body, c.quote, c.anchor, c.resolved_at, c.created_at
       FROM tool_design_comments c LEFT JOIN users u ON u.id = c.author_id
       WHERE c.tool_id = $1 AND ($2::text IS NULL OR c.key = $2) AND ($3::bigint IS NULL OR c.id = $3) ORDER BY c.id`,
      [toolId, key, id ?? null],
    );
  }

  async addComment(toolId: number, key: string, authorId: string, c: { body: string; quote: string; anchor: unknown; parentId: number | null }): Promise<number | null> {
    // A reply must answer a comment of the same section.
    const rows = await this.db.query(
      `INSERT INTO tool_design_comments (tool_id, key, parent_id, author_id, body, quote, anchor)
       SELECT $1, $2, $3, $4, $5, $6, $7 WHERE $3::bigint IS NULL OR EXISTS (SELECT 1 FROM tool_design_comments WHERE id = $3 AND tool_id = $1 AND key = $2)
       RETURNING id`,
      [toolId, key, c.parentId, authorId, c.body, c.quote, c.anchor === null ? null : JSON.stringify(c.anchor)],
    );
    return rows[0] ? Number(rows[0].id) : null;
  }

  async resolveComment(toolId: number, key: string, id: number, userId: string, resolved: boolean): Promise<boolean> {
    const [rows] = await this.db.query(
      `UPDATE tool_design_comments SET resolved_at = CASE WHEN $5 THEN now() END, resolved_by = CASE WHEN $5 THEN $4::uuid END
       WHERE tool_id = $1 AND key = $2 AND id = $3 RETURNING id`,
      [toolId, key, id, userId, resolved],
    );
    return rows.length > 0;
  }

  /** Every held section, oldest first: the moderators' list. */
  held(): Promise<{ slug: string; tool_name: string; key: string; title: string; held_at: Date; held_kinds: string[] }[]> {
    return this.db.query(
      `SELECT t.slug, t.name AS tool_name, s.key, s.title, s.held_at, s.held_kinds
       FROM tool_design_sections s JOIN tools t ON t.id = s.tool_id WHERE s.held_at IS NOT NULL ORDER BY s.held_at, t.slug, s.key`,
    );
  }
}
