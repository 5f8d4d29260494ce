import { useCallback, useRef, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Message as MessageSchema, Thread as ThreadSchema } from '@commons/domain';
import { topics, type EventEnvelope } from '@commons/realtime';
import { api } from '../../../api';
import { isModerator, useAuth } from '../../../auth';
import { keys } from '../../../queryClient';
import { useTopic } from '../../../realtime';
import type { Message, Reaction, ReaderThread, Thread } from '../common';
import { initialMessages, messagesReducer, type MessagesAction, type MessagesState } from '../messages';

export const PAGE = 50;

interface Page {
  items: Message[];
  hasMore: boolean;
}

/** What the thread page keeps in the query cache: the thread as this reader sees it and every message seen. */
export interface ThreadData {
  thread: ReaderThread;
  messages: MessagesState;
  /** The `thread:<id>` topic's seq the thread was read at: live events follow from it. */
  seq: number;
}

export const messagesPath = (threadId: number, cursor?: { before?: number; after?: number }, limit = PAGE) => {
  const q = new URLSearchParams({ limit: String(limit) });
  if (cursor?.before !== undefined) q.set('before', String(cursor.before));
  if (cursor?.after !== undefined) q.set('after', String(cursor.after));
  return `/api/threads/${threadId}/messages?${q}`;
};

export const oldest = (s: MessagesState) => (s.order.length ? s.byId.get(s.order[0])!.seq : 0);

async function loadThread(threadId: number): Promise<ThreadData> {
  // The thread (with the seq) first, the latest page after it: the page is then at least as new as the seq.
  const { thread, seq } = await api<{ thread: ReaderThread; seq: number }>('GET', `/api/threads/${threadId}`);
  const page = await api<Page>('GET', messagesPath(threadId));
  return { thread, seq, messages: messagesReducer(initialMessages, { type: 'page', items: page.items, hasMore: page.hasMore, older: false }) };
}

/**
 * One thread, live: loaded once into the query cache, then kept current by the `thread:<id>` topic,
 * subscribed from the seq it was read at (the realtime client replays what was missed and fills gaps).
 */
export function useThread(threadId: number, on: { posted(message: Message): void }) {
  const { user } = useAuth();
  const me = user?.id;
  const moderator = isModerator(user);
  const topic = topics.thread(threadId);
  const queryClient = useQueryClient();
  const [threadError, setThreadError] = useState<string>();
  const [loadingOlder, setLoadingOlder] = useState(false);
  const olderBusy = useRef(false);

  const key = keys.thread(threadId, me ?? null);
  const query = useQuery({
    queryKey: key,
    queryFn: () => loadThread(threadId),
    enabled: user !== undefined,
    // live events keep it current; a later visit reads it afresh (with the reader's new position)
    staleTime: Infinity,
    gcTime: 0,
  });
  const data = query.data;

  const current = useCallback(() => queryClient.getQueryData<ThreadData>(keys.thread(threadId, me ?? null)), [queryClient, threadId, me]);
  const dispatch = useCallback(
    (action: MessagesAction) =>
      queryClient.setQueryData<ThreadData>(keys.thread(threadId, me ?? null), (d) => {
        if (!d) return d;
        const messages = messagesReducer(d.messages, action);
        return messages === d.messages ? d : { ...d, messages };
      }),
    [queryClient, threadId, me],
  );
  const setThread = useCallback(
    (change: Partial<Thread>) => queryClient.setQueryData<ThreadData>(keys.thread(threadId, me ?? null), (d) => d && { ...d, thread: { ...d.thread, ...change } }),
    [queryClient, threadId, me],
  );

  const onEvent = (event: EventEnvelope) => {
    const type = event.type as string;
    const payload = event.payload as Record<string, unknown>;
    switch (type) {
      case 'message.created':
      case 'message.updated': {
        const parsed = MessageSchema.safeParse(payload);
        if (!parsed.success) return;
        const m = parsed.data;
        if (m.state === 'held' && m.author.id !== me && !moderator) return;
        dispatch({ type: 'upsert', message: m, live: true });
        if (type === 'message.created') on.posted(m);
        return;
      }
      case 'message.deleted':
        if (typeof payload.id === 'number') dispatch({ type: 'deleted', id: payload.id });
        return;
      case 'message.hidden': {
        if (typeof payload.id !== 'number') return;
        const known = current()?.messages.byId.get(payload.id);
        dispatch({ type: 'hidden', id: payload.id, keep: moderator || (!!known && known.author.id === me) });
        return;
      }
      case 'reactions.changed':
        if (typeof payload.messageId === 'number' && Array.isArray(payload.reactions))
          dispatch({ type: 'reactions', messageId: payload.messageId, reactions: payload.reactions as Reaction[] });
        return;
      case 'thread.updated': {
        const parsed = ThreadSchema.safeParse(payload);
        if (parsed.success) setThread(parsed.data);
        return;
      }
    }
  };
  const liveError = useTopic(data ? topic : null, onEvent, data?.seq);

  const loadOlder = useCallback(
    async (limit = PAGE, before?: () => void) => {
      const s = current()?.messages;
      if (olderBusy.current || !s?.hasOlder || s.order.length === 0) return false;
      olderBusy.current = true;
      setLoadingOlder(true);
      try {
        const page = await api<Page>('GET', messagesPath(threadId, { before: oldest(s) }, limit));
        before?.();
        dispatch({ type: 'page', items: page.items, hasMore: page.hasMore, older: true });
        return true;
      } catch (err) {
        setThreadError(err instanceof Error ? `Older messages could not be loaded. ${err.message}` : 'Older messages could not be loaded.');
        return false;
      } finally {
        olderBusy.current = false;
        setLoadingOlder(false);
      }
    },
    [current, dispatch, threadId],
  );

  const patchThread = useCallback(
    async (change: Partial<Pick<Thread, 'pinned' | 'locked' | 'acceptedMessageId'>>) => {
      setThreadError(undefined);
      try {
        const { thread: updated } = await api<{ thread: Thread }>('PATCH', `/api/threads/${threadId}`, change);
        setThread(updated);
      } catch (err) {
        setThreadError(err instanceof Error ? err.message : 'The thread could not be changed.');
        throw err;
      }
    },
    [setThread, threadId],
  );

  return { topic, data, loadError: query.error, liveError, threadError, loadingOlder, current, dispatch, loadOlder, patchThread };
}
