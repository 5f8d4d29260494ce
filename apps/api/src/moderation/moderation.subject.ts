import type { ModerationItem } from '@commons/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { prepared, query } from '../database/prepared';
import type { Tx } from '../realtime/outbox.service';

export type SubjectType = ModerationItem['subjectType'];
export type SubjectContent = ModerationItem['content'];
/** The checked text fields of an item (a message has only `summary`), as sent or as redacted. */
export type Redacted = { summary: string; details: string | null; organisation: string | null };

/**
 * A submission's text fields as one text: what counts as "the same text again" is the whole
 * submission, and what the repeat key (`duplicateKey`) is made of. The same order in SQL: recentTexts.
 */
export function wholeText(t: { summary: string; details?: string | null; organisation?: string | null }): string {
  return [t.summary, t.details, t.organisation].filter((s) => s).join('\n');
}
/**
 * A check's verdict on one subject; `redacted` only when it found personal data. `eventId`: the event
 * that showed the subject before its check (a visible message's `message.created`).
 */
export type Check = { id: number; state: 'published' | 'held'; redacted: Redacted | null; eventId?: number };

/**
 * What moderation needs from a kind of thing it checks (feedback, messages): its text, and what
 * "published", "held", "approved", "redacted" and "rejected" mean for it.
 */
export interface ModerationSubject {
  /** With `manager`, read inside that transaction (the subject may not be committed yet). */
  contents(ids: number[], manager?: EntityManager): Promise<Map<number, SubjectContent>>;
  /** For each, an earlier text by the same sender within the hour that may be the same text (see recentTexts). */
  recentTexts(ids: number[]): Promise<Map<number, string[]>>;
  /** The checks' verdicts, for those no moderator has decided yet. */
  applyChecks(tx: Tx, checks: Check[]): Promise<void>;
  applyDecision(tx: Tx, id: number, decision: 'approve' | 'redact' | 'reject', redacted: Redacted, actorId: string): Promise<void>;
  /** The text fields it has (`summary` only when not given): a moderator's redaction of any other is refused. */
  readonly fields?: readonly (keyof Redacted)[];
  /** The retention period is over: the subject's original text becomes `replacement` (see purgeOriginals). */
  purgeOriginal?(tx: Tx, id: number, replacement: Redacted): Promise<void>;
}

/**
 * The one rule for spotting the same text sent again, whatever the subject: for each of `ids`, the
 * latest earlier submission of the same sender with the same duplicate key (`key` = md5 of the domain's
 * `duplicateKey` of its wholeText, null for texts too short to count), if it was sent in the hour
 * before. A null sender (anonymous feedback) never matches. One index lookup per id, however many
 * texts the sender sent (the detector still compares the texts themselves). `table` and the columns
 * are code, never input; `texts` in wholeText's order.
 */
export async function recentTexts(
  db: DataSource,
  source: { table: string; key: string; sender: string } & ({ texts: string[] } | { text: string }),
  ids: number[],
): Promise<Map<number, string[]>> {
  const { table, key, sender } = source;
  const texts = 'texts' in source ? source.texts : [source.text];
  const whole = `concat_ws(E'\\n', ${texts.map((c) => `nullif(e.${c}, '')`).join(', ')})`;
  const rows = await query<{ id: string; text: string }>(db.manager,
    prepared(`SELECT s.id, e.text FROM ${table} s
     CROSS JOIN LATERAL (SELECT ${whole} AS text, e.created_at FROM ${table} e
                         WHERE e.${sender} = s.${sender} AND e.${key} = s.${key} AND e.id < s.id
                         ORDER BY e.id DESC LIMIT 1) e
     WHERE s.id = ANY($1) AND e.created_at > s.created_at - interval '1 hour'`),
    [ids],
  );
  return new Map(rows.map((r) => [Number(r.id), [r.text]]));
}
