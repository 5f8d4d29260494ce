import { BadRequestException, Inject, Injectable, Logger } from '@nestjs/common';
import type { NotificationPreferences, PreferencesInput } from '@commons/domain';
import type { JobData } from '@commons/realtime';
import { DatabaseService } from '../database/database.module';
import { ENV, Env } from '../config/env';
import type { AuthUser } from '../auth/auth-user';
import { MailService } from './mail.service';
import type { NotificationRow } from './notifications.repository';
import { PreferencesRepository } from './preferences.repository';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Email: the preference, mentions and replies at once, the rest in a daily digest, and unsubscribing. */
@Injectable()
export class EmailService {
  private readonly logger = new Logger(EmailService.name);

  constructor(
    @Inject(ENV) private readonly env: Env,
    private readonly db: DatabaseService,
    private readonly mail: MailService,
    private readonly prefs: PreferencesRepository,
  ) {}

  private link(row: NotificationRow) {
    return `${this.env.PUBLIC_ORIGIN}${row.url ?? '/notifications'}`;
  }

  async preferences(user: AuthUser): Promise<NotificationPreferences> {
    const row = await this.prefs.get(user.id);
    return { email: row.email, emailAvailable: this.mail.enabled, lastDigestAt: row.last_digest_at?.toISOString() ?? null };
  }

  async setPreferences(user: AuthUser, dto: PreferencesInput) {
    await this.prefs.set(user.id, dto.email);
    return this.preferences(user);
  }

  /** The link in every email, GET (a page saying so) or RFC 8058's POST: email off, no sign-in needed. */
  async unsubscribe(token: string) {
    const userId = await this.mail.verify(token);
    if (!userId) throw new BadRequestException({ message: 'This unsubscribe link is not valid', fields: { token: 'Not a valid unsubscribe token' } });
    await this.prefs.set(userId, 'off');
    return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Unsubscribed – Data Tools Commons</title></head>
<body><main><h1>You will get no more notification emails</h1>
<p>Your notifications still appear in your inbox on the site. To get emails again, choose it in
<a href="${escape(this.env.PUBLIC_ORIGIN)}/settings/notifications">your notification settings</a>.</p></main></body></html>`;
  }

  /** The `notifications/email` job: a mention or reply, sent at once to those who chose email. */
  async emailNow({ notificationId }: JobData<'notifications', 'email'>) {
    if (!this.mail.enabled) return 'email off';
    const row = await this.prefs.claimImmediate(notificationId);
    if (!row) return 'nothing to send';
    try {
      await this.mail.send({ to: row.email, userId: row.user_id, subject: row.title, text: `${row.title}\n\nRead it: ${this.link(row)}` });
    } catch (error) {
      await this.prefs.release([Number(row.id)]);
      throw error;
    }
    return 'sent';
  }

  /**
   * The daily `notifications/digest` job: for each user who chose email, what they have not read and
   * not yet been emailed since the last digest. Nothing is sent when there is nothing; a rerun finds
   * everything marked emailed and sends nothing twice. One user's failure does not stop the others.
   */
  async digest() {
    if (!this.mail.enabled) return { sent: 0 };
    let sent = 0;
    const failed: string[] = [];
    for (const userId of await this.prefs.digestUserIds()) {
      let claimed: number[] = [];
      try {
        // Claimed and committed first, sent outside any transaction (a slow mail server holds no row
        // locks); a failed send gives the items back for the next digest, as emailNow does.
        const claim = await this.db.transaction((manager) => this.prefs.claimDigest(manager, userId));
        if (!claim) continue;
        claimed = claim.items.map((n) => Number(n.id));
        const lines = claim.items.map((n) => `- ${n.title}\n  ${this.link(n)}`);
        const count = claim.items.length;
        await this.mail.send({
          to: claim.to.email,
          userId,
          subject: `Your daily digest: ${count} new notification${count === 1 ? '' : 's'}`,
          text: `Hello ${claim.to.display_name},\n\nSince your last digest:\n\n${lines.join('\n')}\n\nAll of them: ${this.env.PUBLIC_ORIGIN}/notifications`,
        });
        await this.prefs.digestSent(userId);
        sent++;
      } catch (error) {
        if (claimed.length) await this.prefs.release(claimed).catch(() => undefined);
        failed.push(userId);
        this.logger.warn(`digest for ${userId} failed: ${(error as Error).message}`);
      }
    }
    if (failed.length) throw new Error(`digest failed for ${failed.length} user(s); the rest were sent`);
    return { sent };
  }
}
