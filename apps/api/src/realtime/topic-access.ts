import type { ParsedTopic } from '@commons/realtime';
import type { AuthUser } from '../auth/auth-user';

/**
 * Topics about something only some people may read (a local-authority-only tool, a thread about one).
 * The feature that owns the rule provides it (tools: ToolTopicAccess), so realtime imports no feature.
 */
export abstract class TopicAccess {
  /** Null when anyone may follow `topic`; otherwise the check of the reader, as they are now: why not, or null. */
  abstract restricted(topic: ParsedTopic): Promise<((user: AuthUser | null) => string | null) | null>;
}
