import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { AdoptionInput, AdoptionStatus, fieldsFromIssues, ReleaseInput, type AdoptionSummary, type Release } from '@commons/domain';
import { api } from '../../api';
import { useAuth } from '../../auth';
import { errorsFromServer, TextAreaField, TextField, type FieldErrors } from '../../components/forms';
import { PersonalDataWarning, useTypedText } from '../../components/PersonalDataWarning';
import { ADOPTION_LABEL, Markdown } from './ToolCommon';

/** Who uses the tool: the count against every authority, a table by region, and the reader's own authority. */
export function Adoption({ slug, adoption, authorityIds }: { slug: string; adoption: AdoptionSummary; authorityIds: Set<number> }) {
  const { user } = useAuth();
  const [error, setError] = useState<string>();
  const declared = user?.organisationId && authorityIds.has(user.organisationId) ? user.organisationId : null;
  // Only a verified member speaks for their authority; a self-declared one is told how to become one.
  const mine = declared && user?.organisationVerified ? declared : null;
  const recorded = adoption.items.find((a) => a.organisation.id === mine);
  const current = recorded?.status ?? '';

  async function record(input: { status: string; version?: string | null }) {
    const parsed = AdoptionInput.safeParse(input);
    if (!parsed.success) return setError(parsed.error.issues[0].message);
    if (!mine) return;
    try {
      await api('PUT', `/api/tools/${slug}/adoptions/${mine}`, parsed.data);
      setError(undefined);
    } catch (err) {
      setError(Object.values(errorsFromServer(err))[0]);
    }
  }

  function saveVersion(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const version = String(new FormData(event.currentTarget).get('version') ?? '').trim();
    void record({ status: current || 'uses', version: version || null });
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
      {adoption.versions.length > 0 && (
        <div data-testid="versions-in-use">
          <h3 className="govuk-heading-s">Versions in use</h3>
          <p className="govuk-body">
            {adoption.versions.map((v, i) => (
              <span key={v.version}>
                {i > 0 && ', '}
                {v.version} ({v.authorities === 1 ? '1 authority' : `${v.authorities} authorities`})
              </span>
            ))}
            .{' '}
            {adoption.latest &&
              (adoption.behindMajor > 0
                ? `${adoption.behindMajor === 1 ? '1 authority runs' : `${adoption.behindMajor} authorities run`} an older major version than the latest release, ${adoption.latest}.`
                : `Every authority that says which version it runs is on the latest major version (${adoption.latest}).`)}
          </p>
        </div>
      )}
      {adoption.items.length > 0 && (
        <ul className="govuk-list govuk-list--bullet">
          {adoption.items.map((a) => (
            <li key={a.organisation.id}>
              <Link className="govuk-link" to={`/authorities/${a.organisation.id}`}>
                {a.organisation.name}
              </Link>
              : {ADOPTION_LABEL[a.status].toLowerCase()}
              {a.version && `, version ${a.version}`}
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
          <select className="govuk-select" id="adoption-status" value={current} onChange={(e) => void record({ status: e.target.value })}>
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
      {mine && (current === 'uses' || current === 'pilots') && (
        <form className="govuk-form-group" onSubmit={saveVersion} aria-label="The version your authority runs">
          <label className="govuk-label govuk-label--s" htmlFor="adoption-version">
            The version your authority runs
          </label>
          <div className="govuk-hint">{adoption.latest ? `The latest release is ${adoption.latest}.` : 'No release has been published yet.'}</div>
          <input className="govuk-input govuk-input--width-10" id="adoption-version" name="version" defaultValue={recorded?.version ?? ''} key={recorded?.version ?? ''} spellCheck={false} />{' '}
          <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">
            Save version
          </button>
        </form>
      )}
      {declared && !mine && (
        <p className="govuk-inset-text" data-testid="adoption-unverified">
          Your authority is <strong className="govuk-tag govuk-tag--grey">unverified</strong>: only verified members record its use of a tool. Confirm an email address on your
          council’s domain (on <Link className="govuk-link" to="/account">your account</Link>), or sign in with your council’s single sign-on.
        </p>
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
