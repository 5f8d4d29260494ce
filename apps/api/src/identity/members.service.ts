import { Inject, Injectable } from '@nestjs/common';
import type { MemberQuery } from '@commons/domain';
import type { AuthUser } from '../auth/auth-user';
import { RateLimiter } from '../common/rate-limiter';
import { ENV, Env } from '../config/env';
import { MembersRepository } from './members.repository';

/** Finding people to @-mention: any member, by name, for signed-in members only. */
@Injectable()
export class MembersService {
  constructor(
    @Inject(ENV) private readonly env: Env,
    private readonly members: MembersRepository,
    private readonly limiter: RateLimiter,
  ) {}

  async find(user: AuthUser, query: MemberQuery) {
    // A limit per member: autocomplete asks as they type, but nobody needs to page through everyone.
    await this.limiter.take(`members:${user.id}`, this.env.MEMBER_LOOKUPS_PER_MINUTE, 60);
    return { items: await this.members.findByName(query.q, user.id, query.limit) };
  }
}
