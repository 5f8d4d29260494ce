import { BadRequestException, ConflictException, ForbiddenException, Inject, Injectable, Logger, UnauthorizedException } from '@nestjs/common';
import { hash, verify } from '@node-rs/argon2';
import { randomBytes } from 'node:crypto';
import type { LoginInput, RegisterInput, User } from '@commons/domain';
import { topics } from '@commons/realtime';
import { type AuthSession, toUser } from '../auth/auth-user';
import { hashToken } from '../auth/auth.service';
import { SessionRepository } from '../auth/session.repository';
import { ENV, Env } from '../config/env';
import { OutboxService } from '../realtime/outbox.service';
import { EmailTokens } from './email-tokens';
import { OrganisationRepository, toAuthUser, UserRepository } from './identity.repositories';
import { assertStrongPassword } from './password-strength';
import { SignInLimits } from './sign-in-limits';

/** Where a sign-in came from: the client address (for the limits) and the browser's name (for the list of sessions). */
export interface Client {
  ip: string;
  userAgent?: string;
}

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
  private readonly logger = new Logger(LoginService.name);

  constructor(
    @Inject(ENV) private readonly env: Env,
    private readonly users: UserRepository,
    private readonly sessions: SessionRepository,
    private readonly organisations: OrganisationRepository,
    private readonly limits: SignInLimits,
    private readonly emailTokens: EmailTokens,
    private readonly outbox: OutboxService,
  ) {}

  /**
   * A new account, signed in at once; a link to confirm the address is emailed. Until it is opened the
   * person can read and post but counts for no organisation (verified_memberships).
   */
  async register(dto: RegisterInput, client: Client): Promise<SignedIn> {
    await this.limits.register(client.ip);
    await assertStrongPassword(dto.password, [dto.email, dto.displayName]);
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
    const url = await this.emailTokens.issue(user.id, 'verify_email', user.email);
    // Sent after the answer: a slow mail server does not hold up registering.
    void this.emailTokens
      .send(user.email, user.id, 'Confirm your email address for the Data Tools Commons', 'Open this link to confirm your email address. It works for 3 days.', url)
      .catch((error: Error) => this.logger.error(`confirmation email for ${user.id} failed: ${error.message}`));
    return { user: toUser(toAuthUser(user, null)), ...(await this.startSession(user.id, client)) };
  }

  /**
   * Guessing is throttled per client address (every attempt counts) and per account from each address,
   * with backoff (sign-in-limits.ts): nobody's failures elsewhere can refuse the owner's correct password.
   */
  async login(dto: LoginInput, client: Client): Promise<SignedIn> {
    await this.limits.beforeSignIn(client.ip, dto.email);
    const user = await this.users.getByEmail(dto.email);
    const ok = await verify(user?.passwordHash ?? DUMMY_HASH, dto.password).catch(() => false);
    if (!user || !ok) throw new UnauthorizedException('Email address or password is wrong');
    await this.limits.signedIn(client.ip, dto.email);
    // Told only to someone who knows the password.
    if (user.disabledAt) throw new ForbiddenException('This account has been disabled by an administrator');
    return { user: toUser(toAuthUser(user, await this.users.membership(user.id))), ...(await this.startSession(user.id, client)) };
  }

  /** Signs this browser out; the sockets it opened are closed on every instance (the person's other browsers stay). */
  async logout(auth: AuthSession | null) {
    if (!auth) return;
    await this.outbox.transaction(async (tx) => {
      await this.sessions.revoke(auth.session.id, tx.manager);
      tx.record({ topic: topics.user(auth.user.id), type: 'user.session.revoked', payload: { userId: auth.user.id, sessionId: auth.session.id } }, { actorId: auth.user.id });
    });
  }

  /** A fresh token at every sign-in, so a token planted before sign-in is worthless (no fixation). Single sign-on starts its sign-ins here too. */
  async startSession(userId: string, client?: Client) {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.env.SESSION_TTL_HOURS * 3600_000);
    await this.sessions.create({ userId, tokenHash: hashToken(token), expiresAt, userAgent: client?.userAgent?.slice(0, 300) || null });
    return { token, expiresAt };
  }
}
