import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { JobsOptions, Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { JobSpec, QueueName } from '@commons/realtime';
import { ENV, Env } from '../config/env';

/** Retries back off 1 s, 2 s, 4 s, 8 s; a job that still fails stays in the failed set to be inspected. */
export const JOB_DEFAULTS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: false,
};

export function bullPrefix(env: Env) {
  return `${env.REDIS_PREFIX}:bull`;
}

/** Produces jobs. Processors live in the worker process (worker/worker.service.ts). */
@Injectable()
export class JobsService implements OnApplicationShutdown {
  private readonly connection: Redis;
  private readonly queues = new Map<QueueName, Queue>();

  constructor(@Inject(ENV) private readonly env: Env) {
    // Fail fast while Redis is away: the outbox sweeper enqueues again later, so nothing waits on it.
    this.connection = new Redis(env.REDIS_URL, { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectionName: 'commons-producer' });
    this.connection.on('error', () => undefined);
  }

  queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: this.connection, prefix: bullPrefix(this.env), defaultJobOptions: JOB_DEFAULTS });
      queue.on('error', () => undefined);
      this.queues.set(name, queue);
    }
    return queue;
  }

  /**
   * Deterministic job ids: BullMQ ignores an id it already holds, so a re-sweep adds nothing.
   * One `add` per job, not `addBulk`: ioredis pipelines outlive young collections, and the full collections
   * they bring on stall intake (docs/PERFORMANCE.md, "Memory and garbage collection").
   */
  async enqueue(specs: JobSpec[]): Promise<void> {
    await Promise.all(specs.map((j) => this.queue(j.queue).add(j.name, j.data, { jobId: j.jobId })));
  }

  async onApplicationShutdown() {
    await Promise.all([...this.queues.values()].map((q) => q.close().catch(() => undefined)));
    this.connection.disconnect();
  }
}
