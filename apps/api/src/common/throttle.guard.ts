import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ENV, Env } from '../config/env';
import { RateLimiter } from './rate-limiter';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const MINUTE = 60;

/** What the throttle counts for one write: who may be held back, and how much. */
export function throttleKeys(env: Env, address: string, memberId: string | null) {
  return [
    { key: `throttle:address:${address}`, limit: env.THROTTLE_ADDRESS_WRITES_PER_MINUTE, windowSeconds: MINUTE },
    memberId
      ? { key: `throttle:member:${memberId}`, limit: env.THROTTLE_MEMBER_WRITES_PER_MINUTE, windowSeconds: MINUTE }
      : { key: `throttle:anonymous:${address}`, limit: env.THROTTLE_ANONYMOUS_WRITES_PER_MINUTE, windowSeconds: MINUTE },
  ];
}

/**
 * Every write route, whatever its controller: per client address, and per signed-in member (or, signed
 * out, a tighter per-address allowance: registration and password reset hash a password each). 429 with
 * Retry-After through the global exception filter. Registered after AuthGuard (app.module.ts), so the
 * member is known; the routes' own limits (messages, feedback, sign-in) still apply on top.
 */
@Injectable()
export class ThrottleGuard implements CanActivate {
  constructor(
    @Inject(ENV) private readonly env: Env,
    private readonly limiter: RateLimiter,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (ctx.getType() !== 'http') return true;
    // `auth`: the session AuthGuard read (auth/auth.guard.ts); typed here, not imported, as common/ imports no feature.
    const request = ctx.switchToHttp().getRequest<FastifyRequest & { auth?: { user: { id: string } } | null }>();
    if (!WRITES.has(request.method)) return true;
    // The address salted (RateLimiter.salted): Redis never holds it.
    await this.limiter.takeAll(throttleKeys(this.env, await this.limiter.salted(request.ip), request.auth?.user.id ?? null));
    return true;
  }
}
