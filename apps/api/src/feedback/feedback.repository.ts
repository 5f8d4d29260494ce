import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { duplicateKey } from '@commons/domain';
import { prepared, query } from '../database/prepared';
import { recentTexts, type Redacted, wholeText } from '../moderation/moderation.subject';

/** The text fields of a submission, as moderation reads them (see feedbackContent). */
export interface FeedbackContentRow {
  id: string;
  page: string;
  nature: string | null;
  summary: string;
  details: string | null;
  role: string;
  organisation: string | null;
  email: string | null;
}

export interface NewFeedback extends Omit<FeedbackContentRow, 'id'> {
  userId: string | null;
  clientHash: string;
  idempotencyKey: string | null;
  status: 'pending' | 'spam';
  tellMe: boolean;
}

@Injectable()
export class FeedbackRepository {
  constructor(private readonly dataSource: DataSource) {}

  async salt(): Promise<string> {
    const [row] = await this.dataSource.query(`SELECT value FROM app_secrets WHERE name = 'client_hash_salt'`);
    return row.value;
  }

  /**
   * Many submissions in one statement; answers in input order, null where the idempotency key was used
   * already (the first submission stands). Ids are drawn first, so each answer is matched to its input
   * whatever was left out; rows go in in key order, so two batches sharing keys cannot deadlock.
   */
  async insertMany(manager: EntityManager, rows: NewFeedback[]): Promise<(number | null)[]> {
    const column = <K extends keyof NewFeedback>(k: K) => rows.map((r) => r[k]);
    const inserted = await query<{ id: string | null }>(manager,
      prepared(`WITH input AS (
         SELECT nextval('feedback_id_seq') AS id, t.*
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::uuid[], $9::text[], $10::text[], $11::text[], $12::text[], $13::boolean[])
           WITH ORDINALITY AS t(page, nature, summary, details, role, organisation, email, user_id, client_hash, idempotency_key, status, summary_key, tell_me, n)),
       ins AS (
         INSERT INTO feedback (id, page, nature, summary, details, role, organisation, email, user_id, client_hash, idempotency_key, status, summary_key, tell_me)
         SELECT id, page, nature, summary, details, role, organisation, email, user_id, client_hash, idempotency_key, status, md5(summary_key)::uuid, tell_me
         FROM input ORDER BY idempotency_key
         ON CONFLICT (idempotency_key) DO NOTHING RETURNING id)
       SELECT ins.id FROM input LEFT JOIN ins USING (id) ORDER BY input.n`),
      [
        column('page'),
        column('nature'),
        column('summary'),
        column('details'),
        column('role'),
        column('organisation'),
        column('email'),
        column('userId'),
        column('clientHash'),
        column('idempotencyKey'),
        column('status'),
        // Only a signed-in sender can repeat themselves: anonymous feedback shares addresses (recentSummaries).
        rows.map((r) => (r.userId ? duplicateKey(wholeText(r)) : null)),
        column('tellMe'),
      ],
    );
    return inserted.map((r) => (r.id === null ? null : Number(r.id)));
  }

  async idByKey(key: string): Promise<number | null> {
    const rows = await this.dataSource.query(`SELECT id FROM feedback WHERE idempotency_key = $1`, [key]);
    return rows.length ? Number(rows[0].id) : null;
  }

  /** What moderation reads of each (see feedbackContent). */
  byIds(ids: number[], manager: EntityManager = this.dataSource.manager) {
    return query<FeedbackContentRow>(manager, prepared(`SELECT id, page, nature, summary, details, role, organisation, email FROM feedback WHERE id = ANY($1)`), [ids]);
  }

  /**
   * For each item, the same signed-in person's earlier submission in the hour before that may be the
   * same whole submission. Anonymous feedback is never a repeat: a council office shares one address,
   * and two people there may well both send "Problem with the tool".
   */
  recentSummaries(ids: number[]) {
    return recentTexts(this.dataSource, { table: 'feedback', texts: ['summary', 'details', 'organisation'], key: 'summary_key', sender: 'user_id' }, ids);
  }

  /**
   * One statement for many rows (a batch of checks); a null `redacted` keeps what was there. A
   * redaction replaces all three redacted fields (a moderator may have emptied one).
   */
  async setStatus(manager: EntityManager, changes: { id: number; status: string; redacted: Redacted | null }[]) {
    if (!changes.length) return;
    await query(manager,
      prepared(`UPDATE feedback f SET status = c.status,
         redacted_summary = CASE WHEN c.redact THEN c.summary ELSE f.redacted_summary END,
         redacted_details = CASE WHEN c.redact THEN c.details ELSE f.redacted_details END,
         redacted_organisation = CASE WHEN c.redact THEN c.organisation ELSE f.redacted_organisation END
       FROM unnest($1::bigint[], $2::text[], $3::bool[], $4::text[], $5::text[], $6::text[]) AS c(id, status, redact, summary, details, organisation) WHERE f.id = c.id`),
      [
        changes.map((c) => c.id),
        changes.map((c) => c.status),
        changes.map((c) => c.redacted !== null),
        changes.map((c) => c.redacted?.summary ?? null),
        changes.map((c) => c.redacted?.details ?? null),
        changes.map((c) => c.redacted?.organisation ?? null),
      ],
    );
  }

  /** The retention period is over: the original text goes, and the repeat key made from it. */
  async purgeOriginal(manager: EntityManager, id: number, replacement: Redacted) {
    await manager.query(`UPDATE feedback SET summary = $2, details = $3, organisation = $4, summary_key = NULL WHERE id = $1`, [id, replacement.summary, replacement.details, replacement.organisation]);
  }

  /**
   * Account deletion: the person's email and organisation go from the feedback they sent signed in, or
   * sent giving that email. Answers the feedback ids, for moderation's stored copies.
   */
  async forgetContacts(manager: EntityManager, userId: string, email: string): Promise<number[]> {
    // An UPDATE answers [rows, count].
    const [rows] = await manager.query(
      `UPDATE feedback SET email = NULL, organisation = NULL, redacted_organisation = NULL WHERE user_id = $1 OR lower(email) = lower($2) RETURNING id`,
      [userId, email],
    );
    return rows.map((r: { id: string }) => Number(r.id));
  }

  /** Whether the user looks after the page: a maintainer of its tool or a leader of its initiative. */
  async ownsPage(page: string, userId: string): Promise<boolean> {
    const [, kind, slug] = /^\/(tools|initiatives)\/([a-z0-9]+(?:-[a-z0-9]+)*)(?:[/?#]|$)/.exec(page) ?? [];
    if (!kind) return false;
    const rows = await this.dataSource.query(
      kind === 'tools'
        ? `SELECT 1 FROM tool_maintainers m JOIN tools t ON t.id = m.tool_id WHERE t.slug = $1 AND m.user_id = $2`
        : `SELECT 1 FROM initiative_leaders l JOIN initiatives i ON i.id = l.initiative_id WHERE i.slug = $1 AND l.user_id = $2`,
      [slug, userId],
    );
    return rows.length > 0;
  }

  /** What the public side may show: published as sent, redacted as redacted; never held, pending or spam. */
  visible(page: string | undefined, limit: number) {
    return this.dataSource.query(
      `SELECT id, page, nature, role, created_at,
              CASE WHEN status = 'redacted' THEN redacted_summary ELSE summary END AS summary,
              CASE WHEN status = 'redacted' THEN redacted_organisation ELSE organisation END AS organisation,
              CASE WHEN status = 'redacted' THEN redacted_details ELSE details END AS details
       FROM feedback WHERE status IN ('published', 'redacted') AND ($1::text IS NULL OR page = $1)
       ORDER BY id DESC LIMIT $2`,
      [page ?? null, limit],
    );
  }
}
