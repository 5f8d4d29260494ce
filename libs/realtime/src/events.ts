import { z } from 'zod';
import { GlobalRole, Message, ModerationItem, Reaction, Thread } from '@commons/domain';
import { Adoption, DesignSection, Person, Release, StageMove, Tool, ToolSummary } from '@commons/domain';
import { Initiative, InitiativeUpdate, Milestone, StatusChange } from '@commons/domain';
import { Backing, IdeaLinkView, IdeaStatus } from '@commons/domain';

/**
 * The event catalogue: every event type and its payload. Services record only these (typed), and the
 * web client parses what arrives with the same schemas.
 */
export const EventPayloads = {
  'user.roles.changed': z.object({ userId: z.uuid(), roles: z.array(GlobalRole), by: z.uuid() }),
  /** Every session of the user was ended (log out everywhere, account deleted): their sockets are closed. */
  'user.sessions.revoked': z.object({ userId: z.uuid(), reason: z.enum(['logout-all', 'deleted', 'disabled']) }),
  /** One session ended (log out): the sockets opened with it are closed; the person's other browsers stay. */
  'user.session.revoked': z.object({ userId: z.uuid(), sessionId: z.uuid() }),
  'notification.created': z.object({
    id: z.number().int(),
    kind: z.string(),
    title: z.string(),
    url: z.string().nullable(),
    createdAt: z.string(),
  }),
  /** On `moderation` the moment something needs checking; moderators see it before any job runs. */
  'moderation.item.created': ModerationItem,
  /** On `moderation` when the moderation job or a moderator changes an item. */
  'moderation.item.updated': ModerationItem,
  // tools
  /** On `catalogue` when a member proposes a tool. */
  'tool.created': ToolSummary,
  /** On `tool:<slug>` after any edit (the whole tool as it now is), and on `catalogue` as its summary. */
  'tool.updated': Tool,
  'tool.summary.updated': ToolSummary,
  /** On `tool:<slug>` and `catalogue`. */
  'tool.stage.changed': StageMove.extend({ slug: z.string() }),
  'tool.release.published': Release.extend({ slug: z.string() }),
  'tool.adoption.changed': Adoption.extend({ slug: z.string(), usedBy: z.number().int() }),
  'tool.maintainers.changed': z.object({ slug: z.string(), maintainers: z.array(Person) }),
  /** A section saved (or added, at revision 0): the text as it now is. */
  'tool.design.section.updated': DesignSection.extend({ slug: z.string() }),
  // discussions (topic thread:<id>)
  'message.created': Message,
  'message.updated': Message,
  'message.deleted': z.object({ id: z.number().int(), seq: z.number().int() }),
  /** Moderation held a message that was visible: others remove it; its author still sees it. */
  'message.hidden': z.object({ id: z.number().int(), seq: z.number().int() }),
  'reactions.changed': z.object({ messageId: z.number().int(), reactions: z.array(Reaction) }),
  'thread.updated': Thread,
  // initiatives (topic initiative:<slug>)
  /** After any change (creation included): the whole initiative as it now is. */
  'initiative.updated': Initiative,
  'initiative.status.changed': StatusChange.extend({ slug: z.string() }),
  /** A milestone added or changed (ticked, unticked, renamed, moved); `completed` when this change ticked it. */
  'initiative.milestone.changed': Milestone.extend({ completed: z.boolean(), initiative: z.object({ slug: z.string(), title: z.string() }) }),
  /** A leader's status update; followers are notified. */
  'initiative.update.posted': InitiativeUpdate.extend({ initiative: z.object({ slug: z.string(), title: z.string() }) }),
  'initiative.leaders.changed': z.object({ slug: z.string(), leaders: z.array(Person) }),
  // ideas
  /** On `idea:<id>`: a moderator moved it on; its author and backers are told. */
  'idea.status.changed': z.object({ id: z.number().int(), title: z.string(), from: IdeaStatus, to: IdeaStatus, reason: z.string().nullable(), link: IdeaLinkView.nullable(), by: Person }),
  /** On the done work's topic: what answered these feedback items and threads is done; the people who asked are told once. */
  'answers.done': z.object({ answerIds: z.array(z.number().int()), title: z.string(), url: z.string() }),
  /** On `idea:<id>` when an authority backs it or withdraws. */
  'idea.backing.changed': z.object({ id: z.number().int(), backing: Backing }),
} as const;

export type EventType = keyof typeof EventPayloads;
export type EventPayload<T extends EventType> = z.infer<(typeof EventPayloads)[T]>;

/** What a socket receives as `event`. */
export const EventEnvelope = z.object({
  id: z.number().int(),
  topic: z.string(),
  seq: z.number().int().positive(),
  type: z.string(),
  payload: z.unknown(),
  at: z.string(),
});
export type EventEnvelope<T extends EventType = EventType> = Omit<z.infer<typeof EventEnvelope>, 'type' | 'payload'> & {
  type: T;
  payload: EventPayload<T>;
};
