import type { Feature } from '../common/feature';
import { GuidesController, ThreadGuideController } from './guides.controller';
import { GuideRepository } from './guides.repository';
import { GuidesService } from './guides.service';

export const guidesFeature: Feature = { providers: [GuideRepository, GuidesService], controllers: [GuidesController, ThreadGuideController] };
