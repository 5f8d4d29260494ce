import { getLexicon } from './lexicon';
import { finding, type Span } from './shared';
import type { Finding } from './types';

/*
 * Context for names that no name list knows. A list of names cannot be the main signal here (Polish,
 * Yoruba, Punjabi names, invented spellings), so a capitalised word that is no ordinary English word counts
 * as a name when the sentence is about a case or the word sits right beside other personal data.
 */

/** Words that make a sentence about a child or family rather than about data, tools or colleagues. */
const CASE_CONTEXT = new RegExp(
  '(?<![\\p{L}])(?:' +
    'mum|mummy|mother|dad|daddy|father|step-?\\p{L}+|half-?(?:brother|sister)|brother|sister|siblings?|nan|nana|nanny|gran|granny|grandma|grandad|grandparents?|' +
    'grand(?:son|daughter|child|children)|aunt|auntie|aunty|uncle|cousin|niece|nephew|partner|boyfriend|girlfriend|son|daughter|baby|unborn|infant|toddler|' +
    'child|child\'s|children|kid|boy|girl|teenager|twins?|carers?|foster\\p{L}*|kinship|guardian|sgo|parents?|young person|yp|cyp|pupil|care leaver|' +
    'aged?|years? old|y/o|yo|dob|born|birthday|year [0-9]{1,2}|y[0-9]{1,2}|yr ?[0-9]{1,2}|placements?|placed|lac|cla|cic|cin|cp|cpp|child protection|' +
    'missing|excluded|exclusions?|contacts?|referrals?|re-referrals?|referred|known as|known-as|legal name|ehcp|pep|upn|nhs|uasc|adopted|adoption|' +
    'in care|looked after|accommodated|remanded|custody|disclosed|safeguarding|front door|mash|case|case notes|chronology|he|she|he\'s|she\'s|his|her|their' +
    ')(?![\\p{L}])',
  'iu',
);
/** Between a name and the personal data that goes with it: "Kai Walsh, 15/12/2009", "Robyn Halliwell — SJ 27…". */
const GAP_TO_NEXT = /^[\s,;:|()[\]'"/-]*(?:(?:has|had|with|is|was|on|and|using|uses|dob|d\.o\.b\.?|born|nhs|no\.?|number|upn|ni|nino|ref|id|mob(?:ile)?|tel|phone|email|address)[\s:,.()'"-]*){0,3}$/i;
const GAP_FROM_PREVIOUS = /^[\s,;:|()[\]'"/-]*$/;
const ROW_GAP = /^\s*[|,\t;]\s*$/;

/** The sentence (or line) around a span, at most 300 characters either side. */
export function sentenceBounds(text: string, start: number, end: number): Span {
  const windowStart = Math.max(0, start - 300);
  const head = text.slice(windowStart, start);
  const from = windowStart + Math.max(head.lastIndexOf('. '), head.lastIndexOf('\n'), head.lastIndexOf('? '), head.lastIndexOf('! '), 0);
  const tail = text.slice(end, end + 300);
  const next = tail.search(/[.!?](?:\s|$)|\n/);
  return { start: from, end: end + (next < 0 ? tail.length : next) };
}

/** A sentence about a case: case words, or other personal data in it. */
export function isCaseContext(text: string, sentence: Span, found: readonly Finding[]): boolean {
  // "Children's Services" and "child protection conference" name a department or a meeting, not a child.
  const words = text.slice(sentence.start, sentence.end).replace(/\bchild(?:ren)?'?s'? (?:services|social care|services department)\b/gi, '');
  return CASE_CONTEXT.test(words) || found.some((f) => f.start >= sentence.start && f.end <= sentence.end);
}

/**
 * Right before or after another finding, with only punctuation or a label between. Capitals ("KIYAN
 * DHILLON") only as a cell of a pasted row, where headings and acronyms do not sit.
 */
export function nextToFinding(text: string, start: number, end: number, found: readonly Finding[], capitals: boolean): boolean {
  return found.some((f) => {
    // A town after a street ("9 Carr View, Penistone") or before a postcode is no name.
    if (f.kind === 'name' || f.kind === 'postcode' || (f.kind === 'address' && f.end <= start)) return false;
    if (f.start >= end && f.start - end <= 30) return capitals ? ROW_GAP.test(text.slice(end, f.start)) : GAP_TO_NEXT.test(text.slice(end, f.start));
    if (f.end <= start && start - f.end <= 6) return capitals ? ROW_GAP.test(text.slice(f.end, start)) : GAP_FROM_PREVIOUS.test(text.slice(f.end, start));
    return false;
  });
}

/** A parent, carer or care leaver writing about themselves or their child: their sign-off is personal data too. */
const FAMILY_WRITER = /\b(?:my (?:son|daughter|child|children|kids?|grand(?:son|daughter|child|children)|baby|foster (?:son|daughter|child))|i(?:'m| am) (?:a |the )?(?:care leaver|parent|mum|dad|foster carer|kinship carer|grandparent))\b/i;
export const writtenByFamily = (text: string) => FAMILY_WRITER.test(text);

/** Typed in lower case after a title: "mrs khan keeps ringing". The word must be no ordinary word. */
const LOWER_TITLED = /(?<![\p{L}])(?:mr|mrs|ms|miss)\.? (\p{Ll}[\p{Ll}'-]+)(?![\p{L}])(?: (\p{Ll}[\p{Ll}'-]+)(?![\p{L}]))?/gu;

export function findLowerCaseTitled(text: string): Finding[] {
  const lexicon = getLexicon();
  const out: Finding[] = [];
  const nounish = (w: string) => lexicon.tags(w).every((t) => t === 'Noun' || t === 'Singular' || t === 'FirstName' || t === 'MaleName' || t === 'FemaleName');
  for (const m of text.matchAll(LOWER_TITLED)) {
    // "mr paddy ward": a given name that is also a word, then a surname.
    const second = m[2];
    if (second && nounish(m[1]) && !lexicon.isDomainWord(m[1]) && (lexicon.isLastName(second) || (lexicon.isPlainSurname(second) && nounish(second)))) {
      const start = m.index + m[0].length - m[1].length - second.length - 1;
      out.push(finding(text, 'name', start, start + m[1].length + second.length + 1, 'medium'));
      continue;
    }
    if (m[1].length < 3 || lexicon.isCommonWord(m[1]) || lexicon.isPlace(m[1])) continue;
    const start = m.index + m[0].length - (second ? second.length + 1 : 0) - m[1].length;
    out.push(finding(text, 'name', start, start + m[1].length, 'medium'));
  }
  return out;
}

/** Initials for a child: "J.S. (07/03/2019)", "K.M. (14) was excluded". Not "N.B.", "P.S." or "U.K.". */
const INITIALS = /(?<![\p{L}.])(\p{Lu})\.(\p{Lu})\.(?![\p{L}])/gu;
const NOT_INITIALS = new Set(['NB', 'PS', 'UK', 'US', 'AM', 'PM', 'EG', 'IE', 'BC', 'AD', 'DR', 'MP', 'QC', 'KC', 'OK', 'TV', 'IT', 'HR', 'PA', 'SW']);
const INITIALS_AFTER = /^\s?(?:\(|,? (?:aged?|dob|born|has|had|is|was|who|and (?:his|her)|\(?[0-9]{1,2}\b|y[0-9]))/i;

export function findInitials(text: string, found: readonly Finding[]): Finding[] {
  const out: Finding[] = [];
  for (const m of text.matchAll(INITIALS)) {
    if (NOT_INITIALS.has(m[1] + m[2])) continue;
    const end = m.index + m[0].length;
    if (!INITIALS_AFTER.test(text.slice(end, end + 20))) continue;
    if (!isCaseContext(text, sentenceBounds(text, m.index, end), found)) continue;
    out.push(finding(text, 'name', m.index, end, 'medium'));
  }
  return out;
}

/**
 * Names typed in lower case in chat: "mum said liam fletcher was missing", "zainab (14) is missing". A
 * known first name that is no ordinary word, in a sentence about a case, with a surname after it or an age,
 * year group or case event right after it. "thanks liam" and "ask liam in performance" are colleagues.
 */
const LOWER_WORD = /(?<![\p{L}\p{N}@._/#-])(\p{Ll}[\p{Ll}'-]+)(?![\p{L}\p{N}@_/]|\.\p{L})(?=(?: (\p{Ll}[\p{Ll}'-]+)(?![\p{L}\p{N}@_/]|\.\p{L}))?)/gu;
const LOWER_NOT_AFTER = /(?:thanks|thank you|cheers|ta|hi|hiya|hello|hey|dear|morning|ask|asked|email|emailed|ping|cc|from|with|by|per|@)[ ,]*$/i;
const LOWER_CUE_AFTER = /^(?:'s? (?:mum|dad|nan|gran|brother|sister|placement|school|carers?|social worker|dob|address|file|record)\b|,? \(?[0-9]{1,2}\)?(?:,| |$|\))|,? aged? [0-9]|,? (?:dob|born)\b|,? \(?y(?:ea)?r? ?[0-9]{1,2}\b| (?:is|was|has been|went|has gone|got) (?:missing|placed|excluded|arrested|referred|moved|in care|on a)| (?:disclosed|absconded|ran away|lives with|moved in))/i;

export function findLowerCaseNames(text: string, found: readonly Finding[]): Finding[] {
  if (!/\p{Ll}/u.test(text)) return [];
  const lexicon = getLexicon();
  const out: Finding[] = [];
  const given = (w: string) => w.length >= 3 && lexicon.isFirstName(w) && !lexicon.isDomainWord(w) && lexicon.tags(w).length <= 1 && !lexicon.isPlace(w);
  const family = (w: string) => w.length >= 3 && !lexicon.isDomainWord(w) && !lexicon.isPlace(w) && (lexicon.isLastName(w) || lexicon.isPlainSurname(w)) && (lexicon.isLastName(w) || !lexicon.isCommonWord(w) || lexicon.isFirstName(w) || /^(?:ward|cash|stokes|price|joyce|lee|berry)$/.test(w));
  for (const m of text.matchAll(LOWER_WORD)) {
    const [, first, second] = m;
    if (!given(first)) continue;
    const start = m.index;
    if (LOWER_NOT_AFTER.test(text.slice(Math.max(0, start - 12), start))) continue;
    const withSurname = second !== undefined && family(second);
    const end = start + first.length + (withSurname ? second.length + 1 : 0);
    const post = text.slice(end, end + 40);
    if (!withSurname && !LOWER_CUE_AFTER.test(post)) continue;
    if (!isCaseContext(text, sentenceBounds(text, start, end), found)) continue;
    out.push(finding(text, 'name', start, end, 'medium'));
  }
  return out;
}

/** A name field in JSON, XML or SQL: "firstName": "Sunday", <Surname>Gallagher</Surname>, forename = 'Kai'. */
const FIELD_VALUE =
  /(?:(?:first|last|given|family|middle|preferred|full|known|legal)[_ -]?name|surname|forename)["']?\s*[:=]\s*["']|<(?:(?:first|last|given|family|middle|preferred|full)_?name|surname|forename)>/giu;
const FIELD_NAME = /^(\p{Lu}[\p{L}'-]*(?: \p{Lu}[\p{L}'-]*){0,2})(?=["'<])/u;
/** The cell after a name in a pasted row: `Arjun,Sandhu,UB2 5QT`, `'Bukola','Adewale'`, `O'SULLIVAN  NIAMH`. */
const CELL_AFTER = /^(["']?)[ \t]*(?:[,;|\t]| {2,})[ \t]*\1(\p{Lu}[\p{L}'-]+)\1(?=[ \t]*(?:[,;|\t)\n]| {2,}|$))/u;
const CELL_BEFORE = /(?:^|[\s,;|(])(["']?)(\p{Lu}[\p{L}'-]+)\1[ \t]*(?:[,;|\t]| {2,})[ \t]*\1$/u;
const CELL_DELIMITER = /[,;|\t]| {2,}/g;
const SEX_WORD = /^(?:male|female|man|woman|boy|girl|other|unknown|none|null|yes|no|true|false)$/i;

/**
 * Names in records pasted as data: a name field's value whatever the word is, and a name-shaped cell
 * beside a name already found in a row of delimited values (the surname column beside the forename).
 */
export function findRecordNames(text: string, names: readonly Finding[]): Finding[] {
  const lexicon = getLexicon();
  const out: Finding[] = [];
  for (const m of text.matchAll(FIELD_VALUE)) {
    const value = FIELD_NAME.exec(text.slice(m.index + m[0].length, m.index + m[0].length + 60));
    if (!value) continue;
    const start = m.index + m[0].length;
    out.push(finding(text, 'name', start, start + value[1].length, 'medium'));
  }
  const nameLike = (w: string) =>
    w.length >= 2 && !(/^\p{Lu}+$/u.test(w) && w.length <= 3) && !lexicon.isDomainWord(w) && !lexicon.isPlace(w) && (lexicon.isFirstName(w) || lexicon.isLastName(w) || !lexicon.isCommonWord(w) || (lexicon.isWeakName(w) && !SEX_WORD.test(w)));
  const seen = new Set([...names, ...out].map((f) => f.start));
  const queue = [...names, ...out];
  while (queue.length) {
    const f = queue.pop()!;
    const lineStart = text.lastIndexOf('\n', f.start - 1) + 1;
    const lineEnd = text.indexOf('\n', f.end) < 0 ? text.length : text.indexOf('\n', f.end);
    if ((text.slice(lineStart, lineEnd).match(CELL_DELIMITER) ?? []).length < 2) continue;
    const next = CELL_AFTER.exec(text.slice(f.end, lineEnd));
    const from = Math.max(lineStart, f.start - 60);
    const prev = CELL_BEFORE.exec(text.slice(from, f.start));
    const cells: [number, string][] = [];
    if (next) cells.push([f.end + next[0].length - next[1].length - next[2].length, next[2]]);
    if (prev) cells.push([from + prev.index + prev[0].indexOf(prev[1] + prev[2]) + prev[1].length, prev[2]]);
    for (const [start, word] of cells) {
      if (seen.has(start) || !nameLike(word)) continue;
      seen.add(start);
      const g = finding(text, 'name', start, start + word.length, 'medium');
      out.push(g);
      queue.push(g);
    }
  }
  return out;
}
