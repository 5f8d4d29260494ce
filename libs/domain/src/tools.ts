import { diffLines } from 'diff';
import { z } from 'zod';

/** Who may read a tool's description, releases, design document and threads. */
export const ToolAccess = z.enum(['public', 'local_authority']);
export type ToolAccess = z.infer<typeof ToolAccess>;

export const ToolStage = z.enum(['proposed', 'in_design', 'in_development', 'released', 'maintained', 'retired']);
export type ToolStage = z.infer<typeof ToolStage>;

/** How an authority stands with a tool. "Used by N" counts `uses`; adopters for the region filter are `uses` and `pilots`. */
export const AdoptionStatus = z.enum(['uses', 'pilots', 'interested', 'stopped']);
export type AdoptionStatus = z.infer<typeof AdoptionStatus>;

/** The sections every design document starts with; maintainers may add more. */
export const DEFAULT_DESIGN_SECTIONS: readonly { key: string; title: string }[] = [
  { key: 'problem', title: 'Problem' },
  { key: 'users', title: 'Users' },
  { key: 'data_in', title: 'Data in' },
  { key: 'outputs', title: 'Outputs' },
  { key: 'rules', title: 'Rules' },
  { key: 'open_questions', title: 'Open questions' },
];

export const Person = z.object({ id: z.string(), displayName: z.string() });
export type Person = z.infer<typeof Person>;

export const Release = z.object({
  id: z.number().int(),
  version: z.string(),
  notes: z.string(),
  releasedOn: z.string(),
  publishedBy: Person.nullable(),
  createdAt: z.string(),
});
export type Release = z.infer<typeof Release>;

export const ToolSummary = z.object({
  slug: z.string(),
  name: z.string(),
  summary: z.string(),
  stage: ToolStage,
  datasets: z.array(z.string()),
  technology: z.array(z.string()),
  licence: z.string().nullable(),
  repository: z.string().nullable(),
  /** local authorities whose status is `uses` */
  usedBy: z.number().int(),
  /** `local_authority`: only verified members of a local authority, moderators and admins read it */
  access: ToolAccess,
});
export type ToolSummary = z.infer<typeof ToolSummary>;

export const StageMove = z.object({ from: ToolStage.nullable(), to: ToolStage, by: Person.nullable(), at: z.string() });
export type StageMove = z.infer<typeof StageMove>;

export const Tool = ToolSummary.extend({
  description: z.string(),
  documentation: z.string().nullable(),
  originOrganisation: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  maintainers: z.array(Person),
  latestRelease: Release.nullable(),
  stageHistory: z.array(StageMove),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Tool = z.infer<typeof Tool>;

export const Slug = z
  .string()
  .min(2, 'Slug must be at least 2 characters')
  .max(80, 'Slug must be 80 characters or fewer')
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Slug may contain lower-case letters, digits and single hyphens');

export const ToolQuery = z.object({
  q: z.string().trim().max(200, 'Search must be 200 characters or fewer').optional(),
  stage: ToolStage.optional(),
  dataset: z.string().max(100).optional(),
  technology: z.string().max(100).optional(),
  /** tools used or piloted by an authority in this region */
  region: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type ToolQuery = z.infer<typeof ToolQuery>;

export const ToolList = z.object({
  items: z.array(ToolSummary),
  total: z.number().int(),
  /** every dataset and technology in the catalogue, for the filters */
  facets: z.object({ datasets: z.array(z.string()), technology: z.array(z.string()) }),
});
export type ToolList = z.infer<typeof ToolList>;

const link = z
  .string()
  .trim()
  .max(500, 'Must be 500 characters or fewer')
  .refine((s) => /^https?:\/\/\S+$/.test(s) || /^[\w.-]+\/[\w.-]+$/.test(s), 'Must be a web address (https://…) or a GitHub owner/name');
const tags = (what: string) => z.array(z.string().trim().min(1, `Each ${what} needs a name`).max(100)).max(30, `At most 30 ${what}s`);

/** The fields a tool is described by, as a maintainer may change them. */
const ToolFieldsSchema = z.object({
  name: z.string().trim().min(3, 'Name must be at least 3 characters').max(120, 'Name must be 120 characters or fewer'),
  summary: z.string().trim().min(10, 'Summary must be at least 10 characters').max(500, 'Summary must be 500 characters or fewer'),
  description: z.string().max(50_000, 'Description must be 50,000 characters or fewer'),
  datasets: tags('dataset'),
  technology: tags('technology'),
  licence: z.string().trim().max(100).nullable(),
  repository: link.nullable(),
  documentation: link.nullable(),
  originOrganisationId: z.number({ error: 'Organisation must be a number' }).int().positive().max(2_147_483_647, 'No such organisation').nullable(),
});

/** What a member fills in to propose a tool (the slug is made from the name when not given). */
export const ToolInput = ToolFieldsSchema.partial().extend({
  slug: Slug.optional(),
  name: ToolFieldsSchema.shape.name,
  summary: ToolFieldsSchema.shape.summary,
  description: ToolFieldsSchema.shape.description.default(''),
  datasets: ToolFieldsSchema.shape.datasets.default([]),
  technology: ToolFieldsSchema.shape.technology.default([]),
});
export type ToolInput = z.input<typeof ToolInput>;

/** A maintainer's edit: only the fields sent change, including a stage move (recorded in the history). */
export const ToolPatch = ToolFieldsSchema.partial()
  .extend({ stage: ToolStage.optional(), access: ToolAccess.optional() })
  .refine((p) => Object.values(p).some((v) => v !== undefined), { message: 'Change at least one field', path: ['body'] });
export type ToolPatch = z.input<typeof ToolPatch>;

export function slugify(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
}

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;

export const ReleaseInput = z.object({
  version: z.string().trim().regex(SEMVER, 'Version must be a semantic version such as 1.4.0'),
  notes: z.string().max(20_000, 'Notes must be 20,000 characters or fewer').default(''),
  releasedOn: z.iso.date('Release date must be a date such as 2026-03-31').optional(),
});
export type ReleaseInput = z.input<typeof ReleaseInput>;

/** The major version number of a semantic version ("2" of "2.1.0", "v2.1"), or null. */
export function majorOf(version: string): number | null {
  const m = /^v?(\d+)(?:\.|$)/.exec(version.trim());
  return m ? Number(m[1]) : null;
}

/** Semantic version order (pre-releases before their release); for "the latest release". */
export function compareSemver(a: string, b: string): number {
  const pa = SEMVER.exec(a);
  const pb = SEMVER.exec(b);
  if (!pa || !pb) return a.localeCompare(b);
  for (let i = 1; i <= 3; i++) {
    const d = Number(pa[i]) - Number(pb[i]);
    if (d) return d;
  }
  if (!pa[4] || !pb[4]) return (pa[4] ? -1 : 0) - (pb[4] ? -1 : 0);
  const xa = pa[4].split('.');
  const xb = pb[4].split('.');
  for (let i = 0; i < Math.max(xa.length, xb.length); i++) {
    if (xa[i] === undefined) return -1;
    if (xb[i] === undefined) return 1;
    const na = /^\d+$/.test(xa[i]);
    const nb = /^\d+$/.test(xb[i]);
    const d = na && nb ? Number(xa[i]) - Number(xb[i]) : na ? -1 : nb ? 1 : xa[i].localeCompare(xb[i]);
    if (d) return d;
  }
  return 0;
}

export const AdoptionInput = z.object({
  status: AdoptionStatus,
  /** The version the authority runs; left out, the recorded one stays; null clears it. */
  version: z
    .string({ error: 'Version must be text, like 2.1.0' })
    .trim()
    .min(1, 'Give the version, like 2.1.0')
    .max(40, 'Version must be 40 characters or fewer')
    .regex(/^[0-9A-Za-z][0-9A-Za-z.+-]*$/, 'Version must look like 2.1.0 (letters, digits, dots and hyphens)')
    .nullable()
    .optional(),
});

export const Adoption = z.object({
  organisation: z.object({ id: z.number().int(), name: z.string(), region: z.string().nullable() }),
  status: AdoptionStatus,
  version: z.string().nullable(),
  recordedBy: Person.nullable(),
  updatedAt: z.string(),
});
export type Adoption = z.infer<typeof Adoption>;

const StatusCounts = z.object({ uses: z.number().int(), pilots: z.number().int(), interested: z.number().int(), stopped: z.number().int() });

export const AdoptionSummary = z.object({
  /** authorities that use the tool, out of `of` (all local authorities) */
  usedBy: z.number().int(),
  of: z.number().int(),
  counts: StatusCounts,
  regions: z.array(StatusCounts.extend({ region: z.string(), authorities: z.number().int() })),
  items: z.array(Adoption),
  /** The latest release, the versions authorities that use or pilot it run (newest first), and how many run an older major version. */
  latest: z.string().nullable(),
  versions: z.array(z.object({ version: z.string(), authorities: z.number().int() })),
  behindMajor: z.number().int(),
});
export type AdoptionSummary = z.infer<typeof AdoptionSummary>;

export const SectionKey = z
  .string()
  .min(2, 'Section key must be at least 2 characters')
  .max(40, 'Section key must be 40 characters or fewer')
  .regex(/^[a-z][a-z0-9_]*$/, 'Section key may contain lower-case letters, digits and underscores');

export const DesignSection = z.object({
  key: z.string(),
  title: z.string(),
  body: z.string(),
  /** 0 until the first edit */
  revision: z.number().int(),
  updatedBy: Person.nullable(),
  updatedAt: z.string().nullable(),
  /** saved text that looks like personal data: hidden from readers (body '') until a moderator clears it */
  held: z.boolean().optional(),
});
export type DesignSection = z.infer<typeof DesignSection>;

export const DesignDocument = z.object({ slug: z.string(), sections: z.array(DesignSection) });
export type DesignDocument = z.infer<typeof DesignDocument>;

export const SectionEdit = z.object({
  body: z.string().max(50_000, 'Section must be 50,000 characters or fewer'),
  /** the revision the edit started from; a newer one on the server gets 409 with its text */
  baseRevision: z.number({ error: 'Base revision must be a number' }).int().min(0, 'Base revision must be 0 or more'),
});
export type SectionEdit = z.infer<typeof SectionEdit>;

export const NewSection = z.object({
  key: SectionKey,
  title: z.string().trim().min(2, 'Title must be at least 2 characters').max(80, 'Title must be 80 characters or fewer'),
});
export type NewSection = z.infer<typeof NewSection>;

/** 409 body for a stale baseRevision: the contract's error plus the section as it now is. */
export const SectionConflict = z.object({
  error: z.object({ code: z.literal('conflict'), message: z.string(), current: DesignSection }),
});
export type SectionConflict = z.infer<typeof SectionConflict>;

export const Revision = z.object({
  revision: z.number().int(),
  body: z.string(),
  author: Person.nullable(),
  createdAt: z.string(),
  /** a named version's name; null for automatic ones */
  name: z.string().nullable().optional(),
});
export type Revision = z.infer<typeof Revision>;

export const CompareQuery = z.object({
  from: z.coerce.number({ error: 'from must be a revision number' }).int().min(1, 'from must be a revision number'),
  to: z.coerce.number({ error: 'to must be a revision number' }).int().min(1, 'to must be a revision number'),
});

export const DiffLine = z.object({ op: z.enum(['same', 'added', 'removed']), text: z.string() });
export type DiffLine = z.infer<typeof DiffLine>;

/**
 * jsdiff's answer (lines that end in a newline; both texts were given one more) as DiffLines; when it
 * gave up (undefined: over its time limit), every old line removed and every new one added.
 */
export function diffFromChanges(before: string, after: string, changes: readonly { value: string; added?: boolean; removed?: boolean }[] | undefined): { diff: DiffLine[]; approximate: boolean } {
  const lines = (text: string) => (text === '' ? [] : text.split('\n'));
  if (!changes) return { diff: [...lines(before).map((text) => ({ op: 'removed' as const, text })), ...lines(after).map((text) => ({ op: 'added' as const, text }))], approximate: true };
  const diff: DiffLine[] = [];
  for (const c of changes) {
    const op = c.added ? 'added' : c.removed ? 'removed' : 'same';
    for (const text of c.value.replace(/\n$/, '').split('\n')) diff.push({ op, text });
  }
  // An empty text is one empty "line" to jsdiff; it has none.
  const phantom = (l: DiffLine) => l.text === '' && ((before === '' && l.op !== 'added') || (after === '' && l.op !== 'removed'));
  return { diff: diff.filter((l) => !phantom(l)), approximate: false };
}

/**
 * A line diff (jsdiff's Myers diff) that gives up after `timeoutMs`, answering then every line replaced:
 * two long, very different texts would otherwise take seconds. The API's compare runs the same diff
 * without blocking (apps/api/src/tools/design/compare.ts).
 */
export function lineDiff(before: string, after: string, timeoutMs = 200): DiffLine[] {
  return diffFromChanges(before, after, diffLines(`${before}\n`, `${after}\n`, { timeout: timeoutMs })).diff;
}

// Response bodies of the tools API, as the OpenAPI document describes them.
/** What a reader without access is told of a local-authority-only tool. */
export const RestrictedTool = z.object({ slug: z.string(), name: z.string(), summary: z.string(), access: ToolAccess, howToGetAccess: z.string() });
export type RestrictedTool = z.infer<typeof RestrictedTool>;
/** The tool, or (`restricted: true`) only its name, summary and how to get access. */
export const ToolView = z.union([
  z.object({ tool: Tool, seq: z.number().int() }),
  z.object({ restricted: z.literal(true), tool: RestrictedTool }),
]);
export type ToolView = z.infer<typeof ToolView>;
export const ToolChanged = z.object({ tool: Tool });
export const Maintainers = z.object({ maintainers: z.array(Person) });
export const ReleaseList = z.object({ items: z.array(Release) });
export const ReleasePublished = z.object({ release: Release });
export const AdoptionRecorded = z.object({ adoption: Adoption.extend({ usedBy: z.number().int() }) });
export const OrganisationTools = z.object({
  organisation: z.object({ id: z.number().int(), name: z.string(), region: z.string().nullable() }),
  items: z.array(z.object({ tool: ToolSummary, status: AdoptionStatus, updatedAt: z.string() })),
});
export const SectionSaved = z.object({ section: DesignSection });
export const RevisionList = z.object({ items: z.array(Revision) });
export const Comparison = z.object({
  from: Revision,
  to: Revision,
  diff: z.array(DiffLine),
  /** true when the exact diff took longer than the time limit: then every old line is removed and every new one added */
  approximate: z.boolean().optional(),
});
