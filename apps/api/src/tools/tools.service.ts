import { BadRequestException, ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DEFAULT_DESIGN_SECTIONS, ReleaseInput, Slug, slugify, ToolInput, ToolPatch, ToolQuery, type Tool } from '@commons/domain';
import { topics } from '@commons/realtime';
import type { z } from 'zod';
import { refusePersonalData } from '../common/personal-data';
import type { AuthUser } from '../auth/auth-user';
import { OutboxService } from '../realtime/outbox.service';
import { DesignRepository } from './design.repository';
import { byVersion, toRelease, toSummary, toTool } from './tools.mappers';
import { ToolFields, ToolRepository, ToolRow } from './tools.repository';

export const isAdmin = (user: AuthUser | null) => !!user?.roles.includes('admin');
const who = (user: AuthUser) => ({ id: user.id, displayName: user.displayName });

/** Everything a member writes about a tool; shown to everyone at once, so checked before it is stored. */
const toolTexts = (dto: Partial<z.output<typeof ToolInput>>) => ({
  name: dto.name,
  slug: dto.slug,
  summary: dto.summary,
  description: dto.description,
  datasets: dto.datasets,
  technology: dto.technology,
  licence: dto.licence,
  repository: dto.repository,
  documentation: dto.documentation,
});

@Injectable()
export class ToolsService {
  constructor(
    private readonly tools: ToolRepository,
    private readonly design: DesignRepository,
    private readonly outbox: OutboxService,
  ) {}

  async search(query: ToolQuery) {
    const [{ rows, total }, facets] = await Promise.all([this.tools.search(query), this.tools.facets()]);
    return { items: rows.map(toSummary), total, facets };
  }

  async get(slug: string) {
    // The seq first: the page follows the topic from it, so what commits meanwhile is replayed, never lost.
    const seq = await this.outbox.currentSeq(topics.tool(slug));
    return { tool: await this.full(await this.find(slug)), seq };
  }

  /** The tool or 404. */
  async find(slug: string): Promise<ToolRow> {
    const tool = await this.tools.bySlug(slug);
    if (!tool) throw new NotFoundException(`No tool called ${slug}`);
    return tool;
  }

  /** Maintainers and admins may change a tool; everyone else gets 403. */
  async assertMaintainer(user: AuthUser, tool: ToolRow) {
    if (isAdmin(user) || (await this.tools.isMaintainer(tool.id, user.id))) return;
    throw new ForbiddenException(`Only maintainers of ${tool.name} or admins can do this`);
  }

  /** Any member may propose a tool: it starts as proposed, with them as its maintainer and an empty design document. */
  async propose(user: AuthUser, dto: z.output<typeof ToolInput>) {
    refusePersonalData(toolTexts(dto));
    const slug = dto.slug ?? slugify(dto.name);
    if (!Slug.safeParse(slug).success) throw new BadRequestException({ message: 'Check slug', fields: { slug: 'Give the tool a slug: lower-case letters, digits and hyphens' } });
    await this.assertOrganisation(dto.originOrganisationId);
    const fields: ToolFields = {
      name: dto.name,
      summary: dto.summary,
      description: dto.description,
      stage: 'proposed',
      datasets: dto.datasets,
      technology: dto.technology,
      licence: dto.licence ?? null,
      repository: dto.repository ?? null,
      documentation: dto.documentation ?? null,
      originOrganisationId: dto.originOrganisationId ?? null,
    };
    const tool = await this.outbox.transaction(async (tx) => {
      const id = await this.tools.insert(tx.manager, slug, fields, user.id);
      if (id === null) throw new ConflictException({ message: `A tool called ${slug} exists already`, fields: { slug: 'This slug is taken: choose another' } });
      const at = await this.tools.recordStage(tx.manager, id, null, 'proposed', user.id);
      await this.tools.addMaintainer(tx.manager, id, user.id, user.id);
      await this.design.insertDefaults(tx.manager, id, DEFAULT_DESIGN_SECTIONS);
      const row = (await this.tools.bySlug(slug, tx.manager))!;
      tx.record({ topic: topics.catalogue, type: 'tool.created', payload: toSummary(row) }, { actorId: user.id });
      tx.record({ topic: topics.catalogue, type: 'tool.stage.changed', payload: { slug, from: null, to: 'proposed', by: who(user), at: at.toISOString() } }, { actorId: user.id });
      return this.full(row, tx.manager);
    });
    return { tool };
  }

  /** Maintainers and admins edit; a stage move is kept in the history and announced on the catalogue too. */
  async update(user: AuthUser, slug: string, dto: z.output<typeof ToolPatch>) {
    refusePersonalData(toolTexts(dto));
    await this.assertMaintainer(user, await this.find(slug));
    await this.assertOrganisation(dto.originOrganisationId);
    const changes = Object.fromEntries(Object.entries(dto).filter(([, v]) => v !== undefined)) as Partial<ToolFields>;
    const tool = await this.outbox.transaction(async (tx) => {
      const locked = (await this.tools.lock(tx.manager, slug))!;
      await this.tools.update(tx.manager, locked.id, changes);
      if (changes.stage && changes.stage !== locked.stage) {
        const at = await this.tools.recordStage(tx.manager, locked.id, locked.stage, changes.stage, user.id);
        const move = { slug, from: locked.stage, to: changes.stage, by: who(user), at: at.toISOString() };
        tx.record({ topic: topics.tool(slug), type: 'tool.stage.changed', payload: move }, { actorId: user.id });
        tx.record({ topic: topics.catalogue, type: 'tool.stage.changed', payload: move }, { actorId: user.id });
      }
      const row = (await this.tools.bySlug(slug, tx.manager))!;
      const updated = await this.full(row, tx.manager);
      tx.record({ topic: topics.tool(slug), type: 'tool.updated', payload: updated }, { actorId: user.id });
      tx.record({ topic: topics.catalogue, type: 'tool.summary.updated', payload: toSummary(row) }, { actorId: user.id });
      return updated;
    });
    return { tool };
  }

  async setMaintainer(user: AuthUser, slug: string, userId: string, add: boolean) {
    const tool = await this.find(slug);
    if (add && !(await this.tools.userExists(userId))) throw new NotFoundException('No such user');
    const maintainers = await this.outbox.transaction(async (tx) => {
      if (add) await this.tools.addMaintainer(tx.manager, tool.id, userId, user.id);
      else await this.tools.removeMaintainer(tx.manager, tool.id, userId);
      const list = (await this.tools.maintainers(tool.id, tx.manager)).map((m) => ({ id: m.id, displayName: m.display_name }));
      tx.record({ topic: topics.tool(slug), type: 'tool.maintainers.changed', payload: { slug, maintainers: list } }, { actorId: user.id });
      return list;
    });
    return { maintainers };
  }

  async releases(slug: string) {
    const tool = await this.find(slug);
    return { items: (await this.tools.releases(tool.id)).map(toRelease).sort(byVersion) };
  }

  async publish(user: AuthUser, slug: string, dto: z.output<typeof ReleaseInput>) {
    refusePersonalData({ version: dto.version, notes: dto.notes });
    const tool = await this.find(slug);
    await this.assertMaintainer(user, tool);
    const release = await this.outbox.transaction(async (tx) => {
      const id = await this.tools.insertRelease(tx.manager, tool.id, dto, user.id);
      if (id === null) throw new ConflictException({ message: `Version ${dto.version} was released already`, fields: { version: 'This version exists already' } });
      const published = toRelease((await this.tools.releases(tool.id, tx.manager)).find((r) => r.id === id)!);
      tx.record({ topic: topics.tool(slug), type: 'tool.release.published', payload: { ...published, slug } }, { actorId: user.id });
      return published;
    });
    return { release };
  }

  private async full(row: ToolRow, manager?: EntityManager): Promise<Tool> {
    // One after another: inside a transaction they share one connection.
    const maintainers = await this.tools.maintainers(row.id, manager);
    const releases = await this.tools.releases(row.id, manager);
    const history = await this.tools.stageHistory(row.id, manager);
    return toTool(row, { maintainers, releases, history });
  }

  private async assertOrganisation(id: number | null | undefined) {
    if (id && !(await this.tools.organisationExists(id))) {
      throw new BadRequestException({ message: 'Check originOrganisationId', fields: { originOrganisationId: 'No such organisation' } });
    }
  }
}
