import { memo, useEffect, useState, type FormEvent } from 'react';
import { EditMessageInput, FlagInput, fieldsFromIssues, renderMarkdown } from '@commons/domain';
import { api } from '../../api';
import { PersonalDataWarning } from '../PersonalDataWarning';
import { Time, type Message, type Person, type Reaction } from './common';

export const QUICK_EMOJI = ['👍', '❤️', '🎉', '😄', '👀', '🙏'] as const;

const FLAG_REASONS = [
  { value: 'personal_data', label: 'It contains personal data' },
  { value: 'abusive', label: 'It is abusive' },
  { value: 'spam', label: 'It is spam' },
  { value: 'other', label: 'Something else' },
] as const;

/** The only way a message body reaches the page: the shared Markdown renderer's safe HTML. */
export function MessageBodyView({ body, className = 'app-message__body' }: { body: string; className?: string }) {
  return <div className={`govuk-body ${className}`} dangerouslySetInnerHTML={{ __html: renderMarkdown(body) }} />;
}

/** A plain, short version of a message for quotes. */
export function excerpt(body: string | null, max = 160): string {
  if (body === null) return 'This message was deleted.';
  // a rough plain-text reading of the Markdown: mentions and links keep their text, marks go
  const plainText = body
    .replace(/@\[([^\]\n]{1,80})\]\(user:[0-9a-f-]{36}\)/g, '@$1')
    .replace(/\[([^\]\n]*)\]\([^)\n]*\)/g, '$1')
    .replace(/^\s*(?:[-*+]|\d+[.)]|#{1,6}|>)\s+/gm, '')
    .replace(/[*_`~]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return plainText.length > max ? `${plainText.slice(0, max - 1)}…` : plainText;
}

interface Revision {
  body: string;
  replacedAt: string;
  replacedBy: Person;
}

function History({ messageId, version }: { messageId: number; version: string | null }) {
  const [items, setItems] = useState<Revision[]>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    let current = true;
    api<{ items: Revision[] }>('GET', `/api/messages/${messageId}/revisions`)
      .then((r) => current && setItems(r.items))
      .catch((e: Error) => current && setError(e.message));
    return () => {
      current = false;
    };
  }, [messageId, version]);
  if (error) return <p className="govuk-body-s">The history could not be loaded. {error}</p>;
  if (!items) return <p className="govuk-body-s">Loading the history…</p>;
  if (items.length === 0) return <p className="govuk-body-s">No earlier versions.</p>;
  return (
    <ol className="app-message__history" aria-label="Earlier versions, newest first">
      {[...items].reverse().map((r, i) => (
        <li key={i}>
          <p className="govuk-body-s govuk-!-margin-bottom-1">
            Replaced <Time iso={r.replacedAt} /> by {r.replacedBy.displayName}
          </p>
          <MessageBodyView body={r.body} className="app-message__body app-message__body--old" />
        </li>
      ))}
    </ol>
  );
}

function EditForm({ message, onDone }: { message: Message; onDone(updated?: Message): void }) {
  const [text, setText] = useState(message.body ?? '');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const id = `edit-${message.id}`;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const parsed = EditMessageInput.safeParse({ body: text });
    if (!parsed.success) return setError(fieldsFromIssues(parsed.error.issues).body ?? parsed.error.issues[0]?.message);
    setBusy(true);
    try {
      const { message: updated } = await api<{ message: Message }>('PATCH', `/api/messages/${message.id}`, parsed.data);
      onDone(updated);
    } catch (err) {
      setError(err instanceof Error ? err.message : 'The message could not be saved.');
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate className="app-message__edit" aria-label="Edit message">
      <div className={error ? 'govuk-form-group govuk-form-group--error' : 'govuk-form-group'}>
        <label className="govuk-label govuk-label--s" htmlFor={id}>
          Edit your message
        </label>
        {error && (
          <p className="govuk-error-message" id={`${id}-error`}>
            <span className="govuk-visually-hidden">Error:</span> {error}
          </p>
        )}
        <textarea
          className={`govuk-textarea${error ? ' govuk-textarea--error' : ''}`}
          id={id}
          rows={3}
          value={text}
          autoFocus
          aria-describedby={[error && `${id}-error`, `${id}-warning`].filter(Boolean).join(' ')}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') onDone();
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit(e);
          }}
        />
        <PersonalDataWarning id={`${id}-warning`} text={text} mode="hold" />
      </div>
      <div className="govuk-button-group">
        <button type="submit" className="govuk-button govuk-button--secondary" aria-disabled={busy || undefined}>
          Save
        </button>
        <button type="button" className="govuk-link app-link-button" onClick={() => onDone()}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function FlagForm({ messageId, onDone }: { messageId: number; onDone(): void }) {
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string>();
  const [sent, setSent] = useState(false);
  const id = `flag-${messageId}`;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const parsed = FlagInput.safeParse({ reason: reason || undefined, note: note.trim() ? note : undefined });
    if (!parsed.success) {
      const f = fieldsFromIssues(parsed.error.issues);
      return setError(f.reason ? 'Select why you are reporting this message' : (f.note ?? parsed.error.issues[0]?.message));
    }
    try {
      await api('POST', `/api/messages/${messageId}/flags`, parsed.data);
      setSent(true);
    } catch (err) {
      setError(err instanceof Error ? err.message : 'The report could not be sent.');
    }
  }

  if (sent)
    return (
      <p className="govuk-body-s app-message__flagged" role="status">
        Thank you. A moderator will look at this message.{' '}
        <button type="button" className="govuk-link app-link-button" onClick={onDone}>
          Close
        </button>
      </p>
    );
  return (
    <form onSubmit={submit} noValidate className="app-message__flag" aria-label="Report message">
      <div className={error ? 'govuk-form-group govuk-form-group--error' : 'govuk-form-group'}>
        <label className="govuk-label govuk-label--s" htmlFor={`${id}-reason`}>
          Why are you reporting this message?
        </label>
        {error && (
          <p className="govuk-error-message" id={`${id}-error`}>
            <span className="govuk-visually-hidden">Error:</span> {error}
          </p>
        )}
        <select
          className={`govuk-select${error ? ' govuk-select--error' : ''}`}
          id={`${id}-reason`}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          aria-describedby={error ? `${id}-error` : undefined}
        >
          <option value="">Choose a reason</option>
          {FLAG_REASONS.map((r) => (
            <option key={r.value} value={r.value}>
              {r.label}
            </option>
          ))}
        </select>
      </div>
      <div className="govuk-form-group">
        <label className="govuk-label govuk-label--s" htmlFor={`${id}-note`}>
          Anything else a moderator should know (optional)
        </label>
        <textarea className="govuk-textarea" id={`${id}-note`} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      <div className="govuk-button-group">
        <button type="submit" className="govuk-button govuk-button--warning">
          Report
        </button>
        <button type="button" className="govuk-link app-link-button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function Reactions({ message, me, onReactions }: { message: Message; me?: string; onReactions(r: Reaction[]): void }) {
  const [error, setError] = useState<string>();
  const byEmoji = new Map(message.reactions.map((r) => [r.emoji, r]));
  const shown = [...QUICK_EMOJI, ...message.reactions.map((r) => r.emoji).filter((e) => !(QUICK_EMOJI as readonly string[]).includes(e))];

  async function toggle(emoji: string) {
    try {
      const { reactions } = await api<{ reactions: Reaction[] }>('PUT', `/api/messages/${message.id}/reactions/${encodeURIComponent(emoji)}`);
      onReactions(reactions);
      setError(undefined);
    } catch (err) {
      setError(err instanceof Error ? err.message : 'The reaction could not be saved.');
    }
  }

  return (
    <div className="app-reactions" role="group" aria-label="Reactions">
      {shown.map((emoji) => {
        const r = byEmoji.get(emoji);
        const mine = !!me && !!r?.users.some((u) => u.id === me);
        const who = r?.users.map((u) => u.displayName).join(', ');
        const count = r?.count ?? 0;
        if (!me && count === 0) return null;
        return (
          <button
            key={emoji}
            type="button"
            className={`app-reaction${count > 0 ? ' app-reaction--used' : ''}${mine ? ' app-reaction--mine' : ''}`}
            aria-pressed={mine}
            disabled={!me}
            title={who ? `${who} reacted with ${emoji}` : `React with ${emoji}`}
            data-emoji={emoji}
            onClick={() => toggle(emoji)}
          >
            <span aria-hidden="true">{emoji}</span>
            {count > 0 && <span className="app-reaction__count">{count}</span>}
            <span className="govuk-visually-hidden">
              {count > 0 ? ` ${emoji}, ${count}: ${who}` : ` React with ${emoji}`}
            </span>
          </button>
        );
      })}
      {error && <span className="govuk-error-message govuk-!-margin-bottom-0 app-reactions__error">{error}</span>}
    </div>
  );
}

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
