import { useEffect, useState } from 'react';
import { useLocation } from 'react-router-dom';
import { topics } from '@commons/realtime';
import type { Message, Thread } from '@commons/domain';
import { api } from '../../api';
import { useAuth } from '../../auth';
import { useTopic } from '../../realtime';
import './discussions.css';

export type ThreadKind = Thread['kind'];
export type SubjectType = Thread['subjectType'];
/** A thread as one reader sees it (GET /api/threads, GET /api/threads/:id). */
export type ReaderThread = Thread & { lastReadSeq: number; unread: number };
export type { Message, Thread };
export type Reaction = Message['reactions'][number];
export interface Person {
  id: string;
  displayName: string;
}

export const KINDS: Record<ThreadKind, { label: string; tag: string }> = {
  discussion: { label: 'Discussion', tag: 'govuk-tag--blue' },
  question: { label: 'Question', tag: 'govuk-tag--purple' },
  announcement: { label: 'Announcement', tag: 'govuk-tag--orange' },
};

const dateTime = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
const timeOnly = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });

/** "20:15" today, "24 Nov 2026, 20:15" otherwise; the full date is in the title. */
export function Time({ iso, className }: { iso: string; className?: string }) {
  const d = new Date(iso);
  const today = new Date().toDateString() === d.toDateString();
  return (
    <time dateTime={iso} className={className} title={dateTime.format(d)}>
      {today ? `today at ${timeOnly.format(d)}` : dateTime.format(d)}
    </time>
  );
}

export function ThreadTags({ thread }: { thread: Pick<Thread, 'kind' | 'pinned' | 'locked' | 'acceptedMessageId'> }) {
  return (
    <span className="app-thread-tags">
      <strong className={`govuk-tag ${KINDS[thread.kind].tag}`}>{KINDS[thread.kind].label}</strong>
      {thread.pinned && <strong className="govuk-tag govuk-tag--yellow">Pinned</strong>}
      {thread.locked && <strong className="govuk-tag govuk-tag--grey">Locked</strong>}
      {thread.kind === 'question' && thread.acceptedMessageId !== null && <strong className="govuk-tag govuk-tag--green">Answered</strong>}
    </span>
  );
}

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Fired (on window) whenever this tab records reading, so the unread total can refresh at once. */
export const READ_EVENT = 'commons:threads-read';

/** The signed-in reader's unread total across threads; refreshes on navigation, after reading, and every minute. */
export function useUnreadTotal(): number {
  const { user } = useAuth();
  const { pathname } = useLocation();
  const [total, setTotal] = useState(0);
  const signedIn = !!user;
  // a notification (a mention, a reply) usually means something new to read
  useTopic(user ? topics.user(user.id) : null, (event) => {
    if (event.type === 'notification.created') window.dispatchEvent(new Event(READ_EVENT));
  });

  useEffect(() => {
    if (!signedIn) {
      setTotal(0);
      return;
    }
    let current = true;
    const load = () =>
      api<{ total: number }>('GET', '/api/threads/unread')
        .then((r) => current && setTotal(typeof r?.total === 'number' ? r.total : 0))
        .catch(() => undefined);
    void load();
    const timer = setInterval(load, 60_000);
    window.addEventListener(READ_EVENT, load);
    return () => {
      current = false;
      clearInterval(timer);
      window.removeEventListener(READ_EVENT, load);
    };
  }, [signedIn, pathname]);

  return total;
}

/** A small count next to the Discussions link in the menu. */
export function UnreadBadge() {
  const total = useUnreadTotal();
  if (total <= 0) return null;
  return (
    <span className="app-unread-badge" data-testid="unread-total">
      {total > 99 ? '99+' : total}
      <span className="govuk-visually-hidden"> unread</span>
    </span>
  );
}
