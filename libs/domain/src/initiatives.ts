import { z } from 'zod';
import { Person, Slug } from './tools';

export const InitiativeStatus = z.enum(['proposed', 'active', 'paused', 'completed', 'cancelled']);
export type InitiativeStatus = z.infer<typeof InitiativeStatus>;

/** The Centre's three kinds of work. */
export const FocusArea = z.enum(['maintaining', 'advising', 'facilitating']);
export type FocusArea = z.infer<typeof FocusArea>;

/** Red / amber / green, as a leader rates an update. */
export const Rag = z.enum(['on_track', 'at_risk', 'off_track']);
export type Rag = z.infer<typeof Rag>;

export const Progress = z.object({ done: z.number().int(), total: z.number().int(), percent: z.number().int() });
export type Progress = z.infer<typeof Progress>;

/** Done milestones over all; an initiative without milestones is at 0 %. */
export function progressOf(done: number, total: number): Progress {
  return { done, total, percent: total ? Math.round((done * 100) / total) : 0 };
}

/** Not done and its due date (a whole day, in UTC) has passed. */
export function isOverdue(m: { done: boolean; dueDate: string | null }, today: string = new Date().toISOString().slice(0, 10)): boolean {
  return !m.done && m.dueDate !== null && m.dueDate < today;
}

export const Milestone = z.object({
  id: z.number().int(),
  title: z.string(),
  dueDate: z.string().nullable(),
  position: z.number().int(),
  done: z.boolean(),
  doneBy: Person.nullable(),
  doneAt: z.string().nullable(),
  overdue: z.boolean(),
});
export type Milestone = z.infer<typeof Milestone>;

export const InitiativeUpdate = z.object({
  id: z.number().int(),
  body: z.string(),
  rag: Rag.nullable(),
  author: Person.nullable(),
  createdAt: z.string(),
});
export type InitiativeUpdate = z.infer<typeof InitiativeUpdate>;

export const StatusChange = z.object({ from: InitiativeStatus.nullable(), to: InitiativeStatus, by: Person.nullable(), at: z.string() });
export type StatusChange = z.infer<typeof StatusChange>;

export const Participant = z.object({
  user: Person,
  organisation: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  joinedAt: z.string(),
});
export type Participant = z.infer<typeof Participant>;

export const InitiativeSummary = z.object({
  slug: z.string(),
  title: z.string(),
  summary: z.string(),
  status: InitiativeStatus,
  focusArea: FocusArea,
  startDate: z.string().nullable(),
  targetDate: z.string().nullable(),
  leaders: z.array(Person),
  progress: Progress,
  overdue: z.number().int(),
  /** the RAG of the latest update that had one */
  rag: Rag.nullable(),
  lastUpdateAt: z.string().nullable(),
  followers: z.number().int(),
});
export type InitiativeSummary = z.infer<typeof InitiativeSummary>;

export const Initiative = InitiativeSummary.extend({
  description: z.string(),
  tools: z.array(z.object({ slug: z.string(), name: z.string() })),
  /** the distinct organisations of the participants */
  organisations: z.array(z.object({ id: z.number().int(), name: z.string() })),
  participants: z.array(Participant),
  milestones: z.array(Milestone),
  updates: z.array(InitiativeUpdate),
  statusHistory: z.array(StatusChange),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Initiative = z.infer<typeof Initiative>;

/** How the signed-in reader stands with an initiative (not part of the public, shared payload). */
export const InitiativeViewer = z.object({ leader: z.boolean(), following: z.boolean(), participating: z.boolean() });
export type InitiativeViewer = z.infer<typeof InitiativeViewer>;

export const InitiativeQuery = z.object({ status: InitiativeStatus.optional(), focusArea: FocusArea.optional() });
export type InitiativeQuery = z.infer<typeof InitiativeQuery>;

/** One row of the leaders' dashboard. */
export const DashboardItem = InitiativeSummary.extend({
  role: z.enum(['leader', 'follower']),
  overdueMilestones: z.array(Milestone),
  lastUpdate: InitiativeUpdate.nullable(),
});
export type DashboardItem = z.infer<typeof DashboardItem>;

/** Web addresses under /initiatives that are pages, not initiatives. */
export const RESERVED_INITIATIVE_SLUGS: readonly string[] = ['new', 'dashboard'];
const InitiativeSlug = Slug.refine((s) => !RESERVED_INITIATIVE_SLUGS.includes(s), 'This slug is reserved: choose another');

const date = (what: string) => z.iso.date(`${what} must be a date such as 2026-03-31`);

const InitiativeFields = z.object({
  title: z.string().trim().min(3, 'Title must be at least 3 characters').max(120, 'Title must be 120 characters or fewer'),
  summary: z.string().trim().min(10, 'Summary must be at least 10 characters').max(500, 'Summary must be 500 characters or fewer'),
  description: z.string().max(50_000, 'Description must be 50,000 characters or fewer'),
  focusArea: FocusArea,
  startDate: date('Start date').nullable(),
  targetDate: date('Target date').nullable(),
  toolSlugs: z.array(Slug).max(30, 'At most 30 tools'),
});

const datesInOrder = (v: { startDate?: string | null; targetDate?: string | null }) => !v.startDate || !v.targetDate || v.startDate <= v.targetDate;
const DATES_IN_ORDER = { message: 'Target date must be on or after the start date', path: ['targetDate'] };

/** What a member fills in to propose an initiative (they become its leader). */
export const InitiativeInput = InitiativeFields.partial()
  .extend({
    slug: InitiativeSlug.optional(),
    title: InitiativeFields.shape.title,
    summary: InitiativeFields.shape.summary,
    focusArea: InitiativeFields.shape.focusArea,
    description: InitiativeFields.shape.description.default(''),
    toolSlugs: InitiativeFields.shape.toolSlugs.default([]),
  })
  .refine(datesInOrder, DATES_IN_ORDER);
export type InitiativeInput = z.input<typeof InitiativeInput>;

/** A leader's edit: only the fields sent change; a status move is kept in the history. */
export const InitiativePatch = InitiativeFields.partial()
  .extend({ status: InitiativeStatus.optional() })
  .refine((p) => Object.values(p).some((v) => v !== undefined), { message: 'Change at least one field', path: ['body'] })
  .refine(datesInOrder, DATES_IN_ORDER);
export type InitiativePatch = z.input<typeof InitiativePatch>;

const milestoneTitle = z.string().trim().min(2, 'Title must be at least 2 characters').max(200, 'Title must be 200 characters or fewer');

export const MilestoneInput = z.object({
  title: milestoneTitle,
  dueDate: date('Due date').nullable().default(null),
  /** where it goes in the list; last when not given */
  position: z.number({ error: 'Position must be a number' }).int().min(0, 'Position must be 0 or more').optional(),
});
export type MilestoneInput = z.input<typeof MilestoneInput>;

export const MilestonePatch = z
  .object({
    title: milestoneTitle.optional(),
    dueDate: date('Due date').nullable().optional(),
    position: z.number({ error: 'Position must be a number' }).int().min(0, 'Position must be 0 or more').optional(),
    done: z.boolean({ error: 'Done must be true or false' }).optional(),
  })
  .refine((p) => Object.values(p).some((v) => v !== undefined), { message: 'Change at least one field', path: ['body'] });
export type MilestonePatch = z.input<typeof MilestonePatch>;

export const UpdateInput = z.object({
  body: z.string().trim().min(1, 'Write the update').max(20_000, 'Update must be 20,000 characters or fewer'),
  rag: Rag.nullable().default(null),
});
export type UpdateInput = z.input<typeof UpdateInput>;

// Response bodies of the initiatives API, as the OpenAPI document describes them.
export const InitiativeList = z.object({ items: z.array(InitiativeSummary) });
export const InitiativeView = z.object({ initiative: Initiative, viewer: InitiativeViewer.nullable(), seq: z.number().int() });
export const InitiativeChanged = z.object({ initiative: Initiative });
export const MilestoneChanged = z.object({ milestone: Milestone });
export const UpdatePosted = z.object({ update: InitiativeUpdate });
export const Following = z.object({ following: z.boolean() });
export const Participating = z.object({ participating: z.boolean() });
export const Dashboard = z.object({ items: z.array(DashboardItem) });
