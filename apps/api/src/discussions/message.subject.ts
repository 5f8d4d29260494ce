import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { topics } from '@commons/realtime';
import type { Check, ModerationSubject, Redacted, SubjectContent } from '../moderation/moderation.subject';
import { ModerationService } from '../moderation/moderation.service';
import { NotificationsService } from '../notifications/notifications.service';
import type { Tx } from '../realtime/outbox.service';
import { MessageRepository, toMessage } from './discussions.repository';

/**
 * Messages under moderation. A held message is seen only by its author and moderators; when a
 * moderator lets it through it appears in the thread as new, at its original position.
 */
@Injectable()
export class MessageSubject implements ModerationSubject {
  constructor(
    private readonly messages: MessageRepository,
    private readonly notifications: NotificationsService,
    moderation: ModerationService,
  ) {
    // In the constructor, not onModuleInit: the demo seeder enqueues items before the app is initialised.
    moderation.register('message', this);
  }

  async contents(ids: number[], manager?: EntityManager): Promise<Map<number, SubjectContent>> {
    const rows = await this.messages.byIds(ids, manager);
    return new Map(
      rows.map((m) => [
        Number(m.id),
        {
          page: `/threads/${m.thread_id}`,
          nature: null,
          summary: m.body,
          details: null,
          role: null,
          organisation: null,
          email: null,
          author: { id: m.author_id, displayName: m.author_name },
          threadId: Number(m.thread_id),
        },
      ]),
    );
  }

  recentTexts(ids: number[]) {
    return this.messages.recentBodies(ids);
  }

  /**
   * A message is visible until held, so one that passed stays as it is, and the people it concerns
   * (mentions, a reply's parent, watchers) are told of it now. Held ones are few, one at a time. All
   * the events go with the commit, in one statement that locks their topics' seqs in sorted order: two
   * batches, or a batch and a decision, cannot deadlock on them.
   */
  async applyChecks(tx: Tx, checks: Check[]) {
    const hidden = [];
    for (const { id } of checks.filter((c) => c.state === 'held')) {
      const message = await this.messages.get(id, tx.manager, true);
      if (message?.state !== 'visible') continue;
      await this.messages.setState(tx.manager, id, 'held');
      hidden.push({ topic: topics.thread(Number(message.thread_id)), type: 'message.hidden' as const, payload: { id, seq: message.seq } });
    }
    tx.record(hidden);
    const passed = checks.filter((c) => c.state === 'published' && c.eventId).map((c) => c.eventId!);
    if (passed.length) await this.notifications.notifyOf(tx, passed);
  }

  purgeOriginal(tx: Tx, id: number, replacement: Redacted) {
    return this.messages.purgeOriginal(tx.manager, id, replacement.summary);
  }

  async applyDecision(tx: Tx, id: number, decision: 'approve' | 'redact' | 'reject', redacted: Redacted, actorId: string) {
    const before = (await this.messages.get(id, tx.manager, true))!;
    const topic = topics.thread(Number(before.thread_id));
    if (decision === 'reject') {
      await this.messages.setState(tx.manager, id, 'deleted', actorId);
      if (before.state === 'visible') tx.record({ topic, type: 'message.deleted', payload: { id, seq: before.seq } }, { actorId });
      return;
    }
    if (decision === 'redact') await this.messages.replaceBody(tx.manager, id, redacted.summary);
    await this.messages.setState(tx.manager, id, 'visible');
    const message = toMessage((await this.messages.get(id, tx.manager))!);
    if (before.state !== 'visible') {
      // The people it concerns are told now, unless its check passed it and told them then (a reported
      // message let back in).
      const told = await this.messages.passedCheck(tx.manager, id);
      const created = tx.record({ topic, type: 'message.created', payload: message }, { actorId });
      if (!told) await this.notifications.notify(tx, await created.written());
    }
    else if (decision === 'redact') tx.record({ topic, type: 'message.updated', payload: message }, { actorId });
  }
}
