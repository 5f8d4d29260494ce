import { mentionToken } from '@commons/domain';

/**
 * The message box shows mentions as people read them ("@Helen Clarke"); the API reads the machine
 * form (`@[Helen Clarke](user:<uuid>)`, libs/domain/src/markdown.ts). The box keeps the people picked
 * from the list beside the text, and a readable mention becomes the machine form on sending only
 * while it is still written in full: one edited into something else is plain text again.
 */
export interface Picked {
  id: string;
  displayName: string;
}

/** What a draft is: the text as shown, and the people picked for it. */
export interface Draft {
  text: string;
  mentions: Picked[];
}

export const emptyDraft = (): Draft => ({ text: '', mentions: [] });

/** The name as the machine form keeps it (mentionToken drops "]" and line breaks). */
const tokenName = (p: Picked) => p.displayName.replace(/[\]\n]/g, '');

/** "@Helen Clarke": the readable form inserted into the box. */
export const readableMention = (p: Picked) => `@${tokenName(p)}`;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A mention starts where a word may (not inside an email address) and ends where the name does. */
const BEFORE = '(?<![\\p{L}\\p{N}_@])';
const AFTER = '(?![\\p{L}\\p{N}_])';

/** The text the API is sent: each readable mention still written in full becomes its machine form. */
export function toMachine(text: string, picked: readonly Picked[]): string {
  const byName = new Map<string, Picked>();
  for (const p of picked) if (tokenName(p)) byName.set(tokenName(p), p); // the latest pick of a name wins
  if (byName.size === 0) return text;
  // longest first: "@Helen Clarke" before "@Helen"
  const names = [...byName.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const pattern = new RegExp(`${BEFORE}@(${names.join('|')})${AFTER}`, 'gu');
  return text.replace(pattern, (_all, name: string) => mentionToken(byName.get(name)!));
}

/** The machine form's pattern, as the API parses it. */
const MACHINE = /@\[([^\]\n]{1,80})\]\(user:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\)/g;

/** A saved message's text for editing: machine mentions shown readable, their people remembered. */
export function fromMachine(body: string): Draft {
  const mentions = new Map<string, Picked>();
  const text = body.replace(MACHINE, (_all, displayName: string, id: string) => {
    mentions.set(id, { id, displayName });
    return `@${displayName}`;
  });
  return { text, mentions: [...mentions.values()] };
}

/** Adds a person to the picked list (once each). */
export function withPicked(picked: readonly Picked[], p: Picked): Picked[] {
  return [...picked.filter((x) => x.id !== p.id), { id: p.id, displayName: p.displayName }];
}

/**
 * The "@name" being typed just before the caret: where its "@" is and the name so far (a word or
 * three, and the space before the next word), or null. "@" alone asks for nothing yet.
 */
export function mentionQuery(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(Math.max(0, caret - 60), caret);
  const m = /(?<![\p{L}\p{N}_@])@([\p{L}\p{N}][\p{L}\p{N}'’.-]*(?: [\p{L}\p{N}'’.-]+){0,2} ?)$/u.exec(before);
  if (!m) return null;
  return { start: caret - m[0].length, query: m[1] };
}

/** The text with the query at `start` (up to the caret) replaced by a readable mention and a space. */
export function insertMention(text: string, start: number, caret: number, p: Picked): { text: string; caret: number } {
  const inserted = `${readableMention(p)} `;
  const rest = text.slice(caret).replace(/^ /, '');
  return { text: `${text.slice(0, start)}${inserted}${rest}`, caret: start + inserted.length };
}
