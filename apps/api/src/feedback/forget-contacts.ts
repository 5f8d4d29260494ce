import type { EntityManager } from 'typeorm';
import { ModerationRepository } from '../moderation/moderation.repository';
import { FeedbackRepository } from './feedback.repository';

/**
 * Account deletion, in its transaction: the person's email and organisation go from their feedback and
 * from every copy moderation stored of it (items, audit entries, `moderation` events). Over the
 * caller's manager, so the account module needs no feedback or moderation providers.
 */
export async function forgetFeedbackContacts(manager: EntityManager, userId: string, email: string) {
  const ids = await new FeedbackRepository(manager.connection).forgetContacts(manager, userId, email);
  if (ids.length) await new ModerationRepository(manager.connection).forgetContacts(manager, 'feedback', ids);
}
