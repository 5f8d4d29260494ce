import { BadRequestException, Injectable, Logger } from '@nestjs/common';
import { hash } from '@node-rs/argon2';
import type { LinkSent, PasswordResetConfirmInput, PasswordResetRequestInput } from '@commons/domain';
import { topics } from '@commons/realtime';
import { hashToken } from '../auth/auth.service';
import { OutboxService } from '../realtime/outbox.service';
import { AccountRepository } from './account.repository';
import { EmailTokens } from './email-tokens';
import { UserRepository } from './identity.repositories';
import type { Client } from './login.service';
import { assertStrongPassword } from './password-strength';
import { SignInLimits } from './sign-in-limits';

/** The same words whether or not the account exists, so asking tells nobody who has one. */
export const RESET_SENT: LinkSent = {
  message: 'If an account uses that email address, we have sent it a link to set a new password. The link works for one hour, once.',
};

const EXPIRED = 'This link has expired or has already been used: ask for a new one';

/** "Forgot your password?": a single-use link, valid for an hour, to the account's address. */
@Injectable()
export class PasswordResetService {
  private readonly logger = new Logger(PasswordResetService.name);

  constructor(
    private readonly users: UserRepository,
    private readonly account: AccountRepository,
    private readonly emailTokens: EmailTokens,
    private readonly limits: SignInLimits,
    private readonly outbox: OutboxService,
  ) {}

  /**
   * Answers the same way for any address. The link is stored before the answer (so what was written is
   * done when the caller hears back); the email is sent after it, so a mail server's pace says nothing
   * about whether the account exists.
   */
  async request(dto: PasswordResetRequestInput, client: Client): Promise<LinkSent> {
    await this.limits.resetRequest(client.ip);
    const user = await this.users.getByEmail(dto.email);
    if (!user || user.disabledAt || !(await this.limits.resetMailAllowed(dto.email))) return RESET_SENT;
    const url = await this.emailTokens.issue(user.id, 'reset_password', dto.email);
    void this.emailTokens
      .send(dto.email, user.id, 'Set a new password for the Data Tools Commons', 'Someone (we hope you) asked to set a new password for your account. Open this link within an hour to choose one:', url)
      .catch((error: Error) => this.logger.error(`password reset email failed: ${error.message}`));
    return RESET_SENT;
  }

  /**
   * Sets the new password and ends every session of the account (whoever knew the old one is out).
   * Opening the link proves the address, so it counts as confirmed.
   */
  async confirm(dto: PasswordResetConfirmInput): Promise<void> {
    const pending: { user_id: string }[] = await this.account.pendingLink(hashToken(dto.token), 'reset_password');
    const user = pending[0] && (await this.users.getById(pending[0].user_id));
    if (!user) throw new BadRequestException({ message: EXPIRED, fields: { token: EXPIRED } });
    // Checked before the link is spent, so a refused password leaves it usable.
    await assertStrongPassword(dto.password, [user.email, user.displayName]);
    const passwordHash = await hash(dto.password);
    await this.outbox.transaction(async (tx) => {
      const used = await this.emailTokens.use(dto.token, ['reset_password'], tx.manager);
      if (!used) throw new BadRequestException({ message: EXPIRED, fields: { token: EXPIRED } });
      await this.account.setPasswordHash(used.userId, passwordHash, tx.manager);
      await this.account.confirmEmail(used.userId, used.email, tx.manager);
      for (const sessionId of await this.account.revokeOthers(used.userId, null, tx.manager)) {
        tx.record({ topic: topics.user(used.userId), type: 'user.session.revoked', payload: { userId: used.userId, sessionId } });
      }
    });
  }
}
