import type { Feature } from '../common/feature';
import { HealthController } from './health.controller';
import { HealthService } from './health.service';

export const healthFeature: Feature = { providers: [HealthService], controllers: [HealthController] };
