import { Controller, Get, HttpCode, NotFoundException, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { QUEUES, QueueName } from '@commons/realtime';
import { Authenticated } from '../auth/auth.guard';
import { JobsService } from './jobs.service';

const QueueParam = z.enum(QUEUES as [QueueName, ...QueueName[]]);
class JobListQueryDto extends createZodDto(
  z.object({
    queue: QueueParam,
    state: z.enum(['failed', 'active', 'waiting', 'delayed', 'completed']).default('failed'),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  }),
) {}
class JobParamDto extends createZodDto(z.object({ queue: QueueParam, id: z.string().min(1).max(200) })) {}

/** For admins: jobs that exhausted their retries stay here to be read and retried by hand. */
@ApiTags('admin')
@Controller('admin/jobs')
export class JobsController {
  constructor(private readonly jobs: JobsService) {}

  @Get()
  @Authenticated({ roles: ['admin'] })
  async list(@Query() { queue, state, limit }: JobListQueryDto) {
    const jobs = await this.jobs.queue(queue).getJobs([state], 0, limit - 1);
    return {
      counts: await this.jobs.queue(queue).getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed'),
      items: jobs.map((j) => ({ id: j.id, name: j.name, data: j.data, attemptsMade: j.attemptsMade, failedReason: j.failedReason ?? null, timestamp: new Date(j.timestamp).toISOString() })),
    };
  }

  @Post(':queue/:id/retry')
  @HttpCode(202)
  @Authenticated({ roles: ['admin'] })
  async retry(@Param() { queue, id }: JobParamDto) {
    const job = await this.jobs.queue(queue).getJob(id);
    if (!job) throw new NotFoundException(`No job ${id} in ${queue}`);
    await job.retry('failed');
    return { id, state: await job.getState() };
  }
}
