import { detectPersonalData } from '../src/moderation';
import { CORPUS_DIR, evaluate, formatErrors, formatTable, loadCorpus, shortfalls } from './pii-eval';

/** The detector against the labelled corpus: the numbers `npm run eval:pii` prints, as a gate. */
describe('personal-data detector on the labelled corpus', () => {
  const { posts, problems } = loadCorpus([CORPUS_DIR]);

  test('meets recall 0.97 / precision 0.95 overall and recall 0.90 for names, local ids and addresses', () => {
    expect(problems).toEqual([]);
    const result = evaluate(posts, detectPersonalData);
    const failed = shortfalls(result);
    if (failed.length) {
      throw new Error(`${failed.join('\n')}\n\n${formatTable(result)}\n\n${formatErrors(result, 30)}`);
    }
  });
});
