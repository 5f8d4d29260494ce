import type { ModerationItem } from '@commons/domain';
import { api } from '../../api';
import type { Filter, State } from './labels';

export type Counts = Partial<Record<State, number>>;
export interface Queue {
  items: ModerationItem[];
  counts: Counts;
  /** the moderation topic's seq when the page was read */
  seq: number;
}

export const PAGE_SIZE = 50;

/** How far an item has come: a later version of an item never gives way to an earlier one. */
const progress = (item: ModerationItem) => (item.decidedAt ? 2 : 0) + (item.checkedAt ? 1 : 0);
const fresher = (known: ModerationItem | undefined, item: ModerationItem) => (!known || progress(item) >= progress(known) ? item : known);
export const matches = (filter: Filter, item: ModerationItem) =>
  filter === 'all' || item.state === filter || (filter === 'open' && (item.state === 'pending' || item.state === 'held'));

// The queue: every item seen (by id) and the ids this view lists. Live items join the view when they
// match the filter; an item that stops matching stays where it is, changed, rather than vanish while
// a moderator reads it.

export interface QueueState {
  filter: Filter;
  byId: Map<number, ModerationItem>;
  view: number[];
  /** ids that arrived live, for a moment's highlight */
  fresh: Set<number>;
  /** ids read over HTTP: live events never carry the submitter's email or organisation */
  full: Set<number>;
  counts: Counts;
  loading: boolean;
  error: string | null;
  /** the oldest id a page of the queue brought, and whether there may be more */
  oldest: number | null;
  more: boolean;
}

export type Action =
  | { type: 'filter'; filter: Filter }
  | { type: 'loaded'; filter: Filter; queue: Queue; append: boolean }
  | { type: 'failed'; filter: Filter; error: string }
  | { type: 'counts'; counts: Counts }
  | { type: 'item'; item: ModerationItem; created?: boolean; live?: boolean };

function withContacts(item: ModerationItem, known: ModerationItem): ModerationItem {
  const organisation = item.redacted?.organisation ?? known.redacted?.organisation ?? null;
  return {
    ...item,
    content: { ...item.content, email: known.content.email, organisation: known.content.organisation },
    redacted: item.redacted && { ...item.redacted, organisation },
  };
}

const byNewest = (ids: Iterable<number>) => [...new Set(ids)].sort((a, b) => b - a);

export function reducer(s: QueueState, a: Action): QueueState {
  switch (a.type) {
    case 'filter':
      return { ...s, filter: a.filter, view: [], loading: true, error: null, oldest: null, more: false };
    case 'loaded': {
      if (a.filter !== s.filter) return s;
      const byId = new Map(s.byId);
      for (const item of a.queue.items) byId.set(item.id, fresher(byId.get(item.id), item));
      const ids = a.queue.items.map((i) => i.id);
      return {
        ...s,
        byId,
        full: new Set([...s.full, ...ids]),
        // (union: live items that arrived while the page loaded may not be in it)
        view: byNewest([...s.view, ...ids]),
        counts: a.queue.counts,
        loading: false,
        error: null,
        oldest: ids.length ? Math.min(...ids, s.oldest ?? Infinity) : s.oldest,
        more: a.queue.items.length >= PAGE_SIZE,
      };
    }
    case 'failed':
      return a.filter === s.filter ? { ...s, loading: false, error: a.error } : s;
    case 'counts':
      return { ...s, counts: a.counts };
    case 'item': {
      const known = s.byId.get(a.item.id);
      const newer = fresher(known, a.item);
      if (newer === known && a.live) return s;
      // A live copy keeps the contact details read earlier over HTTP.
      const item = a.live && known && s.full.has(known.id) ? withContacts(newer, known) : newer;
      const byId = new Map(s.byId).set(item.id, item);
      const full = a.live ? s.full : new Set(s.full).add(item.id);
      const counts = { ...s.counts };
      const from = known?.state ?? (a.created ? null : undefined);
      if (from !== undefined && from !== item.state) {
        if (from) counts[from] = Math.max(0, (counts[from] ?? 0) - 1);
        counts[item.state] = (counts[item.state] ?? 0) + 1;
      }
      const listed = s.view.includes(item.id);
      const view = listed || !matches(s.filter, item) ? s.view : byNewest([item.id, ...s.view]);
      const fresh = a.live && a.created ? new Set(s.fresh).add(item.id) : s.fresh;
      return { ...s, byId, view, counts, fresh, full };
    }
  }
}

export const initial = (filter: Filter): QueueState => ({
  filter,
  byId: new Map(),
  view: [],
  fresh: new Set(),
  full: new Set(),
  counts: {},
  loading: true,
  error: null,
  oldest: null,
  more: false,
});

export function queuePath(filter: Filter, before?: number | null, limit = PAGE_SIZE) {
  const q = new URLSearchParams();
  if (filter !== 'all') q.set('state', filter);
  q.set('limit', String(limit));
  if (before) q.set('before', String(before));
  return `/api/moderation/queue?${q}`;
}

/** The latest copy of one item. */
export async function fetchItem(id: number): Promise<ModerationItem | undefined> {
  return (await api<{ item: ModerationItem }>('GET', `/api/moderation/items/${id}`)).item;
}
