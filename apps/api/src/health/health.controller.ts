import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { HealthService } from './health.service';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly service: HealthService) {}

  /** 200 when Postgres and Redis answer, else 503 naming which does not. */
  @Get()
  async check(@Res({ passthrough: true }) reply: FastifyReply) {
    const { health, down } = await this.service.check();
    if (!down.length) return health;
    reply.status(503);
    return { ...health, error: { code: 'unavailable', message: `${down.join(' and ')} ${down.length > 1 ? 'are' : 'is'} down` } };
  }
}
