import type { Feature } from '../common/feature';
import { FeedbackController } from './feedback.controller';
import { FeedbackRepository } from './feedback.repository';
import { FeedbackService } from './feedback.service';
import { FeedbackSubject } from './feedback.subject';

/** Page feedback: intake, and its moderation subject (registered with moderation in both processes). */
export const feedbackFeature: Feature = {
  providers: [FeedbackService, FeedbackRepository, FeedbackSubject],
  controllers: [FeedbackController],
};
