import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { IdeaKind, IdeaQuery, IdeaStatus } from '@commons/domain';
import { query } from '../database/prepared';

export interface IdeaRow {
  id: number;
  kind: IdeaKind;
  title: string;
  body: string;
  status: IdeaStatus;
  decline_reason: string | null;
  link_type: 'tool' | 'initiative' | 'thread' | null;
  link_id: string | null;
  author_id: string | null;
  author_name: string | null;
  authorities: number;
  regions: number;
  created_at: Date;
  updated_at: Date;
}

export interface BackerRow {
  organisation_id: number;
  name: string;
  region: string | null;
  created_at: Date;
}

const BACKING = `
  (SELECT count(*)::int FROM idea_backings b WHERE b.idea_id = i.id) AS authorities,
  (SELECT count(DISTINCT o.region)::int FROM idea_backings b JOIN organisations o ON o.id = b.organisation_id WHERE b.idea_id = i.id) AS regions`;
const SELECT_IDEA = `SELECT i.id, i.kind, i.title, i.body, i.status, i.decline_reason, i.link_type, i.link_id, i.author_id, u.display_name AS author_name,
  ${BACKING}, i.created_at, i.updated_at FROM ideas i LEFT JOIN users u ON u.id = i.author_id`;

const LIST = {
  backing: `${SELECT_IDEA} WHERE ($1::text IS NULL OR i.status = $1) ORDER BY authorities DESC, i.created_at DESC, i.id DESC LIMIT $2 OFFSET $3`,
  recent: `${SELECT_IDEA} WHERE ($1::text IS NULL OR i.status = $1) ORDER BY i.created_at DESC, i.id DESC LIMIT $2 OFFSET $3`,
};

@Injectable()
export class IdeaRepository {
  constructor(private readonly db: DataSource) {}

  async list(q: IdeaQuery): Promise<{ rows: IdeaRow[]; total: number }> {
    const params = [q.status ?? null, q.limit, q.offset];
    const [rows, [{ total }]] = await Promise.all([
      query<IdeaRow>(this.db.manager, LIST[q.sort], params),
      query<{ total: number }>(this.db.manager, `SELECT count(*)::int AS total FROM ideas WHERE ($1::text IS NULL OR status = $1)`, [q.status ?? null]),
    ]);
    return { rows, total };
  }

  async get(id: number, manager: EntityManager = this.db.manager): Promise<IdeaRow | null> {
    return (await query<IdeaRow>(manager, `${SELECT_IDEA} WHERE i.id = $1`, [id]))[0] ?? null;
  }

  async lock(manager: EntityManager, id: number): Promise<{ status: IdeaStatus } | null> {
    return (await query<{ status: IdeaStatus }>(manager, `SELECT status FROM ideas WHERE id = $1 FOR UPDATE`, [id]))[0] ?? null;
  }

  async insert(manager: EntityManager, idea: { kind: IdeaKind; title: string; body: string; authorId: string }): Promise<number> {
    const [row] = await query<{ id: number }>(manager, `INSERT INTO ideas (kind, title, body, author_id) VALUES ($1, $2, $3, $4) RETURNING id`, [
      idea.kind, idea.title, idea.body, idea.authorId,
    ]);
    return row.id;
  }

  async update(manager: EntityManager, id: number, patch: { status?: IdeaStatus; reason?: string | null; link?: { type: string; id: string } | null }) {
    await manager.query(
      `UPDATE ideas SET status = COALESCE($2, status),
              decline_reason = CASE WHEN $2 IS NULL THEN decline_reason WHEN $2 = 'declined' THEN $3 ELSE NULL END,
              link_type = CASE WHEN $4 THEN $5 ELSE link_type END, link_id = CASE WHEN $4 THEN $6 ELSE link_id END,
              updated_at = now()
       WHERE id = $1`,
      [id, patch.status ?? null, patch.reason ?? null, patch.link !== undefined, patch.link?.type ?? null, patch.link?.id ?? null],
    );
  }

  backers(id: number, manager: EntityManager = this.db.manager) {
    return query<BackerRow>(
      manager,
      `SELECT b.organisation_id, o.name, o.region, b.created_at FROM idea_backings b JOIN organisations o ON o.id = b.organisation_id
       WHERE b.idea_id = $1 ORDER BY o.region NULLS LAST, o.name`,
      [id],
    );
  }

  /** True when this call added the authority's backing (false: it backed it already). */
  async back(manager: EntityManager, id: number, organisationId: number, userId: string): Promise<boolean> {
    const rows = await manager.query(
      `INSERT INTO idea_backings (idea_id, organisation_id, user_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING idea_id`,
      [id, organisationId, userId],
    );
    return rows.length > 0;
  }

  async withdraw(manager: EntityManager, id: number, organisationId: number): Promise<boolean> {
    const rows = await manager.query(`DELETE FROM idea_backings WHERE idea_id = $1 AND organisation_id = $2 RETURNING idea_id`, [id, organisationId]);
    return rows.length > 0;
  }

  async backing(manager: EntityManager, id: number): Promise<{ authorities: number; regions: number }> {
    const [row] = await query<{ authorities: number; regions: number }>(manager, `SELECT ${BACKING} FROM (SELECT $1::int AS id) i`, [id]);
    return row;
  }

  /** Whether what an idea links to exists. */
  async linkExists(type: 'tool' | 'initiative' | 'thread', id: string): Promise<boolean> {
    const sql = {
      tool: `SELECT 1 FROM tools WHERE slug = $1`,
      initiative: `SELECT 1 FROM initiatives WHERE slug = $1`,
      thread: `SELECT 1 FROM threads WHERE id::text = $1`,
    }[type];
    return (await this.db.query(sql, [id])).length > 0;
  }
}
