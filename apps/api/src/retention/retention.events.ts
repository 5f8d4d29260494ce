import type { FeatureEvents } from '../realtime/event-rules';
import { handler } from '../jobs/job-handlers';
import { RetentionService } from './retention.service';

const HOURLY = { every: 3600_000 };

/** The worker's retention jobs: each window is an environment variable (docs/operations.md, "Limits and retention"). */
export const retentionEvents: FeatureEvents = {
  handlers: [
    handler('maintenance', 'prune-outbox', RetentionService, (retention, _data, env) => retention.pruneOutbox(env.OUTBOX_RETENTION_HOURS), HOURLY),
    handler('maintenance', 'prune-sessions', RetentionService, (retention, _data, env) => retention.pruneSessions(env.SESSION_RETENTION_DAYS), HOURLY),
    handler('maintenance', 'prune-notifications', RetentionService, (retention, _data, env) => retention.pruneNotifications(env.NOTIFICATION_RETENTION_DAYS), HOURLY),
  ],
};
