import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { ModerationItem } from '@commons/domain';
import { prepared } from '../database/prepared';

/** A queue item with the deciding moderator's name. Its subject's text comes from the subject's module. */
export interface ItemRow {
  id: string;
  subject_type: ModerationItem['subjectType'];
  subject_id: string;
  reason: string;
  state: ModerationItem['state'];
  outcome: ModerationItem['outcome'];
  findings: ModerationItem['findings'];
  redacted: ModerationItem['redacted'];
  checked_at: Date | null;
  decided_by: string | null;
  decider_name: string | null;
  decided_at: Date | null;
  decision: ModerationItem['decision'];
  note: string | null;
  created_at: Date;
  flags: ModerationItem['flags'] | null;
}

/** Named, not `*`: item reads are prepared statements (see prepared). */
const ITEM_COLUMNS = ['id', 'subject_type', 'subject_id', 'reason', 'state', 'outcome', 'findings', 'redacted', 'checked_at', 'decided_by', 'decided_at', 'decision', 'note', 'created_at'];
const RETURNING_ITEM = `RETURNING ${ITEM_COLUMNS.join(', ')}`;

const SELECT_ITEM = `
  SELECT ${ITEM_COLUMNS.map((c) => `i.${c}`).join(', ')}, u.display_name AS decider_name,
         -- In a CASE, the lookup runs for flag items only (a batch of checks locks hundreds of new ones).
         CASE WHEN i.reason = 'flag' AND i.subject_type = 'message' THEN
           (SELECT json_agg(json_build_object('reason', f.reason, 'note', f.note, 'by', json_build_object('id', fu.id, 'displayName', fu.display_name)) ORDER BY f.created_at)
            FROM message_flags f JOIN users fu ON fu.id = f.user_id WHERE f.message_id = i.subject_id) END AS flags
  FROM moderation_items i
  LEFT JOIN users u ON u.id = i.decided_by`;

/** Built once: every check of a message runs it (see createNew). */
const CREATE_NEW_ITEMS = `INSERT INTO moderation_items (subject_type, subject_id, reason)
  SELECT $1, id, 'new' FROM unnest($2::bigint[]) WITH ORDINALITY AS t(id, n) ORDER BY n
  ON CONFLICT (subject_type, subject_id, reason) DO NOTHING ${RETURNING_ITEM}`;

export function toItem(r: ItemRow, content: ModerationItem['content']): ModerationItem {
  return {
    id: Number(r.id),
    subjectType: r.subject_type,
    subjectId: Number(r.subject_id),
    reason: r.reason,
    state: r.state,
    outcome: r.outcome,
    findings: r.findings,
    content,
    flags: r.flags ?? [],
    redacted: r.redacted,
    createdAt: r.created_at.toISOString(),
    checkedAt: r.checked_at?.toISOString() ?? null,
    decision: r.decision,
    decidedBy: r.decided_by ? { id: r.decided_by, displayName: r.decider_name ?? '' } : null,
    decidedAt: r.decided_at?.toISOString() ?? null,
    note: r.note,
  };
}

@Injectable()
export class ModerationRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The item for this subject and reason, made if missing (a second flag joins the first one's item). */
  async ensure(
    manager: EntityManager,
    subjectType: ModerationItem['subjectType'],
    subjectId: number,
    reason: 'new' | 'flag',
  ): Promise<{ id: number; created: boolean; row?: ItemRow }> {
    const made = await manager.query(
      `INSERT INTO moderation_items (subject_type, subject_id, reason) VALUES ($1, $2, $3) ON CONFLICT (subject_type, subject_id, reason) DO NOTHING ${RETURNING_ITEM}`,
      [subjectType, subjectId, reason],
    );
    // A new item has no decider yet, and only flag items carry flags: the row is what `get` would read.
    if (made.length) return { id: Number(made[0].id), created: true, row: reason === 'new' ? { ...made[0], decider_name: null, flags: null } : undefined };
    const [row] = await manager.query(`SELECT id FROM moderation_items WHERE subject_type = $1 AND subject_id = $2 AND reason = $3`, [subjectType, subjectId, reason]);
    return { id: Number(row.id), created: false };
  }

  /**
   * Subjects' `new` items in one statement, in the order given; a subject whose item another transaction
   * made first is left out. A new item has no decider yet and no flags: the rows are what `get` would read.
   */
  async createNew(manager: EntityManager, subjectType: ModerationItem['subjectType'], subjectIds: number[]): Promise<ItemRow[]> {
    if (!subjectIds.length) return [];
    const rows: ItemRow[] = await manager.query(
      prepared(CREATE_NEW_ITEMS),
      [subjectType, subjectIds],
    );
    const bySubject = new Map(rows.map((r) => [Number(r.subject_id), { ...r, decider_name: null, flags: null }]));
    return subjectIds.flatMap((id) => bySubject.get(id) ?? []);
  }

  /** The subjects' `new` items, locked until the transaction ends (in id order: two batches cannot deadlock). */
  lockedFor(manager: EntityManager, subjectType: ModerationItem['subjectType'], subjectIds: number[]): Promise<ItemRow[]> {
    return manager.query(prepared(`${SELECT_ITEM} WHERE i.subject_type = $1 AND i.subject_id = ANY($2) AND i.reason = 'new' ORDER BY i.id FOR UPDATE OF i`), [subjectType, subjectIds]);
  }

  /** With `lock`, the row is held until the transaction ends, so two decisions queue up. */
  async get(id: number, manager: EntityManager = this.dataSource.manager, lock = false): Promise<ItemRow | null> {
    const rows = await manager.query(`${SELECT_ITEM} WHERE i.id = $1 ${lock ? 'FOR UPDATE OF i' : ''}`, [id]);
    return rows[0] ?? null;
  }

  queue(state: string | undefined, limit: number, before?: number): Promise<ItemRow[]> {
    return this.dataSource.query(
      `${SELECT_ITEM} WHERE ($1::text IS NULL OR i.state = $1) AND ($2::bigint IS NULL OR i.id < $2) ORDER BY i.id DESC LIMIT $3`,
      [state ?? null, before ?? null, limit],
    );
  }

  async counts(): Promise<Record<string, number>> {
    const rows = await this.dataSource.query(`SELECT state, count(*)::int AS n FROM moderation_items GROUP BY state`);
    return Object.fromEntries(rows.map((r: { state: string; n: number }) => [r.state, r.n]));
  }

  /**
   * Records checks not recorded already (those are left out of the answer); a moderator's earlier
   * decision keeps its state. Answers the columns each check set, as stored, by item id.
   */
  async recordChecks(
    manager: EntityManager,
    checks: { id: number; state: string; outcome: string; findings: unknown[]; redacted: unknown }[],
  ): Promise<Map<number, Pick<ItemRow, 'state' | 'outcome' | 'findings' | 'redacted' | 'checked_at'>>> {
    if (!checks.length) return new Map();
    // An UPDATE answers [rows, count].
    const [rows] = await manager.query(
      prepared(`UPDATE moderation_items i
       SET outcome = c.outcome, findings = c.findings, redacted = c.redacted, checked_at = now(), state = CASE WHEN i.decided_at IS NULL THEN c.state ELSE i.state END
       FROM unnest($1::bigint[], $2::text[], $3::jsonb[], $4::text[], $5::jsonb[]) AS c(id, outcome, findings, state, redacted)
       WHERE i.id = c.id AND i.checked_at IS NULL RETURNING i.id, i.state, i.outcome, i.findings, i.redacted, i.checked_at`),
      [checks.map((c) => c.id), checks.map((c) => c.outcome), checks.map((c) => JSON.stringify(c.findings)), checks.map((c) => c.state), checks.map((c) => JSON.stringify(c.redacted))],
    );
    return new Map(rows.map(({ id, ...checked }: ItemRow) => [Number(id), checked]));
  }

  async recordDecision(manager: EntityManager, id: number, d: { state: string; decision: string; by: string; note: string | null; findings: unknown[]; redacted: unknown }) {
    await manager.query(
      `UPDATE moderation_items SET state = $2, decision = $3, decided_by = $4, decided_at = now(), note = $5, findings = $6, redacted = $7 WHERE id = $1`,
      [id, d.state, d.decision, d.by, d.note, JSON.stringify(d.findings), JSON.stringify(d.redacted)],
    );
  }

  /** Moderation locks its items before their subject; a writer touching both must do the same. */
  async lockFor(manager: EntityManager, subjectType: string, subjectId: number) {
    await manager.query(`SELECT id FROM moderation_items WHERE subject_type = $1 AND subject_id = $2 ORDER BY id FOR UPDATE`, [subjectType, subjectId]);
  }

  async openIds(manager: EntityManager, subjectType: string, subjectId: number): Promise<number[]> {
    const rows = await manager.query(`SELECT id FROM moderation_items WHERE subject_type = $1 AND subject_id = $2 AND decided_at IS NULL`, [subjectType, subjectId]);
    return rows.map((r: { id: string }) => Number(r.id));
  }

  async recordFindings(manager: EntityManager, id: number, check: { outcome: string; findings: unknown[]; redacted: unknown }) {
    await manager.query(`UPDATE moderation_items SET outcome = $2, findings = $3, redacted = $4 WHERE id = $1`, [id, check.outcome, JSON.stringify(check.findings), JSON.stringify(check.redacted)]);
  }

  /** Any other open item on the same subject is settled by the same decision. */
  async settleSiblings(manager: EntityManager, item: ItemRow, state: string, by: string) {
    await manager.query(
      `UPDATE moderation_items SET state = $4, decision = (SELECT decision FROM moderation_items WHERE id = $3), decided_by = $5, decided_at = now()
       WHERE subject_type = $1 AND subject_id = $2 AND id <> $3 AND decided_at IS NULL`,
      [item.subject_type, item.subject_id, item.id, state, by],
    );
  }

  async audit(manager: EntityManager, entry: { itemId: number; actorId: string | null; action: string; note: string | null; before: unknown; after: unknown }) {
    await manager.query(`INSERT INTO moderation_audit (item_id, actor_id, action, note, before, after) VALUES ($1, $2, $3, $4, $5, $6)`, [
      entry.itemId,
      entry.actorId,
      entry.action,
      entry.note,
      JSON.stringify(entry.before),
      JSON.stringify(entry.after),
    ]);
  }

  /**
   * Scrubs what moderation kept of items redacted or rejected more than `days` ago: the subject's original
   * text (feedback) and every copy moderators had (findings, the audit log, the moderation topic's
   * events). Returns how many items were scrubbed.
   */
  async purgeOriginals(manager: EntityManager, days: number): Promise<number> {
    const [items] = await manager.query(
      `UPDATE moderation_items SET findings = (SELECT coalesce(jsonb_agg(f || '{"text": "[removed]"}'), '[]') FROM jsonb_array_elements(findings) f),
              original_purged_at = now()
       WHERE decision IN ('redact', 'reject') AND decided_at < now() - make_interval(days => $1) AND original_purged_at IS NULL
       RETURNING id, subject_type, subject_id, redacted, findings`,
      [days],
    );
    for (const item of items as { id: string; subject_type: string; subject_id: string; redacted: { summary: string; details: string | null } | null; findings: unknown[] }[]) {
      const replacement = { summary: item.redacted?.summary ?? '[removed]', details: item.redacted?.details ?? null };
      if (item.subject_type === 'feedback') {
        // The repeat key is a hash of the original: it goes too (the text is far outside the repeat window).
        await manager.query(`UPDATE feedback SET summary = $2, details = $3, summary_key = NULL WHERE id = $1`, [item.subject_id, replacement.summary, replacement.details]);
      }
      const findings = JSON.stringify(item.findings);
      const scrub = (column: string) =>
        `jsonb_set(jsonb_set(jsonb_set(${column}, '{content,summary}', to_jsonb($1::text)), '{content,details}', coalesce(to_jsonb($2::text), 'null')), '{findings}', $3::jsonb)`;
      await manager.query(`UPDATE moderation_audit SET before = ${scrub('before')}, after = ${scrub('after')} WHERE item_id = $4`, [replacement.summary, replacement.details, findings, item.id]);
      await manager.query(
        `UPDATE outbox SET payload = ${scrub('payload')}
         WHERE topic = 'moderation' AND payload->>'subjectType' = $4 AND (payload->>'subjectId')::bigint = $5`,
        [replacement.summary, replacement.details, findings, item.subject_type, item.subject_id],
      );
    }
    return items.length;
  }

  auditTrail(itemId: number) {
    return this.dataSource.query(
      `SELECT a.id, a.action, a.note, a.before, a.after, a.at, a.actor_id, u.display_name AS actor_name
       FROM moderation_audit a LEFT JOIN users u ON u.id = a.actor_id WHERE a.item_id = $1 ORDER BY a.id`,
      [itemId],
    );
  }
}
