import { detectPersonalData } from '@commons/domain';

/** How the detector's kinds read, in a sentence ("This looks like …") and as a label ("NHS number"). */
const KINDS: Record<string, { phrase: string; label: string }> = {
  nhs_number: { phrase: 'an NHS number', label: 'NHS number' },
  upn: { phrase: 'a unique pupil number (UPN)', label: 'UPN' },
  ni_number: { phrase: 'a National Insurance number', label: 'National Insurance number' },
  postcode: { phrase: 'a postcode', label: 'Postcode' },
  email: { phrase: 'an email address', label: 'Email address' },
  phone: { phrase: 'a phone number', label: 'Phone number' },
  date_of_birth: { phrase: 'a date of birth', label: 'Date of birth' },
};

export function kindLabel(kind: string): string {
  return KINDS[kind]?.label ?? kind.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());
}

function kindPhrase(kind: string): string {
  return KINDS[kind]?.phrase ?? `personal data (${kindLabel(kind).toLowerCase()})`;
}

function list(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * The warning for text that looks like it holds personal data, or null. It only warns: the writer
 * may still send, and moderation checks everything before anyone else sees it.
 */
export function personalDataWarning(text: string): string | null {
  if (!text.trim()) return null;
  const kinds = [...new Set(detectPersonalData(text).map((f) => f.kind))];
  if (kinds.length === 0) return null;
  return `This looks like ${list(kinds.map(kindPhrase))}. Please remove personal details about children or families before sending.`;
}
