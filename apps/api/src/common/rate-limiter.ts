import { HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import { createHmac } from 'node:crypto';
import { DataSource } from 'typeorm';
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
  private secret?: Promise<string>;

  constructor(
    @Inject(ENV) private readonly env: Env,
    private readonly redis: RedisService,
    private readonly db: DataSource,
  ) {}

  /**
   * HMAC-SHA256 of the values under the rate-limit secret (RATE_LIMIT_SECRET, or the one the migrations
   * generated): what counters are named by, so Redis holds no address or email, nor anything guessable.
   */
  async salted(...values: string[]): Promise<string> {
    this.secret ??= this.env.RATE_LIMIT_SECRET
      ? Promise.resolve(this.env.RATE_LIMIT_SECRET)
      : this.db.query(`SELECT value FROM app_secrets WHERE name = 'rate_limit'`).then((rows: { value: string }[]) => rows[0].value);
    return createHmac('sha256', await this.secret).update(values.join('\n')).digest('base64url');
  }

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

  /**
   * Counts one hit on each of `hits` (at once: one command each, not one multi-key script, so the keys
   * may live on different Redis Cluster slots); if any is past its limit, throws RateLimitedException
   * with the longest wait among those. Lets the request through when Redis is away.
   */
  async takeAll(hits: { key: string; limit: number; windowSeconds: number }[]): Promise<void> {
    const counted = await Promise.all(hits.map((h) => this.count(h.key, h.windowSeconds)));
    const waits = counted.flatMap((hit, i) => (hit && hit.count > hits[i].limit ? [Math.max(1, hit.ttl)] : []));
    if (waits.length) throw new RateLimitedException(Math.max(...waits));
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
