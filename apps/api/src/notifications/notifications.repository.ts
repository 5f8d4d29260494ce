import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { DELETED_PASSWORD_HASH } from '@commons/domain';
import { prepared, query } from '../database/prepared';

export interface NotificationRow {
  id: string;
  user_id: string;
  event_id: string;
  kind: string;
  title: string;
  url: string | null;
  created_at: Date;
  read_at: Date | null;
  emailed_at?: Date | null;
}

export interface NewNotification {
  userId: string;
  eventId: number;
  kind: string;
  title: string;
  url: string | null;
}

@Injectable()
export class NotificationRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Inserts those not already there (recipient + event is unique) and returns only the new ones. */
  async insertNew(manager: EntityManager, rows: NewNotification[]): Promise<NotificationRow[]> {
    if (!rows.length) return [];
    return query<NotificationRow>(manager,
      // Not to deleted accounts: a reply to their old message is no news to anyone.
      prepared(`INSERT INTO notifications (user_id, event_id, kind, title, url)
       SELECT r.* FROM unnest($1::uuid[], $2::bigint[], $3::text[], $4::text[], $5::text[]) AS r(user_id, event_id, kind, title, url)
       WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.id = r.user_id AND u.password_hash = $6)
       ON CONFLICT (user_id, event_id) DO NOTHING
       RETURNING id, user_id, event_id, kind, title, url, created_at, read_at, emailed_at`),
      [rows.map((r) => r.userId), rows.map((r) => r.eventId), rows.map((r) => r.kind), rows.map((r) => r.title), rows.map((r) => r.url), DELETED_PASSWORD_HASH],
    );
  }

  /** Who already has a notification pointing at this page (a held item is news once, however often it changes). */
  async notifiedAbout(url: string): Promise<string[]> {
    const rows = await this.dataSource.query(`SELECT user_id FROM notifications WHERE kind = 'moderation' AND url = $1`, [url]);
    return rows.map((r: { user_id: string }) => r.user_id);
  }

  /** Who hears that an idea moved on: its author and the members who backed it. */
  async ideaFollowers(id: number, manager: EntityManager = this.dataSource.manager): Promise<string[]> {
    const rows = await query<{ user_id: string }>(
      manager,
      `SELECT author_id AS user_id FROM ideas WHERE id = $1 AND author_id IS NOT NULL
       UNION SELECT user_id FROM idea_backings WHERE idea_id = $1 AND user_id IS NOT NULL`,
      [id],
    );
    return rows.map((r) => r.user_id);
  }

  /** "You said, we did": the members who asked (signed-in feedback senders, thread authors) of these answers. */
  async askersOf(answerIds: number[], manager: EntityManager = this.dataSource.manager): Promise<string[]> {
    const rows = await query<{ user_id: string }>(
      manager,
      `SELECT DISTINCT COALESCE(f.user_id, th.author_id) AS user_id FROM answers a
       LEFT JOIN feedback f ON a.source_type = 'feedback' AND f.id = a.source_id
       LEFT JOIN threads th ON a.source_type = 'thread' AND th.id = a.source_id
       WHERE a.id = ANY($1) AND COALESCE(f.user_id, th.author_id) IS NOT NULL`,
      [answerIds],
    );
    return rows.map((r) => r.user_id);
  }

  /** Feedback senders who ticked "tell me what happens", claimed for emailing once (at most once: a retry finds them claimed). */
  async claimOutcomeEmails(answerIds: number[]): Promise<{ email: string; summary: string }[]> {
    return query<{ email: string; summary: string }>(
      this.dataSource.manager,
      `UPDATE answers a SET emailed_at = now() FROM feedback f
       WHERE a.id = ANY($1) AND a.emailed_at IS NULL AND a.source_type = 'feedback' AND f.id = a.source_id AND f.tell_me AND f.email IS NOT NULL
       RETURNING f.email, CASE WHEN f.status = 'redacted' THEN COALESCE(f.redacted_summary, f.summary) ELSE f.summary END AS summary`,
      [answerIds],
    );
  }

  /** The verified members of the authorities that use or pilot the tool: a new release is news to them. */
  async adoptersOf(toolSlug: string, manager: EntityManager = this.dataSource.manager): Promise<string[]> {
    const rows = await query<{ user_id: string }>(
      manager,
      `SELECT DISTINCT m.user_id FROM tool_adoptions a JOIN tools t ON t.id = a.tool_id JOIN verified_memberships m ON m.organisation_id = a.organisation_id
       WHERE t.slug = $1 AND a.status IN ('uses', 'pilots')`,
      [toolSlug],
    );
    return rows.map((r) => r.user_id);
  }

  async moderatorIds(): Promise<string[]> {
    const rows = await this.dataSource.query(`SELECT id FROM users WHERE roles && ARRAY['moderator', 'admin']::text[]`);
    return rows.map((r: { id: string }) => r.id);
  }

  /**
   * What a message notification needs to say: the thread's title, asker and kind, and who wrote the
   * parent. Null once the message is no longer visible (held or deleted meanwhile): no news then.
   */
  async messageContext(
    threadId: number,
    parentId: number | null,
    messageId: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ title: string; threadAuthor: string; kind: string; parentAuthor: string | null } | null> {
    const rows = await query<{ title: string; author_id: string; kind: string; parent_author: string | null }>(manager,
      prepared(`SELECT t.title, t.author_id, t.kind, (SELECT author_id FROM messages WHERE id = $2) AS parent_author FROM threads t
       WHERE t.id = $1 AND EXISTS (SELECT 1 FROM messages WHERE id = $3 AND state = 'visible')`),
      [threadId, parentId, messageId],
    );
    return rows.length ? { title: rows[0].title, threadAuthor: rows[0].author_id, kind: rows[0].kind, parentAuthor: rows[0].parent_author } : null;
  }

  /**
   * Unread first, then newest first (the order of the notifications_inbox index); `before` is the id of
   * the last item of the previous page, and the next page continues after it in that order.
   */
  async inbox(userId: string, limit: number, before?: number, manager: EntityManager = this.dataSource.manager): Promise<NotificationRow[]> {
    return manager.query(
      `WITH cursor AS (SELECT read_at IS NULL AS unread, id FROM notifications WHERE id = $2 AND user_id = $1)
       SELECT n.* FROM notifications n
        WHERE n.user_id = $1
          AND ($2::bigint IS NULL OR ((n.read_at IS NULL), n.id) < (SELECT unread, id FROM cursor))
        ORDER BY (n.read_at IS NULL) DESC, n.id DESC LIMIT $3`,
      [userId, before ?? null, limit],
    );
  }

  async unreadCount(userId: string, manager: EntityManager = this.dataSource.manager): Promise<number> {
    const [row] = await manager.query(`SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND read_at IS NULL`, [userId]);
    return row.n;
  }

  async markRead(userId: string, ids?: number[]) {
    await this.dataSource.query(
      `UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL AND ($2::bigint[] IS NULL OR id = ANY($2))`,
      [userId, ids ?? null],
    );
  }
}
