import { Inject, Injectable } from '@nestjs/common';
import { ENV, Env } from '../config/env';
import { RedisService } from '../redis/redis.module';

/** The Redis key every published change increments (RelayService, as it publishes the events). */
export const changesKey = (env: Env) => `${env.REDIS_PREFIX}:changes`;

/**
 * One counter of changes, shared by every instance: the relay bumps it whenever it publishes events, and
 * writes that record none (guides, new needs) bump it themselves. Caches of derived reads (the search
 * box) key their answers on it, so no answer outlives a change. Null from `read` when Redis is away:
 * then nothing may be served from a cache.
 */
@Injectable()
export class ChangeCounter {
  /** Changes made while Redis was away bumped nothing: each reconnection starts a new count here. */
  private epoch = 0;

  constructor(
    @Inject(ENV) private readonly env: Env,
    private readonly redis: RedisService,
  ) {
    redis.client.on('ready', () => this.epoch++);
  }

  async read(): Promise<string | null> {
    if (this.redis.client.status !== 'ready') return null;
    try {
      return `${this.epoch}.${(await this.redis.client.get(changesKey(this.env))) ?? '0'}`;
    } catch {
      return null;
    }
  }

  async bump(): Promise<void> {
    if (this.redis.client.status !== 'ready') return;
    await this.redis.client.incr(changesKey(this.env)).catch(() => undefined);
  }
}
