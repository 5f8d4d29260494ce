import { detectPersonalData, redact, type ModerationItem } from '@commons/domain';
import { type ItemRow, toItem } from './moderation.repository';
import type { Redacted, SubjectContent } from './moderation.subject';

/**
 * Who sees an item: a moderator reading the queue (GET), or anything stored or broadcast (the
 * `moderation.item.*` events, the audit log). Stored copies never carry the submitter's email or
 * organisation; nobody gets the original text without asking for it (ModerationService.original).
 */
export type Audience = 'moderator' | 'stored';

export const TEXT_FIELDS = ['summary', 'details', 'organisation'] as const;

export function textsOf(content: Pick<SubjectContent, 'summary' | 'details' | 'organisation'>): Redacted {
  return { summary: content.summary, details: content.details, organisation: content.organisation };
}

/** The detector's redaction of personal data in each field (an item not checked yet is shown this way too). */
export function redactPersonalData(texts: Redacted): Redacted {
  const out = { ...texts };
  for (const field of TEXT_FIELDS) {
    const text = texts[field];
    if (text) out[field] = redact(text, detectPersonalData(text));
  }
  return out;
}

/** A finding's span is the original text: shown as its label ("[NHS number removed]") instead. */
function withoutText(finding: ModerationItem['findings'][number]) {
  return { ...finding, text: redact(finding.text, [{ ...finding, start: 0, end: finding.text.length }]) };
}

/**
 * What moderators see by default: the subject's text as the moderator redacted it, or else with the
 * personal data the detector finds in it now removed. `shown`: that redaction when the caller has it.
 */
export function shownText(row: ItemRow, content: SubjectContent, shown?: Redacted): Redacted {
  const live = shown ?? redactPersonalData(textsOf(content));
  if (row.decision !== 'redact' || !row.redacted) return live;
  const decided = row.redacted as Partial<Redacted>;
  return { summary: decided.summary ?? live.summary, details: decided.details ?? null, organisation: decided.organisation ?? live.organisation };
}

/** The original text of the item: the subject as sent, or the copy kept when a decision replaced it. */
export function originalText(row: ItemRow, content: SubjectContent): Redacted {
  return row.original ?? textsOf(content);
}

export function present(row: ItemRow, content: SubjectContent, audience: Audience, shown?: Redacted): ModerationItem {
  const text = shownText(row, content, shown);
  const original = originalText(row, content);
  const stored = audience === 'stored';
  const item = toItem(row, {
    ...content,
    summary: text.summary,
    details: text.details,
    organisation: stored ? null : text.organisation,
    email: stored ? null : content.email,
  });
  return {
    ...item,
    findings: item.findings.map(withoutText),
    redacted: row.redacted ? { summary: row.redacted.summary, details: row.redacted.details, organisation: stored ? null : (row.redacted.organisation ?? null) } : null,
    hasOriginal: !row.original_purged_at && TEXT_FIELDS.some((f) => (original[f] ?? null) !== (text[f] ?? null)),
  };
}
