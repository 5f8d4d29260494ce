import 'reflect-metadata';
import { getPriority, setPriority } from 'node:os';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import pino from 'pino';
import { WorkerModule } from './app.module';
import { loadEnv } from './config/env';
import { pinoOptions } from './config/logging';
import { waitForMigrations } from './database/pending-migrations';
import { serveWorkerMetrics } from './metrics/job-metrics';

async function main() {
  const env = loadEnv();
  // Only ever lowered: raising a priority back needs privileges the process should not have.
  if (getPriority() < env.WORKER_NICE) setPriority(env.WORKER_NICE);
  // Started with the API or the migrate service, not after it: its first jobs would meet missing tables.
  await waitForMigrations(env.DATABASE_URL, pino(pinoOptions(env)).child({ context: 'worker' }));
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(env), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  // Unreferenced: it never holds the process open once the workers have closed on SIGTERM. A port in use
  // costs the metrics, not the jobs.
  const metrics = await serveWorkerMetrics(env).catch((error: Error) => {
    app.get(Logger).error(`metrics not served: port ${env.WORKER_METRICS_PORT}: ${error.message}`);
    return null;
  });
  metrics?.unref();
  app.get(Logger).log(`worker started${metrics ? ` (metrics on port ${env.WORKER_METRICS_PORT})` : ''}`);
}

main().catch((error: Error) => {
  console.error(error.message.startsWith('Invalid environment') ? error.message : error);
  process.exit(1);
});
