import { BadRequestException, ConflictException, Injectable, NotFoundException, UnauthorizedException } from '@nestjs/common';
import { hash, verify } from '@node-rs/argon2';
import type { AccountSession, ChangeEmailInput, ChangePasswordInput, ConfirmEmailInput, LinkSent, Me, UpdateProfileInput } from '@commons/domain';
import { topics } from '@commons/realtime';
import { type AuthSession, type AuthUser, toUser } from '../auth/auth-user';
import { OutboxService } from '../realtime/outbox.service';
import { AccountRepository } from './account.repository';
import { EmailTokens } from './email-tokens';
import { UserRepository } from './identity.repositories';
import { assertStrongPassword } from './password-strength';
import { SignInLimits } from './sign-in-limits';

const LINK_USED = 'This link has expired or has already been used';

/** What a person changes about their own account: name, password, email address, sessions. */
@Injectable()
export class AccountSettingsService {
  constructor(
    private readonly account: AccountRepository,
    private readonly users: UserRepository,
    private readonly emailTokens: EmailTokens,
    private readonly limits: SignInLimits,
    private readonly outbox: OutboxService,
  ) {}

  private async me(userId: string): Promise<Me> {
    const user = await this.users.getAuthUser(userId);
    if (!user) throw new NotFoundException('No such account');
    return { user: toUser(user) };
  }

  /** The password again, for changes a borrowed browser must not make; 401 naming `field` when wrong. */
  private async checkPassword(user: AuthUser, password: string, field: string) {
    const passwordHash = await this.users.passwordHash(user.id);
    const ok = passwordHash !== null && (await verify(passwordHash, password).catch(() => false));
    if (!ok) throw new UnauthorizedException({ message: 'The password is wrong', fields: { [field]: 'The password is wrong' } });
  }

  async updateProfile(user: AuthUser, dto: UpdateProfileInput): Promise<Me> {
    await this.outbox.transaction((tx) => this.account.setDisplayName(user.id, dto.displayName, tx.manager));
    return this.me(user.id);
  }

  /** A new password; every other session of the account ends (this browser stays signed in). */
  async changePassword(auth: AuthSession, dto: ChangePasswordInput): Promise<void> {
    await this.checkPassword(auth.user, dto.currentPassword, 'currentPassword');
    await assertStrongPassword(dto.newPassword, [auth.user.email, auth.user.displayName], 'newPassword');
    const passwordHash = await hash(dto.newPassword);
    await this.outbox.transaction(async (tx) => {
      await this.account.setPasswordHash(auth.user.id, passwordHash, tx.manager);
      for (const sessionId of await this.account.revokeOthers(auth.user.id, auth.session.id, tx.manager)) {
        tx.record({ topic: topics.user(auth.user.id), type: 'user.session.revoked', payload: { userId: auth.user.id, sessionId } }, { actorId: auth.user.id });
      }
    });
  }

  /** Sends a link to the new address; the account moves to it only when that link is opened. */
  async requestEmailChange(user: AuthUser, dto: ChangeEmailInput): Promise<LinkSent> {
    await this.checkPassword(user, dto.password, 'password');
    if (dto.email === user.email) throw new BadRequestException({ message: 'That is already your email address', fields: { email: 'Enter a different email address' } });
    if (await this.account.emailTaken(dto.email)) throw new ConflictException({ message: 'An account with this email address already exists', fields: { email: 'Email address is already registered' } });
    await this.limits.confirmationMail(user.id);
    const url = await this.emailTokens.issue(user.id, 'change_email', dto.email);
    await this.emailTokens.send(dto.email, user.id, 'Confirm your new email address for the Data Tools Commons', `Open this link to use ${dto.email} for your account. It works for 24 hours; until then your account keeps ${user.email}.`, url);
    return { message: `We have sent a link to ${dto.email}. Your address changes when you open it.` };
  }

  /** The confirmation link again, for an address not yet confirmed. */
  async resendConfirmation(user: AuthUser): Promise<LinkSent> {
    if (user.emailVerified) throw new ConflictException({ message: 'Your email address is already confirmed' });
    await this.limits.confirmationMail(user.id);
    const url = await this.emailTokens.issue(user.id, 'verify_email', user.email);
    await this.emailTokens.send(user.email, user.id, 'Confirm your email address for the Data Tools Commons', 'Open this link to confirm your email address. It works for 3 days.', url);
    return { message: `We have sent a new link to ${user.email}.` };
  }

  /**
   * Opens a confirmation link (no sign-in needed: it may open in another browser). A new account's
   * address becomes confirmed; a changed address replaces the old one, confirmed.
   */
  async confirmEmail(dto: ConfirmEmailInput): Promise<Me> {
    const { userId, moved } = await this.outbox
      .transaction(async (tx) => {
        const used = await this.emailTokens.use(dto.token, ['verify_email', 'change_email'], tx.manager);
        if (!used) throw new BadRequestException({ message: LINK_USED, fields: { token: LINK_USED } });
        const previous = used.purpose === 'change_email' ? await this.account.emailOf(used.userId, tx.manager) : null;
        const done = used.purpose === 'change_email' ? await this.account.moveEmail(used.userId, used.email, tx.manager) : await this.account.confirmEmail(used.userId, used.email, tx.manager);
        if (!done) {
          const why = used.purpose === 'change_email' ? 'Another account has taken this address meanwhile' : 'Your account has changed its address since this link was sent';
          throw new ConflictException({ message: why, fields: { token: why } });
        }
        return { userId: used.userId, moved: previous ? { from: previous, to: used.email } : null };
      })
      .catch((error: { driverError?: { code?: string } }) => {
        // Two accounts confirming the same new address at once: the unique index decides.
        if (error.driverError?.code === '23505') throw new ConflictException({ message: 'Another account has taken this address meanwhile' });
        throw error;
      });
    // The old address hears of it, so someone who got into the account cannot move it away unnoticed.
    if (moved) {
      void this.emailTokens
        .notify(moved.from, userId, 'Your email address for the Data Tools Commons has changed', `Your account now uses ${moved.to}. If you did not do this, reset your password at once, or ask an administrator for help.`)
        .catch(() => undefined);
    }
    return this.me(userId);
  }

  async sessions(auth: AuthSession): Promise<{ items: AccountSession[] }> {
    const rows = await this.account.liveSessions(auth.user.id);
    return {
      items: rows.map((r) => ({
        id: r.id, createdAt: r.created_at.toISOString(), lastSeenAt: r.last_seen_at.toISOString(), expiresAt: r.expires_at.toISOString(),
        userAgent: r.user_agent, current: r.id === auth.session.id,
      })),
    };
  }

  /** "Sign out this one": that browser's sockets close at once. */
  async revokeSession(auth: AuthSession, sessionId: string): Promise<void> {
    await this.outbox.transaction(async (tx) => {
      if (!(await this.account.revokeOwn(auth.user.id, sessionId, tx.manager))) throw new NotFoundException('No such session');
      tx.record({ topic: topics.user(auth.user.id), type: 'user.session.revoked', payload: { userId: auth.user.id, sessionId } }, { actorId: auth.user.id });
    });
  }
}
