import { useEffect, useRef, useState, type FormEvent } from 'react';
import { PostMessageInput, fieldsFromIssues, mentionToken } from '@commons/domain';
import type { Topic } from '@commons/realtime';
import { ApiError, api } from '../../api';
import { useRealtime } from '../../realtime';
import { PersonalDataWarning } from '../../components/PersonalDataWarning';
import { excerpt } from './message/MessageBody';
import type { Message, Person } from './common';

/** The message box at the foot of a thread: reply, mention, typing signal, Ctrl+Enter to send. */
export function Composer({
  threadId,
  topic,
  replyTo,
  onCancelReply,
  participants,
  onSent,
}: {
  threadId: number;
  topic: Topic;
  replyTo: Message | null;
  onCancelReply(): void;
  participants: Person[];
  onSent(message: Message): void;
}) {
  const realtime = useRealtime();
  const [text, setText] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [retryUntil, setRetryUntil] = useState(0);
  const box = useRef<HTMLTextAreaElement>(null);
  const pending = useRef(false);

  useEffect(() => {
    if (replyTo) box.current?.focus();
  }, [replyTo]);

  // A rate limit clears itself.
  useEffect(() => {
    if (!retryUntil) return;
    const t = setTimeout(() => setRetryUntil(0), Math.max(0, retryUntil - Date.now()));
    return () => clearTimeout(t);
  }, [retryUntil]);

  function insertMention(person: Person) {
    const el = box.current;
    const token = `${mentionToken(person)} `;
    const start = el?.selectionStart ?? text.length;
    const end = el?.selectionEnd ?? text.length;
    const before = text.slice(0, start);
    const spacer = before && !/\s$/.test(before) ? ' ' : '';
    const next = `${before}${spacer}${token}${text.slice(end)}`;
    setText(next);
    requestAnimationFrame(() => {
      el?.focus();
      const pos = start + spacer.length + token.length;
      el?.setSelectionRange(pos, pos);
    });
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (pending.current) return;
    const parsed = PostMessageInput.safeParse({ body: text, parentId: replyTo?.id });
    if (!parsed.success) {
      const fields = fieldsFromIssues(parsed.error.issues);
      setError(fields.body ?? parsed.error.issues[0]?.message);
      box.current?.focus();
      return;
    }
    if (retryUntil > Date.now()) return;
    pending.current = true;
    setBusy(true);
    try {
      const { message } = await api<{ message: Message }>('POST', `/api/threads/${threadId}/messages`, parsed.data);
      setText('');
      setError(undefined);
      onSent(message);
      onCancelReply();
    } catch (err) {
      if (err instanceof ApiError && err.status === 429) {
        const wait = err.retryAfter ?? 10;
        setRetryUntil(Date.now() + wait * 1000);
        setError(`You are sending messages quickly. Wait ${wait} second${wait === 1 ? '' : 's'} and try again.`);
      } else if (err instanceof ApiError && err.status === 403) {
        setError(err.message || 'You cannot post in this thread.');
      } else if (err instanceof ApiError && err.fields.body) {
        setError(err.fields.body);
      } else {
        setError(err instanceof Error ? err.message : 'The message could not be sent. Try again.');
      }
    } finally {
      pending.current = false;
      setBusy(false);
    }
  }

  const id = 'composer-body';
  return (
    <form className="app-composer" onSubmit={submit} noValidate aria-label="Write a message">
      {replyTo && (
        <div className="app-composer__reply">
          <span>
            Replying to <strong>{replyTo.author.displayName}</strong>: {excerpt(replyTo.body, 100)}
          </span>
          <button type="button" className="govuk-link app-link-button" onClick={onCancelReply}>
            Cancel reply
          </button>
        </div>
      )}
      <div className={error ? 'govuk-form-group govuk-form-group--error govuk-!-margin-bottom-2' : 'govuk-form-group govuk-!-margin-bottom-2'}>
        <label className="govuk-label govuk-label--s" htmlFor={id}>
          {replyTo ? 'Your reply' : 'Message'}
        </label>
        <div id={`${id}-hint`} className="govuk-hint govuk-!-font-size-16 govuk-!-margin-bottom-1">
          Markdown works; Ctrl+Enter sends. No personal details about children or families.
        </div>
        {error && (
          <p id={`${id}-error`} className="govuk-error-message">
            <span className="govuk-visually-hidden">Error:</span> {error}
          </p>
        )}
        <textarea
          ref={box}
          id={id}
          name="body"
          rows={3}
          className={`govuk-textarea govuk-!-margin-bottom-0${error ? ' govuk-textarea--error' : ''}`}
          aria-describedby={[`${id}-hint`, error && `${id}-error`, `${id}-warning`].filter(Boolean).join(' ')}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            if (e.target.value) realtime.typing(topic);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit(e);
            if (e.key === 'Escape' && replyTo) onCancelReply();
          }}
        />
        <PersonalDataWarning id={`${id}-warning`} text={text} mode="hold" />
      </div>
      <div className="app-composer__bar">
        <button type="submit" className="govuk-button govuk-!-margin-bottom-0" aria-disabled={busy || retryUntil > 0 || undefined} data-module="govuk-button">
          {busy ? 'Sending…' : 'Send'}
        </button>
        {participants.length > 0 && (
          <div className="app-composer__mention">
            <label className="govuk-label govuk-!-font-size-16 govuk-!-margin-bottom-0" htmlFor="composer-mention">
              Mention
            </label>
            <select
              id="composer-mention"
              className="govuk-select app-composer__mention-select"
              value=""
              onChange={(e) => {
                const p = participants.find((u) => u.id === e.target.value);
                if (p) insertMention(p);
              }}
            >
              <option value="">Choose someone</option>
              {participants.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.displayName}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
    </form>
  );
}
