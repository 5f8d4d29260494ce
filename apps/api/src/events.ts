import { discussionsEvents } from './discussions/discussions.events';
import { identityEvents } from './identity/identity.events';
import { initiativesEvents } from './initiatives/initiatives.events';
import { moderationEvents } from './moderation/moderation.events';
import { notificationsEvents } from './notifications/notifications.events';
import { EventRegistry } from './realtime/event-rules';
import { toolsEvents } from './tools/tools.events';

/** What every feature's events imply (jobs, who is told) and the job processors they bring: see realtime/event-rules.ts. */
export const eventRegistry = new EventRegistry([identityEvents, moderationEvents, discussionsEvents, toolsEvents, initiativesEvents, notificationsEvents]);
