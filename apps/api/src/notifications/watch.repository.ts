import { Injectable } from '@nestjs/common';
import type { WatchLevel, WatchSubjectType } from '@commons/domain';
import { DataSource, EntityManager } from 'typeorm';
import { prepared, query } from '../database/prepared';

/**
 * Where a notification comes from: a thread (and with it the tool or initiative it is on), a tool, an
 * initiative.
 */
export type WatchContext = { threadId: number } | { toolSlug: string } | { initiativeSlug: string };

export interface WatchRow {
  subject_type: WatchSubjectType;
  subject_id: string;
  level: WatchLevel;
  reason: 'chosen' | 'author' | 'leader' | 'maintainer' | 'follower';
  title: string;
}

/**
 * Watches: explicit choices in `watches`, and the defaults nobody has to choose — a thread's author, a
 * tool's maintainers and an initiative's followers (leaders follow what they lead) watch them.
 */
@Injectable()
export class WatchRepository {
  constructor(private readonly db: DataSource) {}

  /**
   * Everyone whose level here is not plain normal, with that level. The first source wins: a choice
   * on the thread, its author, following the initiative, a choice on the tool or initiative, maintaining
   * the tool. So muting a tool mutes its threads, unless a thread was chosen otherwise. A thread's tool
   * or initiative is looked up in the same statement (a fan-out per message runs this).
   */
  async levels(ctx: WatchContext, manager: EntityManager = this.db.manager): Promise<Map<string, WatchLevel>> {
    const rows = await query<{ user_id: string; level: WatchLevel }>(manager,
      prepared(`WITH ctx AS (
         SELECT coalesce($2, (SELECT subject_id FROM threads WHERE id = $1::bigint AND subject_type = 'tool')) AS tool,
                coalesce($3, (SELECT subject_id FROM threads WHERE id = $1::bigint AND subject_type = 'initiative')) AS initiative)
       SELECT DISTINCT ON (user_id) user_id, level FROM (
         SELECT user_id, level, 1 AS p FROM watches WHERE subject_type = 'thread' AND subject_id = $1::text
         UNION ALL SELECT author_id, 'watching', 2 FROM threads WHERE id = $1::bigint
         UNION ALL SELECT f.user_id, 'watching', 3 FROM initiative_followers f JOIN initiatives i ON i.id = f.initiative_id JOIN ctx ON i.slug = ctx.initiative
         UNION ALL SELECT w.user_id, w.level, 4 FROM watches w, ctx WHERE (w.subject_type = 'tool' AND w.subject_id = ctx.tool) OR (w.subject_type = 'initiative' AND w.subject_id = ctx.initiative)
         UNION ALL SELECT m.user_id, 'watching', 5 FROM tool_maintainers m JOIN tools t ON t.id = m.tool_id JOIN ctx ON t.slug = ctx.tool
       ) x ORDER BY user_id, p`),
      ['threadId' in ctx ? ctx.threadId : null, 'toolSlug' in ctx ? ctx.toolSlug : null, 'initiativeSlug' in ctx ? ctx.initiativeSlug : null],
    );
    return new Map(rows.filter((r) => r.level !== 'normal').map((r) => [r.user_id, r.level]));
  }

  /** The subject's title and whether it exists. */
  async subject(type: WatchSubjectType, id: string): Promise<{ title: string } | null> {
    const sql = {
      tool: `SELECT name AS title FROM tools WHERE slug = $1`,
      initiative: `SELECT title FROM initiatives WHERE slug = $1`,
      thread: `SELECT title FROM threads WHERE id = $1::bigint`,
    }[type];
    if (type === 'thread' && !/^[1-9][0-9]{0,17}$/.test(id)) return null;
    const rows = await this.db.query(sql, [id]);
    return rows[0] ?? null;
  }

  async set(manager: EntityManager, userId: string, type: WatchSubjectType, id: string, level: WatchLevel | null) {
    if (level === null) {
      await manager.query(`DELETE FROM watches WHERE subject_type = $1 AND subject_id = $2 AND user_id = $3`, [type, id, userId]);
      return;
    }
    await manager.query(
      `INSERT INTO watches (subject_type, subject_id, user_id, level) VALUES ($1, $2, $3, $4)
       ON CONFLICT (subject_type, subject_id, user_id) DO UPDATE SET level = EXCLUDED.level, updated_at = now()`,
      [type, id, userId, level],
    );
  }

  /** Everything the user watches or has muted, chosen or by default, newest choice first. */
  async forUser(userId: string, subject?: { type: WatchSubjectType; id: string }): Promise<WatchRow[]> {
    return this.db.query(
      `SELECT DISTINCT ON (subject_type, subject_id) subject_type, subject_id, level, reason, title FROM (
         SELECT w.subject_type, w.subject_id, w.level, 'chosen' AS reason, 1 AS p, w.updated_at AS at,
                coalesce(t.name, i.title, th.title) AS title
           FROM watches w
           LEFT JOIN tools t ON w.subject_type = 'tool' AND t.slug = w.subject_id
           LEFT JOIN initiatives i ON w.subject_type = 'initiative' AND i.slug = w.subject_id
           LEFT JOIN threads th ON w.subject_type = 'thread' AND th.id::text = w.subject_id
          WHERE w.user_id = $1
         UNION ALL SELECT 'initiative', i.slug, 'watching',
                CASE WHEN EXISTS (SELECT 1 FROM initiative_leaders l WHERE l.initiative_id = i.id AND l.user_id = $1) THEN 'leader' ELSE 'follower' END,
                0, f.followed_at, i.title
           FROM initiative_followers f JOIN initiatives i ON i.id = f.initiative_id WHERE f.user_id = $1
         UNION ALL SELECT 'thread', th.id::text, 'watching', 'author', 2, th.created_at, th.title FROM threads th WHERE th.author_id = $1
         UNION ALL SELECT 'tool', t.slug, 'watching', 'maintainer', 2, m.added_at, t.name
           FROM tool_maintainers m JOIN tools t ON t.id = m.tool_id WHERE m.user_id = $1
       ) x
       WHERE title IS NOT NULL AND ($2::text IS NULL OR (subject_type = $2 AND subject_id = $3))
       ORDER BY subject_type, subject_id, p`,
      [userId, subject?.type ?? null, subject?.id ?? null],
    );
  }
}
