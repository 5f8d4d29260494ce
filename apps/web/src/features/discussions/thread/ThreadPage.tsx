import { useCallback, useMemo, useRef, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { isModerator, useAuth } from '../../../auth';
import { WarningText } from '../../../components/forms';
import { NotFound } from '../../../pages/NotFound';
import { usePresence, useTyping } from '../../../realtime';
import { usePageTitle } from '../../../usePageTitle';
import { Composer } from '../Composer';
import { plural, type Message, type Reaction } from '../common';
import { MessageItem } from '../message/MessageItem';
import { ThreadBar, ThreadHeader, ThreadLoadError, typingLine } from './ThreadParts';
import { useThread } from './useThread';
import { useThreadScroll } from './useThreadScroll';
import { LinkAnswer } from '../../answers/Answers';

/** A typing signal this soon after the person's message is the one that led to it. */
const TYPING_AFTER_POST_MS = 3000;

function ThreadView({ threadId }: { threadId: number }) {
  const { user } = useAuth();
  const me = user?.id;
  const moderator = isModerator(user);
  const admin = !!user?.roles.includes('admin');
  const [replyTo, setReplyTo] = useState<Message | null>(null);
  const [announcement, setAnnouncement] = useState('');
  /** when each person last posted: their typing signal ends with the message */
  const postedAt = useRef(new Map<string, number>());

  const { topic, data, loadError, liveError, threadError, loadingOlder, current, dispatch, loadOlder, patchThread } = useThread(threadId, {
    posted(m) {
      postedAt.current.set(m.author.id, Date.now());
      if (m.author.id !== me) setAnnouncement(`New message from ${m.author.displayName}`);
    },
  });
  const s = data?.messages;
  const thread = data?.thread;
  // where the reader had read up to when the thread opened: the unread divider sits after it
  const readAtOpen = thread ? thread.lastReadSeq : null;
  const currentMessages = useCallback(() => current()?.messages, [current]);
  const scroll = useThreadScroll({ threadId, me, messages: s, readAtOpen, current: currentMessages, loadOlder });

  const presence = usePresence(topic);
  const typing = useTyping(topic);
  usePageTitle(thread ? (scroll.newBelow > 0 ? `(${scroll.newBelow}) ${thread.title}` : thread.title) : 'Discussion');

  const messages = useMemo(() => (s ? s.order.map((id) => s.byId.get(id)!).filter(Boolean) : []), [s]);
  const firstSeq = messages.length ? messages[0].seq : 0;
  // (only once everything after the read position is loaded: otherwise the divider would sit too late)
  const firstUnread =
    me && readAtOpen !== null && (!s?.hasOlder || firstSeq <= readAtOpen + 1) ? messages.find((m) => m.seq > readAtOpen && m.author.id !== me) : undefined;
  const unreadBeforeLoaded = me && readAtOpen !== null && s?.hasOlder && firstSeq > readAtOpen + 1;

  const onUpdated = useCallback((m: Message) => dispatch({ type: 'upsert', message: m }), [dispatch]);
  const onDeleted = useCallback((id: number) => dispatch({ type: 'deleted', id }), [dispatch]);
  const onReactions = useCallback((messageId: number, reactions: Reaction[]) => dispatch({ type: 'reactions', messageId, reactions }), [dispatch]);
  const onReply = useCallback((m: Message) => setReplyTo(m), []);
  const onAccept = useCallback((id: number | null) => patchThread({ acceptedMessageId: id }), [patchThread]);
  const onQuoteClick = useCallback((id: number) => {
    const target = document.getElementById(`message-${id}`);
    target?.scrollIntoView({ block: 'center' });
    target?.classList.add('app-message--flash');
    setTimeout(() => target?.classList.remove('app-message--flash'), 1500);
  }, []);

  if (loadError) return <ThreadLoadError error={loadError} />;
  if (!thread || !s) return <p className="govuk-body">Loading the discussion…</p>;

  const canAccept = thread.kind === 'question' && !!me && (thread.author.id === me || admin);
  // the count the thread came with, plus what has arrived live since
  const messageCount = thread.messageCount + messages.filter((m) => m.seq > thread.lastSeq).length;
  const typingText = typingLine(typing.filter((p) => Date.now() - (postedAt.current.get(p.id) ?? 0) > TYPING_AFTER_POST_MS));

  return (
    <div className="app-thread" data-thread-id={thread.id}>
      <ThreadHeader thread={thread} replies={Math.max(0, messageCount - 1)} moderator={moderator} onPatch={patchThread} />
      {threadError && (
        <p className="govuk-error-message">
          <span className="govuk-visually-hidden">Error:</span> {threadError}
        </p>
      )}
      {moderator && (
        <p className="govuk-body-s app-thread__staff">
          <Link className="govuk-link govuk-!-margin-right-3" to={`/guides/new?fromThread=${thread.id}`}>
            Turn into a guide
          </Link>
          <LinkAnswer source={{ type: 'thread', id: thread.id }} />
        </p>
      )}
      {liveError && <WarningText>Live updates are not available ({liveError}). Reload the page to see new messages.</WarningText>}

      <ThreadBar presence={presence} me={me} onJump={firstUnread || unreadBeforeLoaded ? () => void scroll.jumpToFirstUnread() : undefined} />

      <div className="app-thread__viewport">
        <div
          className="app-thread__scroll"
          ref={scroll.listRef}
          onScroll={scroll.onScroll}
          role="log"
          aria-live="off"
          aria-label="Messages"
          aria-busy={loadingOlder}
          tabIndex={0}
        >
          {s.hasOlder ? (
            <button type="button" className="govuk-button govuk-button--secondary app-thread__older" aria-disabled={loadingOlder || undefined} onClick={() => void scroll.older()}>
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
        {scroll.newBelow > 0 && (
          <button type="button" className="app-new-below" onClick={scroll.scrollToBottom}>
            {plural(scroll.newBelow, 'new message')} ↓
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
          onSent={(m) => {
            scroll.stickToBottom();
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
