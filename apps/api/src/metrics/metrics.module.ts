import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Feature } from '../common/feature';
import { MetricsService } from './metrics.service';

/** Prometheus metrics of the API process; the worker serves its own (job-metrics.ts). */
export const metricsFeature: Feature = { providers: [], api: [MetricsService] };

/** GET /api/metrics, and every request timed by its route pattern. */
export function mountMetrics(app: NestFastifyApplication) {
  const metrics = app.get(MetricsService);
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onResponse', metrics.onResponse);
  fastify.get('/api/metrics', metrics.scrape);
}
