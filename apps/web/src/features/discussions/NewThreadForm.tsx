import { useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { CreateThreadInput, fieldsFromIssues } from '@commons/domain';
import { ApiError, api } from '../../api';
import { useAuth } from '../../auth';
import { ErrorSummary, RadiosField, TextAreaField, TextField, errorsFromServer, type FieldErrors } from '../../components/forms';
import { PersonalDataWarning, useTypedText } from '../../components/PersonalDataWarning';
import { KINDS, type Message, type SubjectType, type Thread, type ThreadKind } from './common';

const ORDER = ['thread-title', 'thread-kind', 'thread-body'];
// schema field → input id
const FIELD_IDS: Record<string, string> = { title: 'thread-title', kind: 'thread-kind', body: 'thread-body' };

function toFieldIds(errors: Record<string, string>): FieldErrors {
  const out: FieldErrors = {};
  for (const [k, v] of Object.entries(errors)) out[FIELD_IDS[k] ?? '_'] ??= v;
  return out;
}

/** "Start a thread": title, kind and first message, checked with the shared CreateThreadInput. */
export function NewThreadForm({ subjectType, subjectId, allowAnnouncement }: { subjectType: SubjectType; subjectId?: string; allowAnnouncement?: boolean }) {
  const { user } = useAuth();
  const navigate = useNavigate();
  const [kind, setKind] = useState<ThreadKind>('discussion');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const pending = useRef(false);
  const { texts, onInput } = useTypedText();

  const kinds = (Object.keys(KINDS) as ThreadKind[]).filter((k) => k !== 'announcement' || allowAnnouncement || user?.roles.includes('admin'));

  function fail(found: FieldErrors) {
    setErrors(found);
    setAttempt((n) => n + 1);
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending.current) return;
    const form = new FormData(event.currentTarget);
    const parsed = CreateThreadInput.safeParse({
      subjectType,
      subjectId: subjectType === 'general' ? undefined : subjectId,
      title: form.get('title'),
      kind,
      body: form.get('body'),
    });
    if (!parsed.success) return fail(toFieldIds(fieldsFromIssues(parsed.error.issues)));
    pending.current = true;
    setBusy(true);
    try {
      const { thread } = await api<{ thread: Thread; message: Message }>('POST', '/api/threads', parsed.data);
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
      <form onSubmit={onSubmit} onInput={onInput} noValidate aria-label="Start a thread">
        <TextField
          id="thread-title"
          name="title"
          label="Title"
          hint="Everyone can read it, so it cannot hold personal details."
          error={errors['thread-title']}
          maxLength={250}
          after={<PersonalDataWarning text={texts.title} />}
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
        <TextAreaField
          id="thread-body"
          name="body"
          label="First message"
          hint="You can use Markdown. Do not include personal details about children or families."
          error={errors['thread-body']}
          rows={5}
          after={<PersonalDataWarning text={texts.body} mode="hold" />}
        />
        <button type="submit" className="govuk-button" aria-disabled={busy || undefined}>
          {busy ? 'Starting the thread…' : 'Start the thread'}
        </button>
      </form>
    </div>
  );
}
