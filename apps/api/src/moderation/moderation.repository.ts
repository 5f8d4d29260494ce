import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { ModerationItem } from '@commons/domain';
import { prepared, query } from '../database/prepared';
import type { Redacted } from './moderation.subject';

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
  /** The text as sent, kept when a decision replaced it in the subject (a redacted message); purged with the rest. */
  original: Redacted | null;
  original_purged_at: Date | null;
}

/** Named, not `*`: item reads are prepared statements (see prepared). */
const ITEM_COLUMNS = ['id', 'subject_type', 'subject_id', 'reason', 'state', 'outcome', 'findings', 'redacted', 'checked_at', 'decided_by', 'decided_at', 'decision', 'note', 'created_at', 'original', 'original_purged_at'];
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
    hasOriginal: false,
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

  /**
   * The item for this subject and reason, made if missing (a second flag joins the first one's item).
   * A flag needs a moderator at once, so its item starts held (the check job checks `new` items only),
   * and a flag on an item decided earlier opens it again: the subject is held again until decided.
   */
  async ensure(
    manager: EntityManager,
    subjectType: ModerationItem['subjectType'],
    subjectId: number,
    reason: 'new' | 'flag',
  ): Promise<{ id: number; created: boolean; row?: ItemRow }> {
    const made = await manager.query(
      `INSERT INTO moderation_items (subject_type, subject_id, reason, state) VALUES ($1, $2, $3, $4) ON CONFLICT (subject_type, subject_id, reason) DO NOTHING ${RETURNING_ITEM}`,
      [subjectType, subjectId, reason, reason === 'flag' ? 'held' : 'pending'],
    );
    // A new item has no decider yet, and only flag items carry flags: the row is what `get` would read.
    if (made.length) return { id: Number(made[0].id), created: true, row: reason === 'new' ? { ...made[0], decider_name: null, flags: null } : undefined };
    if (reason === 'flag') {
      await manager.query(
        `UPDATE moderation_items SET state = 'held', decision = NULL, decided_by = NULL, decided_at = NULL, note = NULL
         WHERE subject_type = $1 AND subject_id = $2 AND reason = 'flag' AND decided_at IS NOT NULL`,
        [subjectType, subjectId],
      );
    }
    const [row] = await manager.query(`SELECT id FROM moderation_items WHERE subject_type = $1 AND subject_id = $2 AND reason = $3`, [subjectType, subjectId, reason]);
    return { id: Number(row.id), created: false };
  }

  /**
   * Subjects' `new` items in one statement, in the order given; a subject whose item another transaction
   * made first is left out. A new item has no decider yet and no flags: the rows are what `get` would read.
   */
  async createNew(manager: EntityManager, subjectType: ModerationItem['subjectType'], subjectIds: number[]): Promise<ItemRow[]> {
    if (!subjectIds.length) return [];
    const rows = await query<ItemRow>(manager,
      prepared(CREATE_NEW_ITEMS),
      [subjectType, subjectIds],
    );
    const bySubject = new Map(rows.map((r) => [Number(r.subject_id), { ...r, decider_name: null, flags: null }]));
    return subjectIds.flatMap((id) => bySubject.get(id) ?? []);
  }

  /** The subjects' `new` items, locked until the transaction ends (in id order: two batches cannot deadlock). */
  lockedFor(manager: EntityManager, subjectType: ModerationItem['subjectType'], subjectIds: number[]): Promise<ItemRow[]> {
    return query<ItemRow>(manager, prepared(`${SELECT_ITEM} WHERE i.subject_type = $1 AND i.subject_id = ANY($2) AND i.reason = 'new' ORDER BY i.id FOR UPDATE OF i`), [subjectType, subjectIds]);
  }

  /** With `lock`, the row is held until the transaction ends, so two decisions queue up. */
  async get(id: number, manager: EntityManager = this.dataSource.manager, lock = false): Promise<ItemRow | null> {
    const rows = await manager.query(`${SELECT_ITEM} WHERE i.id = $1 ${lock ? 'FOR UPDATE OF i' : ''}`, [id]);
    return rows[0] ?? null;
  }

  /** `open`: what needs a decision (pending and held). */
  queue(state: string | undefined, limit: number, before?: number): Promise<ItemRow[]> {
    const states = state === 'open' ? ['pending', 'held'] : state ? [state] : null;
    return this.dataSource.query(
      `${SELECT_ITEM} WHERE ($1::text[] IS NULL OR i.state = ANY($1)) AND ($2::bigint IS NULL OR i.id < $2) ORDER BY i.id DESC LIMIT $3`,
      [states, before ?? null, limit],
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
    const rows = await query<ItemRow>(manager,
      prepared(`UPDATE moderation_items i
       SET outcome = c.outcome, findings = c.findings, redacted = c.redacted, checked_at = now(), state = CASE WHEN i.decided_at IS NULL THEN c.state ELSE i.state END
       FROM unnest($1::bigint[], $2::text[], $3::jsonb[], $4::text[], $5::jsonb[]) AS c(id, outcome, findings, state, redacted)
       WHERE i.id = c.id AND i.checked_at IS NULL RETURNING i.id, i.state, i.outcome, i.findings, i.redacted, i.checked_at`),
      [checks.map((c) => c.id), checks.map((c) => c.outcome), checks.map((c) => JSON.stringify(c.findings)), checks.map((c) => c.state), checks.map((c) => JSON.stringify(c.redacted))],
    );
    return new Map(rows.map(({ id, ...checked }) => [Number(id), checked]));
  }

  /** `original`: the text as sent, kept for moderators until the retention period ends (null: the subject keeps it). */
  async recordDecision(
    manager: EntityManager,
    id: number,
    d: { state: string; decision: string; by: string; note: string | null; findings: unknown[]; redacted: unknown; original: Redacted | null },
  ) {
    await manager.query(
      `UPDATE moderation_items SET state = $2, decision = $3, decided_by = $4, decided_at = now(), note = $5, findings = $6, redacted = $7, original = $8 WHERE id = $1`,
      [id, d.state, d.decision, d.by, d.note, JSON.stringify(d.findings), JSON.stringify(d.redacted), d.original && JSON.stringify(d.original)],
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
   * Scrubs what moderation kept of items redacted or rejected more than `days` ago: the findings' text
   * and the original kept on the item. Answers the items, with what their subject's text becomes.
   */
  async purgeOriginals(manager: EntityManager, days: number): Promise<{ subjectType: string; subjectId: number; replacement: Redacted; findings: string }[]> {
    const [items] = await manager.query(
      `UPDATE moderation_items SET findings = (SELECT coalesce(jsonb_agg(f || '{"text": "[removed]"}'), '[]') FROM jsonb_array_elements(findings) f),
              original = NULL, original_purged_at = now(),
              -- A rejected item's "redaction" is the text itself when the detector found nothing in it.
              redacted = CASE WHEN decision = 'reject' THEN '{"summary": "[removed]", "details": null, "organisation": null}'::jsonb ELSE redacted END
       WHERE decision IN ('redact', 'reject') AND decided_at < now() - make_interval(days => $1) AND original_purged_at IS NULL
       RETURNING subject_type, subject_id, decision, redacted, findings`,
      [days],
    );
    return (items as { subject_type: string; subject_id: string; decision: string; redacted: Partial<Redacted> | null; findings: unknown[] }[]).map((item) => ({
      subjectType: item.subject_type,
      subjectId: Number(item.subject_id),
      // Rejected text was never shown: nothing of it is kept.
      replacement:
        item.decision === 'redact' && item.redacted
          ? { summary: item.redacted.summary ?? '[removed]', details: item.redacted.details ?? null, organisation: item.redacted.organisation ?? null }
          : { summary: '[removed]', details: null, organisation: null },
      findings: JSON.stringify(item.findings),
    }));
  }

  /**
   * Puts `replacement` in place of the text in every stored copy moderation made of a subject: its
   * items' audit entries and the `moderation` topic's events (those written before they were kept
   * redacted carry the original, the submitter's email and organisation). `findings`: JSON, or null
   * to keep them.
   */
  async scrubStoredCopies(manager: EntityManager, subjectType: string, subjectIds: number[], replacement: Redacted | null, findings: string | null) {
    // $3 null: the text stays; $5 null: the findings stay. The contact fields always go.
    const scrub = (c: string) => {
      const redacted = `CASE WHEN jsonb_typeof(${c}->'redacted') = 'object' THEN jsonb_build_object('summary', $3::text, 'details', $4::text) ELSE 'null' END`;
      const text = `CASE WHEN $3::text IS NULL THEN ${c} ELSE jsonb_set(jsonb_set(jsonb_set(${c}, '{content,summary}', to_jsonb($3::text)), '{content,details}', coalesce(to_jsonb($4::text), 'null')), '{redacted}', ${redacted}) END`;
      const found = `CASE WHEN $5::jsonb IS NULL THEN ${text} ELSE jsonb_set(${text}, '{findings}', $5::jsonb) END`;
      return `jsonb_set(jsonb_set(${found}, '{content,organisation}', 'null'), '{content,email}', 'null') #- '{redacted,organisation}'`;
    };
    // Ids compared as text: other topics' payloads carry a subjectId that is no number (a tool's slug).
    const params = [subjectType, subjectIds.map(String), replacement?.summary ?? null, replacement?.details ?? null, findings];
    await manager.query(
      `UPDATE moderation_audit SET before = ${scrub('before')}, after = ${scrub('after')}
       WHERE item_id IN (SELECT id FROM moderation_items WHERE subject_type = $1 AND subject_id = ANY($2::bigint[])) AND jsonb_typeof(before) = 'object' AND jsonb_typeof(after) = 'object'`,
      params,
    );
    await manager.query(`UPDATE outbox SET payload = ${scrub('payload')} WHERE topic = 'moderation' AND payload->>'subjectType' = $1 AND payload->>'subjectId' = ANY($2::text[])`, params);
  }

  /** The submitter's email and organisation go from every copy moderation keeps of these subjects (account deletion). */
  async forgetContacts(manager: EntityManager, subjectType: string, subjectIds: number[]) {
    await this.scrubStoredCopies(manager, subjectType, subjectIds, null, null);
    await manager.query(
      `UPDATE moderation_items SET original = CASE WHEN original IS NULL THEN NULL ELSE jsonb_set(original, '{organisation}', 'null') END,
              redacted = CASE WHEN redacted IS NULL THEN NULL ELSE jsonb_set(redacted, '{organisation}', 'null') END
       WHERE subject_type = $1 AND subject_id = ANY($2)`,
      [subjectType, subjectIds],
    );
  }

  auditTrail(itemId: number) {
    return this.dataSource.query(
      `SELECT a.id, a.action, a.note, a.before, a.after, a.at, a.actor_id, u.display_name AS actor_name
       FROM moderation_audit a LEFT JOIN users u ON u.id = a.actor_id WHERE a.item_id = $1 ORDER BY a.id`,
      [itemId],
    );
  }
}
