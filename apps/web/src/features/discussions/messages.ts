import type { Message, Reaction } from './common';

/**
 * Every message seen in one thread, by id. HTTP pages and live events merge here: a message is never
 * listed twice, and a later version of a message never gives way to an earlier one.
 */
export interface MessagesState {
  byId: Map<number, Message>;
  /** ids in seq order (oldest first) */
  order: number[];
  /** older pages may exist before the first loaded message */
  hasOlder: boolean;
  loaded: boolean;
}

export type MessagesAction =
  | { type: 'reset' }
  | { type: 'page'; items: Message[]; hasMore: boolean; older: boolean }
  | { type: 'upsert'; message: Message; live?: boolean }
  | { type: 'deleted'; id: number }
  | { type: 'hidden'; id: number; keep: boolean }
  | { type: 'reactions'; messageId: number; reactions: Reaction[] };

export const initialMessages: MessagesState = { byId: new Map(), order: [], hasOlder: false, loaded: false };

/** Which of two copies of the same message to keep. */
function fresher(known: Message | undefined, incoming: Message, preferIncoming: boolean): Message {
  if (!known) return incoming;
  if (known.state === 'deleted' && incoming.state !== 'deleted') return known;
  if (incoming.state === 'deleted') return incoming;
  const k = known.editedAt ?? '';
  const i = incoming.editedAt ?? '';
  if (i > k) return incoming;
  if (k > i) return known;
  return preferIncoming ? incoming : known;
}

function sortIds(byId: Map<number, Message>): number[] {
  return [...byId.values()].sort((a, b) => a.seq - b.seq).map((m) => m.id);
}

export function messagesReducer(s: MessagesState, a: MessagesAction): MessagesState {
  switch (a.type) {
    case 'reset':
      return initialMessages;
    case 'page': {
      const byId = new Map(s.byId);
      // a page is a snapshot that may be older than the live events merged meanwhile
      for (const m of a.items) byId.set(m.id, fresher(byId.get(m.id), m, false));
      return {
        byId,
        order: sortIds(byId),
        // the first page (latest) says whether anything is older; an older page says whether still more is
        hasOlder: a.older || !s.loaded ? a.hasMore : s.hasOlder,
        loaded: true,
      };
    }
    case 'upsert': {
      const known = s.byId.get(a.message.id);
      const next = fresher(known, a.message, true);
      if (next === known) return s;
      const byId = new Map(s.byId).set(next.id, next);
      return { ...s, byId, order: known ? s.order : sortIds(byId) };
    }
    case 'deleted': {
      const known = s.byId.get(a.id);
      if (!known || known.state === 'deleted') return s;
      const byId = new Map(s.byId).set(a.id, { ...known, state: 'deleted', body: null, reactions: [] });
      return { ...s, byId };
    }
    case 'hidden': {
      const known = s.byId.get(a.id);
      if (!known) return s;
      const byId = new Map(s.byId);
      if (a.keep) byId.set(a.id, { ...known, state: 'held' });
      else byId.delete(a.id);
      return { ...s, byId, order: a.keep ? s.order : s.order.filter((id) => id !== a.id) };
    }
    case 'reactions': {
      const known = s.byId.get(a.messageId);
      if (!known) return s;
      return { ...s, byId: new Map(s.byId).set(known.id, { ...known, reactions: a.reactions }) };
    }
  }
}
