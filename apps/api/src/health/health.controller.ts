import { Controller, Get, Res } from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Health, HealthDown, Liveness } from '@commons/domain';
import { Doc } from '../common/api-doc';
import { HealthService } from './health.service';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly service: HealthService) {}

  /**
   * Liveness: the process answers. It never looks at Postgres or Redis, so a Redis blip (which the API
   * is built to serve through) never makes an orchestrator restart every API container.
   */
  @Get('live')
  @Doc({ summary: 'Whether the process answers (liveness probe)', returns: Liveness })
  live() {
    return { status: 'ok' as const };
  }

  /** Readiness: 200 when Postgres and Redis answer, else 503 naming which does not. */
  @Get('ready')
  @Doc({ summary: 'Whether Postgres and Redis answer (readiness probe)', returns: Health })
  @ApiResponse({ status: 503, description: 'Postgres or Redis is down', standardSchema: HealthDown })
  ready(@Res({ passthrough: true }) reply: FastifyReply) {
    return this.check(reply);
  }

  /** The readiness answer, at its original address. */
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
