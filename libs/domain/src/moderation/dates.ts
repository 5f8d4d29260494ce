import { finding, type Span } from './shared';
import type { Finding } from './types';

/*
 * Dates of birth: a date counts only beside a birth word ("DOB", "born", "b.", "date of birth", a
 * `child_dob` column), because return deadlines and episode dates fill every other post.
 */

/** Birth words, prose and code alike ("d.o.b.", "child_dob", "PersonBirthDate", "DateOfBirth"). */
const BIRTH_CUE =
  /(?<![\p{L}])(?:born|dobs?|edd|d\.\s?o\.\s?b\.?|date[\s_-]*of[\s_-]*birth|birth[\s_-]*dates?|birthdays?|b\.(?=\s?[0-9(]))(?!\p{L})|(?<=\p{Ll})(?:Dob|DOB|BirthDate|Birthdate|DateOfBirth)(?!\p{Ll})/giu;
/** Between a birth word and its date there is no sentence break… */
const SENTENCE_BREAK = /[;!?\n]|\.(?:\s|$)/;
/** …and no range word: "children born between 01/09/2015 and 31/08/2016" is a cohort, not a person. */
const RANGE_WORD = /\b(?:release|releases|version|v[0-9]|launch(?:ed)?|calculation|calc|logic|rule|between|after|before|since|until|till|prior|later|earlier|than|must|should|range|valid|earliest|latest|cutoff|cut-off|started|ended|episode|meeting|deadline|submitted)\b|[<>]/i;

const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const YEAR = "('?[0-9]{2}|[0-9]{4})";

/** Each pattern yields day, month and year from its groups (year '' when absent). UK order for numbers. */
const DATE_PATTERNS: { re: RegExp; parts: (m: RegExpMatchArray) => [string, string, string]; strongCueOnly?: boolean }[] = [
  // 12/03/2015, 12-03-2015, 12.03.15
  { re: /(?<![\p{N}/.-])([0-9]{1,2})([/.-])([0-9]{1,2})\2([0-9]{4}|[0-9]{2})(?![\p{N}]|[/.-][0-9])/gu, parts: (m) => [m[1], m[3], m[4]] },
  // 2015-03-12, 2015/03/12
  { re: /(?<![\p{N}/.-])([0-9]{4})([/.-])([0-9]{1,2})\2([0-9]{1,2})(?![\p{N}]|[/.-][0-9])/gu, parts: (m) => [m[4], m[3], m[1]] },
  // 12 March 2015, 12th of Mar. 2015, 07-Feb-2017, 7 Feb '17
  {
    re: new RegExp(`(?<![\\p{L}\\p{N}])([0-9]{1,2})(?:st|nd|rd|th)?(?:\\s+of)?[\\s/-]+${MONTH}\\.?,?[\\s/-]+${YEAR}(?![\\p{L}\\p{N}])`, 'giu'),
    parts: (m) => [m[1], m[2], m[3]],
  },
  // March 12, 2015; March 12th 2015
  {
    re: new RegExp(`(?<![\\p{L}\\p{N}])${MONTH}\\.?\\s+([0-9]{1,2})(?:st|nd|rd|th)?,?\\s+${YEAR}(?![\\p{L}\\p{N}])`, 'giu'),
    parts: (m) => [m[2], m[1], m[3]],
  },
  // June 2015, June '15 (a month of birth)
  { re: new RegExp(`(?<![\\p{L}\\p{N}])${MONTH}\\.?,?\\s+${YEAR}(?![\\p{L}\\p{N}])`, 'giu'), parts: (m) => ['1', m[1], m[2]] },
  // 20150402 (a compact ISO date in a data extract)
  { re: /(?<![\p{N}])((?:19|20)[0-9]{2})(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])(?![\p{N}])/gu, parts: (m) => [m[3], m[2], m[1]], strongCueOnly: true },
  // 2012, 14th of May; 2012 14 May
  {
    re: new RegExp(`(?<![\\p{L}\\p{N}/.-])([0-9]{4}),?\\s+(?:the\\s+)?([0-9]{1,2})(?:st|nd|rd|th)?(?:\\s+of)?\\s+${MONTH}(?![\\p{L}\\p{N}])`, 'giu'),
    parts: (m) => [m[2], m[3], m[1]],
  },
  // Christmas Day 2012
  { re: new RegExp(`(?<![\\p{L}])(?:xmas|christmas) (?:day|eve),? ${YEAR}(?![\\p{L}\\p{N}])`, 'giu'), parts: (m) => ['25', '12', m[1]] },
  // 4/4 (no year, right after "DOB")
  { re: /(?<![\p{N}/.-])([0-9]{1,2})\/([0-9]{1,2})(?![\p{N}]|[/.-][0-9])/gu, parts: (m) => [m[1], m[2], ''], strongCueOnly: true },
  // 12th March, 12 Mar (no year: a birthday)
  {
    re: new RegExp(`(?<![\\p{L}\\p{N}])([0-9]{1,2})(?:st|nd|rd|th)?(?:\\s+of)?\\s+${MONTH}(?![\\p{L}\\p{N}])`, 'giu'),
    parts: (m) => [m[1], m[2], ''],
    strongCueOnly: true,
  },
];

function isRealDate(dayText: string, monthText: string, yearText: string): boolean {
  const day = Number(dayText);
  const month = /^[0-9]+$/.test(monthText) ? Number(monthText) : MONTHS.indexOf(monthText.slice(0, 3).toLowerCase()) + 1;
  const y = yearText.replace("'", '');
  let year = y === '' ? 2000 : Number(y);
  // 1900 and earlier are "unknown" sentinels in case systems, not births.
  // Beyond that a date is still a typo for a birth date right after "DOB" ("1882" for "2012"); 1 Jan 1900 is a placeholder.
  if (y.length === 4 && (year < 1800 || year > 2300)) return false;
  if (y.length === 2) year += 2000; // only matters for 29 February
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A day-month pair that only a typo or the US order explains: day up to 31 in any month, or month 13–31 with a day up to 12. */
function isSlipDate(dayText: string, monthText: string, yearText: string): boolean {
  if (!/^[0-9]+$/.test(dayText) || !/^[0-9]+$/.test(monthText) || yearText.length !== 4) return false;
  const [day, month] = [Number(dayText), Number(monthText)];
  return (day >= 1 && day <= 31 && month >= 1 && month <= 12) || (day >= 1 && day <= 12 && isRealDate(monthText, dayText, yearText));
}

/** Only a record's field ("DOB is '31/09/2008'") keeps a bad date: "born 31/02/2015" in prose is no one's. */
const rightAfterCue = (text: string, date: Span, cues: Span[]) =>
  cues.some((k) => k.end <= date.start && !/^(?:born|birthday|b\.)/i.test(text.slice(k.start, k.end)) && /^[\s:=,'"-]*(?:(?:is|was|are|were|like|as|of|reads?|shows?)\s+)*['"]?$/i.test(text.slice(k.end, date.start)));

/** "Her DOB is wrong on the record. It should be 05/04/2012": a correction in the next sentence. */
const CORRECTION_LEAD = /\b(?:should (?:be|have been|read|say)|should've been|is actually|was actually|correct (?:one|date|dob) is|changed? (?:it )?to)\s*['"]?$/i;
function correctsCue(text: string, date: Span, cues: Span[]): boolean {
  const lead = CORRECTION_LEAD.exec(text.slice(Math.max(0, date.start - 40), date.start));
  if (!lead) return false;
  const leadStart = date.start - lead[0].length;
  return cues.some((k) => k.end <= leadStart && leadStart - k.end <= 160 && !RANGE_WORD.test(text.slice(k.end, leadStart)));
}

/** The date named as a birth date just after it: "2013-04-17 00:00 (that's the first DOB)", "…into 4 May. It's the DOB col". */
const NAMED_AFTER = /^[^;\n]{0,60}?\b(?:it's|it is|that's|that is|which is|this is)\s+(?:the\s+|her\s+|his\s+|their\s+|a\s+)?(?:first\s+|child(?:'s)?\s+|correct\s+|real\s+)?$/i;
const namedAfter = (text: string, date: Span, cues: Span[]) =>
  cues.some((k) => k.start >= date.end && k.start - date.end <= 80 && NAMED_AFTER.test(text.slice(date.end, k.start)) && !RANGE_WORD.test(text.slice(date.end, k.start)));

function inContext(text: string, date: Span, cues: Span[], strongOnly: boolean): boolean {
  return cues.some((k) => {
    if (k.end <= date.start && date.start - k.end <= 40) {
      // An XML tag is no comparison: "<PersonBirthDate>2012-07-19".
      const inTag = /<[\w:.-]*$/.test(text.slice(Math.max(0, k.start - 40), k.start));
      const gap = inTag ? text.slice(k.end, date.start).replace(/^\s*>/, '') : text.slice(k.end, date.start);
      // A day and month with no year only right after "DOB" or "birthday" ("birthday is 12th March").
      if (strongOnly && !(/^(?:dob|d\.o\.b|birthday)/i.test(text.slice(k.start, k.end)) && /^[\s:=,'"-]*(?:(?:is|was)\s+)?(?:on\s+)?(?:the\s+)?$/i.test(gap))) return false;
      // "born from 1 Sept" is a cohort; "DOB changed from 01/01/2007" is a person.
      // "DOB col for some reason, e.g. 19/07/1988": an abbreviation's full stop ends no sentence.
      return !SENTENCE_BREAK.test(gap.replace(/\b(?:e\.g|i\.e|eg|ie)\./gi, '')) && !RANGE_WORD.test(gap) && !(/^born/i.test(text.slice(k.start, k.end)) && /\bfrom\b/i.test(gap));
    }
    // A label straight after the date, "12/03/2015 (DOB)", but not "01/04/2024 (DOB column blank)".
    if (date.end <= k.start && !strongOnly) return /^\s*[([,-]?\s*$/.test(text.slice(date.end, k.start)) && /^\s*(?:[)\].,;:!?]|$)/.test(text.slice(k.end));
    return false;
  });
}

/**
 * A date alone on its line, in a list right under a line with a birth word ("rows where DOB is written as
 * text:\n\n3rd Sept 2013\n03/09/13"): only blank lines and other such date lines between.
 */
function listedUnderCue(text: string, date: Span, cues: Span[]): boolean {
  const lineStart = text.lastIndexOf('\n', date.start - 1) + 1;
  const lineEnd = text.indexOf('\n', date.end) < 0 ? text.length : text.indexOf('\n', date.end);
  if (!/^\s*(?:[-*•]\s*)?$/.test(text.slice(lineStart, date.start)) || !/^\s*[,;]?\s*$/.test(text.slice(date.end, lineEnd))) return false;
  return cues.some((k) => {
    if (k.end > lineStart || lineStart - k.end > 300) return false;
    const cueLineEnd = text.indexOf('\n', k.end);
    if (RANGE_WORD.test(text.slice(k.end, cueLineEnd))) return false;
    return text
      .slice(cueLineEnd + 1, lineStart)
      .split('\n')
      .every((l) => /^\s*(?:[-*•]\s*)?(?:[0-9]{1,4}(?:st|nd|rd|th)?[ /.-]?(?:[A-Za-z]{3,9}\.?)?[ /.-]?[0-9]{0,4}|[A-Za-z]{3,9}\.? [0-9]{1,2}(?:st|nd|rd|th)?,? [0-9]{2,4})?\s*$/.test(l));
  });
}

/** Stand-in dates: 01/01/1900, 01/01/1970 and 01/01/2000 always; any other 1 January beside a word saying so. */
const PLACEHOLDER_CUE = /\b(?:default|placeholder|dummy|sample|synthetic|test|fake|example|made[- ]up|sentinel|unknown|bloggs|doe)\b/i;
const TEST_DATA_CUE = /\b(?:test (?:data|rows?|records?|file|extract|fixtures?|cases?)|sample (?:file|data|extract)|all set to|fixtures?|synthetic|dummy|fake|made[- ]up|placeholder)\b/i;
function isPlaceholderDate(text: string, date: Span, [day, month, year]: [string, string, string]): boolean {
  if (Number(day) !== 1 || !(Number(month) === 1 || /^jan/i.test(month))) return false;
  if (/^(?:1900|1970|2000)$/.test(year)) return true;
  // Only a word before it: "DOB 1/1/2013 – a default date?" still needs a person to look. In test data or a
  // fixture ("# synthetic data" above a code block, "DOB 01/01/2015 for all test rows") it is a stand-in.
  if (PLACEHOLDER_CUE.test(text.slice(Math.max(0, date.start - 80), date.start).split(/[.!?\n]/).pop()!)) return true;
  return TEST_DATA_CUE.test(text.slice(Math.max(0, date.start - 300), date.start)) || TEST_DATA_CUE.test(text.slice(date.end, date.end + 60).split(/[.!?\n]/)[0]);
}

export function findDatesOfBirth(text: string): Finding[] {
  const out: Finding[] = [];
  const cues = [...text.matchAll(BIRTH_CUE)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  if (cues.length === 0) return out;
  for (const { re, parts, strongCueOnly } of DATE_PATTERNS) {
    for (const m of text.matchAll(re)) {
      const date = { start: m.index, end: m.index + m[0].length };
      // A date that cannot exist (31/06, or US order 12-28-2014) is still a mistyped birth date right after "DOB".
      if (!isRealDate(...parts(m)) && !(isSlipDate(...parts(m)) && rightAfterCue(text, date, cues))) continue;
      if (isPlaceholderDate(text, date, parts(m))) continue;
      if (out.some((f) => f.start <= date.start && f.end >= date.end)) continue;
      if (inContext(text, date, cues, strongCueOnly ?? false) || (!strongCueOnly && listedUnderCue(text, date, cues))) out.push(finding(text, 'date_of_birth', date.start, date.end, 'high'));
      else if (!strongCueOnly && (correctsCue(text, date, cues) || namedAfter(text, date, cues))) out.push(finding(text, 'date_of_birth', date.start, date.end, 'medium'));
    }
  }
  return out;
}

/** After a child's name, with only a separator between: "Kai Walsh, 15/12/2009", "J.S. (07/03/2019)", "| Kiyan Dhillon | 2008-05-05 |". */
const AFTER_NAME_GAP = /^(?:\s*(?:[,|(\t;]|-)\s*(?:(?:dob|d\.o\.b\.?|born|b\.)\s*:?\s*)?| )$/i;

/** Dates of birth written right after a name, with no birth word: pasted rows, "Name (date)". */
export function findBesideNames(text: string, names: readonly Finding[], found: readonly Finding[]): Finding[] {
  if (names.length === 0) return [];
  const out: Finding[] = [];
  // Only the patterns with a year: "Tom, 12/03" is no birth date.
  for (const { re, parts } of DATE_PATTERNS.slice(0, 4)) {
    for (const m of text.matchAll(re)) {
      const date = { start: m.index, end: m.index + m[0].length };
      if (!isRealDate(...parts(m)) || isPlaceholderDate(text, date, parts(m))) continue;
      if (found.some((f) => f.start < date.end && f.end > date.start)) continue;
      if (names.some((n) => n.end <= date.start && AFTER_NAME_GAP.test(text.slice(n.end, date.start)))) out.push(finding(text, 'date_of_birth', date.start, date.end, 'medium'));
    }
  }
  return out;
}
