import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createTransport, Transporter } from 'nodemailer';
import { DataSource } from 'typeorm';
import { ENV, Env } from '../config/env';

export interface Mail {
  to: string;
  userId: string;
  subject: string;
  /** Plain text; the unsubscribe paragraph is added here. */
  text: string;
  /** An account email (a link to confirm an address or reset a password): not a notification, so no unsubscribe. */
  account?: boolean;
}

/**
 * Sends email with nodemailer when SMTP_URL is set, and signs unsubscribe links. A link's token is the
 * user's id and an HMAC of it: it works without signing in, and only for that user.
 */
@Injectable()
export class MailService implements OnApplicationShutdown {
  private transport?: Transporter;
  private secret?: Promise<string>;

  constructor(
    @Inject(ENV) private readonly env: Env,
    private readonly db: DataSource,
  ) {}

  get enabled() {
    return Boolean(this.env.SMTP_URL);
  }

  private key(): Promise<string> {
    // UNSUBSCRIBE_SECRET wins; otherwise the one the migration generated, shared by every process.
    this.secret ??= this.env.UNSUBSCRIBE_SECRET
      ? Promise.resolve(this.env.UNSUBSCRIBE_SECRET)
      : this.db.query(`SELECT value FROM app_secrets WHERE name = 'unsubscribe'`).then((rows: { value: string }[]) => rows[0].value);
    return this.secret;
  }

  private async mac(userId: string) {
    return createHmac('sha256', await this.key()).update(`unsubscribe:${userId}`).digest('base64url');
  }

  async token(userId: string) {
    return `${userId}.${await this.mac(userId)}`;
  }

  /** The user the token was made for, or null for anything forged or mangled. */
  async verify(token: string): Promise<string | null> {
    const match = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.([A-Za-z0-9_-]{43})$/.exec(token);
    if (!match) return null;
    const expected = Buffer.from(await this.mac(match[1]));
    const given = Buffer.from(match[2]);
    return expected.length === given.length && timingSafeEqual(expected, given) ? match[1] : null;
  }

  async unsubscribeUrl(userId: string) {
    return `${this.env.PUBLIC_ORIGIN}/api/notifications/unsubscribe?token=${await this.token(userId)}`;
  }

  private from() {
    return this.env.MAIL_FROM ?? `Data Tools Commons <notifications@${new URL(this.env.PUBLIC_ORIGIN).hostname}>`;
  }

  async send(mail: Mail) {
    if (!this.env.SMTP_URL) throw new Error('email is off: SMTP_URL is not set');
    this.transport ??= createTransport(this.env.SMTP_URL);
    if (mail.account) {
      await this.transport.sendMail({ from: this.from(), to: mail.to, subject: mail.subject, text: mail.text });
      return;
    }
    const unsubscribe = await this.unsubscribeUrl(mail.userId);
    await this.transport.sendMail({
      from: this.from(),
      to: mail.to,
      subject: mail.subject,
      text: `${mail.text}\n\n--\nYou get these emails because you chose them in your notification settings:\n${this.env.PUBLIC_ORIGIN}/settings/notifications\nStop all notification emails with one click: ${unsubscribe}\n`,
      // RFC 8058: mail clients offer a one-click unsubscribe that POSTs to the link.
      headers: { 'List-Unsubscribe': `<${unsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
    });
  }

  onApplicationShutdown() {
    this.transport?.close();
  }
}
