import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Job, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { JobPayloads, QueueName } from '@commons/realtime';
import { ENV, Env } from '../config/env';
import type { JobHandler } from '../jobs/job-handlers';
import { bullPrefix, JobsService } from '../jobs/jobs.service';
import { observeJob } from '../metrics/job-metrics';
import { CHECK_BATCH } from '../moderation/moderation.service';
import { EventRegistry } from '../realtime/event-rules';

/**
 * Runs the processors the features declare (`<feature>.events.ts`), worker process only. Handlers must
 * be idempotent: BullMQ runs a job at least once.
 */
@Injectable()
export class WorkerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WorkerService.name);
  private readonly workers: Worker[] = [];
  private readonly connections: Redis[] = [];
  /** queue → job name → handler. */
  private readonly handlers = new Map<QueueName, Map<string, JobHandler>>();

  constructor(
    @Inject(ENV) private readonly env: Env,
    private readonly jobs: JobsService,
    private readonly moduleRef: ModuleRef,
    events: EventRegistry,
  ) {
    for (const h of events.handlers) {
      const named = this.handlers.get(h.queue) ?? new Map<string, JobHandler>();
      if (named.has(h.name)) throw new Error(`two handlers declared for ${h.queue}/${h.name}`);
      this.handlers.set(h.queue, named.set(h.name, h));
    }
  }

  async onApplicationBootstrap() {
    // Idempotent: every worker declares the same schedules; BullMQ keeps one of each.
    for (const h of [...this.handlers.values()].flatMap((named) => [...named.values()])) {
      if (!h.schedule) continue;
      await this.jobs
        .queue(h.queue)
        .upsertJobScheduler(h.name, h.schedule, { name: h.name, data: {} })
        .catch((error: Error) => this.logger.warn(`scheduling ${h.name}: ${error.message}`));
    }
    // Moderation checks share a transaction per batch, not a connection each: enough jobs at once to fill two batches.
    for (const queue of this.handlers.keys()) {
      const connection = new Redis(this.env.REDIS_URL, { maxRetriesPerRequest: null, connectionName: `commons-worker-${queue}` });
      this.connections.push(connection);
      const worker = new Worker(queue, (job: Job) => this.run(queue, job), { connection, prefix: bullPrefix(this.env), concurrency: queue === 'moderation' ? 2 * CHECK_BATCH : this.env.WORKER_CONCURRENCY });
      worker.on('failed', (job, error) => {
        observeJob(queue, job, 'failed');
        this.logger.warn(`${queue}/${job?.name} ${job?.id} failed (attempt ${job?.attemptsMade}): ${error.message}`);
      });
      worker.on('completed', (job) => observeJob(queue, job, 'completed'));
      worker.on('error', (error) => this.logger.warn(`${queue} worker: ${error.message}`));
      this.workers.push(worker);
    }
  }

  private run(queue: QueueName, job: Job) {
    const schema = (JobPayloads[queue] as Record<string, { parse(d: unknown): unknown }>)[job.name];
    const handler = this.handlers.get(queue)?.get(job.name);
    if (!schema || !handler) throw new Error(`no handler for ${queue}/${job.name}`);
    return handler.run(this.moduleRef.get(handler.service, { strict: false }), schema.parse(job.data), this.env);
  }

  /** Lets running jobs finish (SIGTERM), so none is left half done to wait for stalled-job recovery. */
  async onApplicationShutdown() {
    await Promise.all(this.workers.map((w) => w.close()));
    this.connections.forEach((c) => c.disconnect());
  }
}
