import { finding } from './shared';
import type { Finding } from './types';

/*
 * Ids in local case systems: "Mosaic ID 4417702", "LCS ref 903311", "childID C0098812", "case no. 12345/1".
 * A number is an id right after a system's name or a "child/person/case id" label (four digits or more, so
 * "Mosaic 6.3", "child id 0" and "case 2 of 5" are not); a bare six-to-ten-digit number only in a sentence
 * about ids or a case system; and a letter-prefixed code (C0098812, CF-229910) on its shape.
 */

const SYSTEMS =
  'mosaic|lcs|liquid ?logic|eclipse|care ?first|azeus|contr?occ|ehm|ehcr|framework-?i|systm ?one|capita one|synergy|wisdom|paris|rio|emis|ics|protocol|servelec|sovereign';
const ID_WORD = '(?:id|ids|ref|refs|reference|no|nos|number|num|#|identifier|code|record)';
const SUBJECT = "(?:child(?:ren)?(?:'s)?|person|pers|case|client|family|young person|yp|cyp|service user|su|subject|legacy|referral|individual|cla|lac|cin|cp|cic)";
/** The id: optional letters, then digits (with '-' or '/'), at least four digits in all, optional letter. */
const VALUE = `['"]?((?:[A-Za-z]{1,3}[-/]?)?[0-9][0-9/-]{2,14}[A-Za-z]?)['"]?`;
const LEAD = '(?: ?(?:is|was|={1,3}|:|#|-|of))? ?';

const AFTER_SYSTEM = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${SYSTEMS})(?:[ _-]?(?:person|child|client|case|record|worker))?(?:(?:[ _-]| ?\\()?(${ID_WORD}))?\\.?${LEAD}${VALUE}(?![\\p{L}\\p{N}])`,
  'giu',
);
const AFTER_SUBJECT = new RegExp(`(?<![\\p{L}])${SUBJECT}[ _-]?${ID_WORD}\\.?${LEAD}${VALUE}(?![\\p{L}\\p{N}])`, 'giu');
/** Camel-case and upper-case column names: childId, PersonID, CHILD (the SSDA903 child id column). */
const COLUMN = new RegExp(
  `(?<![\\p{L}])(?:(?:LA_?)?(?:child|Child|person|Person|case|client)(?:Id|ID|Ref|No)|CHILD|CHILD_?ID|PERSON_?ID|LA_?CHILD_?ID)["'\\]>]*${LEAD}${VALUE}(?![\\p{L}\\p{N}])`,
  'gu',
);

/** Stand-in ids in test data: TEST01, TST-00042, DUMMY123, 123456. */
export const PLACEHOLDER_ID = /^(?:te?st|dummy|fake|demo|sample|example|xx+)[-_]?[0-9]+$|^0?123456(?:7(?:8(?:9)?)?)?$/i;
const digitCount = (s: string) => s.replace(/[^0-9]/g, '').length;
const isYear = (s: string) => /^(?:19|20)[0-9]{2}$/.test(s);

/**
 * Shapes that only case-system ids have in this community's talk: a short letter prefix and five or more
 * digits (C0098812, CF-229910, LL-0031877, CIN004581). Not ONS area codes (E09000022), service-desk
 * tickets (INC0034512) or Ofsted URNs (SC012345).
 */
const PREFIXED_ID = /(?<![\p{L}\p{N}-])[A-Z]{1,3}-?[0-9]{5,10}(?![\p{L}\p{N}]|-[0-9])|(?<![\p{L}\p{N}/-])[A-Z]{2,4}(?:\/[A-Z]{2,4})+\/[0-9]{4,8}(?![\p{L}\p{N}]|\/[0-9])|(?<![\p{L}\p{N}-])[A-Z][0-9]-[0-9]{6,9}(?![\p{L}\p{N}]|-[0-9])|(?<![\p{L}\p{N}/-])[A-Z]{2,3}([-/])(?:19|20)?[0-9]{2,3}\1[0-9]{4,8}(?![\p{L}\p{N}]|[-/][0-9])/gu;
const PERSON_REF_CUE = /\b(?:person|child|client|young person|yp|service user)(?:'s)? ?(?:ref(?:erence)?|id|number|no)\b/i;
const NOT_CASE_ID = /^(?:[EWSNK][0-9]{8}|(?:INC|REQ|RITM|CHG|PRB|TASK|SR|CS|KB|PR|SC|URN|RFC|ISO|BS|EN)-?[0-9]+|[A-Z]+-?0+)$/;
/** A bare number of six to ten digits is an id only in a sentence about ids or a case system. */
const BARE_NUMBER = /(?<![\p{L}\p{N}£$€#.,/:-]|[0-9] )[0-9]{6,10}(?![\p{L}\p{N}%]|[.,/:-][0-9]| [0-9])/gu;
const ID_SENTENCE = new RegExp(`(?<![\\p{L}])(?:${SYSTEMS}|ids?|child|person|record|client|case|la ?child ?id|rows?)(?![\\p{L}])`, 'iu');
/** Words that make a number something else: a school's URN, a ticket, an error, a count. */
const OTHER_NUMBER_BEFORE = /\b(?:urn|ukprn|laestab|estab|ticket|invoice|order|error|rule|code|version|v|build|tel|phone|mobile|ons)[ :#.]*$/i;
const COUNT_AFTER = /^ (?:rows|records|children|episodes|cases|people|referrals|pupils|bytes|kb|mb|gb|ms|times|lines|items|pounds|users|hits|views)\b/i;

const SUPPORT_SENTENCE = /\b(?:supplier|vendor|hotfix|patch|ticket|helpdesk|service ?desk|support (?:case|team)|resolved in|release notes|bug)\b/i;
/** A list of ids after an id word: "LCS number for the sibling group is 77130/77131/77132", "ids 4410, 4411 and 4412". */
const ID_LIST = /(?<![\p{L}\p{N}£$.,/-])[0-9]{4,10}(?:(?:\/| ?, ?| and | & |; ?)[0-9]{4,10})+(?![\p{L}\p{N}%]|[.,/][0-9])/gu;
const ID_LIST_CUE = new RegExp(`(?<![\\p{L}])(?:${SYSTEMS}|ids?|ref(?:erence)?s?|numbers?|child|children|siblings?)(?![\\p{L}])`, 'iu');

export function findLocalIds(text: string): Finding[] {
  const out: Finding[] = [];
  const push = (m: RegExpMatchArray, value: string, confidence: Finding['confidence']) => {
    if (/^([0-9])\1+$/.test(value) || /^0{3,}[0-9]$/.test(value) || PLACEHOLDER_ID.test(value)) return; // 999999999, 0000001, TEST01: placeholders
    if (/^case$/i.test(m[1] ?? '') || /\bcase\b/i.test(m[0])) {
      // A supplier's support case, not a child's: "case #00872314 is resolved in hotfix 5.4".
      if (SUPPORT_SENTENCE.test(text.slice(Math.max(0, m.index! - 80), m.index! + m[0].length + 80))) return;
    }
    const start = m.index! + m[0].lastIndexOf(value);
    out.push(finding(text, 'local_id', start, start + value.length, confidence));
  };
  for (const m of text.matchAll(AFTER_SYSTEM)) {
    const value = m[2];
    if (digitCount(value) < 4) continue;
    // After a bare system name only an id-like number counts: not a year ("Mosaic 2024") or a short code.
    if (!m[1] && (isYear(value) || digitCount(value) < 5)) continue;
    push(m, value, m[1] ? 'high' : 'medium');
  }
  for (const m of text.matchAll(PREFIXED_ID)) {
    // "PR-0093381" is a pull request, unless the words before call it a person's reference.
    const personRef = PERSON_REF_CUE.test(text.slice(Math.max(0, m.index - 60), m.index)) && !/^[EWSNK][0-9]{8}$|^[A-Z]+-?0+$/.test(m[0]);
    if ((NOT_CASE_ID.test(m[0]) && !personRef) || PLACEHOLDER_ID.test(m[0]) || /\burn\b[ :]*$/i.test(text.slice(Math.max(0, m.index - 8), m.index))) continue;
    // Two or three letters and six digits is also an NI number without its suffix: that needs "NI" nearby.
    const [, prefix, digits] = /^([A-Z][A-Z0-9/]*?)[-/]?(?:[0-9]+[-/])?([0-9]+)$/.exec(m[0])!;
    if (prefix.length > 1 && !/[-/]/.test(m[0]) && !digits.startsWith('0') && digits.length < 7) continue;
    out.push(finding(text, 'local_id', m.index, m.index + m[0].length, 'medium'));
  }
  for (const m of text.matchAll(BARE_NUMBER)) {
    const sentence = text.slice(Math.max(0, m.index - 60), m.index + m[0].length + 40);
    if (/^([0-9])\1+$/.test(m[0]) || /^0{3,}[0-9]$/.test(m[0]) || !ID_SENTENCE.test(sentence) || OTHER_NUMBER_BEFORE.test(text.slice(Math.max(0, m.index - 12), m.index))) continue;
    if (COUNT_AFTER.test(text.slice(m.index + m[0].length, m.index + m[0].length + 10)) || (/^0[1-9]/.test(m[0]) && m[0].length >= 10)) continue;
    out.push(finding(text, 'local_id', m.index, m.index + m[0].length, 'low'));
  }
  for (const m of text.matchAll(ID_LIST)) {
    const values = [...m[0].matchAll(/[0-9]+/g)];
    // Stand-in or code constants: "1234, 1235", "IN (1234, 1235)".
    if (/^0?1234/.test(values[0][0]) || /\bin ?\($/i.test(text.slice(Math.max(0, m.index - 5), m.index))) continue;
    if (values.some((v) => isYear(v[0])) || !ID_LIST_CUE.test(text.slice(Math.max(0, m.index - 50), m.index))) continue;
    if (COUNT_AFTER.test(text.slice(m.index + m[0].length, m.index + m[0].length + 10)) || OTHER_NUMBER_BEFORE.test(text.slice(Math.max(0, m.index - 12), m.index))) continue;
    for (const v of values) out.push(finding(text, 'local_id', m.index + v.index!, m.index + v.index! + v[0].length, 'low'));
  }
  for (const re of [AFTER_SUBJECT, COLUMN]) {
    for (const m of text.matchAll(re)) {
      const value = m[1];
      if (digitCount(value) < 4 || (isYear(value) && !/[=:]/.test(m[0]))) continue;
      push(m, value, 'high');
    }
  }
  return [...out, ...siblingsOf(text, out), ...bareDigitsOf(text, out)];
}

/**
 * Numbers shaped like an id already found, sharing its first digits: "CareFirst ID 10553 vs 10535",
 * "merged 3340021 into 3340987". Ids of one system are issued in sequence; counts and years are not alike.
 */
function siblingsOf(text: string, ids: readonly Finding[]): Finding[] {
  const out: Finding[] = [];
  const numeric = ids.filter((f) => /^[0-9]{5,10}$/.test(f.text));
  if (numeric.length === 0) return out;
  for (const m of text.matchAll(/(?<![\p{L}\p{N}£$.,/:-])[0-9]{5,10}(?![\p{L}\p{N}%]|[.,/:-][0-9])/gu)) {
    if (ids.some((f) => f.start <= m.index && f.end >= m.index + m[0].length)) continue;
    const prefix = Math.max(2, m[0].length - 3);
    if (numeric.some((f) => f.text.length === m[0].length && f.text.slice(0, prefix) === m[0].slice(0, prefix))) out.push(finding(text, 'local_id', m.index, m.index + m[0].length, 'low'));
  }
  return out;
}

/** The digits of a prefixed id written again without the prefix: "PR-0093381 in the UI but 93381 in the extract". */
function bareDigitsOf(text: string, ids: readonly Finding[]): Finding[] {
  const out: Finding[] = [];
  const cores = new Set(ids.filter((f) => /[A-Za-z]/.test(f.text)).map((f) => f.text.replace(/^[A-Za-z]+[-/]?0*/, '')).filter((d) => /^[0-9]{4,10}$/.test(d)));
  if (cores.size === 0) return out;
  for (const m of text.matchAll(/(?<![\p{L}\p{N}£$.,/:-])0*([0-9]{4,10})(?![\p{L}\p{N}%]|[.,/:-][0-9])/gu)) {
    if (cores.has(m[1]) && !ids.some((f) => f.start < m.index + m[0].length && f.end > m.index)) out.push(finding(text, 'local_id', m.index, m.index + m[0].length, 'low'));
  }
  return out;
}
