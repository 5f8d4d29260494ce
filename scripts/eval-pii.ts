/**
 * `npm run eval:pii [-- [--show N] corpus.json|dir ...]`: measures detectPersonalData against a labelled
 * corpus (default libs/domain/test/pii-corpus/), prints recall and precision per kind and overall, then
 * the first N misses and false positives. Exits 1 below the thresholds or on a malformed corpus.
 */
import { detectPersonalData } from '../libs/domain/src/moderation';
import { CORPUS_DIR, evaluate, formatErrors, formatTable, loadCorpus, shortfalls } from '../libs/domain/test/pii-eval';

const args = process.argv.slice(2);
let show = 20;
const paths: string[] = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--show') show = Number(args[++i]);
  else paths.push(args[i]);
}
if (!Number.isInteger(show) || show < 0) {
  console.error('--show takes a whole number');
  process.exit(2);
}

const { posts, problems } = loadCorpus(paths.length ? paths : [CORPUS_DIR]);
if (problems.length) {
  console.error(`malformed corpus:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
const result = evaluate(posts, detectPersonalData);
console.log(formatTable(result));
console.log();
console.log(formatErrors(result, show));
const failed = shortfalls(result);
console.log();
console.log(failed.length ? `FAIL: ${failed.join('; ')}` : 'PASS');
process.exit(failed.length ? 1 : 0);
