import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { query } from '../database/prepared';
import { toolReadableSql } from '../tools/tool-access';

export interface GuideRow {
  id: number;
  slug: string;
  title: string;
  summary: string;
  body: string;
  revision: number;
  owner_id: string | null;
  owner_name: string | null;
  last_reviewed_on: string;
  source_thread_id: string | null;
  source_thread_title: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface RevisionRow {
  revision: number;
  title: string;
  author_id: string | null;
  author_name: string | null;
  created_at: Date;
}

export interface LinkRow {
  subject_type: 'tool' | 'initiative';
  subject_id: string;
  name: string;
}

const SELECT_GUIDE = `
  SELECT g.id, g.slug, g.title, g.summary, g.body, g.revision, g.owner_id, u.display_name AS owner_name,
         g.last_reviewed_on::text, g.source_thread_id::text, th.title AS source_thread_title, g.created_at, g.updated_at
  FROM guides g LEFT JOIN users u ON u.id = g.owner_id LEFT JOIN threads th ON th.id = g.source_thread_id`;

// $1 tool slug, $2 initiative slug (either may be null).
const LIST = `${SELECT_GUIDE}
  WHERE ($1::text IS NULL OR EXISTS (SELECT 1 FROM guide_links l WHERE l.guide_id = g.id AND l.subject_type = 'tool' AND l.subject_id = $1))
    AND ($2::text IS NULL OR EXISTS (SELECT 1 FROM guide_links l WHERE l.guide_id = g.id AND l.subject_type = 'initiative' AND l.subject_id = $2))
  ORDER BY g.title`;

@Injectable()
export class GuideRepository {
  constructor(private readonly db: DataSource) {}

  list(filter: { tool?: string; initiative?: string }) {
    return query<GuideRow>(this.db.manager, LIST, [filter.tool ?? null, filter.initiative ?? null]);
  }

  async bySlug(slug: string, manager: EntityManager = this.db.manager): Promise<GuideRow | null> {
    return (await query<GuideRow>(manager, `${SELECT_GUIDE} WHERE g.slug = $1`, [slug]))[0] ?? null;
  }

  async lock(manager: EntityManager, slug: string): Promise<{ id: number; revision: number; owner_id: string | null } | null> {
    return (await query<{ id: number; revision: number; owner_id: string | null }>(manager, `SELECT id, revision, owner_id FROM guides WHERE slug = $1 FOR UPDATE`, [slug]))[0] ?? null;
  }

  /** Null when the slug is taken. */
  async insert(manager: EntityManager, g: { slug: string; title: string; summary: string; body: string; ownerId: string; sourceThreadId: number | null }): Promise<number | null> {
    const rows = await query<{ id: number }>(
      manager,
      `INSERT INTO guides (slug, title, summary, body, owner_id, source_thread_id) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (slug) DO NOTHING RETURNING id`,
      [g.slug, g.title, g.summary, g.body, g.ownerId, g.sourceThreadId],
    );
    if (!rows.length) return null;
    await manager.query(`INSERT INTO guide_revisions (guide_id, revision, title, body, author_id) VALUES ($1, 1, $2, $3, $4)`, [rows[0].id, g.title, g.body, g.ownerId]);
    return rows[0].id;
  }

  /** Saves the new text as the next revision. */
  async update(manager: EntityManager, id: number, revision: number, g: { title: string; summary: string; body: string }, authorId: string) {
    await manager.query(`UPDATE guides SET title = $2, summary = $3, body = $4, revision = $5, updated_at = now() WHERE id = $1`, [id, g.title, g.summary, g.body, revision]);
    await manager.query(`INSERT INTO guide_revisions (guide_id, revision, title, body, author_id) VALUES ($1, $2, $3, $4, $5)`, [id, revision, g.title, g.body, authorId]);
  }

  async reviewed(id: number) {
    await this.db.query(`UPDATE guides SET last_reviewed_on = current_date WHERE id = $1`, [id]);
  }

  async setLinks(manager: EntityManager, id: number, links: { type: string; id: string }[]) {
    await manager.query(`DELETE FROM guide_links WHERE guide_id = $1`, [id]);
    if (links.length) {
      await manager.query(`INSERT INTO guide_links (guide_id, subject_type, subject_id) SELECT $1, * FROM unnest($2::text[], $3::text[]) ON CONFLICT DO NOTHING`, [
        id, links.map((l) => l.type), links.map((l) => l.id),
      ]);
    }
  }

  /** Links with the name of what they point to; links to tools the reader may not read are left out. */
  links(id: number, readsLocalAuthorityTools: boolean) {
    return query<LinkRow>(
      this.db.manager,
      `SELECT l.subject_type, l.subject_id, COALESCE(t.name, i.title) AS name FROM guide_links l
       LEFT JOIN tools t ON l.subject_type = 'tool' AND t.slug = l.subject_id
       LEFT JOIN initiatives i ON l.subject_type = 'initiative' AND i.slug = l.subject_id
       WHERE l.guide_id = $1 AND COALESCE(t.name, i.title) IS NOT NULL AND (t.id IS NULL OR ${toolReadableSql('t', '$2')})
       ORDER BY l.subject_type DESC, name`,
      [id, readsLocalAuthorityTools],
    );
  }

  revisions(id: number) {
    return query<RevisionRow>(
      this.db.manager,
      `SELECT r.revision, r.title, r.author_id, u.display_name AS author_name, r.created_at FROM guide_revisions r LEFT JOIN users u ON u.id = r.author_id
       WHERE r.guide_id = $1 ORDER BY r.revision DESC`,
      [id],
    );
  }

  /** The subjects that exist among these (links to nothing are refused). */
  async existing(links: { type: string; id: string }[]): Promise<Set<string>> {
    if (!links.length) return new Set();
    const rows = await query<{ key: string }>(
      this.db.manager,
      `SELECT 'tool:' || slug AS key FROM tools WHERE slug = ANY($1) UNION SELECT 'initiative:' || slug FROM initiatives WHERE slug = ANY($2)`,
      [links.filter((l) => l.type === 'tool').map((l) => l.id), links.filter((l) => l.type === 'initiative').map((l) => l.id)],
    );
    return new Set(rows.map((r) => r.key));
  }

  /** Whether the person advises: maintains a tool or leads an initiative. */
  async advises(userId: string): Promise<boolean> {
    const rows = await this.db.query(
      `SELECT 1 FROM tool_maintainers WHERE user_id = $1 UNION ALL SELECT 1 FROM initiative_leaders WHERE user_id = $1 LIMIT 1`,
      [userId],
    );
    return rows.length > 0;
  }

  async maintains(userId: string, toolSlug: string): Promise<boolean> {
    const rows = await this.db.query(`SELECT 1 FROM tool_maintainers m JOIN tools t ON t.id = m.tool_id WHERE t.slug = $1 AND m.user_id = $2`, [toolSlug, userId]);
    return rows.length > 0;
  }

  /** A thread with its subject, question and accepted answer (visible messages only). */
  async thread(id: number): Promise<{ id: number; title: string; subject_type: string; subject_id: string | null; question: string | null; answer: string | null; tool_access: string | null } | null> {
    const rows = await this.db.query(
      `SELECT th.id, th.title, th.subject_type, th.subject_id, t.access AS tool_access,
              (SELECT m.body FROM messages m WHERE m.thread_id = th.id AND m.state = 'visible' ORDER BY m.seq LIMIT 1) AS question,
              (SELECT m.body FROM messages m WHERE m.id = th.accepted_message_id AND m.state = 'visible') AS answer
       FROM threads th LEFT JOIN tools t ON th.subject_type = 'tool' AND t.slug = th.subject_id WHERE th.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }
}
