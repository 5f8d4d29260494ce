import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { EventRegistry, type AudienceReads } from '../realtime/event-rules';
import type { OutboxEvent } from '../realtime/outbox.event';
import { ToolRepository } from '../tools/tools.repository';
import { NewNotification, NotificationRepository } from './notifications.repository';
import { WatchRepository } from './watch.repository';

/**
 * Who hears about an event, and what they are told: each feature declares its events' audience
 * (`<feature>.events.ts`); the rules every audience keeps are here. Never the person who did it; never
 * anyone twice for one event (the first reason wins: mention, reply, answer, then watching); never
 * anyone who muted the subject. Feedback writers are not users and hear nothing: follow-up is for
 * people, by email.
 */
@Injectable()
export class RecipientsService {
  constructor(
    private readonly notifications: NotificationRepository,
    private readonly watches: WatchRepository,
    private readonly events: EventRegistry,
    private readonly tools: ToolRepository,
  ) {}

  /** `manager`: read in that transaction (a decision that shows a message tells its readers before it commits). */
  async recipients(event: OutboxEvent, manager?: EntityManager): Promise<NewNotification[]> {
    const audience = await this.events.audience(event, this.reads(manager));
    if (!audience) return [];
    const actor = audience.actorId === undefined ? event.actorId : audience.actorId;
    const levels = audience.levels ?? new Map();
    const seen = new Set<string>();
    const told = audience.told.filter((t): t is typeof t & { userId: string } => !!t.userId && t.userId !== actor && levels.get(t.userId) !== 'muted' && !seen.has(t.userId) && !!seen.add(t.userId));
    // Of a local-authority-only tool (or a thread about it), only its readers hear: no inbox line, no email.
    const readers = await this.tools.readersOf(event.topic, told.map((t) => t.userId), manager);
    return told
      .filter((t) => readers.has(t.userId))
      .map((t) => ({ userId: t.userId, eventId: event.id, kind: t.kind, title: t.title, url: t.url }));
  }

  private reads(manager?: EntityManager): AudienceReads {
    return {
      messageContext: (threadId, parentId, messageId) => this.notifications.messageContext(threadId, parentId, messageId, manager),
      watchLevels: (subject) => this.watches.levels(subject, manager),
      toolTitle: async (slug) => (await this.watches.subject('tool', slug))?.title ?? null,
      moderatorIds: () => this.notifications.moderatorIds(),
      notifiedAbout: (url) => this.notifications.notifiedAbout(url),
      ideaFollowers: (id) => this.notifications.ideaFollowers(id, manager),
      askersOf: (answerIds) => this.notifications.askersOf(answerIds, manager),
      adoptersOf: (slug) => this.notifications.adoptersOf(slug, manager),
    };
  }
}
