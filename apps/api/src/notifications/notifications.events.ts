import { IMMEDIATE_KINDS } from '@commons/domain';
import { handler } from '../jobs/job-handlers';
import type { FeatureEvents } from '../realtime/event-rules';
import { EmailService } from './email.service';
import { NotificationsService } from './notifications.service';
import { OutcomeEmailService } from './outcome-email.service';

export const notificationsEvents: FeatureEvents = {
  jobs: {
    // An email at once only for mentions, replies and answers; the rest wait for the digest.
    'notification.created': ({ payload: { id, kind } }) =>
      (IMMEDIATE_KINDS as readonly string[]).includes(kind) ? [{ queue: 'notifications', name: 'email', jobId: `email:notification:${id}`, data: { notificationId: id } }] : [],
  },
  handlers: [
    handler('notifications', 'fan-out', NotificationsService, (notifications, data) => notifications.fanOut(data)),
    handler('notifications', 'email', EmailService, (email, data) => email.emailNow(data)),
    handler('notifications', 'outcome-email', OutcomeEmailService, (outcomes, data) => outcomes.send(data)),
    // Every morning at 07:00 UK time, when people start their day.
    handler('notifications', 'digest', EmailService, (email) => email.digest(), { pattern: '0 7 * * *', tz: 'Europe/London' }),
  ],
};
