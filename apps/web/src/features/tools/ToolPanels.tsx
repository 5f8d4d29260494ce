import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { AdoptionStatus, fieldsFromIssues, ReleaseInput, type AdoptionSummary, type Release } from '@commons/domain';
import { api } from '../../api';
import { useAuth } from '../../auth';
import { errorsFromServer, TextAreaField, TextField, type FieldErrors } from '../../components/forms';
import { PersonalDataWarning, useTypedText } from '../../components/PersonalDataWarning';
import { ADOPTION_LABEL, Markdown } from './ToolCommon';

/** Who uses the tool: the count against every authority, a table by region, and the reader's own authority. */
export function Adoption({ slug, adoption, authorityIds }: { slug: string; adoption: AdoptionSummary; authorityIds: Set<number> }) {
  const { user } = useAuth();
  const [error, setError] = useState<string>();
  const mine = user?.organisationId && authorityIds.has(user.organisationId) ? user.organisationId : null;
  const current = adoption.items.find((a) => a.organisation.id === mine)?.status ?? '';

  async function record(status: string) {
    const parsed = AdoptionStatus.safeParse(status);
    if (!parsed.success || !mine) return;
    try {
      await api('PUT', `/api/tools/${slug}/adoptions/${mine}`, { status: parsed.data });
      setError(undefined);
    } catch (err) {
      setError(Object.values(errorsFromServer(err))[0]);
    }
  }

  return (
    <>
      <p className="govuk-body-l" data-testid="used-by">
        Used by {adoption.usedBy} of {adoption.of} authorities
      </p>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--s">Adoption by region</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            {['Region', 'Authorities', 'Use it', 'Piloting', 'Interested', 'Stopped'].map((h, i) => (
              <th key={h} scope="col" className={`govuk-table__header${i ? ' govuk-table__header--numeric' : ''}`}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {adoption.regions.map((r) => (
            <tr key={r.region} className="govuk-table__row">
              <th scope="row" className="govuk-table__header">
                {r.region}
              </th>
              {[r.authorities, r.uses, r.pilots, r.interested, r.stopped].map((v, i) => (
                <td key={i} className="govuk-table__cell govuk-table__cell--numeric">
                  {v}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {adoption.items.length > 0 && (
        <ul className="govuk-list govuk-list--bullet">
          {adoption.items.map((a) => (
            <li key={a.organisation.id}>
              <Link className="govuk-link" to={`/authorities/${a.organisation.id}`}>
                {a.organisation.name}
              </Link>
              : {ADOPTION_LABEL[a.status].toLowerCase()}
            </li>
          ))}
        </ul>
      )}
      {mine && (
        <div className={error ? 'govuk-form-group govuk-form-group--error' : 'govuk-form-group'}>
          <label className="govuk-label govuk-label--s" htmlFor="adoption-status">
            Your authority and this tool
          </label>
          {error && <p className="govuk-error-message">{error}</p>}
          <select className="govuk-select" id="adoption-status" value={current} onChange={(e) => void record(e.target.value)}>
            <option value="" disabled>
              Not recorded
            </option>
            {AdoptionStatus.options.map((s) => (
              <option key={s} value={s}>
                {ADOPTION_LABEL[s]}
              </option>
            ))}
          </select>
        </div>
      )}
    </>
  );
}

export function Releases({ slug, releases, canPublish }: { slug: string; releases: Release[]; canPublish: boolean }) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const { texts, onInput, reset } = useTypedText();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formEl = event.currentTarget;
    const form = new FormData(formEl);
    const parsed = ReleaseInput.safeParse({ version: form.get('version'), notes: form.get('notes'), releasedOn: String(form.get('releasedOn') ?? '') || undefined });
    if (!parsed.success) return setErrors(fieldsFromIssues(parsed.error.issues));
    try {
      await api('POST', `/api/tools/${slug}/releases`, parsed.data);
      setErrors({});
      formEl.reset();
      reset();
    } catch (err) {
      setErrors(errorsFromServer(err));
    }
  }

  return (
    <>
      {releases.length === 0 ? (
        <p className="govuk-body">No releases yet.</p>
      ) : (
        <ul className="govuk-list app-releases">
          {releases.map((r) => (
            <li key={r.id}>
              <h3 className="govuk-heading-s govuk-!-margin-bottom-1">
                {r.version} <span className="govuk-body-s">released {r.releasedOn}</span>
              </h3>
              {r.notes && <Markdown text={r.notes} />}
            </li>
          ))}
        </ul>
      )}
      {canPublish && (
        <details className="govuk-details">
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">Publish a release</span>
          </summary>
          <form className="govuk-details__text" onSubmit={onSubmit} onInput={onInput} noValidate aria-label="Publish a release">
            {errors._ && <p className="govuk-error-message">{errors._}</p>}
            <TextField id="version" label="Version" hint="A semantic version such as 1.4.0." className="govuk-input--width-10" error={errors.version} after={<PersonalDataWarning text={texts.version} />} />
            <TextField id="releasedOn" label="Release date (optional)" type="date" className="govuk-input--width-10" error={errors.releasedOn} />
            <TextAreaField id="notes" label="Notes (Markdown)" error={errors.notes} after={<PersonalDataWarning text={texts.notes} />} />
            <button type="submit" className="govuk-button">
              Publish release
            </button>
          </form>
        </details>
      )}
    </>
  );
}
