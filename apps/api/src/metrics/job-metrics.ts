import { createServer, Server } from 'node:http';
import { Histogram, Registry } from 'prom-client';
import type { Job } from 'bullmq';
import type { Env } from '../config/env';
import { bearerMatches } from './bearer';
import { exposition } from './process-metrics';

/**
 * The worker process's metrics, served on its own port (WORKER_METRICS_PORT). Each worker is scraped
 * like each API replica: Prometheus sums histograms across processes itself, and nothing is written to
 * Redis or Postgres on every job just to be read back by the API.
 */
export const workerRegistry = new Registry();

const jobDuration = new Histogram({
  name: 'commons_job_duration_seconds',
  help: 'How long BullMQ jobs ran, from start to completion or failure (one observation per attempt)',
  labelNames: ['queue', 'name', 'outcome'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
  registers: [workerRegistry],
});

/** Records one attempt of `job` (from a Worker's `completed` or `failed` event). */
export function observeJob(queue: string, job: Job | undefined, outcome: 'completed' | 'failed') {
  if (!job?.processedOn) return;
  const end = job.finishedOn ?? Date.now();
  jobDuration.observe({ queue, name: job.name, outcome }, Math.max(0, end - job.processedOn) / 1000);
}

/** Serves GET /metrics to a scraper holding METRICS_TOKEN; nothing listens when it is unset. */
export async function serveWorkerMetrics(env: Env, host = env.HOST): Promise<Server | null> {
  const token = env.METRICS_TOKEN;
  if (!token) return null;
  const server = createServer((req, res) => {
    if (req.url !== '/metrics' || req.method !== 'GET') return res.writeHead(404).end();
    if (!bearerMatches(req.headers.authorization, token)) return res.writeHead(401, { 'www-authenticate': 'Bearer' }).end();
    exposition(workerRegistry).then(
      ({ contentType, text }) => res.writeHead(200, { 'content-type': contentType }).end(text),
      () => res.writeHead(500).end(),
    );
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(env.WORKER_METRICS_PORT, host, resolve));
  return server;
}
