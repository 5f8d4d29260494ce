import { Injectable, NotFoundException } from '@nestjs/common';
import { DatabaseService } from '../database/database.module';
import type { JobData } from '@commons/realtime';
import { topics } from '@commons/realtime';
import type { AuthUser } from '../auth/auth-user';
import type { OutboxEvent } from '../realtime/outbox.event';
import { OutboxService, Tx } from '../realtime/outbox.service';
import { NewNotification, NotificationRepository, NotificationRow } from './notifications.repository';
import { RecipientsService } from './recipients.service';

/** Rows per INSERT when fanning out. */
const BATCH = 1000;

export function toNotification(row: NotificationRow) {
  return { id: Number(row.id), kind: row.kind, title: row.title, url: row.url, createdAt: row.created_at.toISOString(), readAt: row.read_at?.toISOString() ?? null };
}

@Injectable()
export class NotificationsService {
  constructor(
    private readonly db: DatabaseService,
    private readonly outbox: OutboxService,
    private readonly notifications: NotificationRepository,
    private readonly rules: RecipientsService,
  ) {}

  /**
   * The `notifications/fan-out` job. Safe to run twice: the unique key keeps rows and events single.
   * Rows and their events are written a batch at a time in one transaction, so ten thousand watchers
   * cost a few statements, not ten thousand round trips; the events are published once it has committed.
   */
  async fanOut({ eventId }: JobData<'notifications', 'fan-out'>) {
    const event = await this.outbox.get(eventId);
    if (!event) throw new NotFoundException(`event ${eventId} not found`);
    const recipients = await this.rules.recipients(event);
    // Often nobody (an author is never told of their own message): then no transaction to open and commit.
    if (!recipients.length) return 0;
    return this.outbox.transaction((tx) => this.write(tx, recipients));
  }

  /** The fan-out of these events in the caller's transaction (a message's check, a moderator's decision). */
  async notify(tx: Tx, events: OutboxEvent[]) {
    // Reads only, each on its own: sent together (the pool is pipelined), a batch of checks waits for one reply, not one per event.
    const recipients = await Promise.all(events.map((event) => this.rules.recipients(event, tx.manager)));
    return this.write(tx, recipients.flat());
  }

  async notifyOf(tx: Tx, eventIds: number[]) {
    return this.notify(tx, await this.outbox.getMany(eventIds, tx.manager));
  }

  private async write(tx: Tx, recipients: NewNotification[]) {
    let count = 0;
    for (let i = 0; i < recipients.length; i += BATCH) {
      const created = await this.notifications.insertNew(tx.manager, recipients.slice(i, i + BATCH));
      tx.record(created.map((row) => ({ topic: topics.user(row.user_id), type: 'notification.created' as const, payload: toNotification(row) })));
      count += created.length;
    }
    return count;
  }

  async inbox(user: AuthUser, query: { limit: number; before?: number }) {
    // The seq, the page and the count from one snapshot. Read apart, a fan-out committing between them
    // was counted but not listed (or listed but not counted), and the client, which counts each event
    // after the seq unless the page listed it, then showed one unread too many (or too few).
    return this.db.transaction(async (manager) => {
      const seq = await this.outbox.currentSeq(topics.user(user.id), manager);
      const rows = await this.notifications.inbox(user.id, query.limit, query.before, manager);
      const unread = await this.notifications.unreadCount(user.id, manager);
      return { items: rows.map(toNotification), unread, seq };
    }, 'REPEATABLE READ');
  }

  async markRead(user: AuthUser, dto: { ids?: number[] }) {
    await this.notifications.markRead(user.id, dto.ids);
    return { unread: await this.notifications.unreadCount(user.id) };
  }
}
