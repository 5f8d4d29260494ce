import { z } from 'zod';

/** `GET /api/search?q=`: one box over tools, initiatives, threads and messages. */
export const SearchQuery = z.object({
  q: z.string({ error: 'q is required' }).trim().min(1, 'Type something to search for').max(200, 'Search must be 200 characters or fewer'),
  limit: z.coerce.number({ error: 'limit must be a number' }).int('limit must be a whole number').min(1, 'limit must be 1 to 50').max(50, 'limit must be 1 to 50').default(20),
});
export type SearchQuery = z.infer<typeof SearchQuery>;

export const SearchResultType = z.enum(['tool', 'initiative', 'thread', 'message', 'guide', 'idea']);
export type SearchResultType = z.infer<typeof SearchResultType>;

/** Where a match is, in UTF-16 code units of its text: [start, end). */
const Ranges = z.array(z.tuple([z.number().int(), z.number().int()]));

/** Plain text and where the matches are: the client marks them up itself, never as HTML. */
export const Highlighted = z.object({ text: z.string(), highlights: Ranges });
export type Highlighted = z.infer<typeof Highlighted>;

export const SearchItem = z.object({
  type: SearchResultType,
  /** the tool's or initiative's slug, the thread's or message's id */
  id: z.string(),
  /** where the web client shows it */
  url: z.string(),
  /** the tool's or initiative's name, the thread's title (a message's thread's) */
  title: Highlighted,
  /** an excerpt around the first match: the summary, the message's text */
  snippet: Highlighted,
  /** a thread's or message's place ("Tool: SSDA903 validator") or author */
  context: z.string().nullable(),
  threadId: z.number().int().nullable(),
  messageId: z.number().int().nullable(),
  rank: z.number(),
  /** a message held for moderators (only its author and moderators find it) */
  held: z.boolean(),
});
export type SearchItem = z.infer<typeof SearchItem>;

export const SearchResults = z.object({ q: z.string(), items: z.array(SearchItem) });
export type SearchResults = z.infer<typeof SearchResults>;

/**
 * The similarity from which a misspelt word counts as a match, here and in Postgres
 * (pg_trgm.word_similarity_threshold, set by the search repository): "valdator" is 0.58 of "validator".
 */
export const TRIGRAM_THRESHOLD = 0.5;

const WORD = /[\p{L}\p{N}]+/gu;

/** The search as an ILIKE pattern for "inside a word" ("903" of SSDA903); null under three characters, which no trigram index serves. */
export function likePattern(q: string): string | null {
  return q.length >= 3 ? `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
}

/** The words of a search, lower case. */
export function searchTerms(q: string): string[] {
  return [...new Set((q.toLowerCase().match(WORD) ?? []).filter((w) => w.length > 0))];
}

/** pg_trgm's trigrams of one word: padded with two spaces before and one after. */
function trigrams(word: string): Set<string> {
  const padded = `  ${word} `;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  return out;
}

/** pg_trgm's similarity of two words (shared trigrams over all trigrams). */
export function wordSimilarity(a: string, b: string): number {
  return similarity(trigrams(a), trigrams(b));
}

function similarity(x: Set<string>, y: Set<string>): number {
  let shared = 0;
  for (const t of x) if (y.has(t)) shared++;
  return shared / (x.size + y.size - shared);
}

/**
 * Where `text` matches the search: a term inside a word ("903" of "SSDA903"), or a word like a term
 * (pg_trgm's measure, so "valdator" marks "validator"). Hand-written because Postgres's ts_headline
 * marks only full-text matches, not the trigram ones the search also finds.
 */
export function highlight(text: string, terms: string[]): [number, number][] {
  if (!terms.length) return [];
  const fuzzy = terms.filter((t) => t.length >= 3).map((t) => ({ length: t.length, grams: trigrams(t) }));
  const ranges: [number, number][] = [];
  for (const m of text.matchAll(WORD)) {
    const word = m[0].toLowerCase();
    const start = m.index!;
    let best: [number, number] | null = null;
    for (const term of terms) {
      const at = word.indexOf(term);
      if (at >= 0 && (term.length >= 2 || at === 0) && (!best || term.length > best[1] - best[0])) best = [start + at, start + at + term.length];
    }
    // A word's trigrams number its length + 2: too different a length cannot reach the threshold.
    if (!best && word.length >= 3) {
      const close = fuzzy.filter((f) => Math.min(f.length, word.length) + 2 >= TRIGRAM_THRESHOLD * (Math.max(f.length, word.length) + 2));
      if (close.length) {
        const grams = trigrams(word);
        if (close.some((f) => similarity(f.grams, grams) >= TRIGRAM_THRESHOLD)) best = [start, start + word.length];
      }
    }
    if (best) ranges.push(best);
  }
  return ranges;
}

/** Markdown and mentions as a reader sees them, on one line. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/@\[([^\]\n]{1,80})\]\(user:[0-9a-f-]{36}\)/g, '@$1')
    .replace(/\[([^\]\n]*)\]\([^)\s]*\)/g, '$1')
    .replace(/[*_`#>~|]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A whole short text, with its matches. */
export function highlighted(text: string, terms: string[]): Highlighted {
  return { text, highlights: highlight(text, terms) };
}

/** Up to `max` characters of `text` around its first match, cut at word boundaries, with its matches. */
export function snippet(text: string, terms: string[], max = 200): Highlighted {
  const plain = plainText(text);
  if (plain.length <= max) return highlighted(plain, terms);
  const first = highlight(plain, terms)[0];
  let start = first ? Math.max(0, first[0] - Math.floor(max / 3)) : 0;
  if (start > 0) {
    const space = plain.indexOf(' ', start);
    start = space >= 0 && space < (first?.[0] ?? start) ? space + 1 : start;
  }
  let end = Math.min(plain.length, start + max);
  if (end < plain.length) {
    const space = plain.lastIndexOf(' ', end);
    if (space > start + max / 2) end = space;
  }
  const cut = `${start > 0 ? '…' : ''}${plain.slice(start, end)}${end < plain.length ? '…' : ''}`;
  return highlighted(cut, terms);
}
