import { z } from 'zod';
import { Person } from './tools';

export const IdeaKind = z.enum(['need', 'idea']);
export type IdeaKind = z.infer<typeof IdeaKind>;
export const IdeaStatus = z.enum(['open', 'under_review', 'planned', 'in_design', 'delivered', 'declined']);
export type IdeaStatus = z.infer<typeof IdeaStatus>;
export const IDEA_STATUS_LABEL: Record<IdeaStatus, string> = {
  open: 'Open',
  under_review: 'Under review',
  planned: 'Planned',
  in_design: 'In design',
  delivered: 'Delivered',
  declined: 'Declined',
};

/** What takes an idea forward: a tool (slug), an initiative (slug) or a thread (id). */
export const IdeaLink = z.object({
  type: z.enum(['tool', 'initiative', 'thread'], { error: 'Link to a tool, an initiative or a thread' }),
  id: z.string().trim().min(1, 'Say which one').max(120, 'That is too long for a link'),
});
export type IdeaLink = z.infer<typeof IdeaLink>;
/** The link as the API answers it (IdeaLink is the input, trimmed). */
export const IdeaLinkView = z.object({ type: z.enum(['tool', 'initiative', 'thread']), id: z.string() });

export const Backing = z.object({
  /** How many authorities back it, and across how many regions. */
  authorities: z.number().int(),
  regions: z.number().int(),
});
export type Backing = z.infer<typeof Backing>;

export const IdeaSummary = z.object({
  id: z.number().int(),
  kind: IdeaKind,
  title: z.string(),
  status: IdeaStatus,
  backing: Backing,
  author: Person.nullable(),
  createdAt: z.string(),
});
export type IdeaSummary = z.infer<typeof IdeaSummary>;

export const Backer = z.object({ organisationId: z.number().int(), name: z.string(), region: z.string().nullable(), at: z.string() });
export type Backer = z.infer<typeof Backer>;

export const Idea = IdeaSummary.extend({
  body: z.string(),
  declineReason: z.string().nullable(),
  link: IdeaLinkView.nullable(),
  backers: z.array(Backer),
  updatedAt: z.string(),
});
export type Idea = z.infer<typeof Idea>;

export const IdeaView = z.object({
  idea: Idea,
  /** Whether the reader's authority backs it, and whether the reader may back or withdraw for it. */
  you: z.object({ backs: z.boolean(), canBack: z.boolean(), canSetStatus: z.boolean(), why: z.string().nullable() }),
});
export type IdeaView = z.infer<typeof IdeaView>;

export const IdeaList = z.object({ items: z.array(IdeaSummary), total: z.number().int() });
export type IdeaList = z.infer<typeof IdeaList>;

export const IdeaQuery = z.object({
  status: IdeaStatus.optional(),
  sort: z.enum(['backing', 'recent'], { error: 'sort must be backing or recent' }).default('backing'),
  limit: z.coerce.number({ error: 'limit must be a number' }).int().min(1, 'limit must be 1 to 100').max(100, 'limit must be 1 to 100').default(50),
  offset: z.coerce.number({ error: 'offset must be a number' }).int().min(0, 'offset must be 0 or more').default(0),
});
export type IdeaQuery = z.infer<typeof IdeaQuery>;

export const IdeaInput = z.object({
  kind: IdeaKind.default('need'),
  title: z.string({ error: 'Enter a title' }).trim().min(5, 'Title must be at least 5 characters').max(150, 'Title must be 150 characters or fewer'),
  body: z.string({ error: 'Describe the need' }).trim().min(20, 'Describe it in at least 20 characters').max(5000, 'Keep it to 5,000 characters'),
});
export type IdeaInput = z.infer<typeof IdeaInput>;

export const IdeaPatch = z
  .object({
    status: IdeaStatus.optional(),
    reason: z.string().trim().min(5, 'Give a reason of at least 5 characters').max(1000, 'Keep the reason to 1,000 characters').optional(),
    link: IdeaLink.nullable().optional(),
  })
  .refine((p) => p.status !== 'declined' || p.reason, { path: ['reason'], message: 'Say why it is declined' })
  .refine((p) => p.status !== undefined || p.link !== undefined, { path: ['status'], message: 'Change the status or the link' });
export type IdeaPatch = z.infer<typeof IdeaPatch>;
