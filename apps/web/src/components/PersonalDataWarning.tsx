import { useCallback, useState, type FormEvent } from 'react';
import { usePersonalDataWarning, type PersonalDataMode } from '../personalData';
import { WarningText } from './forms';

/**
 * GOV.UK warning text under a field whose text looks like personal data. The live region is always
 * there, so a screen reader announces the warning when it appears. Pass it as a field's `after`.
 */
export function PersonalDataWarning({ text, mode = 'refuse', id }: { text: string | null | undefined; mode?: PersonalDataMode; id?: string }) {
  const warning = usePersonalDataWarning(text, mode);
  return (
    <div id={id} aria-live="polite" className="app-personal-data-warning">
      {warning && <WarningText>{warning}</WarningText>}
    </div>
  );
}

/**
 * The text of a form's fields as they are typed, by input name, for forms whose inputs are uncontrolled
 * (read with FormData on submit): put `onInput` on the <form>. `reset` goes back to `initial`.
 */
export function useTypedText(initial: Record<string, string> = {}) {
  const [texts, setTexts] = useState(initial);
  const onInput = useCallback((event: FormEvent<HTMLFormElement>) => {
    const field = event.target as HTMLInputElement | HTMLTextAreaElement;
    if (field.name && typeof field.value === 'string') setTexts((t) => ({ ...t, [field.name]: field.value }));
  }, []);
  const reset = useCallback((to: Record<string, string> = {}) => setTexts(to), []);
  return { texts, onInput, reset };
}
