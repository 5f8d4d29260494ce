import { findEmails, findSocialHandles } from './contacts';
import { findBesideNames, findDatesOfBirth } from './dates';
import { findLocalIds } from './local-ids';
import { findNames } from './names';
import { normalise } from './normalise';
import { declaresMadeUp } from './shared';
import { findNhsNumbers, findNiNumbers, findPhones, findUpns } from './numbers';
import { findAddresses, findPostcodes } from './places';
import { findTableValues } from './tables';
import type { Finding, FindingConfidence, FindingKind } from './types';

/*
 * Personal-data detection. Pure, so the browser form and the moderation job give the same answer.
 * The detectors read a normalised copy of the text (NFKC, one kind of dash and space, no zero-width
 * characters) and their spans are mapped back, so indices are UTF-16 offsets into the text as written
 * and `text.slice(f.start, f.end) === f.text` always holds.
 *
 * Precision matters as much as recall: the people writing here quote rule numbers, counts, LA codes and
 * return dates all day. So every kind has a tight shape, identifiers with a check must pass it (or sit
 * right next to a word naming them, at low confidence), dates count only beside birth words, and names
 * only beside case-context cues.
 */

/** A discussion @mention as markdown.ts writes it: @[Display Name](user:uuid). */
const MENTION = /@\[[^\]\n]{1,80}\]\(user:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\)/g;

const CONFIDENCE_RANK: Record<FindingConfidence, number> = { high: 3, medium: 2, low: 1 };

const DETECTORS: ((text: string) => Finding[])[] = [
  findEmails,
  findSocialHandles,
  findNhsNumbers,
  findUpns,
  findNiNumbers,
  findPostcodes,
  findAddresses,
  findPhones,
  findDatesOfBirth,
  findLocalIds,
];

/**
 * Finds personal data in `text`: spans sorted by start and never overlapping. Where candidates overlap
 * (an NHS-valid number that is also a phone number, digits inside an email address) the more confident
 * one wins, then the longer, then the earlier.
 */
export function detectPersonalData(text: string): Finding[] {
  const norm = normalise(text);
  // @mentions are of people on this platform, never of a case: blank them out, keeping every offset.
  const masked = norm.text.replace(MENTION, (m) => ' '.repeat(m.length));
  const found = DETECTORS.flatMap((detect) => detect(masked));
  // Tables read the text as written: normalising turns tabs and aligned columns into single spaces.
  for (const f of findTableValues(text.replace(MENTION, (m) => ' '.repeat(m.length)))) {
    const start = norm.fromOriginal(f.start);
    const end = norm.fromOriginal(f.end);
    if (end > start) found.push({ ...f, start, end, text: masked.slice(start, end) });
  }
  // Names and the data beside them read the other findings: "Kai Walsh, 15/12/2009", "Lucja Nowicka has DOB …".
  const names = findNames(masked, found);
  const candidates = [...found, ...names, ...findBesideNames(masked, names, found)];
  candidates.sort(
    (a, b) =>
      CONFIDENCE_RANK[b.confidence] - CONFIDENCE_RANK[a.confidence] || b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  // A text that says its data is made up ("synthetic test data", "none of these are real") keeps only
  // what passes an identifier's own check: a real-looking NHS number in it still needs a person to look.
  const madeUp = declaresMadeUp(masked);
  const kept: Finding[] = [];
  for (const c of candidates) {
    if (madeUp && c.confidence !== 'high') continue;
    if (kept.every((k) => c.end <= k.start || c.start >= k.end)) kept.push(c);
  }
  return kept
    .map((f) => {
      const { start, end } = norm.toOriginal(f.start, f.end);
      return { ...f, start, end, text: text.slice(start, end) };
    })
    .sort((a, b) => a.start - b.start);
}

export const REDACTION_LABELS: Record<FindingKind, string> = {
  nhs_number: '[NHS number removed]',
  upn: '[UPN removed]',
  ni_number: '[NI number removed]',
  postcode: '[postcode removed]',
  address: '[address removed]',
  email: '[email address removed]',
  phone: '[phone number removed]',
  social_handle: '[social media handle removed]',
  date_of_birth: '[date of birth removed]',
  local_id: '[case id removed]',
  name: '[name removed]',
};

/**
 * Replaces each finding's span with its label. Findings must come from this very text: one whose span
 * does not hold its `text` throws, because quietly skipping it could publish the data it was meant to hide.
 * Overlapping findings (not produced by detectPersonalData) are merged into the first one's label.
 */
export function redact(text: string, findings: readonly Finding[]): string {
  const sorted = [...findings].sort((a, b) => a.start - b.start || b.end - a.end);
  let out = '';
  let at = 0;
  for (const f of sorted) {
    if (f.start < 0 || f.end > text.length || f.start >= f.end || text.slice(f.start, f.end) !== f.text) {
      throw new RangeError(`redact: finding ${f.kind} at ${f.start}–${f.end} does not match the text`);
    }
    if (f.end <= at) continue;
    if (f.start >= at) out += text.slice(at, f.start) + REDACTION_LABELS[f.kind];
    at = f.end;
  }
  return out + text.slice(at);
}
