import { useNavigate } from 'react-router-dom';
import { ToolInput, type Tool } from '@commons/domain';
import { api } from '../../api';
import { useAuth } from '../../auth';
import { ErrorSummary, TextAreaField, TextField, useSchemaForm } from '../../components/forms';
import { PersonalDataWarning, useTypedText } from '../../components/PersonalDataWarning';
import { usePageTitle } from '../../usePageTitle';
import { SignInPrompt } from '../../components/SignInPrompt';

const ORDER = ['name', 'slug', 'summary', 'description', 'datasets', 'technology', 'repository', 'documentation', 'licence'];

/** "SSDA903, CIN census" → ["SSDA903", "CIN census"] */
const list = (value: FormDataEntryValue | null) =>
  String(value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
const optional = (value: FormDataEntryValue | null) => String(value ?? '').trim() || undefined;

export function ToolPropose() {
  const { user } = useAuth();
  const navigate = useNavigate();
  const { errors, attempt, onSubmit } = useSchemaForm(
    ToolInput,
    (form) => ({
      name: form.get('name'),
      slug: optional(form.get('slug')),
      summary: form.get('summary'),
      description: form.get('description'),
      datasets: list(form.get('datasets')),
      technology: list(form.get('technology')),
      repository: optional(form.get('repository')),
      documentation: optional(form.get('documentation')),
      licence: optional(form.get('licence')),
    }),
    async (input) => {
      const { tool } = await api<{ tool: Tool }>('POST', '/api/tools', input);
      navigate(`/tools/${tool.slug}`);
    },
  );
  usePageTitle('Propose a tool', Object.keys(errors).length > 0);
  const { texts, onInput } = useTypedText();
  const warn = (field: string) => <PersonalDataWarning text={texts[field]} />;


  if (user === undefined) return null;
  if (!user) {
    return <SignInPrompt heading="Propose a tool" what="propose a tool" />;
  }
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} order={ORDER} attempt={attempt} />
        <h1 className="govuk-heading-l">Propose a tool</h1>
        <p className="govuk-body">A proposed tool starts with an empty design document that every member can help write. You will maintain it.</p>
        <form onSubmit={onSubmit} onInput={onInput} noValidate aria-label="Propose a tool">
          <TextField id="name" label="Name" error={errors.name} after={warn('name')} />
          <TextField id="slug" label="Short name for the address (optional)" hint="Lower-case letters, digits and hyphens. Made from the name if left empty." spellCheck={false} error={errors.slug} after={warn('slug')} />
          <TextAreaField id="summary" label="Summary" hint="One or two sentences: what it does and for whom." rows={3} error={errors.summary} after={warn('summary')} />
          <TextAreaField id="description" label="Description (optional)" hint="Markdown." rows={8} error={errors.description} after={warn('description')} />
          <TextField id="datasets" label="Datasets (optional)" hint="Separated by commas, for example SSDA903, CIN census." error={errors.datasets} after={warn('datasets')} />
          <TextField id="technology" label="Technology (optional)" hint="Separated by commas, for example Python, Excel." error={errors.technology} after={warn('technology')} />
          <TextField id="repository" label="Source code (optional)" hint="A web address or a GitHub owner/name." spellCheck={false} error={errors.repository} after={warn('repository')} />
          <TextField id="documentation" label="Documentation (optional)" spellCheck={false} error={errors.documentation} after={warn('documentation')} />
          <TextField id="licence" label="Licence (optional)" error={errors.licence} after={warn('licence')} />
          <button type="submit" className="govuk-button">
            Propose tool
          </button>
        </form>
      </div>
    </div>
  );
}
