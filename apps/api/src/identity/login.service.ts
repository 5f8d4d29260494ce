import { BadRequestException, ConflictException, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { hash, verify } from '@node-rs/argon2';
import { randomBytes } from 'node:crypto';
import type { LoginInput, RegisterInput, User } from '@commons/domain';
import { topics } from '@commons/realtime';
import { type AuthSession, toUser } from '../auth/auth-user';
import { hashToken } from '../auth/auth.service';
import { SessionRepository } from '../auth/session.repository';
import { RateLimiter } from '../common/rate-limiter';
import { ENV, Env } from '../config/env';
import { OutboxService } from '../realtime/outbox.service';
import { OrganisationRepository, toAuthUser, UserRepository } from './identity.repositories';

const LOGIN_WINDOW = 15 * 60;

/** Verified against when the email is unknown, so a wrong email costs as long as a wrong password. */
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$6JE3P/r7VXKfib0czZ9Rtw$7fQV9NpeS+vIdEyVZfJAbvgLSGnKaaT0hRFRmlWuO1E';

/** A new session: the controller puts the token in the cookie. */
export interface SignedIn {
  user: User;
  token: string;
  expiresAt: Date;
}

@Injectable()
export class LoginService {
  constructor(
    @Inject(ENV) private readonly env: Env,
    private readonly users: UserRepository,
    private readonly sessions: SessionRepository,
    private readonly organisations: OrganisationRepository,
    private readonly limiter: RateLimiter,
    private readonly outbox: OutboxService,
  ) {}

  async register(dto: RegisterInput): Promise<SignedIn> {
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
    return { user: toUser(toAuthUser(user, null)), ...(await this.startSession(user.id)) };
  }

  /**
   * Guessing is throttled twice: per client address (every attempt counts) and per account (failures
   * count, so the owner is not locked out by their own successful sign-ins).
   */
  async login(dto: LoginInput, ip: string): Promise<SignedIn> {
    const account = `login:account:${hashToken(dto.email)}`;
    await this.limiter.take(`login:address:${hashToken(ip)}`, this.env.LOGIN_ATTEMPTS_PER_ADDRESS, LOGIN_WINDOW);
    await this.limiter.check(account, this.env.LOGIN_FAILURES_PER_ACCOUNT);
    const user = await this.users.getByEmail(dto.email);
    const ok = await verify(user?.passwordHash ?? DUMMY_HASH, dto.password).catch(() => false);
    if (!user || !ok) {
      await this.limiter.count(account, LOGIN_WINDOW);
      throw new UnauthorizedException('Email address or password is wrong');
    }
    return { user: toUser(toAuthUser(user, await this.users.membership(user.id))), ...(await this.startSession(user.id)) };
  }

  /** Signs this browser out; the sockets it opened are closed on every instance (the person's other browsers stay). */
  async logout(auth: AuthSession | null) {
    if (!auth) return;
    await this.outbox.transaction(async (tx) => {
      await this.sessions.revoke(auth.session.id, tx.manager);
      tx.record({ topic: topics.user(auth.user.id), type: 'user.session.revoked', payload: { userId: auth.user.id, sessionId: auth.session.id } }, { actorId: auth.user.id });
    });
  }

  /** A fresh token at every sign-in, so a token planted before sign-in is worthless (no fixation). */
  private async startSession(userId: string) {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.env.SESSION_TTL_HOURS * 3600_000);
    await this.sessions.create({ userId, tokenHash: hashToken(token), expiresAt });
    return { token, expiresAt };
  }
}
