import { Controller, Get, Injectable, Module, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Health } from '@commons/domain';
import { DatabaseService } from '../database/database.module';
import { RedisService } from '../redis/redis.module';

@Injectable()
export class HealthService {
  constructor(
    private readonly database: DatabaseService,
    private readonly redis: RedisService,
  ) {}

  async check(reply: FastifyReply) {
    const [postgres, redis] = await Promise.all([
      this.database.ping().then(() => 'up' as const, () => 'down' as const),
      this.redis.ping().then(() => 'up' as const, () => 'down' as const),
    ]);
    const health: Health = { postgres, redis };
    const down = Object.entries(health).filter(([, state]) => state === 'down').map(([name]) => name);
    if (!down.length) return health;
    reply.status(503);
    return { ...health, error: { code: 'unavailable', message: `${down.join(' and ')} ${down.length > 1 ? 'are' : 'is'} down` } };
  }
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly service: HealthService) {}

  @Get()
  check(@Res({ passthrough: true }) reply: FastifyReply) {
    return this.service.check(reply);
  }
}

@Module({ controllers: [HealthController], providers: [HealthService] })
export class HealthModule {}
