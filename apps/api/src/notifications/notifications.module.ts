import { OutcomeEmailService } from './outcome-email.service';
import type { Feature } from '../common/feature';
import { EmailService } from './email.service';
import { MailService } from './mail.service';
import { NotificationsController, WatchesController } from './notifications.controller';
import { NotificationRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';
import { PreferencesRepository } from './preferences.repository';
import { RecipientsService } from './recipients.service';
import { WatchRepository } from './watch.repository';
import { WatchService } from './watch.service';

/** Inboxes, watches and email: the fan-out and email jobs run in the worker. */
export const notificationsFeature: Feature = {
  providers: [NotificationsService, NotificationRepository, RecipientsService, WatchRepository, WatchService, PreferencesRepository, MailService, EmailService, OutcomeEmailService],
  controllers: [NotificationsController, WatchesController],
};
