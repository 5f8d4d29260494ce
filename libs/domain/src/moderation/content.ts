import { DataSet, englishDataset, englishRecommendedTransformers, RegExpMatcher } from 'obscenity';
import { detectPersonalData } from './personal-data';
import type { AbuseTerm, ContentCheck, ContentOutcome, SpamReason } from './types';

// ---------------------------------------------------------------------------------------------- abuse

/**
 * Words obscenity's English list flags that safeguarding and data professionals use in their work: the
 * SSDA903 "SEX" field, offence and abuse categories (rape, incest, indecent images/pornography, bestiality),
 * and clinical terms in health and FGM discussions. Flagging them would hold ordinary professional posts,
 * so they are taken out; swearing and slurs stay in. (Dropping "penis" also clears Penistone, Barnsley.)
 */
const PROFESSIONAL_TERMS = new Set(['sex', 'rape', 'incest', 'porn', 'bestiality', 'penis', 'vagina', 'anus', 'semen', 'ejaculate', 'masturbate']);

let matcher: RegExpMatcher | undefined;

/** Built on first use: compiling the patterns costs a few milliseconds, and many pages never need it. */
function abuseMatcher(): RegExpMatcher {
  matcher ??= new RegExpMatcher({
    ...new DataSet<{ originalWord: string }>()
      .addAll(englishDataset)
      .removePhrasesIf((phrase) => PROFESSIONAL_TERMS.has(phrase.metadata?.originalWord ?? ''))
      .build(),
    ...englishRecommendedTransformers,
  });
  return matcher;
}

/**
 * The Scunthorpe problem: obscenity matches inside words, through leetspeak, so it hears abuse in "455",
 * "(Cumbria)", "Dickinson", "Shittu", "Cumming" and the typo "assesmsent". A match stands only when it has
 * letters, the word around it is the term plus an ordinary ending or compound ("f*cking", "bullshit",
 * "dickhead"), and it is not a capitalised word mid-sentence (a surname or a place: "met Mr Dyke").
 */
const ABUSE_PREFIXES = new Set(['', 'bull', 'mother', 'dumb', 'dip', 'horse', 'jack', 'ape', 'chicken', 'bat', 'dog', 'holy', 'cluster', 'smart', 'lard', 'fat', 'big', 'ass', 'dick', 'cock', 'shit', 'fuck', 'bitch', 'un', 'super', 'pig']);
const ABUSE_SUFFIXES = new Set(
  ('| s es ed d er ers r rs ing in ings y ey ie ies ty ter ters ting ted tier tiest ty ker kers king ked kin kwit e ' +
    'head heads hole holes face faces wit wits bag bags hat hats wipe wipes stain show shows storm load loads tard tards ' +
    'boy boys buddy ery wad wads nugget lord sucker suckers licker lickers ish').split(' ').map((x) => x.replace('|', '')),
);
const WORD_CHAR = /[\p{L}\p{N}*@$]/u;

function isRealAbuse(text: string, start: number, end: number): boolean {
  let s = start;
  let e = end;
  while (s < e && !WORD_CHAR.test(text[s])) s++;
  while (e > s && !WORD_CHAR.test(text[e - 1])) e--;
  if (!/\p{L}/u.test(text.slice(s, e))) return false;
  let ws = s;
  let we = e;
  while (ws > 0 && WORD_CHAR.test(text[ws - 1])) ws--;
  while (we < text.length && WORD_CHAR.test(text[we])) we++;
  const prefix = text.slice(ws, s).toLowerCase();
  const suffix = text.slice(e, we).toLowerCase();
  if (!ABUSE_PREFIXES.has(prefix) || !ABUSE_SUFFIXES.has(suffix)) return false;
  const word = text.slice(ws, we);
  const capitalised = /^\p{Lu}\p{Ll}/u.test(word);
  const sentenceStart = /(?:^|[.!?:\n])[\s"'(\[]*$/.test(text.slice(Math.max(0, ws - 10), ws));
  return !capitalised || sentenceStart;
}

/** Profanities and slurs as spans (end exclusive; obscenity's endIndex is inclusive), overlaps merged. */
function findAbuse(text: string): AbuseTerm[] {
  const spans = abuseMatcher()
    .getAllMatches(text, true)
    .map((m) => ({ start: m.startIndex, end: m.endIndex + 1 }))
    .filter((m) => isRealAbuse(text, m.start, m.end));
  const merged: { start: number; end: number }[] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s.start < last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  return merged.map((s) => ({ ...s, text: text.slice(s.start, s.end) }));
}

// ----------------------------------------------------------------------------------------------- spam

const LINK = /\b(?:https?:\/\/|www\.)[^\s<>"'()[\]]+/gi;
const MAX_LINKS = 3;

/** Public-sector sites: "Guidance: https://www.gov.uk/…" alone is a normal post here, not spam. */
const TRUSTED_HOST_SUFFIXES = ['gov.uk', 'nhs.uk', 'ac.uk', 'sch.uk', 'police.uk', 'gov.wales', 'gov.scot'];

function hostOf(link: string): string {
  return link
    .replace(/^https?:\/\//i, '')
    .split(/[/?#:]/)[0]
    .replace(/\.+$/, '')
    .toLowerCase();
}

const trusted = (host: string) => TRUSTED_HOST_SUFFIXES.some((s) => host === s || host.endsWith(`.${s}`));

/**
 * Phrases only advertising uses. Deliberately short: "click here" and "work from home" are ordinary talk
 * here (accessibility feedback, hybrid working), so they are not on it.
 */
const SPAM_PHRASES = [
  /\bcasinos?\b/i,
  /\b(?:viagra|cialis)\b/i,
  /\bpayday loans?\b/i,
  /\bseo services?\b/i,
  /\bbacklinks?\b/i,
  /\bguest post(?:ing)?\b/i,
  /\bbuy (?:now|followers|likes)\b/i,
  /\blimited[- ]time offer\b/i,
  /\b100% free\b/i,
  /\bbinary options\b/i,
  /\b(?:crypto(?:currency)?|bitcoin|forex)\b.{0,40}\b(?:invest(?:ment|ing)?|profits?|trading|returns)\b/i,
  /\bearn (?:up to )?[$£€]\s?[0-9]/i,
  /\b(?:contact|message|dm|text)\s+(?:me|us)\s+(?:on|via)\s+(?:whatsapp|telegram)\b/i,
];

/** The same letter or emoji 10+ times ("aaaaaaaaaa", "😀" × 10). Digits and punctuation are left alone: "0000000000" and "----------" are normal. */
const REPEATED_CHARACTER = /(\p{L}|\p{Extended_Pictographic})\1{9,}/iu;
/** The same word or phrase of up to three words 6+ times in a row. Letters only: "0, 0, 0, 0, 0, 0" is data. */
const REPEATED_WORDS = /(?<![\p{L}\p{N}])(\p{L}+(?:\s+\p{L}+){0,2})(?:[\s,.!]+\1(?![\p{L}\p{N}])){5,}/iu;

/** Short duplicates ("Thanks!", "+1") are not worth holding: only texts this long count as repeated. */
const MIN_DUPLICATE_LENGTH = 20;
const normalise = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * What two texts share when one repeats the other (case and spacing aside); null for a text too short
 * to count. The server stores a hash of it with each text, so finding a sender's repeat is one index
 * lookup, however much the sender has sent.
 */
export function duplicateKey(text: string): string | null {
  const key = normalise(text);
  return key.length >= MIN_DUPLICATE_LENGTH ? key : null;
}

function findSpam(text: string, recentTexts: readonly string[]): SpamReason[] {
  const reasons: SpamReason[] = [];
  const links = text.match(LINK) ?? [];
  if (links.length > MAX_LINKS) reasons.push('too_many_links');
  if (links.length > 0 && !links.every((l) => trusted(hostOf(l)))) {
    const words = text.replace(LINK, ' ').match(/\p{L}{2,}/gu) ?? [];
    if (words.length < 3) reasons.push('link_only');
  }
  if (SPAM_PHRASES.some((re) => re.test(text))) reasons.push('spam_phrase');
  const own = duplicateKey(text);
  if (own !== null && recentTexts.some((r) => normalise(r) === own)) reasons.push('duplicate');
  if (REPEATED_CHARACTER.test(text)) reasons.push('repeated_characters');
  if (REPEATED_WORDS.test(text)) reasons.push('repeated_words');
  return reasons;
}

// ------------------------------------------------------------------------------------------ public API

/**
 * Everything the moderation job (and the form's warning) needs to know about one text.
 * `recentTexts`: the same writer's recent feedback or messages, to catch the same text posted again.
 */
export function checkContent(text: string, opts: { recentTexts?: readonly string[] } = {}): ContentCheck {
  const abuseTerms = findAbuse(text);
  const spamReasons = findSpam(text, opts.recentTexts ?? []);
  return {
    personalData: detectPersonalData(text),
    abusive: abuseTerms.length > 0,
    abuseTerms,
    spam: spamReasons.length > 0,
    spamReasons,
  };
}

/** One outcome per text. Personal data wins over abuse, abuse over spam: leaking a child's data is the worst harm. */
export function moderationOutcome(check: ContentCheck): ContentOutcome {
  if (check.personalData.length > 0) return 'personal_data';
  if (check.abusive) return 'abusive';
  if (check.spam) return 'spam';
  return 'clean';
}
