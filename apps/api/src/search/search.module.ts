import type { Feature } from '../common/feature';
import { SearchController } from './search.controller';
import { SearchRepository } from './search.repository';
import { SearchService } from './search.service';

/** The one search box over tools, initiatives and discussions. */
export const searchFeature: Feature = { providers: [SearchRepository, SearchService], controllers: [SearchController] };
