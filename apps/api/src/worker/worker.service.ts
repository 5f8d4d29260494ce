import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Job, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { JobData, JobName, JobPayloads, QueueName } from '@commons/realtime';
import { ENV, Env } from '../config/env';
import { CHECK_BATCH, ModerationService } from '../moderation/moderation.service';
import { EmailService } from '../notifications/email.service';
import { NotificationsService } from '../notifications/notifications.service';
import { bullPrefix, JobsService } from '../jobs/jobs.service';

type Handlers = { [Q in QueueName]: { [N in JobName<Q>]: (data: JobData<Q, N>) => Promise<unknown> } };

/** Runs the processors, worker process only. Handlers must be idempotent: BullMQ runs a job at least once. */
@Injectable()
export class WorkerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WorkerService.name);
  private readonly workers: Worker[] = [];
  private readonly connections: Redis[] = [];
  private readonly handlers: Handlers;

  constructor(
    @Inject(ENV) private readonly env: Env,
    private readonly jobs: JobsService,
    notifications: NotificationsService,
    moderation: ModerationService,
    email: EmailService,
  ) {
    this.handlers = {
      notifications: { 'fan-out': (data) => notifications.fanOut(data), email: (data) => email.emailNow(data), digest: () => email.digest() },
      moderation: { check: (data) => moderation.check(data), 'purge-originals': () => moderation.purgeOriginals(env.ORIGINAL_RETENTION_DAYS) },
    };
  }

  async onApplicationBootstrap() {
    // Idempotent: every worker declares the same schedule; BullMQ keeps one.
    await this.jobs
      .queue('moderation')
      .upsertJobScheduler('purge-originals', { every: 24 * 3600_000 }, { name: 'purge-originals', data: {} })
      .catch((error: Error) => this.logger.warn(`scheduling purge-originals: ${error.message}`));
    // Every morning at 07:00 UK time, when people start their day.
    await this.jobs
      .queue('notifications')
      .upsertJobScheduler('digest', { pattern: '0 7 * * *', tz: 'Europe/London' }, { name: 'digest', data: {} })
      .catch((error: Error) => this.logger.warn(`scheduling digest: ${error.message}`));
    // Moderation checks share a transaction per batch, not a connection each: enough jobs at once to fill two batches.
    for (const queue of Object.keys(this.handlers) as QueueName[]) {
      const connection = new Redis(this.env.REDIS_URL, { maxRetriesPerRequest: null, connectionName: `commons-worker-${queue}` });
      this.connections.push(connection);
      const worker = new Worker(queue, (job: Job) => this.run(queue, job), { connection, prefix: bullPrefix(this.env), concurrency: queue === 'moderation' ? 2 * CHECK_BATCH : this.env.WORKER_CONCURRENCY });
      worker.on('failed', (job, error) => this.logger.warn(`${queue}/${job?.name} ${job?.id} failed (attempt ${job?.attemptsMade}): ${error.message}`));
      worker.on('error', (error) => this.logger.warn(`${queue} worker: ${error.message}`));
      this.workers.push(worker);
    }
  }

  private run(queue: QueueName, job: Job) {
    const schema = (JobPayloads[queue] as Record<string, { parse(d: unknown): unknown }>)[job.name];
    const handler = (this.handlers[queue] as Record<string, (data: unknown) => Promise<unknown>>)[job.name];
    if (!schema || !handler) throw new Error(`no handler for ${queue}/${job.name}`);
    return handler(schema.parse(job.data));
  }

  /** Lets running jobs finish (SIGTERM), so none is left half done to wait for stalled-job recovery. */
  async onApplicationShutdown() {
    await Promise.all(this.workers.map((w) => w.close()));
    this.connections.forEach((c) => c.disconnect());
  }
}
