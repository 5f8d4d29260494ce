import { useEffect, useRef, useState, type FormEvent } from 'react';
import { PostMessageInput, fieldsFromIssues } from '@commons/domain';
import type { Topic } from '@commons/realtime';
import { ApiError, api } from '../../api';
import { useAuth } from '../../auth';
import { useRealtime } from '../../realtime';
import { MessageBox } from './compose/MessageBox';
import { toMachine } from './compose/mentions';
import { useDraft } from './compose/useDraft';
import { excerpt } from './message/MessageBody';
import type { Message } from './common';

/** The message box at the foot of a thread: reply, mention, preview, a draft kept per thread, typing signal. */
export function Composer({
  threadId,
  topic,
  replyTo,
  onCancelReply,
  onSent,
}: {
  threadId: number;
  topic: Topic;
  replyTo: Message | null;
  onCancelReply(): void;
  onSent(message: Message): void;
}) {
  const realtime = useRealtime();
  const { user } = useAuth();
  const [draft, setDraft, clearDraft] = useDraft(user?.id, `thread:${threadId}`);
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

  async function submit(e?: FormEvent) {
    e?.preventDefault();
    if (pending.current) return;
    const parsed = PostMessageInput.safeParse({ body: toMachine(draft.text, draft.mentions), parentId: replyTo?.id });
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
      clearDraft();
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
      <MessageBox
        id="composer-body"
        name="body"
        label={replyTo ? 'Your reply' : 'Message'}
        hint="Markdown works. No personal details about children or families."
        error={error}
        value={draft}
        onChange={(d) => setDraft((x) => ({ ...x, ...d }))}
        onTyping={() => realtime.typing(topic)}
        onSend={() => void submit()}
        onEscape={replyTo ? onCancelReply : undefined}
        escapeLabel={replyTo ? 'cancels the reply' : 'leaves the box'}
        draftNote="What you write here is kept as a draft on this device only, until you send it."
        boxRef={box}
      />
      <div className="app-composer__bar">
        <button type="submit" className="govuk-button govuk-!-margin-bottom-0" aria-disabled={busy || retryUntil > 0 || undefined} data-module="govuk-button">
          {busy ? 'Sending…' : 'Send'}
        </button>
      </div>
    </form>
  );
}
