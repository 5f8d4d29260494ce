import { BadRequestException, ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { GuideFromThreadInput, RESERVED_GUIDE_SLUGS, Slug, slugify, type Guide, type GuideInput, type GuidePatch, type GuideSubject, type GuideSummary } from '@commons/domain';
import type { z } from 'zod';
import type { AuthUser } from '../auth/auth-user';
import { refusePersonalData } from '../common/personal-data';
import { OutboxService } from '../realtime/outbox.service';
import { ChangeCounter } from '../realtime/change-counter';
import { canReadTool, readsLocalAuthorityTools } from '../tools/tool-access';
import { GuideRepository, GuideRow } from './guides.repository';

/** A guide not reviewed for a year asks readers to check it is still right. */
const REVIEW_AFTER_DAYS = 365;
const isStaff = (user: AuthUser | null) => !!user?.roles.some((r) => r === 'moderator' || r === 'admin');

function toSummary(r: GuideRow, today = new Date()): GuideSummary {
  const reviewed = new Date(`${r.last_reviewed_on}T00:00:00Z`);
  return {
    slug: r.slug, title: r.title, summary: r.summary,
    owner: r.owner_id ? { id: r.owner_id, displayName: r.owner_name ?? '' } : null,
    lastReviewedOn: r.last_reviewed_on,
    reviewDue: today.getTime() - reviewed.getTime() > REVIEW_AFTER_DAYS * 86_400_000,
    updatedAt: r.updated_at.toISOString(),
  };
}

@Injectable()
export class GuidesService {
  constructor(
    private readonly guides: GuideRepository,
    private readonly outbox: OutboxService,
    private readonly changes: ChangeCounter,
  ) {}

  async list(user: AuthUser | null, filter: { tool?: string; initiative?: string }) {
    const [rows, canWrite] = await Promise.all([this.guides.list(filter), this.canWrite(user)]);
    return { items: rows.map((r) => toSummary(r)), canWrite };
  }

  async get(user: AuthUser | null, slug: string): Promise<{ guide: Guide }> {
    const row = await this.find(slug);
    const [links, revisions] = await Promise.all([this.guides.links(row.id, readsLocalAuthorityTools(user)), this.guides.revisions(row.id)]);
    return {
      guide: {
        ...toSummary(row), body: row.body, revision: row.revision,
        links: links.map((l) => ({ type: l.subject_type, id: l.subject_id, name: l.name })),
        sourceThread: row.source_thread_id ? { id: Number(row.source_thread_id), title: row.source_thread_title ?? '' } : null,
        revisions: revisions.map((r) => ({ revision: r.revision, title: r.title, author: r.author_id ? { id: r.author_id, displayName: r.author_name ?? '' } : null, createdAt: r.created_at.toISOString() })),
        canEdit: this.canEdit(user, row),
      },
    };
  }

  /** Moderators, admins, tool maintainers and initiative leaders write guides, and own what they write. */
  async create(user: AuthUser, dto: GuideInput) {
    await this.assertAdviser(user);
    return this.insert(user, dto, dto.links, null);
  }

  /** A well-answered question becomes a guide that links back to it and to the thread's tool or initiative. */
  async fromThread(user: AuthUser, threadId: number, dto: z.output<typeof GuideFromThreadInput>) {
    const thread = await this.guides.thread(threadId);
    if (!thread || (thread.tool_access && !canReadTool(user, { access: thread.tool_access as 'public' | 'local_authority' }))) throw new NotFoundException(`No thread ${threadId}`);
    if (thread.tool_access === 'local_authority') throw new ConflictException('A thread on a local-authority-only tool stays with it: write a guide for everyone instead');
    const subject = thread.subject_type === 'tool' || thread.subject_type === 'initiative' ? [{ type: thread.subject_type, id: thread.subject_id! } as GuideSubject] : [];
    const maintains = thread.subject_type === 'tool' ? await this.guides.maintains(user.id, thread.subject_id!) : false;
    if (!isStaff(user) && !maintains) throw new ForbiddenException('Only moderators and the tool’s maintainers turn a thread into a guide');
    return this.insert(user, dto, subject, threadId);
  }

  async update(user: AuthUser, slug: string, dto: GuidePatch) {
    refusePersonalData({ title: dto.title, summary: dto.summary, body: dto.body });
    if (dto.links) await this.assertLinks(dto.links);
    await this.outbox.transaction(async ({ manager }) => {
      const locked = await this.guides.lock(manager, slug);
      if (!locked) throw new NotFoundException(`No guide ${slug}`);
      if (!this.canEdit(user, locked)) throw new ForbiddenException('Only the guide’s owner, moderators and admins edit it');
      const row = (await this.guides.bySlug(slug, manager))!;
      const next = { title: dto.title ?? row.title, summary: dto.summary ?? row.summary, body: dto.body ?? row.body };
      if (next.title !== row.title || next.body !== row.body || next.summary !== row.summary) await this.guides.update(manager, row.id, row.revision + 1, next, user.id);
      if (dto.links) await this.guides.setLinks(manager, row.id, dto.links);
    });
    // Guides record no events: the search box's answers must still not outlive the edit.
    await this.changes.bump();
    return this.get(user, slug);
  }

  /** The owner (or a moderator) confirms it is still right: "last reviewed" moves to today. */
  async reviewed(user: AuthUser, slug: string) {
    const row = await this.find(slug);
    if (!this.canEdit(user, row)) throw new ForbiddenException('Only the guide’s owner, moderators and admins review it');
    await this.guides.reviewed(row.id);
    return this.get(user, slug);
  }

  private async insert(user: AuthUser, dto: z.output<typeof GuideFromThreadInput>, links: GuideSubject[], threadId: number | null) {
    refusePersonalData({ title: dto.title, summary: dto.summary, body: dto.body, slug: dto.slug });
    await this.assertLinks(links);
    const slug = dto.slug ?? slugify(dto.title);
    if (!Slug.safeParse(slug).success || RESERVED_GUIDE_SLUGS.includes(slug)) throw new BadRequestException({ message: 'Check slug', fields: { slug: 'Give the guide a slug: lower-case letters, digits and hyphens' } });
    await this.outbox.transaction(async ({ manager }) => {
      const id = await this.guides.insert(manager, { slug, title: dto.title, summary: dto.summary, body: dto.body, ownerId: user.id, sourceThreadId: threadId });
      if (id === null) throw new ConflictException({ message: `A guide called ${slug} exists already`, fields: { slug: 'This slug is taken: choose another' } });
      await this.guides.setLinks(manager, id, links);
    });
    await this.changes.bump();
    return this.get(user, slug);
  }

  private async canWrite(user: AuthUser | null): Promise<boolean> {
    return !!user && (isStaff(user) || (await this.guides.advises(user.id)));
  }

  private async assertAdviser(user: AuthUser) {
    if (await this.canWrite(user)) return;
    throw new ForbiddenException('Guides are written by moderators, tool maintainers and initiative leaders');
  }

  private async assertLinks(links: GuideSubject[]) {
    const found = await this.guides.existing(links);
    const missing = links.filter((l) => !found.has(`${l.type}:${l.id}`));
    if (missing.length) throw new BadRequestException({ message: 'Check links', fields: { links: `No ${missing[0].type} called ${missing[0].id}` } });
  }

  private canEdit(user: AuthUser | null, row: { owner_id: string | null }) {
    return !!user && (row.owner_id === user.id || isStaff(user));
  }

  private async find(slug: string) {
    const row = await this.guides.bySlug(slug);
    if (!row) throw new NotFoundException(`No guide ${slug}`);
    return row;
  }
}
