import { useState } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { api, ApiError } from '../../api';
import { useAuth } from '../../auth';
import { keys } from '../../queryClient';
import { NewThreadForm } from './NewThreadForm';
import { plural, ThreadTags, Time, type ReaderThread, type SubjectType } from './common';

const PAGE = 30;

function listPath(subjectType: SubjectType | undefined, subjectId: string | undefined, offset: number) {
  const q = new URLSearchParams();
  if (subjectType) q.set('subjectType', subjectType);
  if (subjectId) q.set('subjectId', subjectId);
  q.set('limit', String(PAGE));
  q.set('offset', String(offset));
  return `/api/threads?${q}`;
}

/**
 * The threads about one subject (pinned first), or every thread when subjectType is left out; with a
 * "Start a thread" form for signed-in members when `canStart` (it needs a subjectType).
 * Mount on a tool page as <ThreadList subjectType="tool" subjectId={slug} canStart />.
 */
export function ThreadList({
  subjectType,
  subjectId,
  canStart = false,
  allowAnnouncement,
  headingLevel = 2,
  title = 'Discussions',
}: {
  subjectType?: SubjectType;
  subjectId?: string;
  canStart?: boolean;
  allowAnnouncement?: boolean;
  headingLevel?: 2 | 3;
  title?: string;
}) {
  const { user } = useAuth();
  const [starting, setStarting] = useState(false);
  const query = useInfiniteQuery({
    queryKey: keys.threads(subjectType, subjectId, user?.id ?? null),
    queryFn: ({ pageParam }) => api<{ items: ReaderThread[]; total: number }>('GET', listPath(subjectType, subjectId, pageParam)),
    initialPageParam: 0,
    getNextPageParam: (last, pages) => {
      const loaded = pages.reduce((n, p) => n + p.items.length, 0);
      return loaded < last.total && last.items.length > 0 ? loaded : undefined;
    },
    enabled: user !== undefined,
  });
  // a thread that moved up between pages comes twice: keep its first place
  const items: ReaderThread[] = [];
  const seen = new Set<number>();
  for (const t of query.data?.pages.flatMap((p) => p.items) ?? []) if (!seen.has(t.id) && seen.add(t.id)) items.push(t);
  const total = query.data?.pages[query.data.pages.length - 1].total ?? 0;
  const loading = query.isFetching;
  const error = query.error ? (query.error instanceof ApiError && query.error.status === 401 ? 'Sign in to read the discussions.' : query.error.message) : null;

  const H = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section className="app-threads" aria-labelledby="threads-heading">
      <div className="app-threads__head">
        <H className={headingLevel === 2 ? 'govuk-heading-m' : 'govuk-heading-s'} id="threads-heading">
          {title}
          {total > 0 && <span className="govuk-caption-m app-threads__count">{plural(total, 'thread')}</span>}
        </H>
        {canStart && subjectType && user && (
          <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" aria-expanded={starting} onClick={() => setStarting((s) => !s)}>
            {starting ? 'Cancel' : 'Start a thread'}
          </button>
        )}
      </div>
      {canStart && subjectType && !user && user !== undefined && (
        <p className="govuk-body">
          <Link className="govuk-link" to="/sign-in">
            Sign in
          </Link>{' '}
          to start a thread or reply.
        </p>
      )}
      {starting && subjectType && <NewThreadForm subjectType={subjectType} subjectId={subjectId} allowAnnouncement={allowAnnouncement} />}

      {error ? (
        <div className="govuk-inset-text">{error}</div>
      ) : loading && items.length === 0 ? (
        <p className="govuk-body">Loading threads…</p>
      ) : items.length === 0 ? (
        <p className="govuk-body">There are no threads yet.{canStart && user ? ' Start the first one.' : ''}</p>
      ) : (
        <ul className="app-thread-list">
          {items.map((t) => {
            const replies = Math.max(0, t.messageCount - 1);
            return (
              <li key={t.id} className={`app-thread-row${t.unread > 0 ? ' app-thread-row--unread' : ''}`} data-thread-id={t.id}>
                <div className="app-thread-row__main">
                  <Link className="govuk-link govuk-link--no-visited-state app-thread-row__title" to={`/threads/${t.id}`}>
                    {t.title}
                  </Link>
                  <ThreadTags thread={t} />
                  {t.unread > 0 && (
                    <strong className="app-unread-badge" aria-label={`${t.unread} unread`}>
                      {t.unread} new
                    </strong>
                  )}
                </div>
                <p className="govuk-body-s app-thread-row__meta">
                  Started by {t.author.displayName}
                  {!subjectType && t.subjectType !== 'general' && t.subjectId && (
                    <>
                      {' '}
                      on{' '}
                      {t.subjectType === 'tool' ? (
                        <Link className="govuk-link" to={`/tools/${t.subjectId}`}>
                          {t.subjectId}
                        </Link>
                      ) : (
                        t.subjectId
                      )}
                    </>
                  )}
                  {' · '}
                  {plural(replies, 'reply', 'replies')}
                  {' · '}last activity <Time iso={t.lastMessageAt} />
                </p>
              </li>
            );
          })}
        </ul>
      )}
      {items.length < total && !error && (
        <button type="button" className="govuk-button govuk-button--secondary" aria-disabled={loading || undefined} onClick={() => !loading && void query.fetchNextPage()}>
          Show more threads
        </button>
      )}
    </section>
  );
}
