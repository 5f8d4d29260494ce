import { diffLines } from 'diff';
import { diffFromChanges, type DiffLine } from '@commons/domain';

/**
 * A line diff by jsdiff (Myers), run in its async mode: it works in short steps between which the
 * event loop serves other requests, and gives up after `ms`. Then the answer is coarse but true: every
 * old line removed, every new one added, with `approximate` set.
 */
export function compareTexts(before: string, after: string, ms: number): Promise<{ diff: DiffLine[]; approximate: boolean }> {
  return new Promise((resolve) => {
    // Each line ends with a newline for jsdiff, so a last line without one still compares equal.
    diffLines(`${before}\n`, `${after}\n`, { timeout: ms, callback: (changes) => resolve(diffFromChanges(before, after, changes)) });
  });
}
