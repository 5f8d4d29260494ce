import type { Type } from '@nestjs/common';
import type { JobData, JobName, QueueName } from '@commons/realtime';
import type { Env } from '../config/env';

/** When BullMQ runs a recurring job (every worker declares the same; BullMQ keeps one). */
export type JobSchedule = { every: number } | { pattern: string; tz: string };

/**
 * A job processor a feature brings to the worker: the queue and name it runs, the service (a provider of
 * the feature) that runs it, and for a recurring job its schedule. Must be idempotent: BullMQ runs a job
 * at least once.
 */
export interface JobHandler {
  queue: QueueName;
  name: string;
  service: Type;
  run(service: unknown, data: unknown, env: Env): Promise<unknown>;
  schedule?: JobSchedule;
}

export function handler<Q extends QueueName, N extends JobName<Q>, S>(
  queue: Q,
  name: N,
  service: Type<S>,
  run: (service: S, data: JobData<Q, N>, env: Env) => Promise<unknown>,
  schedule?: JobSchedule,
): JobHandler {
  return { queue, name, service, run: run as JobHandler['run'], schedule };
}
