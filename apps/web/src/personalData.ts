import { useEffect, useState } from 'react';
import { personalDataHoldWarning, personalDataRefusal } from '@commons/domain';

/**
 * What happens to text that looks like personal data. `hold`: messages and feedback, which moderators
 * check before anyone else sees them, so the writer may still send. `refuse`: everything else (titles,
 * tools, initiatives…), which the API turns away with this same sentence next to the field.
 */
export type PersonalDataMode = 'hold' | 'refuse';

/** The warning for the kinds found in a text, or null when none were. */
export function personalDataWarning(kinds: readonly string[], mode: PersonalDataMode): string | null {
  if (kinds.length === 0) return null;
  return mode === 'refuse' ? personalDataRefusal(kinds) : personalDataHoldWarning(kinds);
}

type Detect = (text: string) => readonly { kind: string }[];
let detector: Promise<Detect> | undefined;

/**
 * The detector is loaded on first use, in a chunk of its own: it is large (word lists and NLP) and most
 * pages never need it. A failed load is tried again next time; meanwhile the API still checks.
 */
function loadDetector(): Promise<Detect> {
  detector ??= import('./personalDataDetector').then(
    (m) => m.detectPersonalData,
    (error: unknown) => {
      detector = undefined;
      throw error;
    },
  );
  return detector;
}

/** Checked once typing pauses: the detector reads the whole text, which can be long. */
const PAUSE_MS = 150;

/** The warning for `text` as the writer types it, or null; checked in the browser, without sending it anywhere. */
export function usePersonalDataWarning(text: string | null | undefined, mode: PersonalDataMode = 'refuse'): string | null {
  const [warning, setWarning] = useState<string | null>(null);
  const value = text ?? '';
  useEffect(() => {
    if (!value.trim()) return;
    let current = true;
    const timer = setTimeout(() => {
      loadDetector()
        .then((detect) => current && setWarning(personalDataWarning(detect(value).map((f) => f.kind), mode)))
        .catch(() => undefined);
    }, PAUSE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [value, mode]);
  // Until the new text is checked, keep the last answer (so the warning does not flicker while typing).
  return value.trim() ? warning : null;
}
