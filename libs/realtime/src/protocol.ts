import { z } from 'zod';
import { TopicSchema } from './topics';

/** client → server `subscribe`; the ack is SubscribeAck. */
export const SubscribeInput = z.object({
  topic: TopicSchema,
  afterSeq: z.number().int().min(0).optional(),
});
export type SubscribeInput = z.infer<typeof SubscribeInput>;

/**
 * `refetch`: the events after the asked `afterSeq` are no longer kept (outbox retention), so none are
 * replayed: reload what the page shows, then events after `seq` follow as usual.
 */
export type SubscribeAck = { ok: true; seq: number; refetch?: true } | { ok: false; error: string };

/**
 * server → client `refetch`: the socket cannot be given the topic's events up to `seq` one by one (they
 * are no longer kept): reload what the page shows; events after `seq` follow as usual.
 */
export interface RefetchPayload {
  topic: string;
  seq: number;
}

export const UnsubscribeInput = z.object({ topic: TopicSchema });
/** `section`: which part of the page is being written in (a design document's section key), if any. */
export const TypingInput = z.object({ topic: TopicSchema, section: z.string().regex(/^[a-z0-9_-]{1,40}$/).optional() });

export interface PresenceUser {
  id: string;
  displayName: string;
}
/** server → client `presence`: everyone signed in who is subscribed to the topic, on any instance. */
export interface PresencePayload {
  topic: string;
  users: PresenceUser[];
}
/** server → client `typing`: ephemeral, never stored. */
export interface TypingPayload {
  topic: string;
  user: PresenceUser;
  section?: string;
}
