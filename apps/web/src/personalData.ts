import { useEffect, useState } from 'react';

/** How the detector's kinds read, in a sentence ("an NHS number") and as a label ("NHS number"). */
const KINDS: Record<string, { phrase: string; label: string }> = {
  nhs_number: { phrase: 'an NHS number', label: 'NHS number' },
  upn: { phrase: 'a unique pupil number (UPN)', label: 'UPN' },
  ni_number: { phrase: 'a National Insurance number', label: 'National Insurance number' },
  postcode: { phrase: 'a postcode', label: 'Postcode' },
  address: { phrase: 'an address', label: 'Address' },
  email: { phrase: 'an email address', label: 'Email address' },
  phone: { phrase: 'a phone number', label: 'Phone number' },
  social_handle: { phrase: 'a social media handle', label: 'Social media handle' },
  date_of_birth: { phrase: 'a date of birth', label: 'Date of birth' },
  local_id: { phrase: 'a case system id', label: 'Case system id' },
  name: { phrase: 'a name', label: 'Name' },
};

export function kindLabel(kind: string): string {
  return KINDS[kind]?.label ?? kind.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());
}

function kindPhrase(kind: string): string {
  return KINDS[kind]?.phrase ?? `a ${kind.replace(/_/g, ' ')}`;
}

function list(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * What happens to text that looks like personal data. `hold`: messages and feedback, which moderators
 * check before anyone else sees them, so the writer may still send. `refuse`: everything else (titles,
 * tools, initiatives…), which the API turns away with this same sentence next to the field.
 */
export type PersonalDataMode = 'hold' | 'refuse';

/** The warning for the kinds found in a text, or null when none were. */
export function personalDataWarning(kinds: readonly string[], mode: PersonalDataMode): string | null {
  const unique = [...new Set(kinds)];
  if (unique.length === 0) return null;
  const what = list(unique.map(kindPhrase));
  if (mode === 'refuse') return `This looks like personal data (${what}). Remove it before saving.`;
  return `This looks like ${what}. Please remove personal details about children or families before sending. If you send it, a moderator checks it before anyone else can see it.`;
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
