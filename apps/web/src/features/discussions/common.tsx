import type { Message, Thread } from '@commons/domain';
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
