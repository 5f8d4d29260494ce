import { Inject, Injectable } from '@nestjs/common';
import { RateLimitedException, RateLimiter } from '../common/rate-limiter';
import { ENV, Env } from '../config/env';
import { RedisService } from '../redis/redis.module';

const LOGIN_WINDOW = 15 * 60;
const HOUR = 3600;
/** The longest a try from one address at one account ever waits. */
const MAX_BACKOFF = 15 * 60;
/** Reset emails one account gets per hour, whoever asks: past it, asking still answers 202 and sends nothing. */
const RESET_MAILS_PER_ACCOUNT = 3;
/** Confirmation emails one account can have sent per hour. */
const CONFIRMATION_MAILS_PER_ACCOUNT = 5;

/**
 * One sign-in try at one account from one address, counted before the password is checked so parallel
 * tries cannot all slip past the check (one script: atomic). Past `free` tries, the next waits 1 s,
 * then 2, 4… up to MAX_BACKOFF; a correct password clears it. When the account as a whole sees many
 * tries (guessing from many addresses), a new address gets one free try instead of `free`: still never
 * refused the first time, so the owner signing in from elsewhere gets in.
 * KEYS: pair (hash n, next), account counter. ARGV: free, window, max backoff, account alarm.
 * Returns the seconds to wait, or 0 when the try may go ahead.
 */
const ATTEMPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local nextAt = tonumber(redis.call('HGET', KEYS[1], 'next') or '0')
if now < nextAt then return math.ceil((nextAt - now) / 1000) end
local free = tonumber(ARGV[1])
if tonumber(redis.call('GET', KEYS[2]) or '0') >= tonumber(ARGV[4]) then free = 1 end
local n = redis.call('HINCRBY', KEYS[1], 'n', 1)
if n >= free then
  redis.call('HSET', KEYS[1], 'next', string.format('%d', now + math.min(tonumber(ARGV[3]), 2 ^ (n - free)) * 1000))
end
redis.call('EXPIRE', KEYS[1], ARGV[2])
redis.call('INCR', KEYS[2])
redis.call('EXPIRE', KEYS[2], ARGV[2], 'NX')
return 0`;

/** The owner got in: their address's count goes, and their try does not count towards the account's alarm. */
const SUCCEEDED = `redis.call('DEL', KEYS[1]) if tonumber(redis.call('GET', KEYS[2]) or '0') > 0 then redis.call('DECR', KEYS[2]) end return 0`;

/**
 * Throttles for sign-in, registration and emailed links, kept so that nobody's failures can refuse the
 * owner's correct password from another address. Every key is an HMAC of the address or email under a
 * secret (RATE_LIMIT_SECRET, or one the migrations generated), so Redis holds nothing guessable.
 */
@Injectable()
export class SignInLimits {

  constructor(
    @Inject(ENV) private readonly env: Env,
    private readonly redis: RedisService,
    private readonly limiter: RateLimiter,
  ) {}

  private mac(...values: string[]): Promise<string> {
    return this.limiter.salted(...values);
  }

  /** `kind:HMAC(values)`: the name a counter is stored under. */
  async key(kind: string, ...values: string[]): Promise<string> {
    return `${kind}:${await this.mac(...values)}`;
  }

  private redisKey(key: string) {
    return `${this.env.REDIS_PREFIX}:rate:${key}`;
  }

  /** The (address, account) and account counters, under one hash tag: one script touches both, so on Redis Cluster they share a slot. */
  private async signInKeys(ip: string, email: string): Promise<string[]> {
    const [account, pair] = await Promise.all([this.mac(email), this.mac(ip, email)]);
    return [this.redisKey(`login:{${account}}:pair:${pair}`), this.redisKey(`login:{${account}}:account`)];
  }

  /** Before checking a password: 429 when this address has tried too much, or must wait before trying this account again. */
  async beforeSignIn(ip: string, email: string): Promise<void> {
    await this.limiter.take(await this.key('login:address', ip), this.env.LOGIN_ATTEMPTS_PER_ADDRESS, LOGIN_WINDOW);
    const keys = await this.signInKeys(ip, email);
    // Redis away: let the try through, as every other limit does (argon2 still makes guessing slow).
    if (this.redis.client.status !== 'ready') return;
    const wait = Number(
      await this.redis.client
        .eval(ATTEMPT, 2, ...keys, this.env.LOGIN_FAILURES_PER_ACCOUNT, LOGIN_WINDOW, MAX_BACKOFF, this.env.LOGIN_FAILURES_PER_ACCOUNT * 10)
        .catch(() => 0),
    );
    if (wait > 0) throw new RateLimitedException(wait);
  }

  async signedIn(ip: string, email: string): Promise<void> {
    if (this.redis.client.status !== 'ready') return;
    const keys = await this.signInKeys(ip, email);
    await this.redis.client.eval(SUCCEEDED, 2, ...keys).catch(() => undefined);
  }

  /** Every registration from an address counts: probing who has an account is as slow as creating them. */
  async register(ip: string): Promise<void> {
    await this.limiter.take(await this.key('register:address', ip), this.env.REGISTRATIONS_PER_ADDRESS, HOUR);
  }

  /** Reset requests per address (429 past the limit, whatever the email). */
  async resetRequest(ip: string): Promise<void> {
    await this.limiter.take(await this.key('reset:address', ip), this.env.PASSWORD_RESETS_PER_ADDRESS, HOUR);
  }

  /** Whether another reset email may go to this account this hour; the caller is never told, so it cannot probe. */
  async resetMailAllowed(email: string): Promise<boolean> {
    const hit = await this.limiter.count(await this.key('reset:account', email), HOUR);
    return !hit || hit.count <= RESET_MAILS_PER_ACCOUNT;
  }

  /** Confirmation emails for one account (a signed-in person asking again): 429 past the limit. */
  async confirmationMail(userId: string): Promise<void> {
    await this.limiter.take(await this.key('confirm:account', userId), CONFIRMATION_MAILS_PER_ACCOUNT, HOUR);
  }
}
