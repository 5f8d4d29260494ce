import { getLexicon } from './lexicon';
import { isCaseContext, sentenceBounds } from './name-context';
import { after, before, finding, near, spansOf } from './shared';
import type { Finding } from './types';

/*
 * Where people live: postcodes and street addresses. Organisations' addresses (council offices, venues,
 * the DfE) are not personal data, so a place named as one is left alone.
 */

/** Said just before an address that is an organisation's or an event's, not a home. */
const ORG_PLACE_CUE =
  /\b(?:council|offices?|civic|town hall|county hall|city hall|buildings?|hq|headquarters|venue|conference|event|workshop|hosted|dfe|ofsted|department|ministry|academy|university|college|hospital|station|centre|center|reception|library|meeting|training|session|course|drop-in|meetup|based|cafe|café|hotel|our team|team is|we're at|we are at|hub)\b/;
const HOME_CUE = /\b(?:lives?|living|lived|resides?|residing|staying|stays|moved|moving|address(?:es)?|home|house|flat|placed|placement|returned|went|go(?:es|ing)?\s+(?:back\s+)?to)\b/gi;

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
  '(?<![\\p{L}\\p{N}])(?:GIR ?0AA|(?:(?:' +
    alternatives(TWO_LETTER_AREAS) +
    ')(?:[0-9][ABEHMNPRVWXY]|[0-9]{1,2})|(?:' +
    alternatives(ONE_LETTER_AREAS) +
    ')(?:[0-9][ABCDEFGHJKPSTUW]|[0-9]{1,2})) ?[0-9][ABD-HJLNP-UW-Z]{2})(?![\\p{L}\\p{N}])',
  'giu',
);

/**
 * Upper case → medium. Lower or mixed case → low, and only when spaced, 7 characters long ("sw1a1aa") or
 * beside a word about a home: "le11st" alone is no address.
 */
export function findPostcodes(text: string): Finding[] {
  const out: Finding[] = [];
  const home = spansOf(text, HOME_CUE);
  for (const m of text.matchAll(POSTCODE)) {
    const span = { start: m.index, end: m.index + m[0].length };
    if (ORG_PLACE_CUE.test(before(text, span.start, 60)) && !near(home, span, 40, 0)) continue;
    if (m[0] === m[0].toUpperCase()) out.push(finding(text, 'postcode', span.start, span.end, 'medium'));
    else if (/ /.test(m[0]) || m[0].length === 7 || near(home, span, 40, 0)) out.push(finding(text, 'postcode', span.start, span.end, 'low'));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------- address

const STREET =
  '(?:street|st|road|rd|lane|ln|avenue|ave|close|drive|dr|way|crescent|cres|terrace|tce|gardens|gdns|grove|mews|court|ct|place|square|sq|parade|boulevard|walk|rise|row|hill|view|vale|green|croft|fold|gate|chase|meadows?|park|heights|approach|wynd|brow|garth|grange|bank|side|fields?|way|estate|towers?|house|cottages?|paddocks?|lea|leas|top|bottom|gate|mount|hotel|flats|wharf|quay|yard|row|end|brook|crest|dell|glade|heath|lodge|manor|orchard|ridge|spinney|villas|nook|hollow|reach|circle|mead|meadow)';
/** The street words with a capital or lower-case first letter, for patterns that are otherwise case-sensitive. */
const STREET_TITLED = STREET.replace(/(^\(\?:|\|)([a-z])/g, (_, lead: string, c: string) => `${lead}[${c.toUpperCase()}${c}]`);
/** One-word street names: "4 Westgate", "12 Kirkfield". */
const ONE_WORD_STREET = /(?<![\p{L}\p{N}])[0-9]{1,4}[A-Za-z]?,? (\p{Lu}\p{Ll}+(?:gate|field|fields|side|wood|croft|moor|bank|fold|garth|dale|mead|lea|leigh|ley|ings|thorpe|holme))(?![\p{L}\p{N}])/gu;
/** "22 Mill Lane", "Flat 3, 14b Acacia Avenue", "22 mill lane" (lower case only after a word about a home). */
const NUMBERED = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:(?:flat|apartment|apt|unit|room) ?[0-9]+[a-z]?,? )?[0-9]{1,4}[a-z]?,? (?:[\\p{L}'-]+ ){1,3}${STREET}(?![\\p{L}\\p{N}])`,
  'giu',
);
/** "lives on Elm Road", "moved to Mill Lane": a named street right after a word about a home. */
const UNNUMBERED = new RegExp(`(?<![\\p{L}])(?:[A-Z][\\p{L}'-]+ ){1,3}${STREET_TITLED}(?:, (?:[A-Z][\\p{L}'-]+ ){0,2}[A-Z][\\p{L}'-]+)?(?![\\p{L}\\p{N}])`, 'gu');
/** "Cromwell Street, Grimsby", "Rose Cottage, Back Lane, Great Ayton": a named home or a street and its town. */
const STREET_AND_TOWN = new RegExp(
  `(?<![\\p{L}])(?:(?:[A-Z][\\p{L}'-]+ ){1,2}(?:Cottage|Farm|Farmhouse|House|Lodge|Barn|Bungalow|Villa|Croft),? )?(?:[A-Z][\\p{L}'-]+ ){1,3}${STREET_TITLED}, (?:[A-Z][\\p{L}'-]+ ){0,2}[A-Z][\\p{L}'-]+(?![\\p{L}\\p{N}])`,
  'gu',
);
/** A home told by a landmark: "the flat above the chippy opposite the Co-op on High St". */
const LANDMARK_HOME = new RegExp(
  `(?<![\\p{L}])(?:flat|house|home|room|lives?|living|staying|stays)(?: [\\p{L}'-]+){0,3}? (?:above|over|behind|next to|opposite|beside|round the corner from) (?:the|a) [^.\\n]{2,60}? (?:on|off) (?:the )?(?:[A-Z][\\p{L}'-]+ ){1,3}${STREET_TITLED}(?![\\p{L}\\p{N}])`,
  'gu',
);
/** Said of an address that is an example: "e.g. 1 High Street", "a made-up 12 Any Road". */
const EXAMPLE_ADDRESS = /\b(?:e\.g\.?|eg|for example|for instance|such as|example address|fake|made[- ]up|dummy|placeholder|fictional|fictitious|anytown|any ?street)\b/i;
/** "e.g." alone does not make an address made up when a postcode follows it: "e.g. 'Rose Villa, Mill Lane, Ayr, KA1 2AB'". */
const WEAK_EXAMPLE = /^(?:e\.g\.?|eg|for example|for instance|such as)$/i;
function isExampleAddress(text: string, span: { start: number; end: number }): boolean {
  const m = EXAMPLE_ADDRESS.exec(before(text, span.start, 40));
  if (!m) return false;
  return !WEAK_EXAMPLE.test(m[0]) || !POSTCODE_AFTER.test(text.slice(span.end, span.end + 14));
}
const POSTCODE_AFTER = /^,? [A-Z]{1,2}[0-9][0-9A-Z]? ?[0-9][A-Z]{2}\b/;
/** Words that are never part of a street's name, so "5 days on the way" is no address. */
const NOT_STREET_WORDS = /(?<!^)\b(?:the|a|an|of|on|in|to|and|or|for|per|with|at|by|is|are|was|were|more|less|very|so|too|not|no|any|each|every|this|that|these|those|my|our|your|their|his|her|its|days?|weeks?|months?|years?|hours?|mins?|minutes?|times?|children|kids|cases|records|rows|episodes|placements?|postcodes?|fields?|columns?|codes?|data|returns?|values?|extracts?|systems?|forms?|errors?|rules?|child|team|table|date|dates|type|types|reason|reasons|status|file|files)\b/i;
/** Things numbered in this community's talk, not houses: "rule 22", "section 17", "page 4". */
const NUMBERED_THING = /\b(?:rule|rules|step|section|s|page|para|paragraph|version|v|chapter|item|line|row|column|year|yr|y|question|q|table|figure|week|level|tier|priority|phase|stage|appendix|annex|clause|reg|regulation|article)\.? ?$/;
const PUBLIC_ADDRESSES = /\b(?:downing street|whitehall|great smith street|piccadilly|sanctuary buildings|horse guards road)\b/i;

/** Traveller sites and caravan parks: "Greenacres site, plot 14", "pitch 3 at Meadow Park site". */
const PLOT = /(?<![\p{L}])(?:(?:\p{Lu}[\p{L}'-]+ ){1,3}(?:site|park|camp|estate),? (?:plot|pitch|bay) [0-9]{1,3}[a-z]?|(?:plot|pitch) [0-9]{1,3}[a-z]?,? (?:on|at) (?:the )?(?:\p{Lu}[\p{L}'-]+ ){1,3}(?:site|park|camp))(?![\p{L}\p{N}])/gu;

/** A home given by its number without a street number: "number 7 on the Beechwood estate", "flat 4 above the chippy on Market St". */
const HOME_NUMBER = new RegExp(
  `(?<![\\p{L}])(?:flat|number|no\\.|house|apartment|apt) [0-9]{1,4}[a-z]?,? (?:above|below|behind|next to|near|opposite|over|off|on|in|at)(?: [\\p{L}'-]+){0,5}? (\\p{Lu}[\\p{L}'-]+) ${STREET}(?![\\p{L}\\p{N}])`,
  'giu',
);

export function findAddresses(text: string): Finding[] {
  const out: Finding[] = [];
  for (const m of text.matchAll(HOME_NUMBER)) {
    if (!/^\p{Lu}/u.test(m[1]) || NOT_STREET_WORDS.test(` ${m[1]}`)) continue;
    out.push(finding(text, 'address', m.index, m.index + m[0].length, 'medium'));
  }
  for (const m of text.matchAll(PLOT)) out.push(finding(text, 'address', m.index, m.index + m[0].length, 'medium'));
  const home = spansOf(text, HOME_CUE);
  for (const m of text.matchAll(NUMBERED)) {
    const span = { start: m.index, end: m.index + m[0].length };
    const words = m[0].replace(/^(?:(?:flat|apartment|apt|unit|room) ?[0-9]+[a-z]?,? )?[0-9]+[a-z]?,? /i, '');
    if (NOT_STREET_WORDS.test(words) || NUMBERED_THING.test(before(text, span.start, 12)) || PUBLIC_ADDRESSES.test(words)) continue;
    if (/^903\b/.test(m[0]) || EXAMPLE_ADDRESS.test(before(text, span.start, 40))) continue;
    const titled = words.split(' ').every((w) => /^[\p{Lu}0-9]/u.test(w));
    const homeNear = near(home, span, 30, 0);
    if (!titled && !homeNear) continue;
    if (!homeNear && (ORG_PLACE_CUE.test(before(text, span.start, 60)) || ORG_PLACE_CUE.test(after(text, span.end, 40)))) continue;
    out.push(finding(text, 'address', span.start, span.end, homeNear ? 'high' : 'medium'));
  }
  for (const m of text.matchAll(ONE_WORD_STREET)) {
    const span = { start: m.index, end: m.index + m[0].length };
    if (NUMBERED_THING.test(before(text, span.start, 12)) || /\b(?:la|code|lacode|rule)\b[ :]*$/i.test(before(text, span.start, 10))) continue;
    if (ORG_PLACE_CUE.test(before(text, span.start, 60)) && !near(home, span, 30, 0)) continue;
    out.push(finding(text, 'address', span.start, span.end, near(home, span, 30, 0) ? 'high' : 'medium'));
  }
  for (const m of text.matchAll(LANDMARK_HOME)) {
    if (ORG_PLACE_CUE.test(before(text, m.index, 40)) || EXAMPLE_ADDRESS.test(before(text, m.index, 40))) continue;
    const start = m.index + m[0].search(/ (?:above|over|behind|next to|opposite|beside|round the corner from) /) + 1;
    out.push(finding(text, 'address', start, m.index + m[0].length, 'medium'));
  }
  for (const m of text.matchAll(STREET_AND_TOWN)) {
    const span = { start: m.index, end: m.index + m[0].length };
    if (NOT_STREET_WORDS.test(m[0].replace(/,/g, '')) || PUBLIC_ADDRESSES.test(m[0]) || isExampleAddress(text, span)) continue;
    if (ORG_PLACE_CUE.test(before(text, span.start, 60)) || ORG_PLACE_CUE.test(after(text, span.end, 40))) continue;
    // After a house number the numbered pattern has it; a tool or word after the comma is no town ("Mill Lane, Mosaic ID").
    const town = m[0].slice(m[0].lastIndexOf(', ') + 2);
    if (/[0-9][a-z]?,? $/i.test(before(text, span.start, 4)) || (getLexicon().isDomainWord(town.split(' ').pop()!) && !getLexicon().isPlace(town.split(' ').pop()!))) continue;
    // "Lisa Hill, Kirklees" is a person and her authority: without a word about a home, no first name may open it.
    const firstWord = /^[\p{L}'-]+/u.exec(m[0])![0];
    if (!near(home, span, 40, 0) && (getLexicon().isFirstName(firstWord) || !isCaseContext(text, sentenceBounds(text, span.start, span.end), []))) continue;
    out.push(finding(text, 'address', span.start, span.end, 'medium'));
  }
  for (const m of text.matchAll(UNNUMBERED)) {
    const span = { start: m.index, end: m.index + m[0].length };
    const lead = before(text, span.start, 20);
    if (!/\b(?:lives?|living|lived|resides?|staying|stays|moved|moving|address|home|(?:mate|friend|nan|gran|mum|dad|aunt|auntie|uncle|cousin|boyfriend|girlfriend|partner)'s(?: (?:house|place|flat))?)\b(?: (?:is|was))?(?: (?:on|at|in|to|near|off|from))?(?: the)?[ :,-]*$/.test(lead)) continue;
    if (NOT_STREET_WORDS.test(m[0]) || PUBLIC_ADDRESSES.test(m[0])) continue;
    out.push(finding(text, 'address', span.start, span.end, 'medium'));
  }
  return out;
}
