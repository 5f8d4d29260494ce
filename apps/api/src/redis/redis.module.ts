import { Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { ENV, Env } from '../config/env';

/** The general-purpose Redis connection (health, presence, rate limits). BullMQ opens its own. */
@Injectable()
export class RedisService implements OnApplicationShutdown {
  readonly client: Redis;

  constructor(@Inject(ENV) env: Env) {
    // No auto-pipelining: each ioredis Pipeline it would make lives on, with its commands, until the next
    // full collection (see jobs.service.ts), which cost intake more than the writes it saved.
    this.client = new Redis(env.REDIS_URL, { maxRetriesPerRequest: 1, connectionName: 'commons' });
    // ioredis reconnects by itself; without a listener an outage would crash the process.
    this.client.on('error', () => undefined);
  }

  async ping(timeoutMs = 1000): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('redis ping timed out')), timeoutMs);
    });
    try {
      await Promise.race([this.client.ping(), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  async onApplicationShutdown() {
    // quit() waits for a connection that may never come back; only a ready client is asked politely.
    if (this.client.status === 'ready') await this.client.quit().catch(() => this.client.disconnect());
    else this.client.disconnect();
  }
}

@Global()
@Module({ providers: [RedisService], exports: [RedisService] })
export class RedisModule {}
