import { isKnownLaCode, isUkPhoneNumber, isValidNhsNumber, isValidNiPrefix, isValidUpn, UPN_ALPHABET } from './identifiers';
import { after, before, finding, near, type Span, spansOf } from './shared';
import type { Finding } from './types';

/*
 * Identifiers made of digits (and a few letters): NHS numbers, UPNs, NI numbers and phone numbers. Each has
 * a tight shape, and those with a check must pass it or sit right next to a word naming them (low).
 */

// ---------------------------------------------------------------------------------------------- NHS number

const NHS_CONTEXT = /\bnhs\b/gi;
/**
 * Digit groups joined by one separator (space, '-', '.', '/', optionally spaced): "943 476 5919", "943.476.5919".
 * Not part of a decimal; a comma is a CSV field's edge (thousands separators never make ten-digit groups).
 */
const DIGIT_RUN = /(?<![\p{L}\p{N}]|[0-9]\.)[0-9]+(?:(?: ?[-./] ?| )[0-9]+)*(?![\p{L}\p{N}]|\.[0-9])/gu;
/** An ISBN-10 uses the same mod-11 check; a number right after "ISBN" is a book. */
const ISBN_CONTEXT = /\bisbn(?:-?10)?s?\b/gi;

/** Said of a number that is an example, not a person's: a failing one here is not flagged even beside "NHS". */
const EXAMPLE_CUE = /\b(?:example|e\.g\.|spec|specification|tests?|fixtures?|placeholder|synthetic|on purpose|dummy|fake|made[- ]up|fails? (?:the )?check|wrong check)\b/i;
/** Said of a number shown as failing its check: "# FALSE", "correctly rejects …", "the check digit doesn't match". */
const SHOWN_INVALID = /(?:#|\/\/|->|=>) ?false\b|\bassert not\b|\bfail\w* (?:the )?(?:nhs |mod(?:ulus)? ?11 |check[- ]digit )?check\b|\bcorrectly (?:rejects?|rejected|fails?|flags?)\b|\bcheck digit (?:doesn't|does not|didn't|did not|won't) match\b/i;
const isExample = (text: string, span: Span) =>
  EXAMPLE_CUE.test(before(text, span.start, 40)) || EXAMPLE_CUE.test(after(text, span.end, 30)) || SHOWN_INVALID.test(before(text, span.start, 40) + ' ' + after(text, span.end, 80));

/** Said on a valid number's own line when it is the documented example, not a patient's. */
const VALID_EXAMPLE_AFTER = /(?<![./@])\b(?:example|placeholder|dummy|fake|made[- ]up|synthetic|fictional|fictitious|not real)\b(?!\.)/i;
const VALID_EXAMPLE_BEFORE = /(?:example (?:number|nhs number)|dummy|fake|made[- ]up|placeholder|synthetic)[\s:,("'=]*$/i;
const REAL_AFTER_ALL = /\b(?:real (?:one|number|patient|child)|by mistake|accidentally|forgot|apart from)\b/i;
function isValidExample(text: string, span: Span): boolean {
  const lineStart = text.lastIndexOf('\n', span.start - 1) + 1;
  const lineEnd = text.indexOf('\n', span.end) < 0 ? text.length : text.indexOf('\n', span.end);
  if (REAL_AFTER_ALL.test(text.slice(lineStart, lineEnd))) return false;
  return VALID_EXAMPLE_AFTER.test(text.slice(span.end, Math.min(lineEnd, span.end + 60))) || VALID_EXAMPLE_BEFORE.test(text.slice(Math.max(lineStart, span.start - 20), span.start));
}

/** Placeholders and numbers never issued to a person: the 999 test range, one repeated digit, counting runs. */
function isPlaceholderNhs(digits: string): boolean {
  return digits.startsWith('999') || /([0-9])\1{6}/.test(digits) || digits === '0123456789' || digits === '1234567890' || digits === '9876543210';
}

export function findNhsNumbers(text: string): Finding[] {
  const out: Finding[] = [];
  const context = spansOf(text, NHS_CONTEXT);
  const isbn = spansOf(text, ISBN_CONTEXT);
  for (const run of text.matchAll(DIGIT_RUN)) {
    const groups = [...run[0].matchAll(/[0-9]+/g)].map((g) => ({ start: run.index + g.index, end: run.index + g.index + g[0].length }));
    // The run must split cleanly into 10-digit numbers, each written with one kind of separator. A run that
    // does not is some other long number (a phone number, a decimal) and none of it is reported.
    const candidates: Span[] = [];
    let first = 0;
    let digits = 0;
    for (let i = 0; i < groups.length; i++) {
      digits += groups[i].end - groups[i].start;
      if (digits === 10) {
        const seps = groups.slice(first + 1, i + 1).map((g, k) => text.slice(groups[first + k].end, g.start).trim() || ' ');
        if (seps.some((s) => s !== seps[0])) {
          candidates.length = 0;
          break;
        }
        candidates.push({ start: groups[first].start, end: groups[i].end });
        first = i + 1;
        digits = 0;
      } else if (digits > 10) {
        candidates.length = 0;
        break;
      }
    }
    if (digits !== 0) continue;
    for (const c of candidates) {
      if (near(isbn, c, 12, 0)) continue;
      const number = text.slice(c.start, c.end).replace(/[^0-9]/g, '');
      if (isPlaceholderNhs(number)) continue;
      // A valid number is reported unless its own line calls it an example ("# the example number from the data dictionary").
      if (isValidNhsNumber(number)) {
        if (!isValidExample(text, c)) out.push(finding(text, 'nhs_number', c.start, c.end, 'high'));
      }
      else if (near(context, c, 40, 25) && !isExample(text, c)) out.push(finding(text, 'nhs_number', c.start, c.end, 'low'));
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------- UPN

const TEST_UPN_CUE = /\b(?:test|testing|dummy|fake|made[- ]up|synthetic|fictional|fixtures?|placeholder|sample data)\b/i;
const UPN_CONTEXT = /\b(?:upns?|pupils?)\b/gi;
const UPN_SHAPE = /(?<![\p{L}\p{N}])[A-Za-z][0-9]{11}[0-9A-Za-z](?![\p{L}\p{N}])/gu;

/** Check letter and a real LA code → high; check letter alone (DfE test UPNs) → medium; beside "UPN" → low. */
export function findUpns(text: string): Finding[] {
  const out: Finding[] = [];
  const context = spansOf(text, UPN_CONTEXT);
  for (const m of text.matchAll(UPN_SHAPE)) {
    const span = { start: m.index, end: m.index + m[0].length };
    const upn = m[0].toUpperCase();
    if (/^.0{11}/.test(upn) || /123456789|987654321/.test(upn)) continue; // the all-zeros example in DfE's spec; counting placeholders
    // A UPN said to be a test, dummy or fake one, or in test data, is nobody's: "test UPN", "our dummy extract".
    if (TEST_UPN_CUE.test(before(text, span.start, 150).split(/[!?\n]|\.\s/).pop()!) || TEST_UPN_CUE.test(after(text, span.end, 80).split(/[!?\n]|\.\s/)[0])) continue;
    if (isValidUpn(upn)) {
      if (isKnownLaCode(upn.slice(1, 4))) out.push(finding(text, 'upn', span.start, span.end, 'high'));
      else if (!isExample(text, span)) out.push(finding(text, 'upn', span.start, span.end, 'medium'));
    }
    else if (UPN_ALPHABET.includes(upn[0]) && near(context, span, 40, 25) && !isExample(text, span)) out.push(finding(text, 'upn', span.start, span.end, 'low'));
  }
  return out;
}

// -------------------------------------------------------------------------------------------- NI number

const NI_SHAPE = /(?<![\p{L}\p{N}])([A-Za-z]{2})[ -]?[0-9]{2}([ -]?)[0-9]{2}[ -]?[0-9]{2}(?:[ -]?([A-Da-d]))?(?![\p{L}\p{N}])/gu;
/** HMRC's own example number: in a question about a pattern or format it is the example, not a person's. */
const SPECIMEN_NI = /^AB ?12 ?34 ?56 ?C$/i;
const PATTERN_TALK = /\b(?:regex|regexp|regular expression|pattern|matches|format|e\.g\.|example(?!\.)|such as)\b/i;
const NI_CONTEXT = /\b(?:ni|nino|nins|national\s+insurance)\b/gi;
/** Two-letter words that start prose such as "on 12 34 56 a"; as an NI prefix they need "NI" nearby. */
const SHORT_WORDS = new Set(['on', 'at', 'to', 'be', 'by', 'me', 'we', 'he', 'so', 'no', 'go', 'an', 'as', 'am', 'of', 'or', 'my', 'is', 'ok']);

/**
 * Upper case with the suffix letter (AB 12 34 56 C, AB-123456-C) → high. Lower or mixed case → medium,
 * unless it is spaced and its "prefix" is an ordinary word. Without the suffix only after "NI"/"NINO".
 */
export function findNiNumbers(text: string): Finding[] {
  const out: Finding[] = [];
  const context = spansOf(text, NI_CONTEXT);
  for (const m of text.matchAll(NI_SHAPE)) {
    if (!isValidNiPrefix(m[1])) continue;
    const span = { start: m.index, end: m.index + m[0].length };
    if (SPECIMEN_NI.test(m[0]) && PATTERN_TALK.test(before(text, span.start, 80) + after(text, span.end, 80))) continue;
    const upper = m[0] === m[0].toUpperCase();
    const named = near(context, span, 25, 0);
    if (!m[3]) {
      if (named) out.push(finding(text, 'ni_number', span.start, span.end, upper ? 'high' : 'medium'));
      continue;
    }
    if (upper) out.push(finding(text, 'ni_number', span.start, span.end, 'high'));
    else if (named || !/[ -]/.test(m[0]) || !SHORT_WORDS.has(m[1].toLowerCase())) out.push(finding(text, 'ni_number', span.start, span.end, 'medium'));
  }
  return out;
}

// ------------------------------------------------------------------------------------------------ phone

/**
 * Digit groups as people write phone numbers: "+44 (0)7700 900123", "(0161) 496 0000", "020-7946-0018".
 * Not after a letter, digit, '.', ',', '/' or '+' (so no "v1.07700…", "2024/25" or "+1 …").
 */
const PHONE_RUN = /(?<![\p{L}\p{N}_.,/+])(?:\+44|\(?[0-9]+\)?)(?:(?: ?- ?| )?(?:\([0-9]+\)|[0-9]+))*(?![\p{L}\p{N}]|[.,/][0-9])/gu;
/** Organisations' lines are not personal data: said so just before (or, in brackets, after) the number. */
const ORG_PHONE_CUE = /\b(?:switchboard|help ?desk|helpline|service ?desk|support|reception|enquir(?:y|ies)|main (?:office|number|line)|office|team|mash|front door|duty|contact cent(?:re|er)|customer services|council|hotline|freephone|contact|ig|dpo|town hall|civic|headquarters|hq)\b/;
/** Ofcom's ranges for drama and examples (07700 900xxx, 01632 960xxx, 020 7946 0xxx, …). */
/** Numbers said to be made up: Ofcom's drama ranges, templates, fakes. */
const FAKE_CUE = /\b(?:drama|ofcom|reserved|fake|dummy|made[- ]up|placeholder|fictional|fictitious|synthetic)\b/;
const DRAMA_RANGE = /^(?:07700900|01632960|01(?:1[3-8]|21|31|41|51|61)4960|01914980|02079460|02896496|02920180)/;

export function findPhones(text: string): Finding[] {
  const out: Finding[] = [];
  for (const run of text.matchAll(PHONE_RUN)) {
    const tokens = [...run[0].matchAll(/\+44|\([0-9]+\)|[0-9]+/g)].map((t) => ({
      start: run.index + t.index,
      end: run.index + t.index + t[0].length,
      text: t[0],
    }));
    const digitsOf = (s: string) => s.replace(/[^0-9]/g, '');
    // Several numbers can share a run ("07700 900123 07700 900124"): take the longest valid reading from
    // each group that can begin a number, and go on after it.
    for (let i = 0; i < tokens.length; i++) {
      const first = tokens[i].text;
      let national = '';
      let j = i;
      if (first === '+44') {
        j++;
        if (tokens[j]?.text === '(0)') j++;
        // "+44 07700 …" is a common slip: keep the 0 that was written rather than add a second one.
        if (j < tokens.length && !digitsOf(tokens[j].text).startsWith('0')) national = '0';
      } else if (!/^\(?0[0-9]/.test(first)) {
        continue;
      }
      let last = -1;
      let lastNational = '';
      for (; j < tokens.length; j++) {
        national += digitsOf(tokens[j].text);
        if (national.length > 11) break;
        if (isUkPhoneNumber(national) || /^08[0-9]{8,9}$/.test(national)) {
          last = j;
          lastNational = national;
        }
      }
      if (last < 0) continue;
      const start = tokens[i].start;
      i = last;
      // 03 and 08 numbers (non-geographic, freephone) are organisations'; so is a landline named as one.
      if (/^0[38]/.test(lastNational)) continue;
      const end = tokens[last].end;
      // A five-digit-code landline ending 000 is an organisation's switchboard (01484 221000), not a family's.
      if (/^01[0-9]{3}[0-9]{3}000$/.test(lastNational) && !/^01(?:1[0-9]|[0-9]1)/.test(lastNational)) continue;
      if (!lastNational.startsWith('07') && (ORG_PHONE_CUE.test(before(text, start, 40).split('\n').pop()!) || ORG_PHONE_CUE.test(after(text, end, 40).split(/[.;\n]/)[0]))) continue;
      // Ofcom's ranges, when the text says so anywhere on the number's line or just around it.
      const line = text.slice(text.lastIndexOf('\n', start - 1) + 1, end + 80).toLowerCase();
      if (DRAMA_RANGE.test(lastNational) && (FAKE_CUE.test(before(text, start, 80)) || FAKE_CUE.test(after(text, end, 80)) || /\b(?:drama|ofcom)\b/.test(line))) continue;
      out.push(finding(text, 'phone', start, tokens[last].end, 'medium'));
    }
  }
  for (const m of text.matchAll(NO_LEADING_ZERO)) {
    // Spreadsheets drop the leading 0 ("7946118230"): a phone only where the text says it is a number.
    if (!isUkPhoneNumber('0' + m[0]) || !PHONE_CUE.test(before(text, m.index, 60) + after(text, m.index + m[0].length, 40))) continue;
    if (out.some((f) => f.start < m.index + m[0].length && f.end > m.index)) continue;
    out.push(finding(text, 'phone', m.index, m.index + m[0].length, 'low'));
  }
  return out;
}

const NO_LEADING_ZERO = /(?<![\p{L}\p{N}_.,/+£$-])(?:7[0-9]{9}|1[0-9]{8,9}|2[0-9]{9})(?![\p{L}\p{N}]|[.,/-][0-9])/gu;
const PHONE_CUE = /\b(?:phone|mobile|mob|tel|telephone|landline|leading (?:0|zero)|(?:mum|dad|carer|parent|nan|gran|aunt|uncle|sister|brother)'?s? (?:number|no))\b/;
