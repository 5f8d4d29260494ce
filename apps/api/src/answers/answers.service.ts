import { ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import type { AnswerInput, AnswerList } from '@commons/domain';
import { topics, type Topic } from '@commons/realtime';
import type { AuthUser } from '../auth/auth-user';
import { OutboxService, Tx } from '../realtime/outbox.service';
import { AnswerRepository, TargetRow, TargetType } from './answers.repository';

const isStaff = (user: AuthUser) => user.roles.some((r) => r === 'moderator' || r === 'admin');

/** The live topic of the work: where its `answers.done` is recorded. */
function topicOf(type: TargetType, id: number, target: TargetRow): Topic {
  if (type === 'idea') return topics.idea(id);
  if (type === 'milestone') return topics.initiative(target.initiative_slug!);
  return topics.tool(target.tool_slug!);
}

/** "You said, we did": what was asked, linked to the work that answers it; the askers are told once it is done. */
@Injectable()
export class AnswersService {
  constructor(
    private readonly answers: AnswerRepository,
    private readonly outbox: OutboxService,
  ) {}

  async list(filter: { tool?: string; initiative?: string }): Promise<AnswerList> {
    const rows = await this.answers.list(filter);
    return {
      items: rows.map((r) => ({
        id: r.id,
        asked: { type: r.source_type, id: Number(r.source_id), text: r.asked_text, url: r.asked_url },
        done: { type: r.target_type, id: r.target_id, title: r.target_title, url: r.target_url, done: r.target_done },
        linkedAt: r.linked_at.toISOString(),
        toldAt: r.told_at?.toISOString() ?? null,
      })),
    };
  }

  async targets() {
    return { items: await this.answers.targets() };
  }

  /** Moderators, or the maintainers and leaders of the work, link what was asked to it; done work tells the askers at once. */
  async link(user: AuthUser, dto: AnswerInput) {
    const target = await this.answers.target(dto.target.type, dto.target.id);
    if (!target) throw new NotFoundException({ message: `No ${dto.target.type} ${dto.target.id}`, fields: { target: `No such ${dto.target.type}` } });
    if (!(await this.answers.sourceExists(dto.source.type, dto.source.id))) {
      throw new NotFoundException({ message: `No ${dto.source.type} ${dto.source.id}`, fields: { source: `No such ${dto.source.type}` } });
    }
    if (!isStaff(user) && !(await this.answers.owns(user.id, target))) throw new ForbiddenException('Only moderators and the people who run that work link to it');
    await this.outbox.transaction(async (tx) => {
      const id = await this.answers.insert(tx.manager, { sourceType: dto.source.type, sourceId: dto.source.id, targetType: dto.target.type, targetId: dto.target.id, by: user.id });
      if (id === null) throw new ConflictException('These are linked already');
      if (target.done) await this.close(tx, dto.target.type, dto.target.id, id);
    });
    return this.list({});
  }

  /**
   * In the transaction that finishes the work (an idea delivered, a milestone done): its untold answers
   * become told and one `answers.done` tells their askers. `only`: just that answer (a link to done work).
   */
  async close(tx: Tx, type: TargetType, id: number, only?: number) {
    const target = (await this.answers.target(type, id, tx.manager))!;
    const answerIds = await this.answers.close(tx.manager, type, id, only);
    if (answerIds.length) tx.record({ topic: topicOf(type, id, target), type: 'answers.done', payload: { answerIds, title: target.title, url: target.url } });
  }
}
