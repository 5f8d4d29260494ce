import { compareSemver, type Adoption, type Person, type Release, type RestrictedTool, type StageMove, type Tool, type ToolSummary } from '@commons/domain';
import { HOW_TO_GET_ACCESS } from './tool-access';
import type { AdoptionRow, PersonRow, ReleaseRow, ToolRow } from './tools.repository';

export const person = (id: string | null, displayName: string | null): Person | null => (id ? { id, displayName: displayName ?? '' } : null);

export function toSummary(t: ToolRow): ToolSummary {
  return {
    slug: t.slug,
    name: t.name,
    summary: t.summary,
    stage: t.stage,
    datasets: t.datasets,
    technology: t.technology,
    licence: t.licence,
    repository: t.repository,
    usedBy: Number(t.used_by),
    access: t.access,
  };
}

/** All a reader without access learns of a local-authority-only tool. */
export function toRestricted(t: ToolRow): RestrictedTool {
  return { slug: t.slug, name: t.name, summary: t.summary, access: t.access, howToGetAccess: HOW_TO_GET_ACCESS };
}

export function toRelease(r: ReleaseRow): Release {
  return { id: r.id, version: r.version, notes: r.notes, releasedOn: r.released_on, publishedBy: person(r.published_by, r.publisher_name), createdAt: r.created_at.toISOString() };
}

/** Highest semantic version first. */
export const byVersion = (a: Release, b: Release) => compareSemver(b.version, a.version);

export function toTool(
  t: ToolRow,
  parts: { maintainers: PersonRow[]; releases: ReleaseRow[]; history: (PersonRow & { from_stage: StageMove['from']; to_stage: StageMove['to']; moved_at: Date })[] },
): Tool {
  return {
    ...toSummary(t),
    description: t.description,
    documentation: t.documentation,
    originOrganisation: t.origin_organisation_id ? { id: t.origin_organisation_id, name: t.origin_name ?? '' } : null,
    maintainers: parts.maintainers.map((m) => ({ id: m.id, displayName: m.display_name })),
    latestRelease: parts.releases.map(toRelease).sort(byVersion)[0] ?? null,
    stageHistory: parts.history.map((h) => ({ from: h.from_stage, to: h.to_stage, by: person(h.id, h.display_name), at: h.moved_at.toISOString() })),
    createdAt: t.created_at.toISOString(),
    updatedAt: t.updated_at.toISOString(),
  };
}

export function toAdoption(a: AdoptionRow): Adoption {
  return {
    organisation: { id: a.organisation_id, name: a.organisation_name, region: a.region },
    status: a.status,
    version: a.version,
    recordedBy: person(a.recorded_by, a.recorder_name),
    updatedAt: a.updated_at.toISOString(),
  };
}
