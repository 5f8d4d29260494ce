import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { CreateThreadInput, ThreadQuery, UpdateThreadInput } from '@commons/domain';
import { topics } from '@commons/realtime';
import type { z } from 'zod';
import { refusePersonalData } from '../common/personal-data';
import type { AuthUser } from '../auth/auth-user';
import { OutboxService } from '../realtime/outbox.service';
import { assertCanReadTool, readsLocalAuthorityTools } from '../tools/tool-access';
import { MessageRepository, ThreadRepository, ThreadRow, toThread } from './discussions.repository';
import { isModerator, MessagesService } from './messages.service';

@Injectable()
export class ThreadsService {
  constructor(
    private readonly outbox: OutboxService,
    private readonly threads: ThreadRepository,
    private readonly messages: MessageRepository,
    private readonly messaging: MessagesService,
  ) {}

  /** A local-authority-only tool's threads: 403 for readers without access; left out of other lists. */
  async list(user: AuthUser | null, query: z.output<typeof ThreadQuery>) {
    if (query.subjectType === 'tool') await this.assertToolReadable(user, query.subjectId ?? null);
    const reads = readsLocalAuthorityTools(user);
    const [rows, total] = await Promise.all([this.threads.list(query, user?.id ?? null, reads), this.threads.count(query, reads)]);
    return { items: rows.map(readerThread), total };
  }

  /** With the `thread:<id>` topic's seq, read first: the page follows the topic from it, so what commits meanwhile is replayed, never lost. */
  async get(user: AuthUser | null, id: number) {
    const seq = await this.outbox.currentSeq(topics.thread(id));
    const row = await this.load(id, user);
    const position = user ? await this.threads.readPosition(user.id, id) : { lastReadSeq: 0, unread: 0 };
    return { thread: { ...toThread(row), ...position }, seq };
  }

  /** The thread and its first message, in one transaction. Announcements are for maintainers and admins. */
  async create(user: AuthUser, dto: z.output<typeof CreateThreadInput>) {
    // The title is listed to everyone at once, so it is refused; the body is a message, held instead.
    refusePersonalData({ title: dto.title });
    const subjectId = dto.subjectId ?? null;
    if (!(await this.threads.subjectExists(dto.subjectType, subjectId))) {
      throw new NotFoundException({ message: `No ${dto.subjectType} called ${subjectId}`, fields: { subjectId: `No such ${dto.subjectType}` } });
    }
    if (dto.subjectType === 'tool') await this.assertToolReadable(user, subjectId);
    if (dto.kind === 'announcement' && !user.roles.includes('admin') && !(await this.announcer(dto.subjectType, subjectId, user.id))) {
      throw new ForbiddenException(`Only ${dto.subjectType === 'initiative' ? 'leaders of the initiative' : 'maintainers of the tool'} and admins can post announcements`);
    }
    return this.outbox.transaction(async (tx) => {
      const threadId = await this.threads.create(tx.manager, { subjectType: dto.subjectType, subjectId, title: dto.title, kind: dto.kind, authorId: user.id });
      const message = await this.messaging.append(tx, user, threadId, { body: dto.body });
      return { thread: toThread((await this.threads.get(threadId, tx.manager))!), message };
    });
  }

  /** Moderators pin and lock; a question's asker (or an admin) chooses its accepted answer. */
  async update(user: AuthUser, id: number, dto: z.output<typeof UpdateThreadInput>) {
    refusePersonalData({ title: dto.title });
    const thread = await this.load(id, user);
    const moderator = isModerator(user);
    if ((dto.pinned !== undefined || dto.locked !== undefined) && !moderator) throw new ForbiddenException('Only moderators can pin or lock threads');
    if (dto.title !== undefined && thread.author_id !== user.id && !moderator) throw new ForbiddenException('Only the author or a moderator can rename a thread');
    if (dto.acceptedMessageId !== undefined) {
      if (thread.kind !== 'question') throw new ForbiddenException({ message: 'Only questions have an accepted answer', fields: { acceptedMessageId: 'This thread is not a question' } });
      const asker = thread.author_id === user.id || user.roles.includes('admin') || (await this.announcer(thread.subject_type, thread.subject_id, user.id));
      if (!asker) throw new ForbiddenException('Only the person who asked, a maintainer or an admin can accept an answer');
      if (dto.acceptedMessageId !== null) {
        const answer = await this.messages.get(dto.acceptedMessageId);
        if (!answer || Number(answer.thread_id) !== id || answer.state !== 'visible' || answer.seq === 1) {
          throw new NotFoundException({ message: 'Choose a reply in this thread', fields: { acceptedMessageId: 'Not a reply in this thread' } });
        }
      }
    }
    return this.outbox.transaction(async (tx) => {
      await this.threads.update(tx.manager, id, dto);
      const updated = toThread((await this.threads.get(id, tx.manager))!);
      tx.record({ topic: topics.thread(id), type: 'thread.updated', payload: updated }, { actorId: user.id });
      return { thread: updated };
    });
  }

  async markRead(user: AuthUser, id: number, seq: number) {
    const thread = await this.load(id, user);
    await this.threads.markRead(user.id, id, Math.min(seq, thread.last_seq));
    return this.threads.readPosition(user.id, id);
  }

  async unread(user: AuthUser) {
    return { total: await this.threads.unreadTotal(user.id) };
  }

  /** A tool's maintainers announce on the tool, an initiative's leaders on the initiative. */
  private announcer(subjectType: string, subjectId: string | null, userId: string): Promise<boolean> {
    return subjectType === 'initiative' ? this.threads.isLeader(subjectId, userId) : this.threads.isMaintainer(subjectId, userId);
  }

  private async load(id: number, user: AuthUser | null): Promise<ThreadRow> {
    const row = await this.threads.get(id);
    if (!row) throw new NotFoundException(`No thread ${id}`);
    await this.messaging.assertReadable(user, id);
    return row;
  }

  private async assertToolReadable(user: AuthUser | null, slug: string | null) {
    const access = await this.threads.accessOfTool(slug);
    if (access) assertCanReadTool(user, { access });
  }
}

function readerThread(row: ThreadRow) {
  return { ...toThread(row), lastReadSeq: row.last_read_seq ?? 0, unread: row.unread ?? 0 };
}
