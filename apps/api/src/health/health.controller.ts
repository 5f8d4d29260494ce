import { Controller, Get, Res } from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Health, HealthDown } from '@commons/domain';
import { Doc } from '../common/api-doc';
import { HealthService } from './health.service';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly service: HealthService) {}

  /** 200 when Postgres and Redis answer, else 503 naming which does not. */
  @Get()
  @Doc({ summary: 'Whether Postgres and Redis answer', returns: Health })
  @ApiResponse({ status: 503, description: 'Postgres or Redis is down', standardSchema: HealthDown })
  async check(@Res({ passthrough: true }) reply: FastifyReply) {
    const { health, down } = await this.service.check();
    if (!down.length) return health;
    reply.status(503);
    return { ...health, error: { code: 'unavailable', message: `${down.join(' and ')} ${down.length > 1 ? 'are' : 'is'} down` } };
  }
}
