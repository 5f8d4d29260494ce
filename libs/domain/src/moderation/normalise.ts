/**
 * Text as the detectors see it: NFKC (fullwidth digits, ligatures), every dash as '-', every space
 * variant as ' ' with runs of spaces collapsed, zero-width characters and soft hyphens removed, curly
 * quotes straightened. `toOriginal` maps a span of the normalised text back to UTF-16 offsets of the
 * text the user wrote, so findings always index the original.
 */
export interface Normalised {
  text: string;
  /** [start, end) in the normalised text → [start, end) in the original. */
  toOriginal(start: number, end: number): { start: number; end: number };
  /** An offset of the original → the offset of the same character in the normalised text. */
  fromOriginal(at: number): number;
}

const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/;
const SPACES = /[\t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/;
const INVISIBLE = /[\u00AD\u180E\u200B-\u200D\u2060\uFEFF]/;
const QUOTES: Record<string, string> = { '\u2018': "'", '\u2019': "'", '\u201A': "'", '\u201B': "'", '\u2032': "'", '\u201C': '"', '\u201D': '"', '\u201E': '"' };

/** Plain printable ASCII (and newlines) with no double spaces needs no work: the hot path. */
const PLAIN = /^[\x20-\x7E\n\r]*$/;

export function normalise(original: string): Normalised {
  if (PLAIN.test(original) && !original.includes('  ')) {
    return { text: original, toOriginal: (start, end) => ({ start, end }), fromOriginal: (at) => at };
  }
  let text = '';
  // For each unit of the normalised text: where its source character starts and ends in the original.
  const from: number[] = [];
  const to: number[] = [];
  let i = 0;
  while (i < original.length) {
    const cp = original.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    const next = i + ch.length;
    let out: string;
    if (INVISIBLE.test(ch)) out = '';
    else if (SPACES.test(ch)) out = ' ';
    else if (DASHES.test(ch)) out = '-';
    else if (QUOTES[ch]) out = QUOTES[ch];
    else out = cp < 0x80 ? ch : ch.normalize('NFKC');
    if (out === ' ' && text.endsWith(' ')) out = '';
    for (let k = 0; k < out.length; k++) {
      from.push(i);
      to.push(next);
    }
    text += out;
    i = next;
  }
  return {
    text,
    toOriginal: (start, end) => ({ start: from[start] ?? original.length, end: end > start ? to[end - 1] : (from[start] ?? original.length) }),
    fromOriginal: (at) => {
      // The first normalised unit whose source starts at or after `at` (from[] is non-decreasing).
      let lo = 0;
      let hi = from.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (from[mid] < at) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    },
  };
}
