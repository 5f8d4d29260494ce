import { Link } from 'react-router-dom';
import { ApiError } from '../../../api';
import { NotFound } from '../../../pages/NotFound';
import { WatchControl } from '../../notifications/WatchControl';
import { plural, ThreadTags, type Person, type Thread } from '../common';

export function typingLine(people: Person[]): string {
  if (people.length === 0) return '';
  if (people.length === 1) return `${people[0].displayName} is typing…`;
  if (people.length === 2) return `${people[0].displayName} and ${people[1].displayName} are typing…`;
  return `${people.length} people are typing…`;
}

function subjectLink(thread: Thread) {
  if (thread.subjectType === 'tool' && thread.subjectId) return { to: `/tools/${thread.subjectId}`, label: `Back to the tool ${thread.subjectId}` };
  return { to: '/discussions', label: 'Back to discussions' };
}

/** Why the thread is not shown: not found, signed out, or another failure. */
export function ThreadLoadError({ error }: { error: Error }) {
  if (error instanceof ApiError && error.status === 404) return <NotFound />;
  if (error instanceof ApiError && error.status === 401)
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
      <p className="govuk-body">{error.message}</p>
    </>
  );
}

/** The back link, title, tags and reply count, the watch control, and the moderators' pin and lock. */
export function ThreadHeader({
  thread,
  replies,
  moderator,
  onPatch,
}: {
  thread: Thread;
  replies: number;
  moderator: boolean;
  onPatch(change: Partial<Pick<Thread, 'pinned' | 'locked'>>): Promise<void>;
}) {
  const back = subjectLink(thread);
  return (
    <>
      <Link className="govuk-back-link govuk-!-margin-top-0" to={back.to}>
        {back.label}
      </Link>
      <div className="app-thread__header">
        <div>
          <h1 className="govuk-heading-l govuk-!-margin-bottom-2">{thread.title}</h1>
          <p className="govuk-body-s app-thread__meta">
            <ThreadTags thread={thread} /> Started by {thread.author.displayName} · {plural(replies, 'reply', 'replies')}
          </p>
          <WatchControl subjectType="thread" subjectId={String(thread.id)} />
        </div>
        {moderator && (
          <div className="govuk-button-group app-thread__mod">
            <button type="button" className="govuk-button govuk-button--secondary" onClick={() => onPatch({ pinned: !thread.pinned }).catch(() => undefined)}>
              {thread.pinned ? 'Unpin' : 'Pin'}
              <span className="govuk-visually-hidden"> this thread</span>
            </button>
            <button type="button" className="govuk-button govuk-button--secondary" onClick={() => onPatch({ locked: !thread.locked }).catch(() => undefined)}>
              {thread.locked ? 'Unlock' : 'Lock'}
              <span className="govuk-visually-hidden"> this thread</span>
            </button>
          </div>
        )}
      </div>
    </>
  );
}

/** Who else is here, and the way back to where the reader stopped. */
export function ThreadBar({ presence, me, onJump }: { presence: Person[]; me?: string; onJump?: () => void }) {
  const others = presence.filter((p) => p.id !== me);
  return (
    <div className="app-thread__bar">
      <span className="app-presence" title={presence.map((p) => p.displayName).join(', ')} data-testid="presence">
        <span className="app-presence__dot" aria-hidden="true" />
        {presence.length <= 1 ? (others.length === 1 ? `${others[0].displayName} is here` : 'Only you are here') : `${presence.length} people here`}
      </span>
      {onJump && (
        <button type="button" className="govuk-link app-link-button" onClick={onJump}>
          Jump to first unread
        </button>
      )}
    </div>
  );
}
