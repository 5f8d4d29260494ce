import { HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import { ENV, Env } from '../config/env';
import { RedisService } from '../redis/redis.module';

/** One command, not a MULTI of five: on the feedback intake path every Redis command is CPU spent per submission. */
const HIT = `local n = redis.call('INCR', KEYS[1]) redis.call('EXPIRE', KEYS[1], ARGV[1], 'NX') return {n, redis.call('TTL', KEYS[1])}`;

/** 429: the global exception filter answers it with Retry-After. */
export class RateLimitedException extends HttpException {
  constructor(readonly retryAfterSeconds: number) {
    super({ message: `Too many requests: try again in ${retryAfterSeconds} seconds` }, HttpStatus.TOO_MANY_REQUESTS);
  }
}

/** Fixed-window counters in Redis, shared by every API instance. */
@Injectable()
export class RateLimiter {
  constructor(
    @Inject(ENV) private readonly env: Env,
    private readonly redis: RedisService,
  ) {}

  private key(key: string) {
    return `${this.env.REDIS_PREFIX}:rate:${key}`;
  }

  /**
   * Counts one hit on `key` in its window: the count so far and the seconds left, or null if Redis is
   * away. Callers let the request through then: losing a reader's feedback is worse than a burst.
   */
  async count(key: string, windowSeconds: number): Promise<{ count: number; ttl: number } | null> {
    const redisKey = this.key(key);
    // Redis away: answer at once rather than queue the command behind ioredis's reconnect backoff (seconds).
    if (this.redis.client.status !== 'ready') return null;
    try {
      const [count, ttl] = (await this.redis.client.eval(HIT, 1, redisKey, windowSeconds)) as [number, number];
      return { count, ttl };
    } catch {
      return null;
    }
  }

  /** Counts one hit on `key`; past `limit` in `windowSeconds` it throws RateLimitedException. */
  async take(key: string, limit: number, windowSeconds: number): Promise<void> {
    const hit = await this.count(key, windowSeconds);
    if (hit && hit.count > limit) throw new RateLimitedException(Math.max(1, hit.ttl));
  }

  /** Throws RateLimitedException if `key` already reached `limit` in its window, without counting this one. */
  async check(key: string, limit: number): Promise<void> {
    const redisKey = this.key(key);
    let count: number;
    let ttl: number;
    if (this.redis.client.status !== 'ready') return;
    try {
      [count, ttl] = await Promise.all([this.redis.client.get(redisKey).then(Number), this.redis.client.ttl(redisKey)]);
    } catch {
      return;
    }
    if (count >= limit) throw new RateLimitedException(Math.max(1, ttl));
  }
}
