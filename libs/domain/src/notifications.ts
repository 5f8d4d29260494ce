import { z } from 'zod';

/**
 * Watching and notification preferences. The inbox schemas themselves (Notification, NotificationList,
 * MarkReadInput) predate this file and stay in identity.ts.
 */

/** watching: every new message or update; normal: mentions and replies only (the default); muted: nothing. */
export const WatchLevel = z.enum(['watching', 'normal', 'muted'], { error: 'Level must be watching, normal or muted' });
export type WatchLevel = z.infer<typeof WatchLevel>;

export const WatchSubjectType = z.enum(['tool', 'initiative', 'thread'], { error: 'Subject type must be tool, initiative or thread' });
export type WatchSubjectType = z.infer<typeof WatchSubjectType>;

/** A tool or initiative slug, or a thread's number. */
export const WatchParams = z.object({
  subjectType: WatchSubjectType,
  subjectId: z
    .string()
    .min(1, 'Subject id is required')
    .max(80, 'Subject id must be 80 characters or fewer')
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Subject id must be a slug or a number'),
});
export type WatchParams = z.infer<typeof WatchParams>;

export const WatchInput = z.object({ level: WatchLevel });
export type WatchInput = z.infer<typeof WatchInput>;

/** Why someone watches without having chosen to: they started it, lead it or maintain it. */
export const WatchReason = z.enum(['chosen', 'author', 'leader', 'maintainer', 'follower', 'default']);

export const Watch = z.object({
  subjectType: WatchSubjectType,
  subjectId: z.string(),
  title: z.string(),
  url: z.string(),
  level: WatchLevel,
  reason: WatchReason,
});
export type Watch = z.infer<typeof Watch>;

export const WatchList = z.object({ items: z.array(Watch) });
export type WatchList = z.infer<typeof WatchList>;

/** off: no email; on: mentions and replies at once, everything else in a daily digest. */
export const EmailChoice = z.enum(['off', 'on'], { error: 'Email must be off or on' });
export type EmailChoice = z.infer<typeof EmailChoice>;

export const NotificationPreferences = z.object({
  email: EmailChoice,
  /** False when the deployment has no SMTP_URL: email is off whatever is chosen. */
  emailAvailable: z.boolean(),
  lastDigestAt: z.string().nullable(),
});
export type NotificationPreferences = z.infer<typeof NotificationPreferences>;

export const PreferencesInput = z.object({ email: EmailChoice });
export type PreferencesInput = z.infer<typeof PreferencesInput>;

export const UnsubscribeQuery = z.object({ token: z.string().min(1, 'token is required').max(300, 'token is too long') });

/** Kinds emailed at once; every other kind waits for the daily digest. */
export const IMMEDIATE_KINDS = ['mention', 'reply', 'answer'] as const;

/** A moderation item held for a moderator and not yet decided: the only moderation news worth a notification. */
export function needsModerator(item: { state: string; decision: string | null }) {
  return item.state === 'held' && !item.decision;
}
