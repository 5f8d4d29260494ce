import { BadRequestException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import type { Idea, IdeaInput, IdeaPatch, IdeaQuery, IdeaSummary, IdeaView } from '@commons/domain';
import { topics } from '@commons/realtime';
import type { AuthUser } from '../auth/auth-user';
import { refusePersonalData } from '../common/personal-data';
import { OutboxService } from '../realtime/outbox.service';
import { AnswersService } from '../answers/answers.service';
import { ChangeCounter } from '../realtime/change-counter';
import { BackerRow, IdeaRow, IdeaRepository } from './ideas.repository';

const who = (user: AuthUser) => ({ id: user.id, displayName: user.displayName });
const canSetStatus = (user: AuthUser | null) => !!user?.roles.some((r) => r === 'moderator' || r === 'admin');

/** Why this reader cannot back for an authority, or null when they can. */
function backingRefusal(user: AuthUser | null): string | null {
  if (!user) return 'Sign in to back it on behalf of your authority';
  if (!user.localAuthorityStaff || user.verifiedOrganisationId === null) {
    return 'Only verified members of a local authority back ideas: confirm your council email address on your account page';
  }
  return null;
}

function toSummary(r: IdeaRow): IdeaSummary {
  return {
    id: r.id, kind: r.kind, title: r.title, status: r.status,
    backing: { authorities: r.authorities, regions: r.regions },
    author: r.author_id ? { id: r.author_id, displayName: r.author_name ?? '' } : null,
    createdAt: r.created_at.toISOString(),
  };
}

function toIdea(r: IdeaRow, backers: BackerRow[]): Idea {
  return {
    ...toSummary(r), body: r.body, declineReason: r.decline_reason,
    link: r.link_type && r.link_id ? { type: r.link_type, id: r.link_id } : null,
    backers: backers.map((b) => ({ organisationId: b.organisation_id, name: b.name, region: b.region, at: b.created_at.toISOString() })),
    updatedAt: r.updated_at.toISOString(),
  };
}

@Injectable()
export class IdeasService {
  constructor(
    private readonly ideas: IdeaRepository,
    private readonly outbox: OutboxService,
    private readonly answers: AnswersService,
    private readonly changes: ChangeCounter,
  ) {}

  async list(query: IdeaQuery) {
    const { rows, total } = await this.ideas.list(query);
    return { items: rows.map(toSummary), total };
  }

  async get(user: AuthUser | null, id: number): Promise<IdeaView & { seq: number }> {
    const seq = await this.outbox.currentSeq(topics.idea(id));
    const row = await this.find(id);
    const backers = await this.ideas.backers(id);
    const why = backingRefusal(user);
    return {
      idea: toIdea(row, backers),
      you: { backs: !!user?.verifiedOrganisationId && backers.some((b) => b.organisation_id === user.verifiedOrganisationId), canBack: why === null, canSetStatus: canSetStatus(user), why },
      seq,
    };
  }

  /** Any member raises one; it starts open. */
  async create(user: AuthUser, dto: IdeaInput) {
    refusePersonalData({ title: dto.title, body: dto.body });
    const id = await this.outbox.transaction((tx) => this.ideas.insert(tx.manager, { ...dto, authorId: user.id }));
    // A new need records no event: the search box's answers must still not outlive it.
    await this.changes.bump();
    return { idea: toIdea((await this.ideas.get(id))!, []) };
  }

  /** One backing per authority, by a verified member on its behalf; backing twice is no change. */
  back(user: AuthUser, id: number) {
    return this.changeBacking(user, id, true);
  }

  withdraw(user: AuthUser, id: number) {
    return this.changeBacking(user, id, false);
  }

  /** Moderators and admins move an idea on and link what takes it forward; its author and backers are told. */
  async update(user: AuthUser, id: number, dto: IdeaPatch) {
    if (!canSetStatus(user)) throw new ForbiddenException('Only moderators and admins change an idea’s status');
    refusePersonalData({ reason: dto.reason });
    if (dto.link && !(await this.ideas.linkExists(dto.link.type, dto.link.id))) {
      throw new BadRequestException({ message: `No ${dto.link.type} ${dto.link.id}`, fields: { link: `No such ${dto.link.type}` } });
    }
    await this.outbox.transaction(async (tx) => {
      const locked = await this.ideas.lock(tx.manager, id);
      if (!locked) throw new NotFoundException(`No idea ${id}`);
      await this.ideas.update(tx.manager, id, { status: dto.status, reason: dto.reason ?? null, link: dto.link });
      const row = (await this.ideas.get(id, tx.manager))!;
      if (dto.status && dto.status !== locked.status) {
        const link = row.link_type && row.link_id ? { type: row.link_type, id: row.link_id } : null;
        tx.record(
          { topic: topics.idea(id), type: 'idea.status.changed', payload: { id, title: row.title, from: locked.status, to: dto.status, reason: row.decline_reason, link, by: who(user) } },
          { actorId: user.id },
        );
        // What this idea answered is done once it is delivered: the people who asked are told.
        if (dto.status === 'delivered') await this.answers.close(tx, 'idea', id);
      }
    });
    return this.get(user, id);
  }

  private async changeBacking(user: AuthUser, id: number, backs: boolean) {
    const why = backingRefusal(user);
    if (why) throw new ForbiddenException(why);
    await this.find(id);
    const organisationId = user.verifiedOrganisationId!;
    await this.outbox.transaction(async (tx) => {
      const changed = backs ? await this.ideas.back(tx.manager, id, organisationId, user.id) : await this.ideas.withdraw(tx.manager, id, organisationId);
      if (changed) tx.record({ topic: topics.idea(id), type: 'idea.backing.changed', payload: { id, backing: await this.ideas.backing(tx.manager, id) } }, { actorId: user.id });
    });
    return this.get(user, id);
  }

  private async find(id: number): Promise<IdeaRow> {
    const row = await this.ideas.get(id);
    if (!row) throw new NotFoundException(`No idea ${id}`);
    return row;
  }
}
