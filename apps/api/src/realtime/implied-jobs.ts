import { IMMEDIATE_KINDS, needsModerator, type ModerationItem } from '@commons/domain';
import type { JobSpec } from '@commons/realtime';
import type { OutboxEvent } from './outbox.event';

/** Every feedback item and message is checked once: the id is the subject, whichever event came first. */
function check(subjectType: 'feedback' | 'message', subjectId: number, eventId?: number): JobSpec {
  return { queue: 'moderation', name: 'check', jobId: `moderate:${subjectType}:${subjectId}`, data: { subjectType, subjectId, ...(eventId && { eventId }) } };
}

function notify(event: OutboxEvent): JobSpec {
  return { queue: 'notifications', name: 'fan-out', jobId: `notify:event:${event.id}`, data: { eventId: event.id } };
}

/**
 * The background work each event implies, decided from the event alone so that the relay and the
 * sweeper always derive the same jobs with the same ids.
 */
export function impliedJobs(event: OutboxEvent): JobSpec[] {
  switch (event.type) {
    case 'user.roles.changed':
      return [notify(event)];
    case 'moderation.item.created': {
      const item = event.payload as ModerationItem;
      // Held at once (a message with personal data, a flag): moderators are told too.
      return [...(item.reason === 'new' ? [check(item.subjectType, item.subjectId)] : []), ...(needsModerator(item) ? [notify(event)] : [])];
    }
    case 'moderation.item.updated':
      return needsModerator(event.payload as ModerationItem) ? [notify(event)] : [];
    case 'tool.release.published':
    case 'tool.stage.changed':
      // Stage moves are recorded on the catalogue too: one fan-out, from the tool's own topic.
      return event.topic.startsWith('tool:') ? [notify(event)] : [];
    case 'notification.created': {
      const { id, kind } = event.payload as { id: number; kind: string };
      return (IMMEDIATE_KINDS as readonly string[]).includes(kind) ? [{ queue: 'notifications', name: 'email', jobId: `email:notification:${id}`, data: { notificationId: id } }] : [];
    }
    case 'initiative.update.posted':
      return [notify(event)];
    case 'initiative.milestone.changed':
      return (event.payload as { completed: boolean }).completed ? [notify(event)] : [];
    case 'message.created': {
      // Its mentions, replies and watchers are told by the check, once it passes (in the check's
      // transaction: one job, not two), so a message the check holds reaches no inbox or email. One
      // a moderator lets through was checked already: the decision tells them (MessageSubject).
      const { id, state } = event.payload as { id: number; state: string };
      return state === 'visible' ? [check('message', id, event.id)] : [];
    }
    default:
      return [];
  }
}
