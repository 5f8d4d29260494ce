import { BadRequestException, ConflictException, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { hash, verify } from '@node-rs/argon2';
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import type { LoginInput, RegisterInput, User } from '@commons/domain';
import { topics } from '@commons/realtime';
import { RateLimiter } from '../common/rate-limiter';
import { ENV, Env } from '../config/env';
import { OutboxService } from '../realtime/outbox.service';
import { OrganisationRepository, SessionRepository, UserRepository } from './identity.repositories';
import { SessionEntity, type UserEntity } from './identity.entities';
import type { AuthDto } from './auth.guard';

export const SESSION_COOKIE = 'commons_session';
const LOGIN_WINDOW = 15 * 60;

/** Verified against when the email is unknown, so a wrong email costs as long as a wrong password. */
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$6JE3P/r7VXKfib0czZ9Rtw$7fQV9NpeS+vIdEyVZfJAbvgLSGnKaaT0hRFRmlWuO1E';

export function toUser(u: UserEntity): User {
  return {
    id: u.id,
    email: u.email,
    displayName: u.displayName,
    organisationId: u.organisationId,
    roles: u.roles,
    createdAt: u.createdAt.toISOString(),
  };
}

function hashToken(token: string) {
  return createHash('sha256').update(token).digest('hex');
}

@Injectable()
export class AuthService {
  constructor(
    @Inject(ENV) private readonly env: Env,
    private readonly users: UserRepository,
    private readonly sessions: SessionRepository,
    private readonly organisations: OrganisationRepository,
    private readonly limiter: RateLimiter,
    private readonly outbox: OutboxService,
  ) {}

  async register(dto: RegisterInput, reply: FastifyReply) {
    if (dto.organisationId !== undefined && !(await this.organisations.exists(dto.organisationId))) {
      throw new BadRequestException({ message: 'Choose an organisation from the list', fields: { organisationId: 'No such organisation' } });
    }
    const user = await this.users.createUnlessTaken({
      email: dto.email,
      passwordHash: await hash(dto.password),
      displayName: dto.displayName,
      organisationId: dto.organisationId ?? null,
      roles: ['member'],
    });
    if (!user) throw new ConflictException({ message: 'An account with this email address already exists', fields: { email: 'Email address is already registered' } });
    await this.startSession(user, reply);
    return { user: toUser(user) };
  }

  /**
   * Guessing is throttled twice: per client address (every attempt counts) and per account (failures
   * count, so the owner is not locked out by their own successful sign-ins).
   */
  async login(dto: LoginInput, reply: FastifyReply, ip: string) {
    const account = `login:account:${hashToken(dto.email)}`;
    await this.limiter.take(`login:address:${hashToken(ip)}`, this.env.LOGIN_ATTEMPTS_PER_ADDRESS, LOGIN_WINDOW, reply);
    await this.limiter.check(account, this.env.LOGIN_FAILURES_PER_ACCOUNT, reply);
    const user = await this.users.getByEmail(dto.email);
    const ok = await verify(user?.passwordHash ?? DUMMY_HASH, dto.password).catch(() => false);
    if (!user || !ok) {
      await this.limiter.count(account, LOGIN_WINDOW);
      throw new UnauthorizedException('Email address or password is wrong');
    }
    await this.startSession(user, reply);
    return { user: toUser(user) };
  }

  /** Ends this session; the sockets opened with it are closed on every instance (the person's other browsers stay). */
  async logout(auth: AuthDto | null, reply: FastifyReply) {
    if (auth) {
      await this.outbox.transaction(async (tx) => {
        await tx.manager.update(SessionEntity, { id: auth.session.id }, { revokedAt: () => 'now()' });
        await tx.record(topics.user(auth.user.id), 'user.session.revoked', { userId: auth.user.id, sessionId: auth.session.id }, auth.user.id);
      });
    }
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
  }

  me(auth: AuthDto) {
    return { user: toUser(auth.user) };
  }

  /** The session for a cookie token, or null; only the token's hash is ever stored. */
  async validate(token: string): Promise<AuthDto | null> {
    return (await this.validateMany([token])).get(token) ?? null;
  }

  /** Many tokens in one query (an instance re-checking all its sockets); the live ones, by token. */
  async validateMany(tokens: string[]): Promise<Map<string, AuthDto>> {
    const byHash = new Map(tokens.filter((t) => t.length <= 200).map((t) => [hashToken(t), t]));
    if (!byHash.size) return new Map();
    const sessions = await this.sessions.live([...byHash.keys()]);
    // Inner join: every session comes with its user.
    return new Map(sessions.map((session) => [byHash.get(session.tokenHash)!, { session, user: session.user }]));
  }

  /** A fresh token at every sign-in, so a token planted before sign-in is worthless (no fixation). */
  private async startSession(user: UserEntity, reply: FastifyReply) {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.env.SESSION_TTL_HOURS * 3600_000);
    await this.sessions.create({ userId: user.id, tokenHash: hashToken(token), expiresAt });
    reply.setCookie(SESSION_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: this.env.PUBLIC_ORIGIN.startsWith('https:'),
      expires: expiresAt,
    });
  }
}
