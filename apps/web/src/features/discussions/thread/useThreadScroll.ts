import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api';
import { keys } from '../../../queryClient';
import type { MessagesState } from '../messages';
import { oldest } from './useThread';

/** How close to the bottom (px) still counts as "at the bottom". */
const NEAR = 40;

interface Options {
  threadId: number;
  me?: string;
  /** the messages as rendered (undefined until loaded) */
  messages?: MessagesState;
  /** where the reader had read up to when the thread opened */
  readAtOpen: number | null;
  current(): MessagesState | undefined;
  loadOlder(limit?: number, before?: () => void): Promise<boolean>;
}

/**
 * The message list's scrolling: opens at the first unread (or the bottom), keeps the place when older
 * messages go in above, follows new ones at the bottom or counts them, and records reading.
 */
export function useThreadScroll({ threadId, me, messages, readAtOpen, current, loadOlder }: Options) {
  const queryClient = useQueryClient();
  const [newBelow, setNewBelow] = useState(0);
  const listRef = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  const prepend = useRef<{ height: number; top: number } | null>(null);
  const lastSeqSeen = useRef(0);
  const initialScrollDone = useRef(false);
  const stickNext = useRef(false);
  const jumpPending = useRef(false);
  const readSent = useRef(0);

  const markRead = useCallback(() => {
    const s = current();
    if (!me || !s || !atBottom.current || document.hidden) return;
    const last = s.order.length ? (s.byId.get(s.order[s.order.length - 1])?.seq ?? 0) : 0;
    if (last <= Math.max(readSent.current, readAtOpen ?? 0)) return;
    readSent.current = last;
    api<{ lastReadSeq: number; unread: number }>('PUT', `/api/threads/${threadId}/read`, { seq: last })
      .then(() => {
        void queryClient.invalidateQueries({ queryKey: keys.unreadThreads(me) });
        void queryClient.invalidateQueries({ queryKey: ['threads', 'list'] });
      })
      .catch(() => {
        readSent.current = 0; // try again next time
      });
  }, [current, me, queryClient, readAtOpen, threadId]);

  useEffect(() => {
    document.addEventListener('visibilitychange', markRead);
    return () => document.removeEventListener('visibilitychange', markRead);
  }, [markRead]);

  const scrollToBottom = useCallback(() => {
    const el = listRef.current;
    if (!el) return;
    el.scrollTop = el.scrollHeight;
    atBottom.current = true;
    setNewBelow(0);
    markRead();
  }, [markRead]);

  const scrollToDivider = useCallback(() => {
    const el = listRef.current;
    const divider = el?.querySelector<HTMLElement>('.app-unread-divider');
    if (!el || !divider) return false;
    el.scrollTop = Math.max(0, divider.offsetTop - 8);
    atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < NEAR;
    return true;
  }, []);

  // keep the scroll position sensible whenever the list changes
  useLayoutEffect(() => {
    const el = listRef.current;
    if (!el || !messages?.loaded) return;
    const all = messages.order.map((id) => messages.byId.get(id)!);
    const last = all.length ? all[all.length - 1].seq : 0;

    if (!initialScrollDone.current) {
      initialScrollDone.current = true;
      lastSeqSeen.current = last;
      if (!scrollToDivider()) el.scrollTop = el.scrollHeight;
      atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < NEAR;
      markRead();
      return;
    }
    if (jumpPending.current) {
      jumpPending.current = false;
      prepend.current = null;
      scrollToDivider();
      return;
    }
    if (prepend.current) {
      // older messages went in above: keep what the reader was looking at where it was
      el.scrollTop = prepend.current.top + (el.scrollHeight - prepend.current.height);
      prepend.current = null;
      return;
    }
    if (last > lastSeqSeen.current) {
      const fresh = all.filter((m) => m.seq > lastSeqSeen.current && m.author.id !== me).length;
      lastSeqSeen.current = last;
      if (atBottom.current || stickNext.current) {
        stickNext.current = false;
        el.scrollTop = el.scrollHeight;
        atBottom.current = true;
      } else if (fresh > 0) {
        setNewBelow((n) => n + fresh);
      }
    } else if (atBottom.current) {
      // an edit or a reaction changed a height: stay at the bottom
      el.scrollTop = el.scrollHeight;
    }
    markRead();
  }, [messages, me, markRead, scrollToDivider]);

  /** Older messages, keeping the reader's place. */
  const older = useCallback(
    (limit?: number) =>
      loadOlder(limit, () => {
        const el = listRef.current;
        prepend.current = el ? { height: el.scrollHeight, top: el.scrollTop } : null;
      }),
    [loadOlder],
  );

  async function jumpToFirstUnread() {
    if (readAtOpen === null) return;
    // fetch back until the first unread message is here, then scroll to the divider
    for (let i = 0; i < 20; i++) {
      const s = current();
      if (!s?.hasOlder || oldest(s) <= readAtOpen + 1) break;
      if (!(await older(100))) break;
    }
    if (!scrollToDivider()) jumpPending.current = true;
  }

  function onScroll() {
    const el = listRef.current;
    if (!el) return;
    atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < NEAR;
    if (atBottom.current) {
      if (newBelow) setNewBelow(0);
      markRead();
    }
    if (el.scrollTop < 60 && current()?.hasOlder) void older();
  }

  /** The reader's own message: follow it to the bottom. */
  const stickToBottom = useCallback(() => {
    stickNext.current = true;
  }, []);

  return { listRef, newBelow, onScroll, scrollToBottom, jumpToFirstUnread, older, stickToBottom };
}
