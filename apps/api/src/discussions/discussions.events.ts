import { checkJob } from '../moderation/moderation.events';
import { type FeatureEvents, type Told, watchers } from '../realtime/event-rules';

export const discussionsEvents: FeatureEvents = {
  jobs: {
    // Its mentions, replies and watchers are told by the check, once it passes (in the check's
    // transaction: one job, not two), so a message the check holds reaches no inbox or email. One a
    // moderator lets through was checked already: the decision tells them (MessageSubject).
    'message.created': (event) => (event.payload.state === 'visible' ? [checkJob('message', event.payload.id, event.id)] : []),
  },
  audience: {
    /** Mentions, then the parent's author, then a question's asker, then watchers; nothing for a message no longer visible. */
    'message.created': async ({ payload: m }, reads) => {
      const context = await reads.messageContext(m.threadId, m.parentId, m.id);
      if (!context) return { told: [] };
      const levels = await reads.watchLevels({ threadId: m.threadId });
      const url = `/threads/${m.threadId}#message-${m.id}`;
      const who = m.author.displayName;
      const told: Told[] = [
        ...m.mentions.map((userId) => ({ userId, kind: 'mention', title: `${who} mentioned you in “${context.title}”`, url })),
        { userId: context.parentAuthor, kind: 'reply', title: `${who} replied to you in “${context.title}”`, url },
        ...(context.kind === 'question' ? [{ userId: context.threadAuthor, kind: 'answer', title: `${who} answered your question “${context.title}”`, url }] : []),
        ...watchers(levels, 'message', `${who} posted in “${context.title}”`, url),
      ];
      // A held message let through by a moderator is still its author's doing.
      return { told, levels, actorId: m.author.id };
    },
  },
};
