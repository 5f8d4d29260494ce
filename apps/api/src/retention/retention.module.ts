import type { Feature } from '../common/feature';
import { RetentionService } from './retention.service';

/** What is kept, and for how long: the worker's hourly `maintenance` jobs (retention.events.ts) delete the rest. */
export const retentionFeature: Feature = { providers: [RetentionService] };
