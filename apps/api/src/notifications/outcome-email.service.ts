import { Inject, Injectable, Logger } from '@nestjs/common';
import type { JobData } from '@commons/realtime';
import { ENV, Env } from '../config/env';
import { OutboxService } from '../realtime/outbox.service';
import { MailService } from './mail.service';
import { NotificationRepository } from './notifications.repository';

/** "You said, we did" by email: feedback senders who ticked "tell me what happens" hear once that it is done. */
@Injectable()
export class OutcomeEmailService {
  private readonly logger = new Logger(OutcomeEmailService.name);

  constructor(
    @Inject(ENV) private readonly env: Env,
    private readonly outbox: OutboxService,
    private readonly notifications: NotificationRepository,
    private readonly mail: MailService,
  ) {}

  /** The `notifications/outcome-email` job of an `answers.done` event. */
  async send({ eventId }: JobData<'notifications', 'outcome-email'>) {
    if (!this.env.SMTP_URL) return 0;
    const event = await this.outbox.get(eventId);
    if (event?.type !== 'answers.done') return 0;
    const { answerIds, title, url } = event.payload as { answerIds: number[]; title: string; url: string };
    const senders = await this.notifications.claimOutcomeEmails(answerIds);
    for (const { email, summary } of senders) {
      // Asked for once on the feedback form: a reply to that, not a subscription with an unsubscribe link.
      await this.mail
        .send({
          to: email, userId: '', account: true,
          subject: 'You said, we did: what happened to your feedback',
          text: `You told us: “${summary}”\n\nYou asked us to tell you what happens. It is done: ${title}\n${this.env.PUBLIC_ORIGIN}${url}\n\nThank you for helping improve the Data Tools Commons.`,
        })
        .catch((error: Error) => this.logger.warn(`an outcome email to a feedback sender failed: ${error.message}`));
    }
    return senders.length;
  }
}
