import type { Feature } from '../common/feature';
import { JobsController } from './jobs.controller';
import { JobsService } from './jobs.service';

/** BullMQ queues: the producer both processes use, and the admins' view of failed jobs. */
export const jobsFeature: Feature = { providers: [JobsService], controllers: [JobsController] };
