import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { ModerationItem } from '@commons/domain';
import { topics, type EventEnvelope } from '@commons/realtime';
import { api } from '../../api';
import { useTopic } from '../../realtime';
import { describe, type Filter } from './labels';
import { initial, queuePath, reducer, type Queue } from './queue';

/**
 * The queue for a filter, live: the first page read says where the `moderation` topic starts (its
 * seq), so nothing falls in between; later reads (other filters, older pages) merge with what arrived.
 */
export function useModerationQueue(filter: Filter) {
  const [s, dispatch] = useReducer(reducer, filter, initial);
  const [unseen, setUnseen] = useState(0);
  const [announcement, setAnnouncement] = useState('');

  // Counts of items outside this view cannot be kept locally: ask again, at most once a second.
  const countsTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const refreshCounts = useCallback(() => {
    if (countsTimer.current) return;
    countsTimer.current = setTimeout(() => {
      api<Queue>('GET', queuePath('all', null, 1))
        .then(({ counts }) => dispatch({ type: 'counts', counts }))
        .catch(() => undefined)
        .finally(() => (countsTimer.current = undefined));
    }, 1000);
  }, []);
  useEffect(
    () => () => {
      clearTimeout(countsTimer.current);
      countsTimer.current = undefined;
    },
    [],
  );

  const [since, setSince] = useState<number | null>(null);
  const liveError = useTopic(
    since === null ? null : topics.moderation,
    (event: EventEnvelope) => {
      if (event.type !== 'moderation.item.created' && event.type !== 'moderation.item.updated') return;
      const item = event.payload as ModerationItem;
      const created = event.type === 'moderation.item.created';
      dispatch({ type: 'item', item, created, live: true });
      refreshCounts();
      if (created && document.hidden) setUnseen((n) => n + 1);
      setAnnouncement(created ? `New ${item.subjectType === 'message' ? 'message' : 'feedback'} on ${item.content.page}` : describe(item));
    },
    since ?? undefined,
  );

  useEffect(() => {
    const seen = () => !document.hidden && setUnseen(0);
    document.addEventListener('visibilitychange', seen);
    return () => document.removeEventListener('visibilitychange', seen);
  }, []);

  const load = useCallback((f: Filter, before?: number | null) => {
    let current = true;
    api<Queue>('GET', queuePath(f, before))
      .then((queue) => {
        if (!current) return;
        setSince((seen) => seen ?? queue.seq);
        dispatch({ type: 'loaded', filter: f, queue, append: !!before });
      })
      .catch((e: Error) => current && dispatch({ type: 'failed', filter: f, error: e.message }));
    return () => {
      current = false;
    };
  }, []);

  useEffect(() => {
    dispatch({ type: 'filter', filter });
    return load(filter);
  }, [filter, load]);

  const onItem = useCallback((item: ModerationItem) => dispatch({ type: 'item', item }), []);
  const more = useCallback(() => load(filter, s.oldest), [filter, load, s.oldest]);
  return { s, unseen, announcement, liveError, onItem, more };
}
