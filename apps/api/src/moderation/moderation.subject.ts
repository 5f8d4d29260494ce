import type { ModerationItem } from '@commons/domain';
import type { EntityManager } from 'typeorm';
import type { Tx } from '../realtime/outbox.service';

export type SubjectType = ModerationItem['subjectType'];
export type SubjectContent = ModerationItem['content'];
export type Redacted = NonNullable<ModerationItem['redacted']>;
/** A check's verdict on one subject; `redacted` only when it found personal data. */
export type Check = { id: number; state: 'published' | 'held'; redacted: Redacted | null };

/**
 * What moderation needs from a kind of thing it checks (feedback, messages): its text, and what
 * "published", "held", "approved", "redacted" and "rejected" mean for it.
 */
export interface ModerationSubject {
  /** With `manager`, read inside that transaction (the subject may not be committed yet). */
  contents(ids: number[], manager?: EntityManager): Promise<Map<number, SubjectContent>>;
  /** For each, earlier texts by the same sender, to spot the same text sent again. */
  recentTexts(ids: number[]): Promise<Map<number, string[]>>;
  /** The checks' verdicts, for those no moderator has decided yet. */
  applyChecks(tx: Tx, checks: Check[]): Promise<void>;
  applyDecision(tx: Tx, id: number, decision: 'approve' | 'redact' | 'reject', redacted: Redacted, actorId: string): Promise<void>;
}
