import { BadRequestException, ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DEFAULT_DESIGN_SECTIONS, ReleaseInput, Slug, slugify, ToolInput, ToolPatch, ToolQuery, type Tool } from '@commons/domain';
import { topics } from '@commons/realtime';
import type { z } from 'zod';
import { refusePersonalData } from '../common/personal-data';
import type { AuthUser } from '../auth/auth-user';
import { AuditRepository } from '../admin/audit.repository';
import { OutboxService } from '../realtime/outbox.service';
import { DesignRepository } from './design.repository';
import { assertCanReadTool, canReadTool, readsLocalAuthorityTools } from './tool-access';
import { byVersion, toRelease, toRestricted, toSummary, toTool } from './tools.mappers';
import { ToolFields, ToolRepository, ToolRow } from './tools.repository';

/**
 * The catalogue topic is everyone's: of a local-authority-only tool it carries only what anyone may know
 * (name, summary, stage, access), the rest blanked; its readers get the whole summary from the list.
 */
const catalogueSummary = (row: ToolRow) => (row.access === 'public' ? toSummary(row) : { ...toSummary(row), datasets: [], technology: [], licence: null, repository: null });

/** A tool as anyone may know it: its name, summary, stage and access, the rest blank. */
const publicTool = (tool: Tool): Tool => ({ ...tool, description: '', documentation: null, datasets: [], technology: [], licence: null, repository: null, originOrganisation: null, maintainers: [], latestRelease: null, stageHistory: [] });

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
    private readonly audit: AuditRepository,
  ) {}

  /** Local-authority-only tools are listed only to those who may read them. */
  async search(query: ToolQuery, user: AuthUser | null = null) {
    const reads = readsLocalAuthorityTools(user);
    const [{ rows, total }, facets] = await Promise.all([this.tools.search(query, reads), this.tools.facets(reads)]);
    return { items: rows.map(toSummary), total, facets };
  }

  /** The tool; for a reader without access to a local-authority-only one, its name, summary and how to get access. */
  async get(slug: string, user: AuthUser | null = null) {
    // The seq first: the page follows the topic from it, so what commits meanwhile is replayed, never lost.
    const seq = await this.outbox.currentSeq(topics.tool(slug));
    const row = await this.find(slug);
    if (!canReadTool(user, row)) return { restricted: true as const, tool: toRestricted(row) };
    return { tool: await this.full(row), seq };
  }

  /** The tool or 404. */
  async find(slug: string): Promise<ToolRow> {
    const tool = await this.tools.bySlug(slug);
    if (!tool) throw new NotFoundException(`No tool called ${slug}`);
    return tool;
  }

  /** The tool, if `user` may read it: 404 when there is none, 403 (saying how to get access) when they may not. */
  async readable(slug: string, user: AuthUser | null): Promise<ToolRow> {
    const tool = await this.find(slug);
    assertCanReadTool(user, tool);
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
      access: 'public',
    };
    const tool = await this.outbox.transaction(async (tx) => {
      const id = await this.tools.insert(tx.manager, slug, fields, user.id);
      if (id === null) throw new ConflictException({ message: `A tool called ${slug} exists already`, fields: { slug: 'This slug is taken: choose another' } });
      const at = await this.tools.recordStage(tx.manager, id, null, 'proposed', user.id);
      await this.tools.addMaintainer(tx.manager, id, user.id, user.id);
      await this.design.insertDefaults(tx.manager, id, DEFAULT_DESIGN_SECTIONS);
      const row = (await this.tools.bySlug(slug, tx.manager))!;
      tx.record({ topic: topics.catalogue, type: 'tool.created', payload: catalogueSummary(row) }, { actorId: user.id });
      tx.record({ topic: topics.catalogue, type: 'tool.stage.changed', payload: { slug, from: null, to: 'proposed', by: who(user), at: at.toISOString() } }, { actorId: user.id });
      return this.full(row, tx.manager);
    });
    return { tool };
  }

  /** Maintainers and admins edit; a stage move is kept in the history and announced on the catalogue too. */
  async update(user: AuthUser, slug: string, dto: z.output<typeof ToolPatch>) {
    refusePersonalData(toolTexts(dto));
    const current = await this.readable(slug, user);
    await this.assertMaintainer(user, current);
    await this.assertOrganisation(dto.originOrganisationId);
    // Nobody keeps a tool to local authority staff and themselves out of it.
    if (dto.access && !canReadTool(user, { access: dto.access })) {
      throw new ForbiddenException({ message: 'Only verified members of a local authority, moderators and admins can keep a tool to local authority staff', fields: { access: 'Confirm your council email address first' } });
    }
    const changes = Object.fromEntries(Object.entries(dto).filter(([, v]) => v !== undefined)) as Partial<ToolFields>;
    const tool = await this.outbox.transaction(async (tx) => {
      const locked = (await this.tools.lock(tx.manager, slug))!;
      await this.tools.update(tx.manager, locked.id, changes);
      if (changes.access && changes.access !== locked.access) {
        await this.audit.record(tx.manager, { actorId: user.id, action: 'tool.access.changed', targetType: 'tool', targetId: slug, detail: { from: locked.access, to: changes.access } });
      }
      if (changes.stage && changes.stage !== locked.stage) {
        const at = await this.tools.recordStage(tx.manager, locked.id, locked.stage, changes.stage, user.id);
        const move = { slug, from: locked.stage, to: changes.stage, by: who(user), at: at.toISOString() };
        tx.record({ topic: topics.tool(slug), type: 'tool.stage.changed', payload: move }, { actorId: user.id });
        tx.record({ topic: topics.catalogue, type: 'tool.stage.changed', payload: move }, { actorId: user.id });
      }
      const row = (await this.tools.bySlug(slug, tx.manager))!;
      const updated = await this.full(row, tx.manager);
      // Kept to local authority staff from now on: the topic's followers may not all be readers, so this
      // event carries only what anyone may know; readers' pages load the rest (and realtime stops the others).
      const closing = changes.access === 'local_authority' && locked.access !== 'local_authority';
      tx.record({ topic: topics.tool(slug), type: 'tool.updated', payload: closing ? publicTool(updated) : updated }, { actorId: user.id });
      tx.record({ topic: topics.catalogue, type: 'tool.summary.updated', payload: catalogueSummary(row) }, { actorId: user.id });
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

  async releases(slug: string, user: AuthUser | null = null) {
    const tool = await this.readable(slug, user);
    return { items: (await this.tools.releases(tool.id)).map(toRelease).sort(byVersion) };
  }

  async publish(user: AuthUser, slug: string, dto: z.output<typeof ReleaseInput>) {
    refusePersonalData({ version: dto.version, notes: dto.notes });
    const tool = await this.readable(slug, user);
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
