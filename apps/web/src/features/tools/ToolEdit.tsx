import { useEffect, useState, type FormEvent } from 'react';
import { fieldsFromIssues, NewSection, ToolPatch, ToolStage, type Tool, type User, type UserList } from '@commons/domain';
import { api } from '../../api';
import { errorsFromServer, SelectField, TextAreaField, TextField, type FieldErrors } from '../../components/forms';
import { PersonalDataWarning, useTypedText } from '../../components/PersonalDataWarning';
import { stageLabel } from './ToolCommon';

const list = (value: FormDataEntryValue | null) =>
  String(value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
const nullable = (value: FormDataEntryValue | null) => String(value ?? '').trim() || null;

/** Maintainers' form: the page updates from the tool's own event, so a save needs no reload. */
export function ToolEdit({ tool }: { tool: Tool }) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [done, setDone] = useState(false);
  // Start from the stored text, so text saved before these checks existed is pointed out too.
  const stored = (t: Tool) => ({
    name: t.name,
    summary: t.summary,
    description: t.description,
    datasets: t.datasets.join(', '),
    technology: t.technology.join(', '),
    repository: t.repository ?? '',
    documentation: t.documentation ?? '',
    licence: t.licence ?? '',
  });
  const { texts, onInput, reset } = useTypedText(stored(tool));
  // The form is rebuilt from each saved version (its key), and so are the texts it warns about.
  useEffect(() => reset(stored(tool)), [tool.updatedAt, reset]);
  const warn = (field: string) => <PersonalDataWarning text={texts[field]} />;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = ToolPatch.safeParse({
      stage: form.get('stage'),
      access: form.get('access'),
      name: form.get('name'),
      summary: form.get('summary'),
      description: form.get('description'),
      datasets: list(form.get('datasets')),
      technology: list(form.get('technology')),
      repository: nullable(form.get('repository')),
      documentation: nullable(form.get('documentation')),
      licence: nullable(form.get('licence')),
    });
    setDone(false);
    if (!parsed.success) return setErrors(fieldsFromIssues(parsed.error.issues));
    try {
      await api('PATCH', `/api/tools/${tool.slug}`, parsed.data);
      setErrors({});
      setDone(true);
    } catch (err) {
      setErrors(errorsFromServer(err));
    }
  }

  return (
    <details className="govuk-details">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">Edit this tool</span>
      </summary>
      <form className="govuk-details__text" onSubmit={onSubmit} onInput={onInput} noValidate aria-label="Edit this tool" key={tool.updatedAt}>
        {errors._ && <p className="govuk-error-message">{errors._}</p>}
        {done && <p className="govuk-body" role="status">Saved.</p>}
        <SelectField id="stage" label="Stage" defaultValue={tool.stage} error={errors.stage}>
          {ToolStage.options.map((s) => (
            <option key={s} value={s}>
              {stageLabel(s)}
            </option>
          ))}
        </SelectField>
        <SelectField
          id="access"
          label="Who can read it"
          hint="Local authority staff only: its description, releases, design document and discussions are for verified members of a local authority, moderators and admins. Everyone else sees its name and summary."
          defaultValue={tool.access}
          error={errors.access}
        >
          <option value="public">Everyone</option>
          <option value="local_authority">Local authority staff only</option>
        </SelectField>
        <TextField id="name" label="Name" defaultValue={tool.name} error={errors.name} after={warn('name')} />
        <TextAreaField id="summary" label="Summary" rows={3} defaultValue={tool.summary} error={errors.summary} after={warn('summary')} />
        <TextAreaField id="description" label="Description (Markdown)" rows={8} defaultValue={tool.description} error={errors.description} after={warn('description')} />
        <TextField id="datasets" label="Datasets" hint="Separated by commas." defaultValue={tool.datasets.join(', ')} error={errors.datasets} after={warn('datasets')} />
        <TextField id="technology" label="Technology" hint="Separated by commas." defaultValue={tool.technology.join(', ')} error={errors.technology} after={warn('technology')} />
        <TextField id="repository" label="Source code" defaultValue={tool.repository ?? ''} error={errors.repository} after={warn('repository')} />
        <TextField id="documentation" label="Documentation" defaultValue={tool.documentation ?? ''} error={errors.documentation} after={warn('documentation')} />
        <TextField id="licence" label="Licence" defaultValue={tool.licence ?? ''} error={errors.licence} after={warn('licence')} />
        <button type="submit" className="govuk-button">
          Save changes
        </button>
      </form>
    </details>
  );
}

export function NewSectionForm({ slug }: { slug: string }) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const { texts, onInput, reset } = useTypedText();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formEl = event.currentTarget;
    const form = new FormData(formEl);
    const parsed = NewSection.safeParse({ key: form.get('key'), title: form.get('title') });
    if (!parsed.success) return setErrors(fieldsFromIssues(parsed.error.issues));
    try {
      await api('POST', `/api/tools/${slug}/design/sections`, parsed.data);
      setErrors({});
      formEl.reset();
      reset();
    } catch (err) {
      setErrors(errorsFromServer(err));
    }
  }

  return (
    <details className="govuk-details">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">Add a section</span>
      </summary>
      <form className="govuk-details__text" onSubmit={onSubmit} onInput={onInput} noValidate aria-label="Add a section">
        {errors._ && <p className="govuk-error-message">{errors._}</p>}
        <TextField id="title" label="Title" error={errors.title} after={<PersonalDataWarning text={texts.title} />} />
        <TextField id="key" label="Key" hint="Lower-case letters, digits and underscores, for example risks." spellCheck={false} error={errors.key} />
        <button type="submit" className="govuk-button govuk-button--secondary">
          Add section
        </button>
      </form>
    </details>
  );
}

/** Admins assign maintainers: find a person by name or email, add them; remove any. */
export function MaintainersForm({ tool }: { tool: Tool }) {
  const [found, setFound] = useState<User[]>();
  const [error, setError] = useState<string>();

  async function search(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const q = String(new FormData(event.currentTarget).get('maintainer-q') ?? '').trim();
    try {
      setFound((await api<UserList>('GET', `/api/users?q=${encodeURIComponent(q)}&limit=10`)).items);
      setError(undefined);
    } catch (err) {
      setError(Object.values(errorsFromServer(err))[0]);
    }
  }

  async function set(userId: string, add: boolean) {
    try {
      await api(add ? 'PUT' : 'DELETE', `/api/tools/${tool.slug}/maintainers/${userId}`);
      setError(undefined);
    } catch (err) {
      setError(Object.values(errorsFromServer(err))[0]);
    }
  }

  const maintains = new Set(tool.maintainers.map((m) => m.id));
  return (
    <details className="govuk-details">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">Assign maintainers</span>
      </summary>
      <div className="govuk-details__text">
        {error && <p className="govuk-error-message">{error}</p>}
        <ul className="govuk-list">
          {tool.maintainers.map((m) => (
            <li key={m.id}>
              {m.displayName}{' '}
              <button type="button" className="app-link-button govuk-link" onClick={() => void set(m.id, false)}>
                Remove<span className="govuk-visually-hidden"> {m.displayName}</span>
              </button>
            </li>
          ))}
        </ul>
        <form onSubmit={search} role="search" aria-label="Find a person to add">
          <TextField id="maintainer-q" label="Find a person by name or email" spellCheck={false} />
          <button type="submit" className="govuk-button govuk-button--secondary">
            Find
          </button>
        </form>
        {found && (
          <ul className="govuk-list">
            {found.length === 0 && <li>Nobody found.</li>}
            {found
              .filter((u) => !maintains.has(u.id))
              .map((u) => (
                <li key={u.id}>
                  {u.displayName} ({u.email}){' '}
                  <button type="button" className="app-link-button govuk-link" onClick={() => void set(u.id, true)}>
                    Add<span className="govuk-visually-hidden"> {u.displayName}</span> as maintainer
                  </button>
                </li>
              ))}
          </ul>
        )}
      </div>
    </details>
  );
}
