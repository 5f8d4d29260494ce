import { Injectable } from '@nestjs/common';
import type { Health } from '@commons/domain';
import { DatabaseService } from '../database/database.module';
import { RedisService } from '../redis/redis.module';

@Injectable()
export class HealthService {
  constructor(
    private readonly database: DatabaseService,
    private readonly redis: RedisService,
  ) {}

  /** Each dependency's state, and what is down (empty when all is well). */
  async check(): Promise<{ health: Health; down: string[] }> {
    const [postgres, redis] = await Promise.all([
      this.database.ping().then(() => 'up' as const, () => 'down' as const),
      this.redis.ping().then(() => 'up' as const, () => 'down' as const),
    ]);
    const health: Health = { postgres, redis };
    return { health, down: Object.entries(health).filter(([, state]) => state === 'down').map(([name]) => name) };
  }
}
