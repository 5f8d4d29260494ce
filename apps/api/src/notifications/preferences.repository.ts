import { Injectable } from '@nestjs/common';
import { IMMEDIATE_KINDS, type EmailChoice } from '@commons/domain';
import { DataSource, EntityManager } from 'typeorm';
import type { NotificationRow } from './notifications.repository';

export type Recipient = { email: string; display_name: string };

/**
 * Whether notification `n` may still be emailed: not when it is about a message that has since left
 * view (held, hidden, rejected, deleted). Checked as it is claimed, so an email waiting for the digest
 * never carries news of what was taken away; it stays in the inbox, naming no text.
 */
const STILL_SHOWN = `NOT EXISTS (
  SELECT 1 FROM outbox o JOIN messages m ON m.id = CASE WHEN o.type = 'message.created' THEN (o.payload->>'id')::bigint END
  WHERE o.id = n.event_id AND m.state <> 'visible')`;

/** Email preferences and what has gone out by email. */
@Injectable()
export class PreferencesRepository {
  constructor(private readonly db: DataSource) {}

  async get(userId: string): Promise<{ email: EmailChoice; last_digest_at: Date | null }> {
    const rows = await this.db.query(`SELECT email, last_digest_at FROM notification_preferences WHERE user_id = $1`, [userId]);
    return rows[0] ?? { email: 'off', last_digest_at: null };
  }

  /** Turning email on starts the digest from now: nobody is sent a backlog they never asked for. */
  async set(userId: string, email: EmailChoice) {
    await this.db.query(
      `INSERT INTO notification_preferences (user_id, email) VALUES ($1, $2)
       ON CONFLICT (user_id) DO UPDATE SET email = $2, updated_at = now(),
         digest_from = CASE WHEN notification_preferences.email = 'off' AND $2 = 'on' THEN now() ELSE notification_preferences.digest_from END`,
      [userId, email],
    );
  }

  /**
   * Claims one notification for sending at once: only if its recipient wants email, it is unread and not
   * yet emailed. Claimed before sending, so two runs of the job cannot both send it.
   */
  async claimImmediate(notificationId: number): Promise<(NotificationRow & Recipient) | null> {
    const [rows] = await this.db.query(
      `UPDATE notifications n SET emailed_at = now()
         FROM notification_preferences p, users u
        WHERE n.id = $1 AND p.user_id = n.user_id AND p.email = 'on' AND u.id = n.user_id
          AND n.emailed_at IS NULL AND n.read_at IS NULL AND ${STILL_SHOWN}
       RETURNING n.*, u.email, u.display_name`,
      [notificationId],
    );
    return rows[0] ?? null;
  }

  /** Sending failed: the next attempt may claim them again. */
  async release(ids: number[]) {
    await this.db.query(`UPDATE notifications SET emailed_at = NULL WHERE id = ANY($1)`, [ids]);
  }

  async digestSent(userId: string) {
    await this.db.query(`UPDATE notification_preferences SET last_digest_at = now() WHERE user_id = $1`, [userId]);
  }

  /** Who has something for the digest. */
  async digestUserIds(): Promise<string[]> {
    const rows = await this.db.query(
      `SELECT p.user_id FROM notification_preferences p
        WHERE p.email = 'on' AND EXISTS (
          SELECT 1 FROM notifications n WHERE n.user_id = p.user_id AND n.emailed_at IS NULL AND n.read_at IS NULL
            AND n.created_at >= p.digest_from AND n.kind <> ALL($1) AND ${STILL_SHOWN})`,
      [IMMEDIATE_KINDS],
    );
    return rows.map((r: { user_id: string }) => r.user_id);
  }

  /**
   * The user's unread, not yet emailed notifications since email was turned on (mentions and replies
   * went at once), marked emailed. The preferences row is locked first, so two digest runs for one
   * user take turns: the second finds them claimed.
   */
  async claimDigest(manager: EntityManager, userId: string): Promise<{ to: Recipient; items: NotificationRow[] } | null> {
    const prefs = await manager.query(
      `SELECT u.email, u.display_name, p.digest_from FROM notification_preferences p JOIN users u ON u.id = p.user_id
        WHERE p.user_id = $1 AND p.email = 'on' FOR UPDATE OF p`,
      [userId],
    );
    if (!prefs.length) return null;
    const [items] = await manager.query(
      `UPDATE notifications n SET emailed_at = now()
        WHERE n.user_id = $1 AND n.emailed_at IS NULL AND n.read_at IS NULL AND n.created_at >= $2 AND n.kind <> ALL($3) AND ${STILL_SHOWN}
       RETURNING n.*`,
      [userId, prefs[0].digest_from, IMMEDIATE_KINDS],
    );
    if (!items.length) return null;
    items.sort((a: NotificationRow, b: NotificationRow) => Number(a.id) - Number(b.id));
    return { to: prefs[0], items };
  }
}
