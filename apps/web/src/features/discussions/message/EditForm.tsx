import { useState, type FormEvent } from 'react';
import { EditMessageInput, fieldsFromIssues } from '@commons/domain';
import { api } from '../../../api';
import { MessageBox } from '../compose/MessageBox';
import { fromMachine, toMachine, type Draft } from '../compose/mentions';
import type { Message } from '../common';

export function EditForm({ message, onDone }: { message: Message; onDone(updated?: Message): void }) {
  // mentions shown as people read them, as in the message box
  const [draft, setDraft] = useState<Draft>(() => fromMachine(message.body ?? ''));
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const id = `edit-${message.id}`;

  async function submit(e?: FormEvent) {
    e?.preventDefault();
    if (busy) return;
    const parsed = EditMessageInput.safeParse({ body: toMachine(draft.text, draft.mentions) });
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
      <MessageBox
        id={id}
        label="Edit your message"
        error={error}
        value={draft}
        onChange={setDraft}
        onSend={() => void submit()}
        onEscape={() => onDone()}
        sendsLabel="saves"
        escapeLabel="cancels the edit"
        autoFocus
      />
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
