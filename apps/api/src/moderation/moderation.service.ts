import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { checkContent, DecisionInput, duplicateKey, ModerationItem, ModerationOriginal, moderationOutcome, ModerationState, redact } from '@commons/domain';
import type { JobData } from '@commons/realtime';
import { Batcher } from '../common/batcher';
import { personalDataFields } from '../common/personal-data';
import type { AuthUser } from '../auth/auth-user';
import { OutboxService, Tx } from '../realtime/outbox.service';
import { ItemRow, ModerationRepository } from './moderation.repository';
import { type ModerationSubject, type Redacted, type SubjectContent, type SubjectType, wholeText } from './moderation.subject';
import { type Audience, originalText, present, TEXT_FIELDS, textsOf } from './moderation.view';

/** Checks one transaction takes at most; two run at once, so the next fills while one commits. */
export const CHECK_BATCH = 200;

const OUTCOME_RANK = { clean: 0, spam: 1, abusive: 2, personal_data: 3 } as const;
type Outcome = keyof typeof OUTCOME_RANK;

/**
 * Runs the detector over the text fields of an item. `recentTexts`: the sender's earlier submission
 * that may be this whole submission again (see recentTexts in moderation.subject.ts).
 */
export function examine(content: Pick<SubjectContent, 'summary' | 'details' | 'organisation'>, recentTexts: string[] = []) {
  let outcome = 'clean' as Outcome;
  const findings: ModerationItem['findings'] = [];
  const redacted: Redacted = textsOf(content);
  const worse = (o: Outcome) => OUTCOME_RANK[o] > OUTCOME_RANK[outcome] && (outcome = o);
  for (const field of TEXT_FIELDS) {
    const text = content[field];
    if (!text) continue;
    const check = checkContent(text);
    worse(moderationOutcome(check));
    findings.push(...check.personalData.map((f) => ({ ...f, field })));
    redacted[field] = redact(text, check.personalData);
  }
  const key = recentTexts.length ? duplicateKey(wholeText(content)) : null;
  if (key !== null && recentTexts.some((t) => duplicateKey(t) === key)) worse('spam');
  return { outcome, findings, redacted };
}

const DECIDED: Record<DecisionInput['decision'], ModerationState> = { approve: 'approved', redact: 'redacted', reject: 'rejected' };

/**
 * The redaction to publish: the moderator's own text for the fields they edited (which must itself pass
 * the detector), the detector's for the rest. A field the item does not have is refused.
 */
function edited(subject: ModerationSubject, content: SubjectContent, detector: Redacted, edit: DecisionInput['redacted']): Redacted {
  if (!edit) return detector;
  const refused = Object.keys(edit).filter((f) => !(subject.fields ?? ['summary']).includes(f as keyof Redacted) || content[f as keyof Redacted] === null);
  if (refused.length) {
    throw new BadRequestException({ message: 'This item has no such text to redact', fields: Object.fromEntries(refused.map((f) => [`redacted.${f}`, 'This item has no such text'])) });
  }
  const leaks = Object.keys(personalDataFields({ summary: edit.summary, details: edit.details, organisation: edit.organisation }));
  if (leaks.length) {
    const fields = Object.fromEntries(leaks.map((f) => [`redacted.${f}`, `The ${f} still looks like it holds personal data: remove it`]));
    throw new BadRequestException({ message: 'The redaction still looks like it holds personal data', fields });
  }
  return {
    summary: edit.summary ?? detector.summary,
    details: edit.details === undefined ? detector.details : edit.details || null,
    organisation: edit.organisation === undefined ? detector.organisation : edit.organisation || null,
  };
}

@Injectable()
export class ModerationService {
  private readonly subjects = new Map<SubjectType, ModerationSubject>();
  private readonly checks = new Batcher<JobData<'moderation', 'check'>, string>(
    (type, jobs) => this.checkMany(type as SubjectType, jobs.map((j) => j.subjectId), new Map(jobs.filter((j) => j.eventId).map((j) => [j.subjectId, j.eventId!]))),
    CHECK_BATCH,
    2,
    (job) => job.subjectId,
  );

  constructor(
    private readonly outbox: OutboxService,
    private readonly items: ModerationRepository,
  ) {}

  /** Feedback and discussions plug themselves in at start (they depend on moderation, not the reverse). */
  register(type: SubjectType, subject: ModerationSubject) {
    this.subjects.set(type, subject);
  }

  private subject(type: SubjectType) {
    const subject = this.subjects.get(type);
    if (!subject) throw new Error(`no moderation subject registered for ${type}`);
    return subject;
  }

  private async content(row: ItemRow, manager?: Tx['manager']): Promise<SubjectContent> {
    const id = Number(row.subject_id);
    return (await this.subject(row.subject_type).contents([id], manager)).get(id)!;
  }

  private async view(row: ItemRow, audience: Audience, manager?: Tx['manager']): Promise<ModerationItem> {
    return present(row, await this.content(row, manager), audience);
  }

  /**
   * In the caller's transaction: a queue item, live for moderators at once (its check job follows).
   * A second flag on the same message joins the open flag item.
   */
  async enqueue(tx: Tx, subjectType: SubjectType, subjectId: number, reason: 'new' | 'flag' = 'new') {
    const { id, created, row: made } = await this.items.ensure(tx.manager, subjectType, subjectId, reason);
    const row = made ?? (await this.items.get(id, tx.manager))!;
    const payload = await this.view(row, 'stored', tx.manager);
    tx.record(created ? { topic: 'moderation', type: 'moderation.item.created', payload } : { topic: 'moderation', type: 'moderation.item.updated', payload });
    return id;
  }

  /**
   * In the caller's transaction: queue items for many new subjects at once (a batch of feedback), live
   * for moderators at once; their check jobs follow. Two statements for the batch, whatever its size.
   */
  async enqueueNew(tx: Tx, subjectType: SubjectType, subjects: { id: number; content: SubjectContent }[]) {
    if (!subjects.length) return;
    const rows = await this.items.createNew(tx.manager, subjectType, subjects.map((s) => s.id));
    const contents = new Map(subjects.map((s) => [s.id, s.content]));
    tx.record(rows.map((row) => ({ topic: 'moderation', type: 'moderation.item.created', payload: present(row, contents.get(Number(row.subject_id))!, 'stored') })));
  }

  /**
   * The `moderation/check` job. Idempotent: a second run finds the item checked and does nothing. Jobs
   * that run at once in this process are checked together (see checkMany).
   */
  check(job: JobData<'moderation', 'check'>) {
    return this.checks.add(job.subjectType, job);
  }

  /**
   * Checks a batch of subjects in a fixed number of round trips, whatever its size (recent texts, then a
   * transaction: lock items, read subjects, record checks, apply them, record events, commit). One
   * transaction per item spends its CPU on round trips, not on the detector (docs/PERFORMANCE.md, "Round trips").
   * A subject that is gone fails alone; the rest of the batch goes ahead. `shownBy`: the event that showed
   * a subject before its check (see Check).
   */
  async checkMany(subjectType: SubjectType, subjectIds: number[], shownBy = new Map<number, number>()): Promise<Map<number, string | Error>> {
    const subject = this.subject(subjectType);
    // On its own connection while the transaction starts, not before it: one wait fewer per batch.
    const recent = subject.recentTexts(subjectIds);
    recent.catch(() => undefined); // awaited below; this only keeps a failure before then from going unhandled
    return this.outbox.transaction(async (tx) => {
      const results = new Map<number, string | Error>();
      // Locked, then read: an edit under review (which locks the item first too) cannot slip in between.
      const rows = new Map((await this.items.lockedFor(tx.manager, subjectType, subjectIds)).map((r) => [Number(r.subject_id), r]));
      const contents = await subject.contents(subjectIds, tx.manager);
      // A message has no item until its first check: the batch's are made together, in subject order (two
      // batches cannot deadlock); one that another transaction made meanwhile is locked and read instead.
      const missing = subjectIds.filter((id) => contents.has(id) && !rows.has(id)).sort((a, b) => a - b);
      const made = await this.items.createNew(tx.manager, subjectType, missing);
      for (const row of made) rows.set(Number(row.subject_id), row);
      const raced = missing.filter((id) => !rows.has(id));
      if (raced.length) for (const row of await this.items.lockedFor(tx.manager, subjectType, raced)) rows.set(Number(row.subject_id), row);
      const recentTexts = await recent;
      const checks = [];
      for (const id of subjectIds) {
        const content = contents.get(id);
        if (!content) {
          results.set(id, new NotFoundException(`${subjectType} ${id} not found`));
          continue;
        }
        const row = rows.get(id)!;
        if (row.checked_at) results.set(id, 'already checked');
        else checks.push({ id, row, content, ...examine(content, recentTexts.get(id)) });
      }
      const stateOf = (outcome: Outcome) => (outcome === 'clean' ? 'published' : 'held');
      const recorded = await this.items.recordChecks(
        tx.manager,
        checks.map((c) => ({ id: Number(c.row.id), state: stateOf(c.outcome), outcome: c.outcome, findings: c.findings, redacted: c.redacted })),
      );
      await subject.applyChecks(
        tx,
        checks
          .filter((c) => !c.row.decided_at)
          .map((c) => ({ id: c.id, state: stateOf(c.outcome), redacted: c.outcome === 'personal_data' ? c.redacted : null, eventId: shownBy.get(c.id) })),
      );
      // Each item as it now stands: the locked row with what the check changed (no second read).
      const updated = checks.map((c) => ({ topic: 'moderation' as const, type: 'moderation.item.updated' as const, payload: present({ ...c.row, ...recorded.get(Number(c.row.id))! }, c.content, 'stored', c.redacted) }));
      tx.record(updated);
      for (const c of checks) results.set(c.id, c.outcome);
      return results;
    });
  }

  /**
   * The subject changed while under review (its author edited it): its open items are examined again,
   * in the caller's transaction, so moderators judge the text as it is now.
   */
  /** Call first in a transaction that will lock the subject and may touch its items (no deadlock with the job). */
  lockItems(tx: Tx, subjectType: SubjectType, subjectId: number) {
    return this.items.lockFor(tx.manager, subjectType, subjectId);
  }

  async recheck(tx: Tx, subjectType: SubjectType, subjectId: number) {
    const content = (await this.subject(subjectType).contents([subjectId], tx.manager)).get(subjectId)!;
    const result = examine(content);
    for (const id of await this.items.openIds(tx.manager, subjectType, subjectId)) {
      await this.items.recordFindings(tx.manager, id, result);
      tx.record({ topic: 'moderation', type: 'moderation.item.updated', payload: present((await this.items.get(id, tx.manager))!, content, 'stored', result.redacted) });
    }
  }

  /** The daily `moderation/purge-originals` job. */
  purgeOriginals(days: number) {
    return this.outbox.transaction(async (tx) => {
      const purged = await this.items.purgeOriginals(tx.manager, days);
      for (const p of purged) {
        await this.subject(p.subjectType as SubjectType).purgeOriginal?.(tx, p.subjectId, p.replacement);
        await this.items.scrubStoredCopies(tx.manager, p.subjectType, [p.subjectId], p.replacement, p.findings);
      }
      return purged.length;
    });
  }

  /** With the `moderation` topic's seq, read first: subscribing from it, nothing falls between. */
  async queue(query: { state?: ModerationState | 'open'; limit: number; before?: number }) {
    const seq = await this.outbox.currentSeq('moderation');
    const [rows, counts] = await Promise.all([this.items.queue(query.state, query.limit, query.before), this.items.counts()]);
    const contents = new Map<SubjectType, Map<number, SubjectContent>>();
    for (const type of new Set(rows.map((r) => r.subject_type))) {
      contents.set(type, await this.subject(type).contents(rows.filter((r) => r.subject_type === type).map((r) => Number(r.subject_id))));
    }
    return { items: rows.map((r) => present(r, contents.get(r.subject_type)!.get(Number(r.subject_id))!, 'moderator')), counts, seq };
  }

  async item(id: number) {
    const row = await this.items.get(id);
    if (!row) throw new NotFoundException(`No moderation item ${id}`);
    return { item: await this.view(row, 'moderator') };
  }

  /**
   * The original text behind the redacted copy moderators see by default. Every look is in the audit
   * log (who, when), so access to the very data moderation holds back is accountable.
   */
  async original(user: AuthUser, id: number): Promise<ModerationOriginal> {
    return this.outbox.transaction(async (tx) => {
      const row = await this.items.get(id, tx.manager);
      if (!row) throw new NotFoundException(`No moderation item ${id}`);
      const original = originalText(row, await this.content(row, tx.manager));
      await this.items.audit(tx.manager, { itemId: id, actorId: user.id, action: 'view_original', note: null, before: null, after: null });
      return { original, findings: row.findings, purged: row.original_purged_at !== null };
    });
  }

  /** One decision per item: the row lock makes a second moderator wait, then get 409. */
  async decide(user: AuthUser, id: number, dto: DecisionInput) {
    return this.outbox.transaction(async (tx) => {
      const before = await this.items.get(id, tx.manager, true);
      if (!before) throw new NotFoundException(`No moderation item ${id}`);
      if (before.decided_at) {
        throw new ConflictException(`${before.decider_name ?? 'Another moderator'} already decided this item (${before.decision})`);
      }
      const subject = this.subject(before.subject_type);
      const subjectId = Number(before.subject_id);
      const content = await this.content(before, tx.manager);
      // A moderator may decide before the check job has run: redaction then needs the findings now.
      const examined = examine(content);
      const findings = before.checked_at ? before.findings : examined.findings;
      const redacted = dto.decision === 'redact' ? edited(subject, content, examined.redacted, dto.redacted) : examined.redacted;
      // Out of sight after a redaction or rejection: moderators keep the original until the retention period ends.
      const original = before.original ?? (dto.decision === 'approve' ? null : textsOf(content));
      await this.items.recordDecision(tx.manager, id, { state: DECIDED[dto.decision], decision: dto.decision, by: user.id, note: dto.note ?? null, findings, redacted, original });
      await this.items.settleSiblings(tx.manager, before, DECIDED[dto.decision], user.id);
      await subject.applyDecision(tx, subjectId, dto.decision, redacted, user.id);
      const row = (await this.items.get(id, tx.manager))!;
      const afterContent = await this.content(row, tx.manager);
      const after = present(row, afterContent, 'stored');
      await this.items.audit(tx.manager, { itemId: id, actorId: user.id, action: dto.decision, note: dto.note ?? null, before: present(before, content, 'stored'), after });
      // A moderator's own redaction removes what the detector missed: from the copies stored so far too.
      if (dto.redacted) await this.items.scrubStoredCopies(tx.manager, before.subject_type, [subjectId], redacted, null);
      tx.record({ topic: 'moderation', type: 'moderation.item.updated', payload: after }, { actorId: user.id });
      return { item: present(row, afterContent, 'moderator') };
    });
  }

  async audit(id: number) {
    if (!(await this.items.get(id))) throw new NotFoundException(`No moderation item ${id}`);
    const rows = await this.items.auditTrail(id);
    return {
      items: rows.map((r: Record<string, any>) => ({
        id: Number(r.id),
        action: r.action,
        note: r.note,
        actor: r.actor_id ? { id: r.actor_id, displayName: r.actor_name } : null,
        at: r.at.toISOString(),
        before: r.before,
        after: r.after,
      })),
    };
  }
}
