import { BadRequestException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import type { AdoptionStatus, AdoptionSummary } from '@commons/domain';
import { topics } from '@commons/realtime';
import type { AuthUser } from '../auth/auth-user';
import { OutboxService } from '../realtime/outbox.service';
import { toAdoption, toSummary } from './tools.mappers';
import { ToolRepository } from './tools.repository';
import { isAdmin, ToolsService } from './tools.service';

/** Which authorities use which tools. */
@Injectable()
export class AdoptionService {
  constructor(
    private readonly tools: ToolRepository,
    private readonly catalogue: ToolsService,
    private readonly outbox: OutboxService,
  ) {}

  async forTool(slug: string): Promise<AdoptionSummary> {
    const tool = await this.catalogue.find(slug);
    const [rows, regions] = await Promise.all([this.tools.adoptions(tool.id), this.tools.adoptionByRegion(tool.id)]);
    const sum = (k: AdoptionStatus) => regions.reduce((n, r) => n + r[k], 0);
    return {
      usedBy: sum('uses'),
      of: regions.reduce((n, r) => n + r.authorities, 0),
      counts: { uses: sum('uses'), pilots: sum('pilots'), interested: sum('interested'), stopped: sum('stopped') },
      regions,
      items: rows.map(toAdoption),
    };
  }

  /** Only a member of that authority (or an admin) speaks for it. */
  async record(user: AuthUser, slug: string, organisationId: number, status: AdoptionStatus) {
    const tool = await this.catalogue.find(slug);
    const organisation = await this.tools.organisation(organisationId);
    if (!organisation) throw new NotFoundException('No such organisation');
    if (user.organisationId !== organisationId && !isAdmin(user)) {
      throw new ForbiddenException(`Only members of ${organisation.name} can record its use of a tool`);
    }
    if (organisation.kind !== 'local_authority') {
      throw new BadRequestException({ message: 'Check organisationId', fields: { organisationId: 'Only local authorities record adoption' } });
    }
    const adoption = await this.outbox.transaction(async (tx) => {
      await this.tools.upsertAdoption(tx.manager, tool.id, organisationId, status, user.id);
      const row = (await this.tools.adoptions(tool.id, tx.manager)).find((a) => a.organisation_id === organisationId)!;
      const usedBy = Number((await this.tools.bySlug(slug, tx.manager))!.used_by);
      const recorded = toAdoption(row);
      tx.record({ topic: topics.tool(slug), type: 'tool.adoption.changed', payload: { ...recorded, slug, usedBy } }, { actorId: user.id });
      return { ...recorded, usedBy };
    });
    return { adoption };
  }

  async forOrganisation(organisationId: number) {
    const organisation = await this.tools.organisation(organisationId);
    if (!organisation) throw new NotFoundException('No such organisation');
    const rows = await this.tools.organisationTools(organisationId);
    return {
      organisation: { id: organisation.id, name: organisation.name, region: organisation.region },
      items: rows.map((r) => ({ tool: toSummary(r), status: r.adoption_status, updatedAt: r.adoption_updated_at.toISOString() })),
    };
  }
}
