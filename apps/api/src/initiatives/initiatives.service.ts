import { BadRequestException, ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { InitiativeInput, InitiativePatch, InitiativeQuery, MilestoneInput, MilestonePatch, RESERVED_INITIATIVE_SLUGS, Slug, slugify, UpdateInput, type Initiative } from '@commons/domain';
import { topics } from '@commons/realtime';
import type { z } from 'zod';
import { refusePersonalData } from '../common/personal-data';
import type { AuthUser } from '../auth/auth-user';
import { OutboxService, Tx } from '../realtime/outbox.service';
import { AnswersService } from '../answers/answers.service';
import { toDashboardItem, toInitiative, toMilestone, toSummary, toUpdate } from './initiatives.mappers';
import { InitiativeFields, InitiativeRepository, InitiativeRow } from './initiatives.repository';

const isAdmin = (user: AuthUser | null) => !!user?.roles.includes('admin');
const who = (user: AuthUser) => ({ id: user.id, displayName: user.displayName });
const defined = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

@Injectable()
export class InitiativesService {
  constructor(
    private readonly initiatives: InitiativeRepository,
    private readonly outbox: OutboxService,
    private readonly answers: AnswersService,
  ) {}

  async list(query: InitiativeQuery) {
    const rows = await this.initiatives.list(query);
    const leaders = await this.initiatives.leaders(rows.map((r) => r.id));
    return { items: rows.map((r) => toSummary(r, leaders.filter((l) => l.initiative_id === r.id))) };
  }

  /** Every initiative the user leads or follows, with what a leader checks first. */
  async dashboard(user: AuthUser) {
    const rows = await this.initiatives.dashboard(user.id);
    const ids = rows.map((r) => r.id);
    const [leaders, milestones, updates] = await Promise.all([this.initiatives.leaders(ids), this.initiatives.milestones(ids), this.initiatives.latestUpdates(ids)]);
    const of = <T extends { initiative_id: number }>(list: T[], id: number) => list.filter((x) => x.initiative_id === id);
    return { items: rows.map((r) => toDashboardItem(r, of(leaders, r.id), of(milestones, r.id), of(updates, r.id)[0])) };
  }

  async get(user: AuthUser | null, slug: string) {
    // The seq first: the page follows the topic from it, so what commits meanwhile is replayed, never lost.
    const seq = await this.outbox.currentSeq(topics.initiative(slug));
    const row = await this.find(slug);
    const viewer = user ? await this.initiatives.viewer(row.id, user.id) : null;
    return { initiative: await this.full(row), viewer, seq };
  }

  /** Any member may propose: it starts proposed, they lead and follow it. */
  async propose(user: AuthUser, dto: z.output<typeof InitiativeInput>) {
    refusePersonalData({ title: dto.title, slug: dto.slug, summary: dto.summary, description: dto.description });
    const slug = dto.slug ?? slugify(dto.title);
    if (!Slug.safeParse(slug).success || RESERVED_INITIATIVE_SLUGS.includes(slug)) throw new BadRequestException({ message: 'Check slug', fields: { slug: 'Give the initiative a slug: lower-case letters, digits and hyphens' } });
    const toolIds = await this.toolIds(dto.toolSlugs);
    const fields: InitiativeFields = {
      title: dto.title,
      summary: dto.summary,
      description: dto.description,
      status: 'proposed',
      focusArea: dto.focusArea,
      startDate: dto.startDate ?? null,
      targetDate: dto.targetDate ?? null,
    };
    const initiative = await this.outbox.transaction(async (tx) => {
      const id = await this.initiatives.insert(tx.manager, slug, fields, user.id);
      if (id === null) throw new ConflictException({ message: `An initiative called ${slug} exists already`, fields: { slug: 'This slug is taken: choose another' } });
      await this.initiatives.recordStatus(tx.manager, id, null, 'proposed', user.id);
      await this.initiatives.addLeader(tx.manager, id, user.id, user.id);
      await this.initiatives.follow(tx.manager, id, user.id);
      await this.initiatives.setTools(tx.manager, id, toolIds);
      return this.changed(tx, user, slug);
    });
    return { initiative };
  }

  /** Leaders and admins edit; a status move is kept in the history. */
  async update(user: AuthUser, slug: string, dto: z.output<typeof InitiativePatch>) {
    refusePersonalData({ title: dto.title, summary: dto.summary, description: dto.description });
    const row = await this.assertLeader(user, slug);
    const { toolSlugs, ...rest } = dto;
    const toolIds = toolSlugs && (await this.toolIds(toolSlugs));
    const changes = defined(rest) as Partial<InitiativeFields>;
    const initiative = await this.outbox.transaction(async (tx) => {
      const { status } = await this.initiatives.lock(tx.manager, row.id);
      await this.initiatives.update(tx.manager, row.id, changes);
      if (toolIds) await this.initiatives.setTools(tx.manager, row.id, toolIds);
      if (changes.status && changes.status !== status) {
        const at = await this.initiatives.recordStatus(tx.manager, row.id, status, changes.status, user.id);
        tx.record({ topic: topics.initiative(slug), type: 'initiative.status.changed', payload: { slug, from: status, to: changes.status, by: who(user), at: at.toISOString() } }, { actorId: user.id });
      }
      return this.changed(tx, user, slug);
    });
    return { initiative };
  }

  /** Leaders and admins add co-leaders; only admins take leadership away, and never the last leader. */
  async setLeader(user: AuthUser, slug: string, userId: string, add: boolean) {
    const row = add ? await this.assertLeader(user, slug) : await this.find(slug);
    if (!add && !isAdmin(user)) throw new ForbiddenException('Only admins can reassign leadership');
    if (add && !(await this.initiatives.userExists(userId))) throw new NotFoundException({ message: 'No such user', fields: { userId: 'No such user' } });
    const initiative = await this.outbox.transaction(async (tx) => {
      await this.initiatives.lock(tx.manager, row.id);
      if (add) {
        await this.initiatives.addLeader(tx.manager, row.id, userId, user.id);
        await this.initiatives.follow(tx.manager, row.id, userId);
      } else if (!(await this.initiatives.removeLeader(tx.manager, row.id, userId))) {
        throw new ConflictException('An initiative keeps at least one leader: add the new leader first');
      }
      const leaders = (await this.initiatives.leaders([row.id], tx.manager)).map((l) => ({ id: l.id, displayName: l.display_name }));
      tx.record({ topic: topics.initiative(slug), type: 'initiative.leaders.changed', payload: { slug, leaders } }, { actorId: user.id });
      return this.changed(tx, user, slug);
    });
    return { initiative };
  }

  async addMilestone(user: AuthUser, slug: string, dto: z.output<typeof MilestoneInput>) {
    refusePersonalData({ title: dto.title });
    const row = await this.assertLeader(user, slug);
    return this.outbox.transaction(async (tx) => {
      await this.initiatives.lock(tx.manager, row.id);
      const id = await this.initiatives.insertMilestone(tx.manager, row.id, dto);
      return this.milestoneChanged(tx, user, row, id);
    });
  }

  /** Ticking records who and when; unticking clears both. */
  async updateMilestone(user: AuthUser, slug: string, id: number, dto: z.output<typeof MilestonePatch>) {
    refusePersonalData({ title: dto.title });
    const row = await this.assertLeader(user, slug);
    return this.outbox.transaction(async (tx) => {
      await this.initiatives.lock(tx.manager, row.id);
      const before = await this.initiatives.milestone(tx.manager, row.id, id);
      if (!before) throw new NotFoundException(`No milestone ${id} in ${slug}`);
      await this.initiatives.updateMilestone(tx.manager, id, dto, user.id);
      return this.milestoneChanged(tx, user, row, id, dto.done === true && before.done_at === null);
    });
  }

  /** A leader's update; the notifications job tells the followers. */
  async postUpdate(user: AuthUser, slug: string, dto: z.output<typeof UpdateInput>) {
    refusePersonalData({ body: dto.body });
    const row = await this.assertLeader(user, slug);
    return this.outbox.transaction(async (tx) => {
      await this.initiatives.lock(tx.manager, row.id);
      const update = toUpdate(await this.initiatives.insertUpdate(tx.manager, row.id, dto, user.id));
      await this.initiatives.touch(tx.manager, row.id);
      tx.record({ topic: topics.initiative(slug), type: 'initiative.update.posted', payload: { ...update, initiative: { slug, title: row.title } } }, { actorId: user.id });
      await this.changed(tx, user, slug);
      return { update };
    });
  }

  /** Following is only about hearing of updates; it changes the follower count everyone sees. */
  async follow(user: AuthUser, slug: string, on: boolean) {
    const row = await this.find(slug);
    return this.outbox.transaction(async (tx) => {
      if (on) await this.initiatives.follow(tx.manager, row.id, user.id);
      else await this.initiatives.unfollow(tx.manager, row.id, user.id);
      await this.changed(tx, user, slug);
      return { following: on };
    });
  }

  /** Joining records the member's organisation as participating (only one they are a verified member of: its word), and follows. */
  async participate(user: AuthUser, slug: string, on: boolean) {
    const row = await this.find(slug);
    return this.outbox.transaction(async (tx) => {
      if (on) {
        await this.initiatives.join(tx.manager, row.id, user.id, user.verifiedOrganisationId);
        await this.initiatives.follow(tx.manager, row.id, user.id);
      } else await this.initiatives.leave(tx.manager, row.id, user.id);
      await this.changed(tx, user, slug);
      return { participating: on };
    });
  }

  /** The initiative or 404. */
  private async find(slug: string): Promise<InitiativeRow> {
    const row = await this.initiatives.bySlug(slug);
    if (!row) throw new NotFoundException(`No initiative called ${slug}`);
    return row;
  }

  private async assertLeader(user: AuthUser, slug: string): Promise<InitiativeRow> {
    const row = await this.find(slug);
    if (isAdmin(user) || (await this.initiatives.isLeader(row.id, user.id))) return row;
    throw new ForbiddenException(`Only leaders of ${row.title} or admins can do this`);
  }

  private async toolIds(slugs: string[]): Promise<number[]> {
    const { ids, unknown } = await this.initiatives.toolIds(slugs);
    if (unknown.length) throw new BadRequestException({ message: 'Check toolSlugs', fields: { toolSlugs: `No such tool: ${unknown.join(', ')}` } });
    return ids;
  }

  /** `completed`: this change ticked it, which followers hear about (a rename of a done milestone is no news). */
  private async milestoneChanged(tx: Tx, user: AuthUser, row: InitiativeRow, id: number, completed = false) {
    const milestone = toMilestone((await this.initiatives.milestone(tx.manager, row.id, id))!);
    await this.initiatives.touch(tx.manager, row.id);
    tx.record({ topic: topics.initiative(row.slug), type: 'initiative.milestone.changed', payload: { ...milestone, completed, initiative: { slug: row.slug, title: row.title } } }, { actorId: user.id });
    // What this milestone answered is done: the people who asked are told.
    if (completed) await this.answers.close(tx, 'milestone', id);
    await this.changed(tx, user, row.slug);
    return { milestone };
  }

  /** Every change ends with the whole initiative on its topic, so a page only needs this one event. */
  private async changed(tx: Tx, user: AuthUser, slug: string): Promise<Initiative> {
    const initiative = await this.full((await this.initiatives.bySlug(slug, tx.manager))!, tx.manager);
    tx.record({ topic: topics.initiative(slug), type: 'initiative.updated', payload: initiative }, { actorId: user.id });
    return initiative;
  }

  private async full(row: InitiativeRow, manager?: EntityManager): Promise<Initiative> {
    // One after another: inside a transaction they share one connection.
    const leaders = await this.initiatives.leaders([row.id], manager);
    const tools = await this.initiatives.tools(row.id, manager);
    const participants = await this.initiatives.participants(row.id, manager);
    const milestones = await this.initiatives.milestones([row.id], manager);
    const updates = await this.initiatives.updates(row.id, manager);
    const history = await this.initiatives.statusHistory(row.id, manager);
    return toInitiative(row, { leaders, tools, participants, milestones, updates, history });
  }
}
