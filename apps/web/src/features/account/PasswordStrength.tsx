import { useEffect, useState } from 'react';
import { loadPasswordChecker, type PasswordVerdict } from '@commons/domain';

const LABELS = ['Very weak', 'Weak', 'Fair', 'Strong', 'Very strong'];

/**
 * The server's own strength check, run as the person types. Its dictionaries load on the first
 * keystroke, in chunks of their own, so pages without a password field never fetch them.
 */
export function usePasswordStrength(password: string, related: string[]): PasswordVerdict | null {
  const [verdict, setVerdict] = useState<PasswordVerdict | null>(null);
  const key = related.join('\n');
  useEffect(() => {
    if (!password) {
      setVerdict(null);
      return;
    }
    let current = true;
    void loadPasswordChecker()
      .then((check) => current && setVerdict(check(password, key ? key.split('\n') : [])))
      .catch(() => current && setVerdict(null));
    return () => {
      current = false;
    };
  }, [password, key]);
  return verdict;
}

/** "Strength: Weak – This is a commonly used password…", read out as it changes. */
export function StrengthHint({ id, verdict }: { id: string; verdict: PasswordVerdict | null }) {
  return (
    <p id={id} className="govuk-body-s commons-password-strength" aria-live="polite" data-score={verdict?.score ?? ''}>
      {verdict && (
        <>
          <strong>Strength: {LABELS[verdict.score]}</strong>
          {verdict.problem ? ` – ${verdict.problem.replace(/^Password is too easy to guess: /, '')}` : ' – good.'}
        </>
      )}
    </p>
  );
}
