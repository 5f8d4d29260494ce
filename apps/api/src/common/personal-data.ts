import { BadRequestException } from '@nestjs/common';
import { detectPersonalData, listInWords, personalDataRefusal } from '@commons/domain';

/** A field's value as a service receives it: text, a list of texts (tags), or absent. */
export type CheckedValue = string | readonly string[] | null | undefined;

/** field → message for every field whose text looks like personal data; empty when all are clean. */
export function personalDataFields(fields: Record<string, CheckedValue>): Record<string, string> {
  const found: Record<string, string> = {};
  for (const [field, value] of Object.entries(fields)) {
    const texts = value == null ? [] : typeof value === 'string' ? [value] : value;
    const kinds = [...new Set(texts.flatMap((t) => detectPersonalData(t).map((f) => f.kind)))];
    if (kinds.length) found[field] = personalDataRefusal(kinds);
  }
  return found;
}

/**
 * Text that everyone would see at once (titles, descriptions, notes…) is refused outright when it looks
 * like personal data: there is no moderation step in front of it. Call before anything is written; a
 * refused write changes no row and records no event. 400 naming every offending field.
 */
export function refusePersonalData(fields: Record<string, CheckedValue>): void {
  const found = personalDataFields(fields);
  const names = Object.keys(found);
  if (names.length === 0) return;
  throw new BadRequestException({ message: `This looks like personal data: remove it from ${listInWords(names)} before saving`, fields: found });
}
