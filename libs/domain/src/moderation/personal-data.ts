import { isUkPhoneNumber, isValidNhsNumber, isValidNiPrefix, isValidUpn, UPN_ALPHABET } from './identifiers';
import type { Finding, FindingConfidence, FindingKind } from './types';

/*
 * Personal-data detection. Pure and dependency-free so the browser form and the moderation job give the
 * same answer. Indices are UTF-16 code units (what JavaScript strings and RegExp use), so
 * `text.slice(f.start, f.end) === f.text` always holds, emoji and curly quotes included.
 *
 * Precision matters as much as recall: the people writing here quote rule numbers, counts, LA codes and
 * episode dates all day. So every kind has a tight shape, identifiers with a check must pass it (or sit
 * right next to a word naming them, at low confidence), and dates count only beside birth words.
 */

interface Span {
  start: number;
  end: number;
}

const CONFIDENCE_RANK: Record<FindingConfidence, number> = { high: 3, medium: 2, low: 1 };

/** A regular space or a no-break space (pasted from Word and Outlook). */
const SPACE = '[ \\u00A0]';

function finding(text: string, kind: FindingKind, start: number, end: number, confidence: FindingConfidence): Finding {
  return { kind, start, end, text: text.slice(start, end), confidence };
}

function spansOf(text: string, re: RegExp): Span[] {
  return [...text.matchAll(re)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/** Whether a keyword ends at most `before` characters ahead of the span or starts at most `after` past it. */
function near(keywords: Span[], span: Span, before: number, after: number): boolean {
  return keywords.some((k) => k.end >= span.start - before && k.start <= span.end + after);
}

// ---------------------------------------------------------------------------------------------- NHS number

const NHS_CONTEXT = /\bnhs\b/gi;

/**
 * A run of digit groups joined by single spaces or hyphens. "Not part of a longer digit run" is judged on
 * the whole run, so "+44 161 496 0000" or "0161 485 777 3457" are not read as NHS numbers hiding inside a
 * phone number. A decimal or thousands-separated number (3.4857773457, 1,234,567,890) is no run either, nor
 * digits glued to letters (an alphanumeric code such as 4857773457X).
 */
const DIGIT_RUN = /(?<![\p{L}\p{N}]|[0-9][.,])[0-9]+(?:[ \u00A0-][0-9]+)*(?![\p{L}\p{N}]|[.,][0-9])/gu;

/**
 * An ISBN-10 is checked with the same mod-11 sum as an NHS number, so every ISBN-10 whose check character
 * is a digit "passes". A number written right after "ISBN" is a book.
 */
const ISBN_CONTEXT = /\bisbn(?:-?10)?s?\b/gi;

function findNhsNumbers(text: string): Finding[] {
  const out: Finding[] = [];
  const context = spansOf(text, NHS_CONTEXT);
  const isbn = spansOf(text, ISBN_CONTEXT);
  for (const run of text.matchAll(DIGIT_RUN)) {
    const groups = [...run[0].matchAll(/[0-9]+/g)].map((g) => ({ start: run.index + g.index, end: run.index + g.index + g[0].length }));
    // The run must split cleanly into NHS-shaped numbers (10 digits, or 3-3-4 with one kind of separator);
    // a run that does not is some other long number and none of it is reported. This keeps
    // "943 476 5919 485 777 3457" (two numbers) while dropping digit groups inside a longer number.
    const candidates: Span[] = [];
    let i = 0;
    while (i < groups.length) {
      const len = (k: number) => groups[k].end - groups[k].start;
      if (len(i) === 10) {
        candidates.push(groups[i]);
        i += 1;
      } else if (i + 2 < groups.length && len(i) === 3 && len(i + 1) === 3 && len(i + 2) === 4 && text[groups[i].end] === text[groups[i + 1].end]) {
        candidates.push({ start: groups[i].start, end: groups[i + 2].end });
        i += 3;
      } else {
        candidates.length = 0;
        break;
      }
    }
    for (const c of candidates) {
      if (near(isbn, c, 12, 0)) continue;
      const digits = text.slice(c.start, c.end).replace(/[^0-9]/g, '');
      // 0000000000 and 1111111111 happen to pass mod 11; they are placeholders, not people.
      const placeholder = /^([0-9])\1{9}$/.test(digits);
      if (isValidNhsNumber(digits) && !placeholder) out.push(finding(text, 'nhs_number', c.start, c.end, 'high'));
      else if (near(context, c, 40, 25)) out.push(finding(text, 'nhs_number', c.start, c.end, 'low'));
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------- UPN

const UPN_CONTEXT = /\b(?:upns?|pupils?)\b/gi;
const UPN_SHAPE = /(?<![\p{L}\p{N}])[A-Za-z][0-9]{11}[0-9A-Za-z](?![\p{L}\p{N}])/gu;

function findUpns(text: string): Finding[] {
  const out: Finding[] = [];
  const context = spansOf(text, UPN_CONTEXT);
  for (const m of text.matchAll(UPN_SHAPE)) {
    const span = { start: m.index, end: m.index + m[0].length };
    const upn = m[0].toUpperCase();
    if (isValidUpn(upn)) out.push(finding(text, 'upn', span.start, span.end, 'high'));
    // A failing token is flagged only beside "UPN"/"pupil" and only if its letters could be a UPN's at all.
    else if (UPN_ALPHABET.includes(upn[0]) && near(context, span, 40, 25)) out.push(finding(text, 'upn', span.start, span.end, 'low'));
  }
  return out;
}

// -------------------------------------------------------------------------------------------- NI number

const NI_SHAPE = new RegExp(
  `(?<![\\p{L}\\p{N}])([A-Za-z]{2})${SPACE}?[0-9]{2}${SPACE}?[0-9]{2}${SPACE}?[0-9]{2}${SPACE}?([A-Da-d])(?![\\p{L}\\p{N}])`,
  'gu',
);

/**
 * Upper case (AB 12 34 56 C, AB123456C) → high: that is how NI numbers are printed and nothing else in
 * this domain looks like it. Lower or mixed case only when written solid (ab123456c) → medium; lower case
 * with spaces ("on 12 34 56 a") reads as prose, so it is not reported.
 */
function findNiNumbers(text: string): Finding[] {
  const out: Finding[] = [];
  for (const m of text.matchAll(NI_SHAPE)) {
    if (!isValidNiPrefix(m[1])) continue;
    const upper = m[1] === m[1].toUpperCase() && m[2] === m[2].toUpperCase();
    const solid = !/\s/.test(m[0]);
    if (upper) out.push(finding(text, 'ni_number', m.index, m.index + m[0].length, 'high'));
    else if (solid) out.push(finding(text, 'ni_number', m.index, m.index + m[0].length, 'medium'));
  }
  return out;
}

// --------------------------------------------------------------------------------------------- postcode

/**
 * The UK's postcode areas (plus the Crown dependencies and the BFPO/non-geographic BF and BX). Using the
 * real list rather than "one or two letters" is what stops "KS2 3RD" (key stage 2) from being a postcode.
 */
const ONE_LETTER_AREAS = 'B E G L M N S W';
const TWO_LETTER_AREAS =
  'AB AL BA BB BD BF BH BL BN BR BS BT BX CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL DN DT DY EC EH EN EX ' +
  'FK FY GL GU GY HA HD HG HP HR HS HU HX IG IM IP IV JE KA KT KW KY LA LD LE LL LN LS LU ME MK ML NE NG NN NP ' +
  'NR NW OL OX PA PE PH PL PO PR RG RH RM SA SE SG SK SL SM SN SO SP SR SS ST SW SY TA TD TF TN TQ TR TS TW UB ' +
  'WA WC WD WF WN WR WS WV YO ZE';
const alternatives = (list: string) => list.split(' ').join('|');

/**
 * Outward code A9, A99, A9A, AA9, AA99, AA9A. The letter after the district digit is limited by position
 * (ABCDEFGHJKPSTUW after one letter, ABEHMNPRVWXY after two), and the inward code's letters never include
 * C I K M O V — which is why "SW1A 1AI" and "EC1Z 1AA" are not postcodes. GIR 0AA is the one exception.
 */
const POSTCODE = new RegExp(
  '(?<![\\p{L}\\p{N}])(?:GIR' +
    SPACE +
    '?0AA|(?:(?:' +
    alternatives(TWO_LETTER_AREAS) +
    ')(?:[0-9][ABEHMNPRVWXY]|[0-9]{1,2})|(?:' +
    alternatives(ONE_LETTER_AREAS) +
    ')(?:[0-9][ABCDEFGHJKPSTUW]|[0-9]{1,2}))' +
    SPACE +
    '?[0-9][ABD-HJLNP-UW-Z]{2})(?![\\p{L}\\p{N}])',
  'giu',
);

/** Upper case → medium. Lower or mixed case → low, and only with the space, since "le11st" is no address. */
function findPostcodes(text: string): Finding[] {
  const out: Finding[] = [];
  for (const m of text.matchAll(POSTCODE)) {
    if (m[0] === m[0].toUpperCase()) out.push(finding(text, 'postcode', m.index, m.index + m[0].length, 'medium'));
    else if (/\s/.test(m[0])) out.push(finding(text, 'postcode', m.index, m.index + m[0].length, 'low'));
  }
  return out;
}

// ------------------------------------------------------------------------------------------------ email

const EMAIL = /(?<![\p{L}\p{N}._%+-])[A-Za-z0-9._%+-]+@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}(?![\p{L}\p{N}@-])/gu;

function findEmails(text: string): Finding[] {
  return [...text.matchAll(EMAIL)].map((m) => finding(text, 'email', m.index, m.index + m[0].length, 'high'));
}

// ------------------------------------------------------------------------------------------------ phone

/**
 * Digit groups as people write phone numbers: "+44 (0)7700 900123", "(0161) 496 0000", "020-7946-0018".
 * Not after a letter, digit, '.', ',', '/' or '+' (so no "v1.07700…", "2024/25" or "+1 …"), and not
 * followed by ".5" or "/25".
 */
const PHONE_RUN = /(?<![\p{L}\p{N}_.,/+])(?:\+44|\(?[0-9]+\)?)(?:(?:[ \u00A0]?-[ \u00A0]?|[ \u00A0])?(?:\([0-9]+\)|[0-9]+))*(?![\p{L}\p{N}]|[.,/][0-9])/gu;

function findPhones(text: string): Finding[] {
  const out: Finding[] = [];
  for (const run of text.matchAll(PHONE_RUN)) {
    const tokens = [...run[0].matchAll(/\+44|\([0-9]+\)|[0-9]+/g)].map((t) => ({
      start: run.index + t.index,
      end: run.index + t.index + t[0].length,
      text: t[0],
    }));
    const digitsOf = (s: string) => s.replace(/[^0-9]/g, '');
    // Several numbers can share a run ("07700 900123 07700 900124"), so try each group that can begin a
    // number, take the longest valid reading from it, and go on after it.
    for (let i = 0; i < tokens.length; i++) {
      const first = tokens[i].text;
      let national = '';
      let j = i;
      if (first === '+44' || first === '0044') {
        j++;
        if (tokens[j]?.text === '(0)') j++;
        // "+44 07700 …" is a common slip: keep the 0 that was written rather than add a second one.
        if (j < tokens.length && !digitsOf(tokens[j].text).startsWith('0')) national = '0';
      } else if (!/^\(?0[0-9]/.test(first)) {
        continue;
      }
      let last = -1;
      for (; j < tokens.length; j++) {
        national += digitsOf(tokens[j].text);
        if (national.length > 11) break;
        if (isUkPhoneNumber(national)) last = j;
      }
      if (last >= 0) {
        out.push(finding(text, 'phone', tokens[i].start, tokens[last].end, 'medium'));
        i = last;
      }
    }
  }
  return out;
}

// -------------------------------------------------------------------------------------- date of birth

/**
 * Birth words. "d.o.b." may end in a dot, so the end is "no letter follows" rather than \b. "born" needs
 * its own word boundary so "stubborn" and "Osborne" do not count.
 */
const BIRTH_CONTEXT = /\b(?:born|dobs?|d\.\s?o\.\s?b\.?|date\s+of\s+birth|birth\s*dates?|birthdays?)(?!\p{L})/giu;
/** Between a birth word and its date there is no sentence break… */
const SENTENCE_BREAK = /[;!?\n]|\.(?:\s|$)/;
/** …and no range word: "children born between 01/09/2015 and 31/08/2016" is a cohort, not a person. */
const RANGE_WORD = /\b(?:between|after|before|since|from|until|till|prior|later|earlier)\b/i;

const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Each pattern yields day, month and year from its groups. UK order (day first) for numeric dates. */
const DATE_PATTERNS: { re: RegExp; parts: (m: RegExpMatchArray) => [string, string, string] }[] = [
  // 12/03/2015, 12-03-2015, 12.03.15
  {
    re: /(?<![\p{N}/.-])([0-9]{1,2})([/.-])([0-9]{1,2})\2([0-9]{4}|[0-9]{2})(?![\p{N}]|[/.-][0-9])/gu,
    parts: (m) => [m[1], m[3], m[4]],
  },
  // 2015-03-12
  { re: /(?<![\p{N}/.-])([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?![\p{N}]|[/.-][0-9])/gu, parts: (m) => [m[3], m[2], m[1]] },
  // 12 March 2015, 12th of Mar. 2015
  {
    re: new RegExp(`(?<![\\p{L}\\p{N}])([0-9]{1,2})(?:st|nd|rd|th)?(?:\\s+of)?\\s+${MONTH}\\.?,?\\s+([0-9]{4})(?![\\p{L}\\p{N}])`, 'giu'),
    parts: (m) => [m[1], m[2], m[3]],
  },
  // March 12, 2015
  {
    re: new RegExp(`(?<![\\p{L}\\p{N}])${MONTH}\\.?\\s+([0-9]{1,2})(?:st|nd|rd|th)?,?\\s+([0-9]{4})(?![\\p{L}\\p{N}])`, 'giu'),
    parts: (m) => [m[2], m[1], m[3]],
  },
];

function isRealDate(dayText: string, monthText: string, yearText: string): boolean {
  const day = Number(dayText);
  const month = /^[0-9]+$/.test(monthText) ? Number(monthText) : MONTHS.indexOf(monthText.slice(0, 3).toLowerCase()) + 1;
  let year = Number(yearText);
  if (yearText.length === 4 && (year < 1900 || year > 2100)) return false;
  if (yearText.length === 2) year += 2000; // only matters for 29 February
  if (month < 1 || month > 12 || day < 1) return false;
  // Day 0 of the next month is the last day of this one.
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function findDatesOfBirth(text: string): Finding[] {
  const out: Finding[] = [];
  const keywords = spansOf(text, BIRTH_CONTEXT);
  if (keywords.length === 0) return out;
  for (const { re, parts } of DATE_PATTERNS) {
    for (const m of text.matchAll(re)) {
      if (!isRealDate(...parts(m))) continue;
      const date = { start: m.index, end: m.index + m[0].length };
      const inContext = keywords.some((k) => {
        if (k.end <= date.start && date.start - k.end <= 30) {
          const gap = text.slice(k.end, date.start);
          return !SENTENCE_BREAK.test(gap) && !RANGE_WORD.test(gap);
        }
        // A label straight after the date, "12/03/2015 (DOB)", but not "01/04/2024 (DOB column blank)".
        if (date.end <= k.start) return /^\s*[([,-]?\s*$/.test(text.slice(date.end, k.start)) && /^\s*(?:[)\].,;:!?]|$)/.test(text.slice(k.end));
        return false;
      });
      if (inContext) out.push(finding(text, 'date_of_birth', date.start, date.end, 'high'));
    }
  }
  return out;
}

// ------------------------------------------------------------------------------------------ public API

/**
 * Finds personal data in `text`: spans sorted by start and never overlapping. Where candidates overlap
 * (an NHS-valid number that is also a phone number, digits inside an email address) the more confident
 * one wins, then the longer, then the earlier.
 */
export function detectPersonalData(text: string): Finding[] {
  const candidates = [
    ...findEmails(text),
    ...findNhsNumbers(text),
    ...findUpns(text),
    ...findNiNumbers(text),
    ...findPostcodes(text),
    ...findPhones(text),
    ...findDatesOfBirth(text),
  ];
  candidates.sort(
    (a, b) =>
      CONFIDENCE_RANK[b.confidence] - CONFIDENCE_RANK[a.confidence] || b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  const kept: Finding[] = [];
  for (const c of candidates) {
    if (kept.every((k) => c.end <= k.start || c.start >= k.end)) kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}

export const REDACTION_LABELS: Record<FindingKind, string> = {
  nhs_number: '[NHS number removed]',
  upn: '[UPN removed]',
  ni_number: '[NI number removed]',
  postcode: '[postcode removed]',
  email: '[email address removed]',
  phone: '[phone number removed]',
  date_of_birth: '[date of birth removed]',
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
