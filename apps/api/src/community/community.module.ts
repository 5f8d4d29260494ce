import type { Feature } from '../common/feature';
import { CommunityController } from './community.controller';
import { CommunityRepository } from './community.repository';
import { CommunityService } from './community.service';

export const communityFeature: Feature = { providers: [CommunityRepository, CommunityService], controllers: [CommunityController] };
