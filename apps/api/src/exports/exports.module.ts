import type { Feature } from '../common/feature';
import { ExportsController } from './exports.controller';
import { ExportsRepository } from './exports.repository';
import { ExportsService } from './exports.service';
import { FeedsController } from './feeds.controller';

export const exportsFeature: Feature = { providers: [ExportsRepository, ExportsService], controllers: [ExportsController, FeedsController] };
