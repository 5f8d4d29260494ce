import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { hashToken } from '../auth/auth.service';
import { ENV, Env } from '../config/env';
import { MailService } from '../notifications/mail.service';

export type EmailTokenPurpose = 'verify_email' | 'reset_password' | 'change_email';

/** How long each kind of link works. */
const LIFETIME_HOURS: Record<EmailTokenPurpose, number> = { verify_email: 72, reset_password: 1, change_email: 24 };

/** Where each link lands in the web client, which POSTs the token (a GET that acted would be spent by mail scanners). */
const PAGE: Record<EmailTokenPurpose, string> = { verify_email: '/confirm-email', reset_password: '/reset-password', change_email: '/confirm-email' };

export interface UsedEmailToken {
  userId: string;
  email: string;
}

/**
 * Single-use links sent by email. Only a hash of the token is stored; a new link of a kind replaces the
 * account's earlier unused ones, so only the latest email works.
 */
@Injectable()
export class EmailTokens {
  private readonly logger = new Logger(EmailTokens.name);

  constructor(
    @Inject(ENV) private readonly env: Env,
    private readonly db: DataSource,
    private readonly mail: MailService,
  ) {}

  /** A new link for `purpose`, the account's earlier ones of that kind spent; its URL. */
  async issue(userId: string, purpose: EmailTokenPurpose, email: string, manager: EntityManager = this.db.manager): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await manager.query(`UPDATE email_tokens SET used_at = now() WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL`, [userId, purpose]);
    await manager.query(
      `INSERT INTO email_tokens (user_id, purpose, email, token_hash, expires_at) VALUES ($1, $2, $3, $4, now() + make_interval(hours => $5))`,
      [userId, purpose, email, hashToken(token), LIFETIME_HOURS[purpose]],
    );
    return `${this.env.PUBLIC_ORIGIN}${PAGE[purpose]}?token=${token}`;
  }

  /** Spends a link: the account and address it was for, or null if unknown, used, expired, or of another kind. */
  async use(token: string, purposes: EmailTokenPurpose[], manager: EntityManager): Promise<(UsedEmailToken & { purpose: EmailTokenPurpose }) | null> {
    // UPDATE answers [rows, count] through TypeORM.
    const [rows]: [{ user_id: string; email: string; purpose: EmailTokenPurpose }[]] = await manager.query(
      `UPDATE email_tokens SET used_at = now()
       WHERE token_hash = $1 AND purpose = ANY($2) AND used_at IS NULL AND expires_at > now()
       RETURNING user_id, email, purpose`,
      [hashToken(token), purposes],
    );
    return rows[0] ? { userId: rows[0].user_id, email: rows[0].email, purpose: rows[0].purpose } : null;
  }

  /**
   * Emails the link. Without SMTP_URL nothing can be sent: outside production the link is logged so a
   * developer can follow it; in production only the fact is.
   */
  async send(to: string, userId: string, subject: string, text: string, url: string): Promise<void> {
    if (!this.mail.enabled) {
      if (this.env.NODE_ENV === 'production') this.logger.warn(`email is off (SMTP_URL unset): "${subject}" not sent`);
      else this.logger.log(`email is off (SMTP_URL unset): "${subject}" for ${to}: ${url}`);
      return;
    }
    await this.mail.send({ to, userId, subject, text: `${text}\n\n${url}\n\nIf you did not ask for this, ignore this email: nothing changes.`, account: true });
  }

  /** An account email with no link (something has changed); nothing when email is off. */
  async notify(to: string, userId: string, subject: string, text: string): Promise<void> {
    if (this.mail.enabled) await this.mail.send({ to, userId, subject, text, account: true });
  }
}
