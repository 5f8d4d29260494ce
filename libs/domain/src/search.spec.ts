import { highlight, likePattern, plainText, searchTerms, snippet, wordSimilarity } from './search';

const marked = (text: string, q: string) => highlight(text, searchTerms(q)).map(([a, b]) => text.slice(a, b));

describe('search highlighting', () => {
  it('marks a term inside a word, a misspelt word, and nothing unrelated', () => {
    expect(marked('SSDA903 validator', '903')).toEqual(['903']);
    expect(marked('SSDA903 validator', 'valdator')).toEqual(['validator']);
    expect(marked('CIN census validator', 'cin censsus')).toEqual(['CIN', 'census']);
    expect(marked('Annex A SEND returns', 'valdator')).toEqual([]);
  });

  it('measures similarity as pg_trgm does', () => {
    expect(wordSimilarity('valdator', 'validator')).toBeCloseTo(7 / 12);
    expect(wordSimilarity('census', 'census')).toBe(1);
  });

  it('cuts a long text around its first match, as plain text', () => {
    const body = `${'Other words before. '.repeat(30)}Then **the SSDA903** return by @[Helen Clarke](user:0b0e6d4c-5c4e-4b8e-9c1f-2a3b4c5d6e7f). ${'More after. '.repeat(30)}`;
    const s = snippet(body, searchTerms('903'), 120);
    expect(s.text.length).toBeLessThanOrEqual(122);
    expect(s.text.startsWith('…')).toBe(true);
    expect(s.highlights.map(([a, b]) => s.text.slice(a, b))).toEqual(['903']);
    expect(plainText('a **b** @[Helen Clarke](user:0b0e6d4c-5c4e-4b8e-9c1f-2a3b4c5d6e7f)')).toBe('a b @Helen Clarke');
  });

  it('escapes LIKE wildcards and leaves short searches to the other matches', () => {
    expect(likePattern('50%_a')).toBe('%50\\%\\_a%');
    expect(likePattern('ab')).toBeNull();
  });
});
