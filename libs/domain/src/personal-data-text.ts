import type { FindingKind } from './moderation/types';

/** How each kind of finding reads: as a label ("NHS number") and in a sentence ("an NHS number"). */
const KINDS: Record<FindingKind, { label: string; phrase: string }> = {
  nhs_number: { label: 'NHS number', phrase: 'an NHS number' },
  upn: { label: 'UPN', phrase: 'a unique pupil number (UPN)' },
  ni_number: { label: 'National Insurance number', phrase: 'a National Insurance number' },
  postcode: { label: 'Postcode', phrase: 'a postcode' },
  address: { label: 'Address', phrase: 'an address' },
  email: { label: 'Email address', phrase: 'an email address' },
  phone: { label: 'Phone number', phrase: 'a phone number' },
  social_handle: { label: 'Social media handle', phrase: 'a social media handle' },
  date_of_birth: { label: 'Date of birth', phrase: 'a date of birth' },
  local_id: { label: 'Case system id', phrase: 'a case system id' },
  name: { label: 'Name', phrase: 'a name' },
};

export function kindLabel(kind: string): string {
  return KINDS[kind as FindingKind]?.label ?? kind.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());
}

const kindPhrase = (kind: string) => KINDS[kind as FindingKind]?.phrase ?? `a ${kind.replace(/_/g, ' ')}`;

/** "a, b and c". */
export function listInWords(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** What the API answers, and the form shows as you type, for a field refused because it looks like personal data. */
export function personalDataRefusal(kinds: readonly string[]): string {
  return `This looks like personal data (${listInWords([...new Set(kinds)].map(kindPhrase))}). Remove it before saving.`;
}

/** The warning for a message or feedback, which is held for moderators rather than refused. */
export function personalDataHoldWarning(kinds: readonly string[]): string {
  return `This looks like ${listInWords([...new Set(kinds)].map(kindPhrase))}. Please remove personal details about children or families before sending. If you send it, a moderator checks it before anyone else can see it.`;
}
