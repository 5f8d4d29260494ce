import { z } from 'zod';

/**
 * Queues, job names and payloads: the producer (the outbox relay) and the processors (the worker)
 * both type against this map. Job ids are deterministic so a retried or re-swept event never runs twice.
 */
export const JobPayloads = {
  notifications: {
    /** Fan an outbox event out to the people it concerns. */
    'fan-out': z.object({ eventId: z.number().int() }),
    /** Email one mention or reply at once, if its recipient chose email. */
    email: z.object({ notificationId: z.number().int() }),
    /** Daily: each user who chose email gets what they have not read since the last digest. */
    digest: z.object({}),
    /** "You said, we did": email the feedback senders of an `answers.done` who asked to be told. */
    'outcome-email': z.object({ eventId: z.number().int() }),
  },
  moderation: {
    /**
     * Check a new feedback item or message for personal data, abuse and spam. `eventId`: the
     * `message.created` that showed a message; the people it concerns are told of it once it passes.
     */
    check: z.object({ subjectType: z.enum(['feedback', 'message']), subjectId: z.number().int(), eventId: z.number().int().optional() }),
    /** Daily: forget the original text of items decided longer ago than the retention period. */
    'purge-originals': z.object({}),
  },
  /** Hourly retention (apps/api/src/retention/retention.service.ts): what is past its window is deleted. */
  maintenance: {
    'prune-outbox': z.object({}),
    'prune-sessions': z.object({}),
    'prune-notifications': z.object({}),
  },
} as const;

export type QueueName = keyof typeof JobPayloads;
export type JobName<Q extends QueueName> = keyof (typeof JobPayloads)[Q] & string;
export type JobData<Q extends QueueName, N extends JobName<Q>> = z.infer<(typeof JobPayloads)[Q][N] & z.ZodType>;

/** One job to enqueue: a union over every queue and name, so data always matches its name. */
export type JobSpec = {
  [Q in QueueName]: { [N in JobName<Q>]: { queue: Q; name: N; jobId: string; data: JobData<Q, N> } }[JobName<Q>];
}[QueueName];

export const QUEUES = Object.keys(JobPayloads) as QueueName[];
