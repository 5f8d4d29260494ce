import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { query } from '../database/prepared';

export type TargetType = 'idea' | 'milestone' | 'release';

/** The work an answer points to, with where it lives and whether it is done. */
export interface TargetRow {
  title: string;
  url: string;
  done: boolean;
  tool_slug: string | null;
  initiative_slug: string | null;
}

export interface AnswerRow {
  id: number;
  source_type: 'feedback' | 'thread';
  source_id: string;
  asked_text: string;
  asked_url: string | null;
  target_type: TargetType;
  target_id: number;
  target_title: string;
  target_url: string;
  target_done: boolean;
  linked_at: Date;
  told_at: Date | null;
}

const TARGET: Record<TargetType, string> = {
  idea: `SELECT i.title, '/ideas/' || i.id AS url, i.status = 'delivered' AS done,
                CASE WHEN i.link_type = 'tool' THEN i.link_id END AS tool_slug, CASE WHEN i.link_type = 'initiative' THEN i.link_id END AS initiative_slug
         FROM ideas i WHERE i.id = $1`,
  milestone: `SELECT m.title || ' (' || n.title || ')' AS title, '/initiatives/' || n.slug AS url, m.done_at IS NOT NULL AS done, NULL AS tool_slug, n.slug AS initiative_slug
              FROM initiative_milestones m JOIN initiatives n ON n.id = m.initiative_id WHERE m.id = $1`,
  release: `SELECT t.name || ' ' || r.version AS title, '/tools/' || t.slug AS url, true AS done, t.slug AS tool_slug, NULL AS initiative_slug
            FROM tool_releases r JOIN tools t ON t.id = r.tool_id WHERE r.id = $1`,
};

/**
 * Answers with what was asked and what answered it, for a tool's or an initiative's page. Feedback shows
 * only once published (its redacted text where redacted); a thread by its title.
 */
const LIST = `
  SELECT a.id, a.source_type, a.source_id::text, a.target_type, a.target_id, a.linked_at, a.told_at,
         CASE a.source_type WHEN 'thread' THEN th.title
              ELSE CASE WHEN f.status = 'redacted' THEN COALESCE(f.redacted_summary, f.summary) WHEN f.status = 'published' THEN f.summary ELSE 'Page feedback (not published)' END END AS asked_text,
         CASE a.source_type WHEN 'thread' THEN '/threads/' || th.id ELSE f.page END AS asked_url,
         COALESCE(i.title, m.title || ' (' || n.title || ')', t.name || ' ' || r.version) AS target_title,
         COALESCE('/ideas/' || i.id, '/initiatives/' || n.slug, '/tools/' || t.slug) AS target_url,
         CASE a.target_type WHEN 'idea' THEN i.status = 'delivered' WHEN 'milestone' THEN m.done_at IS NOT NULL ELSE r.id IS NOT NULL END AS target_done
  FROM answers a
  LEFT JOIN threads th ON a.source_type = 'thread' AND th.id = a.source_id
  LEFT JOIN feedback f ON a.source_type = 'feedback' AND f.id = a.source_id
  LEFT JOIN ideas i ON a.target_type = 'idea' AND i.id = a.target_id
  LEFT JOIN initiative_milestones m ON a.target_type = 'milestone' AND m.id = a.target_id
  LEFT JOIN initiatives n ON n.id = m.initiative_id
  LEFT JOIN tool_releases r ON a.target_type = 'release' AND r.id = a.target_id
  LEFT JOIN tools t ON t.id = r.tool_id
  WHERE ($1::text IS NULL OR t.slug = $1 OR (i.link_type = 'tool' AND i.link_id = $1)
         OR (th.subject_type = 'tool' AND th.subject_id = $1) OR f.page = '/tools/' || $1)
    AND ($2::text IS NULL OR n.slug = $2 OR (i.link_type = 'initiative' AND i.link_id = $2)
         OR (th.subject_type = 'initiative' AND th.subject_id = $2) OR f.page = '/initiatives/' || $2)
  ORDER BY a.linked_at DESC LIMIT 100`;

@Injectable()
export class AnswerRepository {
  constructor(private readonly db: DataSource) {}

  async target(type: TargetType, id: number, manager: EntityManager = this.db.manager): Promise<TargetRow | null> {
    return (await query<TargetRow>(manager, TARGET[type], [id]))[0] ?? null;
  }

  async sourceExists(type: 'feedback' | 'thread', id: number): Promise<boolean> {
    const rows = await this.db.query(type === 'feedback' ? `SELECT 1 FROM feedback WHERE id = $1 AND status <> 'spam'` : `SELECT 1 FROM threads WHERE id = $1`, [id]);
    return rows.length > 0;
  }

  /** Null when the same link exists already. */
  async insert(manager: EntityManager, a: { sourceType: string; sourceId: number; targetType: TargetType; targetId: number; by: string }): Promise<number | null> {
    const rows = await query<{ id: number }>(
      manager,
      `INSERT INTO answers (source_type, source_id, target_type, target_id, linked_by) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING id`,
      [a.sourceType, a.sourceId, a.targetType, a.targetId, a.by],
    );
    return rows[0]?.id ?? null;
  }

  /** Marks the untold answers to this work told, in the caller's transaction; their ids (told once, whoever commits first). */
  async close(manager: EntityManager, type: TargetType, id: number, only?: number): Promise<number[]> {
    const rows = await query<{ id: number }>(
      manager,
      `UPDATE answers SET told_at = now() WHERE target_type = $1 AND target_id = $2 AND told_at IS NULL AND ($3::int IS NULL OR id = $3) RETURNING id`,
      [type, id, only ?? null],
    );
    return rows.map((r) => r.id);
  }

  /** The newest ideas, milestones and releases (public tools only), at most 50 of each, for the picker. */
  targets() {
    return query<{ type: TargetType; id: number; title: string; done: boolean }>(
      this.db.manager,
      `(SELECT 'idea' AS type, id, title, status = 'delivered' AS done FROM ideas ORDER BY created_at DESC LIMIT 50)
       UNION ALL (SELECT 'milestone', m.id, m.title || ' (' || n.title || ')', m.done_at IS NOT NULL FROM initiative_milestones m JOIN initiatives n ON n.id = m.initiative_id ORDER BY m.created_at DESC LIMIT 50)
       UNION ALL (SELECT 'release', r.id, t.name || ' ' || r.version, true FROM tool_releases r JOIN tools t ON t.id = r.tool_id WHERE t.access = 'public' ORDER BY r.created_at DESC LIMIT 50)`,
    );
  }

  list(filter: { tool?: string; initiative?: string }) {
    return query<AnswerRow>(this.db.manager, LIST, [filter.tool ?? null, filter.initiative ?? null]);
  }

  /** Whether the person maintains the tool or leads the initiative the work belongs to. */
  async owns(userId: string, target: TargetRow): Promise<boolean> {
    const rows = await this.db.query(
      `SELECT 1 FROM tool_maintainers tm JOIN tools t ON t.id = tm.tool_id WHERE t.slug = $2 AND tm.user_id = $1
       UNION ALL SELECT 1 FROM initiative_leaders l JOIN initiatives n ON n.id = l.initiative_id WHERE n.slug = $3 AND l.user_id = $1`,
      [userId, target.tool_slug, target.initiative_slug],
    );
    return rows.length > 0;
  }
}
