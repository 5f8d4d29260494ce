import { ForbiddenException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { detectPersonalData, EditMessageInput, FlagInput, MessageQuery, parseMentions, PostMessageInput } from '@commons/domain';
import { topics } from '@commons/realtime';
import type { z } from 'zod';
import { RateLimiter } from '../common/rate-limiter';
import { ENV, Env } from '../config/env';
import type { AuthUser } from '../auth/auth-user';
import { ModerationService } from '../moderation/moderation.service';
import { OutboxService, Tx } from '../realtime/outbox.service';
import { assertCanReadTool } from '../tools/tool-access';
import { MessageRepository, MessageRow, ThreadRepository, toMessage } from './discussions.repository';

export function isModerator(user: AuthUser | null) {
  return !!user?.roles.some((r) => r === 'moderator' || r === 'admin');
}

@Injectable()
export class MessagesService {
  constructor(
    @Inject(ENV) private readonly env: Env,
    private readonly outbox: OutboxService,
    private readonly threads: ThreadRepository,
    private readonly messages: MessageRepository,
    private readonly moderation: ModerationService,
    private readonly limiter: RateLimiter,
  ) {}

  /** A thread about a local-authority-only tool is for that tool's readers only (403 saying how to get access). */
  async assertReadable(user: AuthUser | null, threadId: number, tx?: Tx) {
    const access = await this.threads.toolAccess(threadId, tx?.manager);
    if (access) assertCanReadTool(user, { access });
  }

  async list(user: AuthUser | null, threadId: number, query: z.output<typeof MessageQuery>) {
    if (!(await this.threads.get(threadId))) throw new NotFoundException(`No thread ${threadId}`);
    await this.assertReadable(user, threadId);
    const page = await this.messages.page(threadId, query, { id: user?.id ?? null, moderator: isModerator(user) });
    return { items: page.items.map(toMessage), hasMore: page.hasMore };
  }

  async post(user: AuthUser, threadId: number, dto: z.output<typeof PostMessageInput>) {
    await this.assertReadable(user, threadId);
    await this.limiter.take(`messages:${user.id}`, this.env.MESSAGE_RATE_PER_MINUTE, 60);
    return { message: await this.outbox.transaction((tx) => this.append(tx, user, threadId, dto)) };
  }

  /**
   * Adds a message in the caller's transaction (a locked thread takes moderators' only). One that looks
   * like it holds personal data is held at once (only its author and moderators see it) rather than
   * shown until the job catches it.
   */
  async append(tx: Tx, user: AuthUser, threadId: number, dto: { body: string; parentId?: number }) {
    if (dto.parentId !== undefined) {
      const parent = await this.messages.get(dto.parentId, tx.manager);
      if (!parent || Number(parent.thread_id) !== threadId) throw new NotFoundException({ message: 'Reply to a message in this thread', fields: { parentId: 'Not a message in this thread' } });
    }
    const mentions = await this.messages.existingUsers(parseMentions(dto.body));
    const held = detectPersonalData(dto.body).length > 0;
    const row = await this.messages.append(tx.manager, { threadId, authorId: user.id, parentId: dto.parentId ?? null, body: dto.body, mentions, state: held ? 'held' : 'visible', intoLocked: isModerator(user) });
    if (!row) {
      if (await this.threads.get(threadId, tx.manager)) throw new ForbiddenException('This thread is locked');
      throw new NotFoundException(`No thread ${threadId}`);
    }
    const message = toMessage(row);
    if (held) await this.moderation.enqueue(tx, 'message', message.id);
    else tx.record({ topic: topics.thread(threadId), type: 'message.created', payload: message }, { actorId: user.id });
    return message;
  }

  async edit(user: AuthUser, id: number, dto: z.output<typeof EditMessageInput>) {
    return this.outbox.transaction(async (tx) => {
      await this.moderation.lockItems(tx, 'message', id);
      const before = await this.load(id, tx);
      await this.assertReadable(user, Number(before.thread_id), tx);
      if (before.author_id !== user.id) throw new ForbiddenException('Only the author can edit a message');
      if (before.state === 'deleted') throw new NotFoundException(`Message ${id} was deleted`);
      const mentions = await this.messages.existingUsers(parseMentions(dto.body));
      // Under review nothing of it is public yet, so no history is kept: an earlier version may hold
      // the very text the review is about.
      if (before.state === 'held') {
        await this.messages.replaceBody(tx.manager, id, dto.body, mentions);
        await this.moderation.recheck(tx, 'message', id);
      } else {
        await this.messages.edit(tx.manager, id, dto.body, mentions, user.id);
      }
      const topic = topics.thread(Number(before.thread_id));
      if (before.state === 'visible' && detectPersonalData(dto.body).length > 0) {
        await this.messages.setState(tx.manager, id, 'held');
        tx.record({ topic, type: 'message.hidden', payload: { id, seq: before.seq } }, { actorId: user.id });
        await this.moderation.enqueue(tx, 'message', id, 'flag');
      } else if (before.state === 'visible') {
        tx.record({ topic, type: 'message.updated', payload: toMessage((await this.messages.get(id, tx.manager))!) }, { actorId: user.id });
      }
      return { message: toMessage((await this.messages.get(id, tx.manager))!) };
    });
  }

  /** Soft delete by the author or a moderator: the row stays (for moderation and replies), the body goes. */
  async remove(user: AuthUser, id: number) {
    await this.outbox.transaction(async (tx) => {
      const message = await this.load(id, tx);
      await this.assertReadable(user, Number(message.thread_id), tx);
      if (message.author_id !== user.id && !isModerator(user)) throw new ForbiddenException('Only the author or a moderator can delete a message');
      if (message.state === 'deleted') return;
      await this.messages.setState(tx.manager, id, 'deleted', user.id);
      // Held ones too: their author and moderators have them on screen; the event carries no text.
      tx.record({ topic: topics.thread(Number(message.thread_id)), type: 'message.deleted', payload: { id, seq: message.seq } }, { actorId: user.id });
    });
  }

  async react(user: AuthUser, id: number, emoji: string) {
    return this.outbox.transaction(async (tx) => {
      const message = await this.load(id, tx);
      await this.assertReadable(user, Number(message.thread_id), tx);
      if (message.state !== 'visible') throw new NotFoundException(`Message ${id} cannot take reactions`);
      await this.messages.toggleReaction(tx.manager, id, user.id, emoji);
      const reactions = toMessage((await this.messages.get(id, tx.manager))!).reactions;
      tx.record({ topic: topics.thread(Number(message.thread_id)), type: 'reactions.changed', payload: { messageId: id, reactions } }, { actorId: user.id });
      return { reactions };
    });
  }

  /** A reported message is held at once (hidden from others) and waits, held, for a moderator. */
  async flag(user: AuthUser, id: number, dto: z.output<typeof FlagInput>) {
    await this.outbox.transaction(async (tx) => {
      await this.moderation.lockItems(tx, 'message', id);
      const message = await this.load(id, tx);
      await this.assertReadable(user, Number(message.thread_id), tx);
      if (message.state === 'deleted') throw new NotFoundException(`Message ${id} was deleted`);
      if (!(await this.messages.flag(tx.manager, id, user.id, dto.reason, dto.note ?? null))) return;
      if (message.state === 'visible') {
        await this.messages.setState(tx.manager, id, 'held');
        tx.record({ topic: topics.thread(Number(message.thread_id)), type: 'message.hidden', payload: { id, seq: message.seq } }, { actorId: user.id });
      }
      await this.moderation.enqueue(tx, 'message', id, 'flag');
    });
    return { flagged: true };
  }

  async revisions(user: AuthUser | null, id: number) {
    const message = await this.messages.get(id);
    if (!message || (message.state === 'held' && message.author_id !== user?.id && !isModerator(user))) throw new NotFoundException(`No message ${id}`);
    await this.assertReadable(user, Number(message.thread_id));
    const rows = await this.messages.revisions(id, { id: user?.id ?? null, moderator: isModerator(user) });
    return {
      items: rows.map((r: Record<string, any>) => ({ body: r.body, replacedAt: r.replaced_at.toISOString(), replacedBy: { id: r.replaced_by, displayName: r.display_name } })),
    };
  }

  /** Locked for the transaction, so an edit and a delete of the same message queue up. */
  private async load(id: number, tx: Tx): Promise<MessageRow> {
    const message = await this.messages.get(id, tx.manager, true);
    if (!message) throw new NotFoundException(`No message ${id}`);
    return message;
  }
}
