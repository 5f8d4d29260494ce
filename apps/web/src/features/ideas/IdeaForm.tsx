import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { IdeaInput, type Idea } from '@commons/domain';
import { api } from '../../api';
import { useAuth } from '../../auth';
import { ErrorSummary, RadiosField, TextAreaField, TextField, useSchemaForm } from '../../components/forms';
import { PersonalDataWarning, useTypedText } from '../../components/PersonalDataWarning';
import { SignInPrompt } from '../../components/SignInPrompt';
import { usePageTitle } from '../../usePageTitle';

export function IdeaNew() {
  const { user } = useAuth();
  const navigate = useNavigate();
  const { texts, onInput } = useTypedText();
  const [kind, setKind] = useState('need');
  const { errors, attempt, onSubmit } = useSchemaForm(
    IdeaInput,
    (form) => ({ kind: form.get('kind') ?? undefined, title: form.get('title'), body: form.get('body') }),
    async (input) => {
      const { idea } = await api<{ idea: Idea }>('POST', '/api/ideas', input);
      navigate(`/ideas/${idea.id}`);
    },
  );
  usePageTitle('Raise a need or an idea', Object.keys(errors).length > 0);
  if (user === undefined) return null;
  if (!user) return <SignInPrompt what="raise a need or an idea" />;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} order={['kind', 'title', 'body']} attempt={attempt} />
        <h1 className="govuk-heading-l">Raise a need or an idea</h1>
        <p className="govuk-body">Say what your authority needs, not who it is for: never name a child or family.</p>
        <form onSubmit={onSubmit} onInput={onInput} noValidate aria-label="Raise a need or an idea">
          <RadiosField
            id="kind"
            name="kind"
            legend="What is it?"
            hint="A need: something your authority has to do that no shared tool helps with yet. An idea: a tool or a change many authorities would use."
            error={errors.kind}
            value={kind}
            onChange={setKind}
            options={[
              { value: 'need', label: 'A need' },
              { value: 'idea', label: 'An idea for a tool' },
            ]}
          />
          <TextField id="title" label="Title" error={errors.title} after={<PersonalDataWarning text={texts.title} />} />
          <TextAreaField id="body" label="Describe it" hint="What happens today, what it costs, what would help. Markdown." rows={8} error={errors.body} after={<PersonalDataWarning text={texts.body} />} />
          <button type="submit" className="govuk-button">
            Raise it
          </button>
        </form>
      </div>
    </div>
  );
}
