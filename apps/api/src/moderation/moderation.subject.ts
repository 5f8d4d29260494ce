import type { ModerationItem } from '@commons/domain';
import type { EntityManager } from 'typeorm';
import type { Tx } from '../realtime/outbox.service';

export type SubjectType = ModerationItem['subjectType'];
export type SubjectContent = ModerationItem['content'];
export type Redacted = NonNullable<ModerationItem['redacted']>;

/**
 * What moderation needs from a kind of thing it checks (feedback, messages): its text, and what
 * "published", "held", "approved", "redacted" and "rejected" mean for it.
 */
export interface ModerationSubject {
  /** With `manager`, read inside that transaction (the subject may not be committed yet). */
  contents(ids: number[], manager?: EntityManager): Promise<Map<number, SubjectContent>>;
  /** Earlier texts by the same sender, to spot the same text sent again. */
  recentTexts(id: number): Promise<string[]>;
  /** The job's verdict, when no moderator has decided yet. */
  applyCheck(tx: Tx, id: number, state: 'published' | 'held', redacted: Redacted | null): Promise<void>;
  applyDecision(tx: Tx, id: number, decision: 'approve' | 'redact' | 'reject', redacted: Redacted, actorId: string): Promise<void>;
}
