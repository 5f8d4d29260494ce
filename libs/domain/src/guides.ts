import { z } from 'zod';
import { Person, Slug } from './tools';

export const RESERVED_GUIDE_SLUGS: readonly string[] = ['new'];
const GuideSlug = Slug.refine((s) => !RESERVED_GUIDE_SLUGS.includes(s), 'This slug is reserved: choose another');

export const GuideSubject = z.object({
  type: z.enum(['tool', 'initiative'], { error: 'A guide links to tools or initiatives' }),
  id: z.string().trim().min(1, 'Say which one').max(100, 'That is too long'),
});
export type GuideSubject = z.infer<typeof GuideSubject>;
/** A linked tool or initiative as the API answers it, with its name. */
export const GuideSubjectView = z.object({ type: z.enum(['tool', 'initiative']), id: z.string(), name: z.string() });

export const GuideSummary = z.object({
  slug: z.string(),
  title: z.string(),
  summary: z.string(),
  owner: Person.nullable(),
  lastReviewedOn: z.string(),
  /** Not reviewed for a year: readers are told to check it. */
  reviewDue: z.boolean(),
  updatedAt: z.string(),
});
export type GuideSummary = z.infer<typeof GuideSummary>;

export const GuideRevision = z.object({ revision: z.number().int(), title: z.string(), author: Person.nullable(), createdAt: z.string() });

export const Guide = GuideSummary.extend({
  body: z.string(),
  revision: z.number().int(),
  links: z.array(GuideSubjectView),
  sourceThread: z.object({ id: z.number().int(), title: z.string() }).nullable(),
  revisions: z.array(GuideRevision),
  /** Whether the reader may edit and review it (its owner, moderators, admins). */
  canEdit: z.boolean(),
});
export type Guide = z.infer<typeof Guide>;
export const GuideView = z.object({ guide: Guide });
export const GuideList = z.object({
  items: z.array(GuideSummary),
  /** Whether the reader may write guides (moderators, admins, tool maintainers, initiative leaders). */
  canWrite: z.boolean(),
});
export type GuideList = z.infer<typeof GuideList>;

export const GuideQuery = z.object({
  tool: z.string().max(100).optional(),
  initiative: z.string().max(100).optional(),
});

const title = z.string({ error: 'Enter a title' }).trim().min(5, 'Title must be at least 5 characters').max(150, 'Title must be 150 characters or fewer');
const summary = z.string({ error: 'Enter a summary' }).trim().min(10, 'Summary must be at least 10 characters').max(300, 'Summary must be 300 characters or fewer');
const body = z.string({ error: 'Write the guide' }).trim().min(30, 'Write at least 30 characters').max(50_000, 'Keep it to 50,000 characters');
const links = z.array(GuideSubject).max(20, 'Link at most 20 tools and initiatives');

export const GuideInput = z.object({ title, summary, body, slug: GuideSlug.optional(), links: links.default([]) });
export type GuideInput = z.infer<typeof GuideInput>;
export const GuidePatch = z.object({ title: title.optional(), summary: summary.optional(), body: body.optional(), links: links.optional() });
export type GuidePatch = z.infer<typeof GuidePatch>;
/** Turning a thread into a guide: its text starts from the question and the accepted answer, edited before saving. */
export const GuideFromThreadInput = GuideInput.omit({ links: true });
