import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type ModerationItem, type WatchLevel } from '@commons/domain';
import type { EventPayload } from '@commons/realtime';
import type { OutboxEvent } from '../realtime/outbox.event';
import { NewNotification, NotificationRepository } from './notifications.repository';
import { WatchRepository } from './watch.repository';

/**
 * Who hears about an event, and what they are told. Never the person who did it; never anyone twice
 * for one event (the first reason wins: mention, reply, answer, then watching); never anyone who muted
 * the subject. Feedback writers are not users and hear nothing: follow-up is for people, by email.
 */
@Injectable()
export class RecipientsService {
  constructor(
    private readonly notifications: NotificationRepository,
    private readonly watches: WatchRepository,
  ) {}

  /** `manager`: read in that transaction (a decision that shows a message tells its readers before it commits). */
  async recipients(event: OutboxEvent, manager?: EntityManager): Promise<NewNotification[]> {
    const out: NewNotification[] = [];
    let actor = event.actorId;
    let levels = new Map<string, WatchLevel>();
    const add = (userId: string | null, kind: string, title: string, url: string | null) => userId && out.push({ userId, eventId: event.id, kind, title, url });
    const watchers = (kind: string, title: string, url: string) => {
      for (const [userId, level] of levels) if (level === 'watching') add(userId, kind, title, url);
    };

    if (event.type === 'user.roles.changed') {
      const { userId, roles } = event.payload as EventPayload<'user.roles.changed'>;
      const extra = roles.filter((r) => r !== 'member');
      add(userId, 'roles', extra.length ? `Your roles are now: ${extra.join(', ')}` : 'You no longer have moderator or admin roles', null);
    }
    if (event.type === 'message.created') {
      const m = event.payload as EventPayload<'message.created'>;
      // A held message let through by a moderator is still its author's doing.
      actor = m.author.id;
      const context = await this.notifications.messageContext(m.threadId, m.parentId, m.id, manager);
      if (!context) return [];
      levels = await this.watches.levels({ threadId: m.threadId }, manager);
      const url = `/threads/${m.threadId}#message-${m.id}`;
      const who = m.author.displayName;
      for (const userId of m.mentions) add(userId, 'mention', `${who} mentioned you in “${context.title}”`, url);
      add(context.parentAuthor, 'reply', `${who} replied to you in “${context.title}”`, url);
      if (context.kind === 'question') add(context.threadAuthor, 'answer', `${who} answered your question “${context.title}”`, url);
      watchers('message', `${who} posted in “${context.title}”`, url);
    }
    if (event.type === 'initiative.update.posted' || event.type === 'initiative.milestone.changed') {
      // Watchers hear of updates and of milestones being done; other milestone edits are no news.
      const p = event.payload as EventPayload<'initiative.update.posted'> | EventPayload<'initiative.milestone.changed'>;
      if ('completed' in p && !p.completed) return [];
      levels = await this.watches.levels({ initiativeSlug: p.initiative.slug });
      const title = 'body' in p ? `New update on “${p.initiative.title}”` : `Milestone done on “${p.initiative.title}”: ${p.title}`;
      watchers('initiative', title, `/initiatives/${p.initiative.slug}`);
    }
    if (event.type === 'tool.release.published' || event.type === 'tool.stage.changed') {
      const p = event.payload as EventPayload<'tool.release.published'> | EventPayload<'tool.stage.changed'>;
      const name = (await this.watches.subject('tool', p.slug))?.title ?? p.slug;
      levels = await this.watches.levels({ toolSlug: p.slug });
      const title = 'version' in p ? `${name} ${p.version} released` : `${name} moved to ${p.to}`;
      watchers('tool', title, `/tools/${p.slug}`);
    }
    if (event.type === 'moderation.item.created' || event.type === 'moderation.item.updated') {
      const item = event.payload as ModerationItem;
      // The title names no content: held text may be the personal data it was held for, and titles are emailed.
      const url = `/moderation#item-${item.id}`;
      const already = new Set(await this.notifications.notifiedAbout(url));
      const what = item.subjectType === 'message' ? 'A message' : 'Page feedback';
      for (const userId of await this.notifications.moderatorIds()) if (!already.has(userId)) add(userId, 'moderation', `${what} is waiting in the moderation queue`, url);
    }
    const seen = new Set<string>();
    return out.filter((n) => n.userId !== actor && levels.get(n.userId) !== 'muted' && !seen.has(n.userId) && seen.add(n.userId));
  }
}
