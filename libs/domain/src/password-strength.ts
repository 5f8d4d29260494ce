/**
 * How guessable a password is, by zxcvbn-ts with its common-password list (breached and common
 * passwords), English words, names and Wikipedia terms, keyboard patterns, dates and l33t spellings.
 * One rule for the server (which refuses) and the browser (which hints as the person types). The
 * dictionaries are over a megabyte, so they are imported on first use: the web client's main chunk
 * stays small (only this loader is in it) and loads them only on a page with a new-password field.
 */

/** zxcvbn's score 3: "safely unguessable", about 10^8 guesses or more. */
export const PASSWORD_MIN_SCORE = 3;

export interface PasswordVerdict {
  /** 0 (too guessable) to 4 (very unguessable). */
  score: number;
  ok: boolean;
  /** Why it is refused, as the form and the API say it; null when it is strong enough. */
  problem: string | null;
}

export type PasswordChecker = (password: string, related?: string[]) => PasswordVerdict;

let loading: Promise<PasswordChecker> | undefined;

/** The checker, its dictionaries loaded once. `related`: the person's email address and name, guessable too. */
export function loadPasswordChecker(): Promise<PasswordChecker> {
  loading ??= Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common'), import('@zxcvbn-ts/language-en')]).then(([core, common, en]) => {
    const zxcvbn = new core.ZxcvbnFactory({ dictionary: { ...common.dictionary, ...en.dictionary }, graphs: common.adjacencyGraphs, translations: en.translations });
    return (password, related = []) => {
      const inputs = related.map((r) => r.toLowerCase()).flatMap((r) => [r, ...r.split(/[@.\s_-]+/)]).filter((s) => s.length >= 3);
      const result = zxcvbn.check(password, inputs);
      const ok = result.score >= PASSWORD_MIN_SCORE;
      const why = result.feedback.warning || result.feedback.suggestions[0] || 'It would be easy to guess.';
      return { score: result.score, ok, problem: ok ? null : `Password is too easy to guess: ${why.replace(/\.$/, '')}. Try a few unrelated words together.` };
    };
  });
  return loading;
}
