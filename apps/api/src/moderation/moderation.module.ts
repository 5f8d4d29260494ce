import type { Feature } from '../common/feature';
import { ModerationController } from './moderation.controller';
import { ModerationRepository } from './moderation.repository';
import { ModerationService } from './moderation.service';

/**
 * The moderation queue. It knows no feature: feedback and discussions register their ModerationSubject
 * with ModerationService when they are constructed.
 */
export const moderationFeature: Feature = {
  providers: [ModerationService, ModerationRepository],
  controllers: [ModerationController],
};
