import { useState, type FormEvent } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { DomainInput, fieldsFromIssues, type AdminOrganisation } from '@commons/domain';
import { api } from '../../api';
import { errorsFromServer, type FieldErrors } from '../../components/forms';
import { AdminScreen, AdminSearch } from './AdminCommon';

const KEY = ['admin', 'organisations'] as const;

/** /admin/organisations: each organisation's email domains (a confirmed address on one makes a verified member). */
export function Organisations() {
  const [q, setQ] = useState('');
  const { data } = useQuery({
    queryKey: [...KEY, q],
    queryFn: () => api<{ items: AdminOrganisation[] }>('GET', `/api/admin/organisations${q ? `?${new URLSearchParams({ q })}` : ''}`),
    placeholderData: keepPreviousData,
  });
  return (
    <AdminScreen title="Organisations">
      <p className="govuk-body">
        A member whose confirmed email address is on one of an organisation’s domains (or a subdomain of one) is a verified member of it: they record its use of tools, it counts
        when they join an initiative, and (for a local authority) they read tools kept to local authority staff. Mark a domain <strong>confirmed</strong> once you have checked it
        against a published source, such as the council’s own website.
      </p>
      <AdminSearch id="organisations-q" label="Name, LA code or domain" button="Find organisations" q={q} onSearch={setQ} />
      {!data ? (
        <p className="govuk-body" role="status">Loading…</p>
      ) : (
        <table className="govuk-table" data-testid="organisations">
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              {['Organisation', 'Members', 'Email domains'].map((h) => (
                <th key={h} scope="col" className="govuk-table__header">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {data.items.map((o) => (
              <OrganisationRow key={o.id} organisation={o} />
            ))}
          </tbody>
        </table>
      )}
    </AdminScreen>
  );
}

function OrganisationRow({ organisation: o }: { organisation: AdminOrganisation }) {
  const queryClient = useQueryClient();
  const [errors, setErrors] = useState<FieldErrors>({});
  const refresh = () => queryClient.invalidateQueries({ queryKey: KEY });
  const change = useMutation({
    mutationFn: (send: () => Promise<unknown>) => send(),
    onSuccess: () => setErrors({}),
    onError: (err) => setErrors(errorsFromServer(err)),
    onSettled: refresh,
  });
  const base = `/api/organisations/${o.id}/domains`;

  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formEl = event.currentTarget;
    const form = new FormData(formEl);
    const parsed = DomainInput.safeParse({ domain: form.get('domain'), confirmed: form.get('confirmed') === 'on' });
    if (!parsed.success) return setErrors(fieldsFromIssues(parsed.error.issues));
    change.mutate(() => api('POST', base, parsed.data).then(() => formEl.reset()));
  }

  const inputId = `domain-${o.id}`;
  return (
    <tr className="govuk-table__row" data-testid={`organisation-${o.id}`}>
      <td className="govuk-table__cell">
        <strong>{o.name}</strong>
        <br />
        <span className="govuk-body-s">
          {[o.kind === 'local_authority' ? `LA ${o.laCode}` : o.kind.replace('_', ' '), o.region].filter(Boolean).join(' · ')}
        </span>
      </td>
      <td className="govuk-table__cell govuk-body-s">
        {o.verifiedMembers} verified of {o.members}
      </td>
      <td className="govuk-table__cell">
        {errors._ && <p className="govuk-error-message">{errors._}</p>}
        <ul className="govuk-list govuk-!-margin-bottom-2">
          {o.domains.map((d) => (
            <li key={d.domain}>
              <code>{d.domain}</code>{' '}
              {d.confirmed ? <strong className="govuk-tag govuk-tag--green">confirmed</strong> : <strong className="govuk-tag govuk-tag--grey">unconfirmed</strong>}{' '}
              <button
                type="button"
                className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0 app-small-button"
                onClick={() => change.mutate(() => api('PATCH', `${base}/${d.domain}`, { confirmed: !d.confirmed }))}
              >
                {d.confirmed ? 'Mark unconfirmed' : 'Mark confirmed'}
                <span className="govuk-visually-hidden"> {d.domain}</span>
              </button>{' '}
              <button
                type="button"
                className="govuk-button govuk-button--warning govuk-!-margin-bottom-0 app-small-button"
                onClick={() => window.confirm(`Remove ${d.domain} from ${o.name}? Its members stop being verified.`) && change.mutate(() => api('DELETE', `${base}/${d.domain}`))}
              >
                Remove<span className="govuk-visually-hidden"> {d.domain}</span>
              </button>
            </li>
          ))}
        </ul>
        <form onSubmit={add} noValidate aria-label={`Add a domain to ${o.name}`}>
          <div className={`govuk-form-group govuk-!-margin-bottom-0${errors.domain ? ' govuk-form-group--error' : ''}`}>
            <label className="govuk-label govuk-label--s" htmlFor={inputId}>
              Add a domain
            </label>
            {errors.domain && (
              <p className="govuk-error-message" id={`${inputId}-error`}>
                {errors.domain}
              </p>
            )}
            <input className="govuk-input govuk-input--width-20" id={inputId} name="domain" spellCheck={false} placeholder="camden.gov.uk" aria-describedby={errors.domain ? `${inputId}-error` : undefined} />{' '}
            <span className="govuk-checkboxes govuk-checkboxes--small" style={{ display: 'inline-block' }}>
              <span className="govuk-checkboxes__item">
                <input className="govuk-checkboxes__input" id={`${inputId}-confirmed`} name="confirmed" type="checkbox" />
                <label className="govuk-label govuk-checkboxes__label" htmlFor={`${inputId}-confirmed`}>
                  Confirmed
                </label>
              </span>
            </span>{' '}
            <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">
              Add<span className="govuk-visually-hidden"> a domain to {o.name}</span>
            </button>
          </div>
        </form>
      </td>
    </tr>
  );
}
