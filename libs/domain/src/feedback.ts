import { z } from 'zod';
import { ContentOutcome, Finding } from './moderation';
import { FEEDBACK_NATURES, FEEDBACK_ROLES } from './reference';

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be ${max.toLocaleString('en-GB')} characters or fewer`)
    .optional()
    .transform((s) => (s ? s : undefined));

/** The Centre's page-feedback form (ARCHITECTURE.md, "Feedback"): the browser and the API validate with this. */
export const FeedbackInput = z.object({
  page: z.string({ error: 'The page is missing' }).trim().min(1, 'The page is missing').max(500).regex(/^\//, 'The page must be a path on this site'),
  nature: z.enum(FEEDBACK_NATURES as [string, ...string[]], { error: 'Choose what kind of feedback this is' }).optional(),
  summary: z.string({ error: 'Enter a summary' }).trim().min(5, 'Summary must be at least 5 characters').max(2000, 'Summary must be 2,000 characters or fewer'),
  details: optionalText(10_000, 'Details'),
  role: z.enum(FEEDBACK_ROLES as [string, ...string[]], { error: 'Choose the role that best describes you' }),
  organisation: optionalText(200, 'Organisation'),
  email: z
    .string()
    .trim()
    .max(254)
    .optional()
    .transform((s) => (s ? s : undefined))
    .pipe(z.email({ error: 'Enter an email address in the correct format, like name@example.org' }).optional()),
  /** The honeypot: people never see it, so anything in it came from a bot. */
  hp_field: z.string().max(10_000).optional(),
});
export type FeedbackInput = z.input<typeof FeedbackInput>;

export const FeedbackAccepted = z.object({ id: z.number().int(), status: z.literal('received') });

export const FEEDBACK_THANKS = 'Thanks — feedback received';

export const ModerationState = z.enum(['pending', 'held', 'published', 'approved', 'redacted', 'rejected']);
export type ModerationState = z.infer<typeof ModerationState>;
export const ModerationDecision = z.enum(['approve', 'redact', 'reject']);

export const DecisionInput = z.object({
  decision: ModerationDecision,
  note: z.string().trim().max(2000, 'Note must be 2,000 characters or fewer').optional(),
});
export type DecisionInput = z.infer<typeof DecisionInput>;

/** A detector finding, and which field of the item it is in. */
export const ModerationFinding = Finding.extend({ field: z.string() });

export const ModerationItem = z.object({
  id: z.number().int(),
  subjectType: z.enum(['feedback', 'message']),
  subjectId: z.number().int(),
  reason: z.string(),
  state: ModerationState,
  outcome: ContentOutcome.nullable(),
  findings: z.array(ModerationFinding),
  /** Feedback fields; a message has its body as `summary`, its thread's path as `page`, and an author. */
  content: z.object({
    page: z.string(),
    nature: z.string().nullable(),
    summary: z.string(),
    details: z.string().nullable(),
    role: z.string().nullable(),
    organisation: z.string().nullable(),
    email: z.string().nullable(),
    author: z.object({ id: z.string(), displayName: z.string() }).nullable(),
    threadId: z.number().int().nullable(),
  }),
  /** Why it is in the queue: new (every item is checked) or flag (members flagged it, with their reasons). */
  flags: z.array(z.object({ reason: z.string(), note: z.string().nullable(), by: z.object({ id: z.string(), displayName: z.string() }) })),
  redacted: z.object({ summary: z.string(), details: z.string().nullable() }).nullable(),
  createdAt: z.string(),
  checkedAt: z.string().nullable(),
  decision: ModerationDecision.nullable(),
  decidedBy: z.object({ id: z.string(), displayName: z.string() }).nullable(),
  decidedAt: z.string().nullable(),
  note: z.string().nullable(),
});
export type ModerationItem = z.infer<typeof ModerationItem>;

export const ModerationQueueQuery = z.object({
  state: ModerationState.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.coerce.number().int().positive().optional(),
});

export const PublicFeedback = z.object({
  id: z.number().int(),
  page: z.string(),
  nature: z.string().nullable(),
  summary: z.string(),
  details: z.string().nullable(),
  role: z.string(),
  organisation: z.string().nullable(),
  createdAt: z.string(),
});
export type PublicFeedback = z.infer<typeof PublicFeedback>;

export const FeedbackQuery = z.object({
  page: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
