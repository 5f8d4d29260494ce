import type { Feature } from '../common/feature';
import { IdeasController } from './ideas.controller';
import { IdeaRepository } from './ideas.repository';
import { IdeasService } from './ideas.service';

export const ideasFeature: Feature = { providers: [IdeaRepository, IdeasService], controllers: [IdeasController] };
