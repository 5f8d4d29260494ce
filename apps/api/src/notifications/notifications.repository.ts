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
