import { needsModerator } from '@commons/domain';
import type { JobSpec } from '@commons/realtime';
import { handler } from '../jobs/job-handlers';
import { type AudienceReads, type EventOf, fanOut, type FeatureEvents } from '../realtime/event-rules';
import { ModerationService } from './moderation.service';

/** Every feedback item and message is checked once: the id is the subject, whichever event came first. */
export function checkJob(subjectType: 'feedback' | 'message', subjectId: number, eventId?: number): JobSpec {
  return { queue: 'moderation', name: 'check', jobId: `moderate:${subjectType}:${subjectId}`, data: { subjectType, subjectId, ...(eventId && { eventId }) } };
}

/** Every moderator not yet told of the item. The title names no content: held text may be the personal data it was held for, and titles are emailed. */
async function toModerators({ payload: item }: EventOf<'moderation.item.created' | 'moderation.item.updated'>, reads: AudienceReads) {
  const url = `/moderation#item-${item.id}`;
  const already = new Set(await reads.notifiedAbout(url));
  const title = `${item.subjectType === 'message' ? 'A message' : 'Page feedback'} is waiting in the moderation queue`;
  return { told: (await reads.moderatorIds()).filter((userId) => !already.has(userId)).map((userId) => ({ userId, kind: 'moderation', title, url })) };
}

export const moderationEvents: FeatureEvents = {
  jobs: {
    // Held at once (a message with personal data, a flag): moderators are told too.
    'moderation.item.created': (event) => [...(event.payload.reason === 'new' ? [checkJob(event.payload.subjectType, event.payload.subjectId)] : []), ...(needsModerator(event.payload) ? [fanOut(event)] : [])],
    'moderation.item.updated': (event) => (needsModerator(event.payload) ? [fanOut(event)] : []),
  },
  audience: { 'moderation.item.created': toModerators, 'moderation.item.updated': toModerators },
  handlers: [
    handler('moderation', 'check', ModerationService, (moderation, data) => moderation.check(data)),
    handler('moderation', 'purge-originals', ModerationService, (moderation, _data, env) => moderation.purgeOriginals(env.ORIGINAL_RETENTION_DAYS), { every: 24 * 3600_000 }),
  ],
};
