import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { FocusArea, InitiativeInput, InitiativePatch, InitiativeStatus, type Initiative, type InitiativeViewer, type ToolList } from '@commons/domain';
import { api } from '../../api';
import { useAuth } from '../../auth';
import { keys } from '../../queryClient';
import { ErrorSummary, SelectField, TextAreaField, TextField, useSchemaForm, type FieldErrors } from '../../components/forms';
import { usePageTitle } from '../../usePageTitle';
import { SignInPrompt } from '../../components/SignInPrompt';
import { PersonalDataWarning, useTypedText } from '../../components/PersonalDataWarning';
import { FOCUS_LABEL, STATUS_LABEL } from './InitiativeCommon';
import { NotFound } from '../../pages/NotFound';

const ORDER = ['title', 'slug', 'summary', 'description', 'focusArea', 'status', 'startDate', 'targetDate', 'toolSlugs'];
const text = (v: FormDataEntryValue | null) => String(v ?? '').trim();

/** The form's fields as both schemas read them; empty dates are "no date". */
function read(form: FormData) {
  return {
    title: form.get('title'),
    summary: form.get('summary'),
    description: form.get('description'),
    focusArea: form.get('focusArea') || undefined,
    startDate: text(form.get('startDate')) || null,
    targetDate: text(form.get('targetDate')) || null,
    toolSlugs: form.getAll('toolSlugs').map(String),
  };
}

function useTools() {
  const { data } = useQuery({ queryKey: keys.tools('limit=100'), queryFn: () => api<ToolList>('GET', '/api/tools?limit=100') });
  return data?.items ?? [];
}

function Fields({ errors, initiative, tools, texts }: { errors: FieldErrors; initiative?: Initiative; tools: { slug: string; name: string }[]; texts: Record<string, string> }) {
  const linked = initiative?.tools.map((t) => t.slug) ?? [];
  const warn = (field: 'title' | 'slug' | 'summary' | 'description') => <PersonalDataWarning text={texts[field] ?? (field === 'slug' ? '' : initiative?.[field])} />;
  return (
    <>
      <TextField id="title" label="Title" defaultValue={initiative?.title} error={errors.title} after={warn('title')} />
      {!initiative && <TextField id="slug" label="Short name for the address (optional)" hint="Lower-case letters, digits and hyphens. Made from the title if left empty." spellCheck={false} error={errors.slug} after={warn('slug')} />}
      <TextAreaField id="summary" label="Summary" hint="One or two sentences: what will change, for whom." rows={3} defaultValue={initiative?.summary} error={errors.summary} after={warn('summary')} />
      <TextAreaField id="description" label="Description (optional)" hint="Markdown." rows={8} defaultValue={initiative?.description} error={errors.description} after={warn('description')} />
      <SelectField id="focusArea" label="Focus area" defaultValue={initiative?.focusArea ?? ''} error={errors.focusArea}>
        {!initiative && <option value="">Choose one</option>}
        {FocusArea.options.map((f) => (
          <option key={f} value={f}>
            {FOCUS_LABEL[f]}
          </option>
        ))}
      </SelectField>
      {initiative && (
        <SelectField id="status" label="Status" defaultValue={initiative.status} error={errors.status}>
          {InitiativeStatus.options.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABEL[s]}
            </option>
          ))}
        </SelectField>
      )}
      <TextField id="startDate" label="Start date (optional)" type="date" className="govuk-input--width-10" defaultValue={initiative?.startDate ?? ''} error={errors.startDate} />
      <TextField id="targetDate" label="Target date (optional)" type="date" className="govuk-input--width-10" defaultValue={initiative?.targetDate ?? ''} error={errors.targetDate} />
      {/* key: the options arrive after the first render, and a multiple select takes its default only once */}
      <SelectField key={tools.length} id="toolSlugs" label="Linked tools (optional)" hint="Hold Ctrl (or ⌘) to choose several." multiple size={8} defaultValue={linked} error={errors.toolSlugs}>
        {tools.map((t) => (
          <option key={t.slug} value={t.slug}>
            {t.name}
          </option>
        ))}
      </SelectField>
    </>
  );
}

export function InitiativeNew() {
  const { user } = useAuth();
  const navigate = useNavigate();
  const tools = useTools();
  const { errors, attempt, onSubmit } = useSchemaForm(
    InitiativeInput,
    (form) => ({ ...read(form), slug: text(form.get('slug')) || undefined }),
    async (input) => {
      const { initiative } = await api<{ initiative: Initiative }>('POST', '/api/initiatives', input);
      navigate(`/initiatives/${initiative.slug}`);
    },
  );
  usePageTitle('Propose an initiative', Object.keys(errors).length > 0);
  const { texts, onInput } = useTypedText();
  if (user === undefined) return null;
  if (!user) {
    return <SignInPrompt what="propose an initiative" />;
  }
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} order={ORDER} attempt={attempt} />
        <h1 className="govuk-heading-l">Propose an initiative</h1>
        <p className="govuk-body">You will lead it: add milestones, post updates to its followers, and invite co-leaders.</p>
        <form onSubmit={onSubmit} onInput={onInput} noValidate aria-label="Propose an initiative">
          <Fields errors={errors} tools={tools} texts={texts} />
          <button type="submit" className="govuk-button">
            Propose initiative
          </button>
        </form>
      </div>
    </div>
  );
}

export function InitiativeEdit() {
  const { slug = '' } = useParams();
  const navigate = useNavigate();
  const tools = useTools();
  const { user } = useAuth();
  const queryClient = useQueryClient();
  const { data: loaded, isError } = useQuery({
    queryKey: keys.initiative(slug, user?.id ?? null),
    queryFn: () => api<{ initiative: Initiative; viewer: InitiativeViewer | null; seq: number }>('GET', `/api/initiatives/${slug}`),
    enabled: user !== undefined,
  });
  const { errors, attempt, onSubmit } = useSchemaForm(
    InitiativePatch,
    (form) => ({ ...read(form), status: form.get('status') }),
    async (patch) => {
      await api('PATCH', `/api/initiatives/${slug}`, patch);
      await queryClient.invalidateQueries({ queryKey: ['initiatives'] });
      navigate(`/initiatives/${slug}`);
    },
  );
  usePageTitle('Edit initiative', Object.keys(errors).length > 0);
  const { texts, onInput } = useTypedText();
  if (isError) return <NotFound />;
  if (!loaded) return <p className="govuk-body" role="status">Loading…</p>;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link className="govuk-back-link" to={`/initiatives/${slug}`}>
          Back to the initiative
        </Link>
        <ErrorSummary errors={errors} order={ORDER} attempt={attempt} />
        <h1 className="govuk-heading-l">Edit {loaded.initiative.title}</h1>
        <form onSubmit={onSubmit} onInput={onInput} noValidate aria-label="Edit initiative">
          <Fields errors={errors} initiative={loaded.initiative} tools={tools} texts={texts} />
          <button type="submit" className="govuk-button">
            Save changes
          </button>
        </form>
      </div>
    </div>
  );
}
