import { useCallback, useEffect, useLayoutEffect, useMemo, useReducer, useRef, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Message as MessageSchema, Thread as ThreadSchema } from '@commons/domain';
import { topics, type EventEnvelope } from '@commons/realtime';
import { api, ApiError } from '../api';
import { WatchControl } from '../components/WatchControl';
import { isModerator, useAuth } from '../auth';
import { WarningText } from '../components/forms';
import { Composer } from '../components/discussions/Composer';
import { MessageItem } from '../components/discussions/MessageItem';
import { READ_EVENT, ThreadTags, plural, type Message, type Person, type Reaction, type ReaderThread, type Thread } from '../components/discussions/common';
import { initialMessages, messagesReducer } from '../components/discussions/messages';
import { usePresence, useRealtime, useTopic, useTyping } from '../realtime';
import { usePageTitle } from '../usePageTitle';
import { NotFound } from './NotFound';

const PAGE = 50;
/** How close to the bottom (px) still counts as "at the bottom". */
const NEAR = 40;
/** A typing signal this soon after the person's message is the one that led to it. */
const TYPING_AFTER_POST_MS = 3000;

interface Page {
  items: Message[];
  hasMore: boolean;
}

const messagesPath = (threadId: number, cursor?: { before?: number; after?: number }, limit = PAGE) => {
  const q = new URLSearchParams({ limit: String(limit) });
  if (cursor?.before !== undefined) q.set('before', String(cursor.before));
  if (cursor?.after !== undefined) q.set('after', String(cursor.after));
  return `/api/threads/${threadId}/messages?${q}`;
};

function typingLine(people: Person[]): string {
  if (people.length === 0) return '';
  if (people.length === 1) return `${people[0].displayName} is typing…`;
  if (people.length === 2) return `${people[0].displayName} and ${people[1].displayName} are typing…`;
  return `${people.length} people are typing…`;
}

function subjectLink(thread: Thread) {
  if (thread.subjectType === 'tool' && thread.subjectId) return { to: `/tools/${thread.subjectId}`, label: `Back to the tool ${thread.subjectId}` };
  return { to: '/discussions', label: 'Back to discussions' };
}

function ThreadView({ threadId }: { threadId: number }) {
  const { user } = useAuth();
  const me = user?.id;
  const moderator = isModerator(user);
  const admin = !!user?.roles.includes('admin');
  const topic = topics.thread(threadId);

  const [thread, setThread] = useState<ReaderThread | null>(null);
  const [loadError, setLoadError] = useState<ApiError | Error | null>(null);
  const [s, dispatch] = useReducer(messagesReducer, initialMessages);
  /** where the reader had read up to when the thread opened: the unread divider sits after it */
  const [readAtOpen, setReadAtOpen] = useState<number | null>(null);
  const [newBelow, setNewBelow] = useState(0);
  const [replyTo, setReplyTo] = useState<Message | null>(null);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const [threadError, setThreadError] = useState<string>();

  const listRef = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  const stateRef = useRef(s);
  stateRef.current = s;
  const prepend = useRef<{ height: number; top: number } | null>(null);
  const lastSeqSeen = useRef(0);
  const initialScrollDone = useRef(false);
  const stickNext = useRef(false);
  const jumpPending = useRef(false);
  const readSent = useRef(0);
  const olderBusy = useRef(false);
  /** when each person last posted: their typing signal ends with the message */
  const postedAt = useRef(new Map<string, number>());

  const presence = usePresence(topic);
  const typing = useTyping(topic);
  usePageTitle(thread ? (newBelow > 0 ? `(${newBelow}) ${thread.title}` : thread.title) : 'Discussion');

  // ---- live: follow first, then load; the reducer merges both by id
  const liveError = useTopic(topic, (event: EventEnvelope) => {
    const type = event.type as string;
    const payload = event.payload as Record<string, unknown>;
    switch (type) {
      case 'message.created':
      case 'message.updated': {
        const parsed = MessageSchema.safeParse(payload);
        if (!parsed.success) return;
        const m = parsed.data;
        if (m.state === 'held' && m.author.id !== me && !moderator) return;
        if (type === 'message.created') {
          postedAt.current.set(m.author.id, Date.now());
          // a jump in positions: something was missed (or is held); ask for what lies between
          const list = stateRef.current;
          const last = list.order.length ? list.byId.get(list.order[list.order.length - 1])!.seq : 0;
          if (list.loaded && m.seq > last + 1) void catchUp();
        }
        dispatch({ type: 'upsert', message: m, live: true });
        if (type === 'message.created' && m.author.id !== me) setAnnouncement(`New message from ${m.author.displayName}`);
        return;
      }
      case 'message.deleted':
        if (typeof payload.id === 'number') dispatch({ type: 'deleted', id: payload.id });
        return;
      case 'message.hidden': {
        if (typeof payload.id !== 'number') return;
        const known = stateRef.current.byId.get(payload.id);
        dispatch({ type: 'hidden', id: payload.id, keep: moderator || (!!known && known.author.id === me) });
        return;
      }
      case 'reactions.changed':
        if (typeof payload.messageId === 'number' && Array.isArray(payload.reactions))
          dispatch({ type: 'reactions', messageId: payload.messageId, reactions: payload.reactions as Reaction[] });
        return;
      case 'thread.updated': {
        const parsed = ThreadSchema.safeParse(payload);
        if (parsed.success) setThread((t) => (t ? { ...t, ...parsed.data } : t));
        return;
      }
    }
  });

  /**
   * Everything after the newest message loaded. Live events start when the subscription is acknowledged,
   * which may be after the first page loaded; this closes that window (and any gap a live event shows).
   */
  const catchUpBusy = useRef(false);
  const catchUp = useCallback(async () => {
    if (catchUpBusy.current || !stateRef.current.loaded) return;
    catchUpBusy.current = true;
    try {
      for (let i = 0; i < 10; i++) {
        const list = stateRef.current;
        const last = list.order.length ? list.byId.get(list.order[list.order.length - 1])!.seq : 0;
        const page = await api<Page>('GET', messagesPath(threadId, { after: last }, 100));
        if (page.items.length) dispatch({ type: 'page', items: page.items, hasMore: page.hasMore, older: false });
        if (!page.hasMore || page.items.length === 0) break;
      }
    } catch {
      /* the next live event or reload will bring it */
    } finally {
      catchUpBusy.current = false;
    }
  }, [threadId]);

  // ---- the first load: the thread (with where this reader stopped) and the latest page
  const realtime = useRealtime();
  useEffect(() => {
    let current = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    Promise.all([api<{ thread: ReaderThread }>('GET', `/api/threads/${threadId}`), api<Page>('GET', messagesPath(threadId))])
      .then(([{ thread }, page]) => {
        if (!current) return;
        setThread(thread);
        setReadAtOpen(thread.lastReadSeq);
        readSent.current = thread.lastReadSeq;
        dispatch({ type: 'page', items: page.items, hasMore: page.hasMore, older: false });
        // once the live subscription is in place, fetch whatever was posted in between
        const started = Date.now();
        const waitForLive = () => {
          if (!current) return;
          if (realtime.lastSeq(topic) !== undefined) void catchUp();
          else if (Date.now() - started < 15_000) timer = setTimeout(waitForLive, 200);
        };
        waitForLive();
      })
      .catch((err: Error) => current && setLoadError(err));
    return () => {
      current = false;
      clearTimeout(timer);
    };
    // topic follows threadId
  }, [threadId, me, realtime, catchUp]);

  const messages = useMemo(() => s.order.map((id) => s.byId.get(id)!).filter(Boolean), [s]);
  const firstSeq = messages.length ? messages[0].seq : 0;
  // (only once everything after the read position is loaded: otherwise the divider would sit too late)
  const firstUnread =
    me && readAtOpen !== null && (!s.hasOlder || firstSeq <= readAtOpen + 1) ? messages.find((m) => m.seq > readAtOpen && m.author.id !== me) : undefined;
  const unreadBeforeLoaded = me && readAtOpen !== null && s.hasOlder && firstSeq > readAtOpen + 1;

  const markRead = useCallback(() => {
    if (!me || !atBottom.current || document.hidden) return;
    const list = stateRef.current;
    const last = list.order.length ? list.byId.get(list.order[list.order.length - 1])?.seq ?? 0 : 0;
    if (last <= readSent.current) return;
    readSent.current = last;
    api<{ lastReadSeq: number; unread: number }>('PUT', `/api/threads/${threadId}/read`, { seq: last })
      .then(() => window.dispatchEvent(new Event(READ_EVENT)))
      .catch(() => {
        readSent.current = 0; // try again next time
      });
  }, [me, threadId]);

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

  // ---- keep the scroll position sensible whenever the list changes
  useLayoutEffect(() => {
    const el = listRef.current;
    if (!el || !s.loaded) return;
    const list = stateRef.current;
    const all = list.order.map((id) => list.byId.get(id)!);
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
  }, [s, me, markRead, scrollToDivider]);

  const loadOlder = useCallback(
    async (limit = PAGE) => {
      const list = stateRef.current;
      if (olderBusy.current || !list.hasOlder || list.order.length === 0) return false;
      const first = list.byId.get(list.order[0])!.seq;
      olderBusy.current = true;
      setLoadingOlder(true);
      try {
        const page = await api<Page>('GET', messagesPath(threadId, { before: first }, limit));
        const el = listRef.current;
        prepend.current = el ? { height: el.scrollHeight, top: el.scrollTop } : null;
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
    [threadId],
  );

  async function jumpToFirstUnread() {
    if (readAtOpen === null) return;
    // fetch back until the first unread message is here, then scroll to the divider
    for (let i = 0; i < 20; i++) {
      const list = stateRef.current;
      const first = list.order.length ? list.byId.get(list.order[0])!.seq : 0;
      if (!list.hasOlder || first <= readAtOpen + 1) break;
      if (!(await loadOlder(100))) break;
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
    if (el.scrollTop < 60 && stateRef.current.hasOlder) void loadOlder();
  }

  const participants = useMemo(() => {
    const seen = new Map<string, Person>();
    for (const m of messages) if (m.author.id !== me && !seen.has(m.author.id)) seen.set(m.author.id, m.author);
    return [...seen.values()].sort((a, b) => a.displayName.localeCompare(b.displayName));
  }, [messages, me]);

  const onUpdated = useCallback((m: Message) => dispatch({ type: 'upsert', message: m }), []);
  const onDeleted = useCallback((id: number) => dispatch({ type: 'deleted', id }), []);
  const onReactions = useCallback((messageId: number, reactions: Reaction[]) => dispatch({ type: 'reactions', messageId, reactions }), []);
  const onReply = useCallback((m: Message) => setReplyTo(m), []);
  const onQuoteClick = useCallback((id: number) => {
    const target = document.getElementById(`message-${id}`);
    target?.scrollIntoView({ block: 'center' });
    target?.classList.add('app-message--flash');
    setTimeout(() => target?.classList.remove('app-message--flash'), 1500);
  }, []);

  const patchThread = useCallback(
    async (change: Partial<Pick<Thread, 'pinned' | 'locked' | 'acceptedMessageId'>>) => {
      setThreadError(undefined);
      try {
        const { thread: updated } = await api<{ thread: Thread }>('PATCH', `/api/threads/${threadId}`, change);
        setThread((t) => (t ? { ...t, ...updated } : t));
      } catch (err) {
        setThreadError(err instanceof Error ? err.message : 'The thread could not be changed.');
        throw err;
      }
    },
    [threadId],
  );
  const onAccept = useCallback((id: number | null) => patchThread({ acceptedMessageId: id }), [patchThread]);

  if (loadError) {
    if (loadError instanceof ApiError && loadError.status === 404) return <NotFound />;
    if (loadError instanceof ApiError && loadError.status === 401)
      return (
        <>
          <h1 className="govuk-heading-l">Sign in to read this discussion</h1>
          <p className="govuk-body">
            <Link className="govuk-link" to="/sign-in">
              Sign in
            </Link>{' '}
            to read and take part in discussions.
          </p>
        </>
      );
    return (
      <>
        <h1 className="govuk-heading-l">Sorry, the discussion could not be loaded</h1>
        <p className="govuk-body">{loadError.message}</p>
      </>
    );
  }
  if (!thread) return <p className="govuk-body">Loading the discussion…</p>;

  const canAccept = thread.kind === 'question' && !!me && (thread.author.id === me || admin);
  const back = subjectLink(thread);
  const others = presence.filter((p) => p.id !== me);
  // the count the thread came with, plus what has arrived live since
  const messageCount = thread.messageCount + messages.filter((m) => m.seq > thread.lastSeq).length;
  const typingText = typingLine(typing.filter((p) => Date.now() - (postedAt.current.get(p.id) ?? 0) > TYPING_AFTER_POST_MS));

  return (
    <div className="app-thread" data-thread-id={thread.id}>
      <Link className="govuk-back-link govuk-!-margin-top-0" to={back.to}>
        {back.label}
      </Link>
      <div className="app-thread__header">
        <div>
          <h1 className="govuk-heading-l govuk-!-margin-bottom-2">{thread.title}</h1>
          <p className="govuk-body-s app-thread__meta">
            <ThreadTags thread={thread} /> Started by {thread.author.displayName} · {plural(Math.max(0, messageCount - 1), 'reply', 'replies')}
          </p>
          <WatchControl subjectType="thread" subjectId={String(thread.id)} />
        </div>
        {moderator && (
          <div className="govuk-button-group app-thread__mod">
            <button type="button" className="govuk-button govuk-button--secondary" onClick={() => patchThread({ pinned: !thread.pinned }).catch(() => undefined)}>
              {thread.pinned ? 'Unpin' : 'Pin'}
              <span className="govuk-visually-hidden"> this thread</span>
            </button>
            <button type="button" className="govuk-button govuk-button--secondary" onClick={() => patchThread({ locked: !thread.locked }).catch(() => undefined)}>
              {thread.locked ? 'Unlock' : 'Lock'}
              <span className="govuk-visually-hidden"> this thread</span>
            </button>
          </div>
        )}
      </div>
      {threadError && (
        <p className="govuk-error-message">
          <span className="govuk-visually-hidden">Error:</span> {threadError}
        </p>
      )}
      {liveError && <WarningText>Live updates are not available ({liveError}). Reload the page to see new messages.</WarningText>}

      <div className="app-thread__bar">
        <span className="app-presence" title={presence.map((p) => p.displayName).join(', ')} data-testid="presence">
          <span className="app-presence__dot" aria-hidden="true" />
          {presence.length <= 1 ? (others.length === 1 ? `${others[0].displayName} is here` : 'Only you are here') : `${presence.length} people here`}
        </span>
        {(firstUnread || unreadBeforeLoaded) && (
          <button type="button" className="govuk-link app-link-button" onClick={jumpToFirstUnread}>
            Jump to first unread
          </button>
        )}
      </div>

      <div className="app-thread__viewport">
        <div className="app-thread__scroll" ref={listRef} onScroll={onScroll} role="log" aria-live="off" aria-label="Messages" aria-busy={loadingOlder} tabIndex={0}>
          {s.hasOlder ? (
            <button type="button" className="govuk-button govuk-button--secondary app-thread__older" aria-disabled={loadingOlder || undefined} onClick={() => void loadOlder()}>
              {loadingOlder ? 'Loading older messages…' : 'Load older messages'}
            </button>
          ) : (
            <p className="govuk-body-s app-thread__start">This is the start of the thread.</p>
          )}
          {messages.map((m) => (
            <div key={m.id} className="app-thread__item">
              {firstUnread?.id === m.id && (
                <div className="app-unread-divider" role="separator">
                  <span>New messages</span>
                </div>
              )}
              <MessageItem
                message={m}
                parent={m.parentId !== null ? s.byId.get(m.parentId) : undefined}
                parentMissing={m.parentId !== null && !s.byId.has(m.parentId)}
                me={me}
                isModerator={moderator}
                canAccept={canAccept}
                accepted={thread.acceptedMessageId === m.id}
                locked={thread.locked}
                onReply={onReply}
                onUpdated={onUpdated}
                onDeleted={onDeleted}
                onReactions={onReactions}
                onAccept={onAccept}
                onQuoteClick={onQuoteClick}
              />
            </div>
          ))}
        </div>
        {newBelow > 0 && (
          <button type="button" className="app-new-below" onClick={scrollToBottom}>
            {plural(newBelow, 'new message')} ↓
          </button>
        )}
      </div>

      <p className="govuk-body-s app-typing" data-testid="typing">
        {typingText || '\u00a0'}
      </p>
      <div className="govuk-visually-hidden" role="status" aria-live="polite">
        {announcement}
      </div>

      {!user ? (
        <p className="govuk-body">
          <Link className="govuk-link" to="/sign-in">
            Sign in
          </Link>{' '}
          to reply.
        </p>
      ) : thread.locked && !moderator ? (
        <div className="govuk-inset-text">This thread is locked. No new messages can be posted.</div>
      ) : (
        <Composer
          threadId={thread.id}
          topic={topic}
          replyTo={replyTo}
          onCancelReply={() => setReplyTo(null)}
          participants={participants}
          onSent={(m) => {
            stickNext.current = true;
            dispatch({ type: 'upsert', message: m });
          }}
        />
      )}
    </div>
  );
}

export function ThreadPage() {
  const { id } = useParams();
  const threadId = Number(id);
  if (!Number.isSafeInteger(threadId) || threadId <= 0) return <NotFound />;
  return <ThreadView key={threadId} threadId={threadId} />;
}
