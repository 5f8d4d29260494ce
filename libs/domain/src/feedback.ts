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

const SITE = 'https://site.invalid';
/**
 * A path on this site: one leading slash, no backslash (browsers read `/\\host` as `//host`), and one
 * that a URL parser resolves against this site without leaving it (so `//evil.example` and
 * `javascript:` are refused). Shown to moderators as a link, so it must never point elsewhere.
 */
export function isSitePath(page: string): boolean {
  if (!/^\/(?![/\\])[^\\\s]*$/.test(page)) return false;
  try {
    return new URL(page, SITE).origin === SITE;
  } catch {
    return false;
  }
}

/** The Centre's page-feedback form (docs/architecture.md, "Page feedback"): the browser and the API validate with this. */
export const FeedbackInput = z.object({
  page: z.string({ error: 'The page is missing' }).trim().min(1, 'The page is missing').max(500).refine(isSitePath, 'The page must be a path on this site'),
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
  /** "Tell me what happens": email the sender once when the work that answers it is done (needs `email`). */
  tellMe: z.boolean({ error: 'tellMe must be true or false' }).optional(),
  /** The honeypot: people never see it, so anything in it came from a bot. */
  hp_field: z.string().max(10_000).optional(),
}).refine((f) => !f.tellMe || f.email, { path: ['email'], message: 'Give your email address so we can tell you what happens' });
export type FeedbackInput = z.input<typeof FeedbackInput>;

export const FeedbackAccepted = z.object({ id: z.number().int(), status: z.literal('received') });

export const FEEDBACK_THANKS = 'Thanks — feedback received';

export const ModerationState = z.enum(['pending', 'held', 'published', 'approved', 'redacted', 'rejected']);
export type ModerationState = z.infer<typeof ModerationState>;
export const ModerationDecision = z.enum(['approve', 'redact', 'reject']);

/**
 * A moderator's own redaction of one field. The API also runs the detector over it (not here: that
 * would pull the detector into every page's bundle, where it is loaded lazily).
 */
const redactedText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be ${max.toLocaleString('en-GB')} characters or fewer`);

/**
 * `redacted`: with `redact` only, the moderator's own redacted text of any field (one left out keeps
 * the detector's redaction); they may remove more than the detector found.
 */
export const DecisionInput = z
  .object({
    decision: ModerationDecision,
    note: z.string().trim().max(2000, 'Note must be 2,000 characters or fewer').optional(),
    redacted: z
      .object({
        summary: redactedText(20_000, 'The summary').pipe(z.string().min(1, 'The summary cannot be empty')).optional(),
        details: redactedText(10_000, 'The details').optional(),
        organisation: redactedText(200, 'The organisation').optional(),
      })
      .strict()
      .optional(),
  })
  .refine((d) => d.redacted === undefined || d.decision === 'redact', { path: ['redacted'], message: 'Only a redaction takes redacted text' });
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
  /** The redaction (the detector's, or the moderator's once they redacted). */
  redacted: z.object({ summary: z.string(), details: z.string().nullable(), organisation: z.string().nullable().optional() }).nullable(),
  /**
   * `content` and `findings` show the redacted copy; true when the original differs from it and is still
   * kept (POST /api/moderation/items/:id/original shows it, and the audit log records who looked).
   */
  hasOriginal: z.boolean().default(false),
  createdAt: z.string(),
  checkedAt: z.string().nullable(),
  decision: ModerationDecision.nullable(),
  decidedBy: z.object({ id: z.string(), displayName: z.string() }).nullable(),
  decidedAt: z.string().nullable(),
  note: z.string().nullable(),
});
export type ModerationItem = z.infer<typeof ModerationItem>;

/** `open`: what needs a decision (pending and held). */
export const ModerationQueueQuery = z.object({
  state: z.union([ModerationState, z.literal('open')]).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.coerce.number().int().positive().optional(),
});

/** What POST /api/moderation/items/:id/original answers: the text as sent, with the findings in it. */
export const ModerationOriginal = z.object({
  original: z.object({ summary: z.string(), details: z.string().nullable(), organisation: z.string().nullable() }),
  findings: z.array(ModerationFinding),
  /** The retention period is over: what is left is the redacted copy. */
  purged: z.boolean(),
});
export type ModerationOriginal = z.infer<typeof ModerationOriginal>;

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

// Response bodies of the feedback and moderation APIs, as the OpenAPI document describes them.
export const FeedbackList = z.object({ items: z.array(PublicFeedback) });
/** `counts`: items by state; `seq`: the moderation topic's, to subscribe from. */
export const ModerationQueue = z.object({ items: z.array(ModerationItem), counts: z.record(z.string(), z.number().int()), seq: z.number().int() });
export const ModerationItemView = z.object({ item: ModerationItem });
export const AuditTrail = z.object({
  items: z.array(
    z.object({
      id: z.number().int(),
      action: z.string(),
      note: z.string().nullable(),
      actor: z.object({ id: z.string(), displayName: z.string() }).nullable(),
      at: z.string(),
      before: z.unknown(),
      after: z.unknown(),
    }),
  ),
});
