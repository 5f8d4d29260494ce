import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS_DIR, corpusProblems, CorpusPost, evaluate, KINDS, loadCorpus, shortfalls } from './pii-eval';

/** The corpus is well formed and big enough to measure every kind (docs/pii-corpus.md). */
describe('pii corpus format', () => {
  const files = readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.json'));
  const { posts, problems } = loadCorpus([CORPUS_DIR]);

  test.each(files)('%s: every label is a substring of its post, with a known kind', (file) => {
    expect(corpusProblems(JSON.parse(readFileSync(join(CORPUS_DIR, file), 'utf8')))).toEqual([]);
  });

  test('ids are unique across files', () => {
    expect(problems).toEqual([]);
  });

  test('at least 500 posts, as many negative as positive', () => {
    expect(posts.length).toBeGreaterThanOrEqual(500);
    const positive = posts.filter((p) => p.pii.length > 0).length;
    expect(posts.length - positive).toBeGreaterThanOrEqual(positive);
  });

  test('at least 25 positive posts per kind, 50 for name, address and local_id', () => {
    const postsWith = (kind: string) => posts.filter((p) => p.pii.some((l) => l.kind === kind)).length;
    const counts = Object.fromEntries(KINDS.map((k) => [k, postsWith(k)]));
    const minimum = (k: string) => (['name', 'address', 'local_id'].includes(k) ? 50 : 25);
    const short = KINDS.filter((k) => counts[k] < minimum(k)).map((k) => `${k}: ${counts[k]} < ${minimum(k)}`);
    expect(short).toEqual([]);
  });

  test('labelled spans within a post do not overlap', () => {
    const overlapping = posts.flatMap((p) => {
      const spans = p.pii
        .map((l) => ({ start: l.start ?? p.text.indexOf(l.text), end: (l.start ?? p.text.indexOf(l.text)) + l.text.length, l }))
        .sort((a, b) => a.start - b.start);
      return spans.slice(1).filter((s, i) => s.start < spans[i].end).map((s) => `${p.id}: ${s.l.text}`);
    });
    expect(overlapping).toEqual([]);
  });
});

describe('evaluate', () => {
  const posts: CorpusPost[] = [
    { id: 'a', text: 'NHS 943 476 5919 for Darren Hughes', pii: [{ kind: 'nhs_number', text: '943 476 5919' }, { kind: 'name', text: 'Darren Hughes' }] },
    { id: 'b', text: 'rule 103 fires on 2,345 rows', pii: [] },
    { id: 'c', text: 'same 22 x and 22 mill lane', pii: [{ kind: 'address', text: '22', start: 14 }] },
  ];

  test('recall groups by the label, precision by the finding, any overlap counts', () => {
    const result = evaluate(posts, (text) => {
      if (text.startsWith('NHS')) return [{ kind: 'phone', start: 4, end: 10 }];
      if (text.startsWith('rule')) return [{ kind: 'phone', start: 5, end: 8 }];
      return [{ kind: 'address', start: 14, end: 26 }];
    });
    expect(result.kinds.nhs_number).toMatchObject({ labels: 1, labelsFound: 1, recall: 1, findings: 0, precision: null });
    expect(result.kinds.name).toMatchObject({ labels: 1, labelsFound: 0, recall: 0 });
    expect(result.kinds.phone).toMatchObject({ findings: 2, findingsCorrect: 1, precision: 0.5 });
    expect(result.kinds.address).toMatchObject({ recall: 1, precision: 1 });
    expect(result.overall).toMatchObject({ labels: 3, labelsFound: 2, findings: 3, findingsCorrect: 2 });
    expect(result.misses.map((m) => [m.postId, m.text])).toEqual([['a', 'Darren Hughes']]);
    expect(result.falsePositives.map((m) => [m.postId, m.text])).toEqual([['b', '103']]);
    expect(shortfalls(result)).toEqual(expect.arrayContaining([expect.stringMatching(/^overall recall/), expect.stringMatching(/^name recall/)]));
  });

  test('a label that is not in its post is reported, not silently skipped', () => {
    expect(corpusProblems([{ id: 'x', text: 'hello', pii: [{ kind: 'name', text: 'Bob' }] }])).toEqual(['x: name "Bob" is not in the text']);
    expect(corpusProblems([{ id: 'x', text: 'hi', pii: [{ kind: 'colour', text: 'hi' }] }])).toHaveLength(1);
  });
});
