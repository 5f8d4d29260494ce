import { useCallback, useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { CreateThreadInput, fieldsFromIssues } from '@commons/domain';
import { ApiError, api } from '../../api';
import { useAuth } from '../../auth';
import { ErrorSummary, RadiosField, TextField, errorsFromServer, type FieldErrors } from '../../components/forms';
import { PersonalDataWarning } from '../../components/PersonalDataWarning';
import { MessageBox } from './compose/MessageBox';
import { toMachine, type Draft } from './compose/mentions';
import { useDraft } from './compose/useDraft';
import { KINDS, type Message, type SubjectType, type Thread, type ThreadKind } from './common';

const ORDER = ['thread-title', 'thread-kind', 'thread-body'];
// schema field → input id
const FIELD_IDS: Record<string, string> = { title: 'thread-title', kind: 'thread-kind', body: 'thread-body' };

function toFieldIds(errors: Record<string, string>): FieldErrors {
  const out: FieldErrors = {};
  for (const [k, v] of Object.entries(errors)) out[FIELD_IDS[k] ?? '_'] ??= v;
  return out;
}

type NewThreadDraft = Draft & { title: string; kind: ThreadKind };

/** "Start a thread": title, kind and first message, checked with the shared CreateThreadInput; kept as a draft until sent. */
export function NewThreadForm({ subjectType, subjectId, allowAnnouncement }: { subjectType: SubjectType; subjectId?: string; allowAnnouncement?: boolean }) {
  const { user } = useAuth();
  const navigate = useNavigate();
  const initial = useCallback((): NewThreadDraft => ({ title: '', kind: 'discussion', text: '', mentions: [] }), []);
  // one unsent thread kept per place (the general space, or a tool or initiative)
  const [draft, setDraft, clearDraft] = useDraft(user?.id, `new:${subjectType}:${subjectId ?? ''}`, initial);
  const kind = draft.kind;
  const setKind = (k: ThreadKind) => setDraft((d) => ({ ...d, kind: k }));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const pending = useRef(false);
  const form = useRef<HTMLFormElement>(null);

  const kinds = (Object.keys(KINDS) as ThreadKind[]).filter((k) => k !== 'announcement' || allowAnnouncement || user?.roles.includes('admin'));

  function fail(found: FieldErrors) {
    setErrors(found);
    setAttempt((n) => n + 1);
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending.current) return;
    const parsed = CreateThreadInput.safeParse({
      subjectType,
      subjectId: subjectType === 'general' ? undefined : subjectId,
      title: draft.title,
      kind,
      body: toMachine(draft.text, draft.mentions),
    });
    if (!parsed.success) return fail(toFieldIds(fieldsFromIssues(parsed.error.issues)));
    pending.current = true;
    setBusy(true);
    try {
      const { thread } = await api<{ thread: Thread; message: Message }>('POST', '/api/threads', parsed.data);
      clearDraft();
      navigate(`/threads/${thread.id}`);
    } catch (err) {
      if (err instanceof ApiError && err.status === 403 && kind === 'announcement') fail({ 'thread-kind': 'Only admins and the tool’s maintainers can post announcements' });
      else if (err instanceof ApiError && Object.keys(err.fields).length > 0) fail(toFieldIds(err.fields));
      else fail(errorsFromServer(err));
    } finally {
      pending.current = false;
      setBusy(false);
    }
  }

  if (!user) return null;
  return (
    <div className="app-new-thread">
      <ErrorSummary errors={errors} order={ORDER} attempt={attempt} />
      <form ref={form} onSubmit={onSubmit} noValidate aria-label="Start a thread">
        <TextField
          id="thread-title"
          name="title"
          label="Title"
          hint="Everyone can read it, so it cannot hold personal details."
          error={errors['thread-title']}
          maxLength={250}
          value={draft.title}
          onChange={(e) => {
            const title = e.target.value;
            setDraft((d) => ({ ...d, title }));
          }}
          after={<PersonalDataWarning text={draft.title} />}
        />
        <RadiosField
          id="thread-kind"
          name="kind"
          legend="What kind of thread is it?"
          small
          options={kinds.map((k) => ({ value: k, label: KINDS[k].label }))}
          value={kind}
          onChange={(v) => setKind(v as ThreadKind)}
          error={errors['thread-kind']}
        />
        <MessageBox
          id="thread-body"
          name="body"
          label="First message"
          hint="You can use Markdown. Do not include personal details about children or families."
          error={errors['thread-body']}
          rows={5}
          value={draft}
          onChange={(d) => setDraft((x) => ({ ...x, ...d }))}
          onSend={() => form.current?.requestSubmit()}
          sendsLabel="starts the thread"
          escapeLabel="leaves the box"
          draftNote="The title and message are kept as a draft on this device only, until you start the thread."
        />
        <button type="submit" className="govuk-button" aria-disabled={busy || undefined}>
          {busy ? 'Starting the thread…' : 'Start the thread'}
        </button>
      </form>
    </div>
  );
}
