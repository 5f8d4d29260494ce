import { BadRequestException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { compareSemver, majorOf, type AdoptionStatus, type AdoptionSummary } from '@commons/domain';
import { topics } from '@commons/realtime';
import type { AuthUser } from '../auth/auth-user';
import { OutboxService } from '../realtime/outbox.service';
import { readsLocalAuthorityTools } from './tool-access';
import { toAdoption, toSummary } from './tools.mappers';
import { ToolRepository } from './tools.repository';
import { isAdmin, ToolsService } from './tools.service';

/**
 * Versions in use among the authorities that use or pilot a tool: each version and how many run it
 * (newest first), the latest release, and how many run an older major version than the latest's.
 */
export function versionsInUse(rows: { status: AdoptionStatus; version: string | null }[], released: string[]) {
  const latest = [...released].sort(compareSemver).at(-1) ?? null;
  const running = rows.filter((r) => (r.status === 'uses' || r.status === 'pilots') && r.version).map((r) => r.version!);
  const counts = running.reduce((m, v) => m.set(v, (m.get(v) ?? 0) + 1), new Map<string, number>());
  const versions = [...counts].map(([version, authorities]) => ({ version, authorities })).sort((a, b) => compareSemver(b.version, a.version));
  const latestMajor = latest ? majorOf(latest) : null;
  const behindMajor = latestMajor === null ? 0 : running.filter((v) => (majorOf(v) ?? latestMajor) < latestMajor).length;
  return { latest, versions, behindMajor };
}

/** Which authorities use which tools. */
@Injectable()
export class AdoptionService {
  constructor(
    private readonly tools: ToolRepository,
    private readonly catalogue: ToolsService,
    private readonly outbox: OutboxService,
  ) {}

  async forTool(slug: string, user: AuthUser | null = null): Promise<AdoptionSummary> {
    const tool = await this.catalogue.readable(slug, user);
    const [rows, regions, releases] = await Promise.all([this.tools.adoptions(tool.id), this.tools.adoptionByRegion(tool.id), this.tools.releases(tool.id)]);
    const sum = (k: AdoptionStatus) => regions.reduce((n, r) => n + r[k], 0);
    return {
      ...versionsInUse(rows, releases.map((r) => r.version)),
      usedBy: sum('uses'),
      of: regions.reduce((n, r) => n + r.authorities, 0),
      counts: { uses: sum('uses'), pilots: sum('pilots'), interested: sum('interested'), stopped: sum('stopped') },
      regions,
      items: rows.map(toAdoption),
    };
  }

  /**
   * Only a verified member of that authority (a confirmed address on one of its domains, or its single
   * sign-on) speaks for it; admins, who vouch for the domains, may correct the record.
   */
  async record(user: AuthUser, slug: string, organisationId: number, { status, version }: { status: AdoptionStatus; version?: string | null }) {
    const tool = await this.catalogue.readable(slug, user);
    const organisation = await this.tools.organisation(organisationId);
    if (!organisation) throw new NotFoundException('No such organisation');
    if (user.verifiedOrganisationId !== organisationId && !isAdmin(user)) {
      const unverified = user.organisationId === organisationId;
      throw new ForbiddenException(
        unverified
          ? `Your membership of ${organisation.name} is not verified: confirm an email address on its domain (or sign in with its single sign-on) to record its use of a tool`
          : `Only verified members of ${organisation.name} can record its use of a tool`,
      );
    }
    if (organisation.kind !== 'local_authority') {
      throw new BadRequestException({ message: 'Check organisationId', fields: { organisationId: 'Only local authorities record adoption' } });
    }
    const adoption = await this.outbox.transaction(async (tx) => {
      await this.tools.upsertAdoption(tx.manager, tool.id, organisationId, status, user.id, version);
      const row = (await this.tools.adoptions(tool.id, tx.manager)).find((a) => a.organisation_id === organisationId)!;
      const usedBy = Number((await this.tools.bySlug(slug, tx.manager))!.used_by);
      const recorded = toAdoption(row);
      tx.record({ topic: topics.tool(slug), type: 'tool.adoption.changed', payload: { ...recorded, slug, usedBy } }, { actorId: user.id });
      return { ...recorded, usedBy };
    });
    return { adoption };
  }

  async forOrganisation(organisationId: number, user: AuthUser | null = null) {
    const organisation = await this.tools.organisation(organisationId);
    if (!organisation) throw new NotFoundException('No such organisation');
    const rows = await this.tools.organisationTools(organisationId, readsLocalAuthorityTools(user));
    return {
      organisation: { id: organisation.id, name: organisation.name, region: organisation.region },
      items: rows.map((r) => ({ tool: toSummary(r), status: r.adoption_status, updatedAt: r.adoption_updated_at.toISOString() })),
    };
  }
}
