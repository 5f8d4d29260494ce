import { discussionsEvents } from './discussions/discussions.events';
import { identityEvents } from './identity/identity.events';
import { answersEvents } from './answers/answers.events';
import { ideasEvents } from './ideas/ideas.events';
import { initiativesEvents } from './initiatives/initiatives.events';
import { retentionEvents } from './retention/retention.events';
import { moderationEvents } from './moderation/moderation.events';
import { notificationsEvents } from './notifications/notifications.events';
import { EventRegistry } from './realtime/event-rules';
import { toolsEvents } from './tools/tools.events';

/** What every feature's events imply (jobs, who is told) and the job processors they bring: see realtime/event-rules.ts. */
export const eventRegistry = new EventRegistry([identityEvents, moderationEvents, discussionsEvents, toolsEvents, initiativesEvents, ideasEvents, answersEvents, notificationsEvents, retentionEvents]);
