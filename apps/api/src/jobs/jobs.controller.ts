import { Controller, Get, HttpCode, NotFoundException, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { JobList, JobRetried } from '@commons/domain';
import { QUEUES, QueueName } from '@commons/realtime';
import { Authenticated } from '../auth/auth.guard';
import { Doc } from '../common/api-doc';
import { JobsService } from './jobs.service';

const QueueParam = z.enum(QUEUES as [QueueName, ...QueueName[]]);
const JobListQuery = z.object({
  queue: QueueParam,
  state: z.enum(['failed', 'active', 'waiting', 'delayed', 'completed']).default('failed'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
const JobParam = z.object({ queue: QueueParam, id: z.string().min(1).max(200) });

/** For admins: jobs that exhausted their retries stay here to be read and retried by hand. */
@ApiTags('admin')
@Controller('admin/jobs')
export class JobsController {
  constructor(private readonly jobs: JobsService) {}

  @Get()
  @Authenticated({ roles: ['admin'] })
  @Doc({ summary: 'Jobs of a queue in one state (admins)', returns: JobList, errors: [403] })
  async list(@Query({ schema: JobListQuery }) { queue, state, limit }: z.output<typeof JobListQuery>) {
    const jobs = await this.jobs.queue(queue).getJobs([state], 0, limit - 1);
    return {
      counts: await this.jobs.queue(queue).getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed'),
      items: jobs.map((j) => ({ id: j.id, name: j.name, data: j.data, attemptsMade: j.attemptsMade, failedReason: j.failedReason ?? null, timestamp: new Date(j.timestamp).toISOString() })),
    };
  }

  @Post(':queue/:id/retry')
  @HttpCode(202)
  @Authenticated({ roles: ['admin'] })
  @Doc({ summary: 'Retry a failed job (admins)', returns: JobRetried, status: 202, errors: [403, 404] })
  async retry(@Param({ schema: JobParam }) { queue, id }: z.output<typeof JobParam>) {
    const job = await this.jobs.queue(queue).getJob(id);
    if (!job) throw new NotFoundException(`No job ${id} in ${queue}`);
    await job.retry('failed');
    return { id, state: await job.getState() };
  }
}
