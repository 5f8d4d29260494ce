import { memo, useState } from 'react';
import { api } from '../../../api';
import { Time, type Message, type Reaction } from '../common';
import { EditForm } from './EditForm';
import { FlagForm } from './FlagForm';
import { History } from './History';
import { excerpt, MessageBodyView } from './MessageBody';
import { Reactions } from './Reactions';

export interface MessageItemProps {
  message: Message;
  parent?: Message;
  parentMissing?: boolean;
  me?: string;
  isModerator: boolean;
  /** may mark accepted answers (question thread, thread author or admin) */
  canAccept: boolean;
  accepted: boolean;
  locked: boolean;
  onReply(message: Message): void;
  onUpdated(message: Message): void;
  onDeleted(id: number): void;
  onReactions(id: number, reactions: Reaction[]): void;
  onAccept(id: number | null): Promise<void>;
  onQuoteClick(id: number): void;
}

function MessageItemView({
  message: m,
  parent,
  parentMissing,
  me,
  isModerator,
  canAccept,
  accepted,
  locked,
  onReply,
  onUpdated,
  onDeleted,
  onReactions,
  onAccept,
  onQuoteClick,
}: MessageItemProps) {
  const [mode, setMode] = useState<'view' | 'edit' | 'flag' | 'delete'>('view');
  const [historyOpen, setHistoryOpen] = useState(false);
  const [error, setError] = useState<string>();
  const mine = !!me && m.author.id === me;
  const deleted = m.state === 'deleted' || m.body === null;

  async function remove() {
    try {
      await api('DELETE', `/api/messages/${m.id}`);
      onDeleted(m.id);
    } catch (err) {
      setError(err instanceof Error ? err.message : 'The message could not be deleted.');
    }
    setMode('view');
  }

  const classes = ['app-message', accepted && 'app-message--accepted', m.state === 'held' && 'app-message--held', mine && 'app-message--mine', deleted && 'app-message--deleted']
    .filter(Boolean)
    .join(' ');
  return (
    <article className={classes} id={`message-${m.id}`} data-message-id={m.id} data-seq={m.seq} aria-labelledby={`message-${m.id}-author`}>
      <header className="app-message__head">
        <strong className="app-message__author" id={`message-${m.id}-author`}>
          {m.author.displayName}
        </strong>
        <Time iso={m.createdAt} className="app-message__time" />
        {m.editedAt && !deleted && (
          <button type="button" className="govuk-link app-link-button app-message__edited" aria-expanded={historyOpen} onClick={() => setHistoryOpen((o) => !o)}>
            edited{historyOpen ? ' (hide history)' : ''}
            <span className="govuk-visually-hidden">: {historyOpen ? 'hide' : 'show'} earlier versions</span>
          </button>
        )}
        {accepted && <strong className="govuk-tag govuk-tag--green">Accepted answer</strong>}
        {m.state === 'held' && <strong className="govuk-tag govuk-tag--red app-message__held">Held for review: it may contain personal data</strong>}
      </header>

      {m.parentId !== null && (parent || parentMissing) && (
        <blockquote className="app-message__quote">
          {parent ? (
            <button type="button" className="app-link-button app-message__quote-link" onClick={() => onQuoteClick(parent.id)}>
              <span className="app-message__quote-author">Replying to {parent.author.displayName}:</span> {excerpt(parent.state === 'deleted' ? null : parent.body)}
            </button>
          ) : (
            <span>Replying to an earlier message</span>
          )}
        </blockquote>
      )}

      {deleted ? (
        <p className="govuk-body app-message__body app-message__body--deleted">This message was deleted.</p>
      ) : mode === 'edit' ? (
        <EditForm
          message={m}
          onDone={(updated) => {
            if (updated) onUpdated(updated);
            setMode('view');
          }}
        />
      ) : (
        <MessageBodyView body={m.body!} />
      )}

      {historyOpen && !deleted && <History messageId={m.id} version={m.editedAt} />}

      {!deleted && (
        <>
          <div className="app-message__foot">
            <Reactions message={m} me={me} onReactions={(r) => onReactions(m.id, r)} />
            <div className="app-message__actions">
              {me && !locked && (
                <button type="button" className="govuk-link app-link-button" onClick={() => onReply(m)}>
                  Reply<span className="govuk-visually-hidden"> to {m.author.displayName}</span>
                </button>
              )}
              {mine && mode === 'view' && (
                <button type="button" className="govuk-link app-link-button" onClick={() => setMode('edit')}>
                  Edit<span className="govuk-visually-hidden"> your message</span>
                </button>
              )}
              {(mine || isModerator) &&
                (mode === 'delete' ? (
                  <span className="app-message__confirm">
                    Delete this message?{' '}
                    <button type="button" className="govuk-link app-link-button app-link-button--warning" onClick={remove}>
                      Yes, delete
                    </button>{' '}
                    <button type="button" className="govuk-link app-link-button" onClick={() => setMode('view')}>
                      No
                    </button>
                  </span>
                ) : (
                  <button type="button" className="govuk-link app-link-button" onClick={() => setMode('delete')}>
                    Delete<span className="govuk-visually-hidden"> message by {m.author.displayName}</span>
                  </button>
                ))}
              {canAccept && m.state === 'visible' && m.seq > 1 && (
                <button type="button" className="govuk-link app-link-button" onClick={() => onAccept(accepted ? null : m.id).catch((e: Error) => setError(e.message))}>
                  {accepted ? 'Unmark accepted answer' : 'Mark as accepted answer'}
                </button>
              )}
              {me && !mine && mode !== 'flag' && (
                <button type="button" className="govuk-link app-link-button" onClick={() => setMode('flag')}>
                  Report<span className="govuk-visually-hidden"> message by {m.author.displayName}</span>
                </button>
              )}
            </div>
          </div>
          {mode === 'flag' && <FlagForm messageId={m.id} onDone={() => setMode('view')} />}
        </>
      )}
      {error && (
        <p className="govuk-error-message">
          <span className="govuk-visually-hidden">Error:</span> {error}
        </p>
      )}
    </article>
  );
}

export const MessageItem = memo(MessageItemView);
