import { useState } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AdminUser, AdminUserList, GrantableRole } from '@commons/domain';
import { api } from '../../api';
import { useAuth } from '../../auth';
import { errorsFromServer } from '../../components/forms';
import { OrganisationBadge } from '../../components/OrganisationBadge';
import { AdminScreen, AdminSearch, when } from './AdminCommon';

const PAGE = 50;

/** /admin/people: find people, grant or take moderator and admin, disable or enable an account. */
export function People() {
  return (
    <AdminScreen title="People">
      <PeopleList />
    </AdminScreen>
  );
}

function PeopleList() {
  const [q, setQ] = useState('');
  const [offset, setOffset] = useState(0);
  const key = ['admin', 'people', q, offset] as const;
  const { data } = useQuery({
    queryKey: key,
    queryFn: () => api<AdminUserList>('GET', `/api/admin/users?${new URLSearchParams({ ...(q && { q }), limit: String(PAGE), offset: String(offset) })}`),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <AdminSearch
        id="people-q"
        label="Name, email address or organisation"
        button="Find people"
        q={q}
        onSearch={(next) => {
          setOffset(0);
          setQ(next);
        }}
      />
      {!data ? (
        <p className="govuk-body" role="status">Loading…</p>
      ) : (
        <>
          <p className="govuk-body" role="status">
            {data.total} {data.total === 1 ? 'person' : 'people'}
          </p>
          <table className="govuk-table" data-testid="people">
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                {['Person', 'Organisation', 'Roles', 'Account'].map((h) => (
                  <th key={h} scope="col" className="govuk-table__header">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {data.items.map((u) => (
                <PersonRow key={u.id} person={u} />
              ))}
            </tbody>
          </table>
          <div className="govuk-button-group">
            {offset > 0 && (
              <button type="button" className="govuk-button govuk-button--secondary" onClick={() => setOffset(Math.max(0, offset - PAGE))}>
                Previous
              </button>
            )}
            {offset + PAGE < data.total && (
              <button type="button" className="govuk-button govuk-button--secondary" onClick={() => setOffset(offset + PAGE)}>
                Next
              </button>
            )}
          </div>
        </>
      )}
    </>
  );
}

function PersonRow({ person: u }: { person: AdminUser }) {
  const { user: me } = useAuth();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string>();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['admin', 'people'] });
  const change = useMutation({
    mutationFn: (send: () => Promise<unknown>) => send(),
    onSuccess: () => setError(undefined),
    onError: (err) => setError(Object.values(errorsFromServer(err))[0] ?? 'That did not work'),
    onSettled: refresh,
  });
  const grantable = u.roles.filter((r): r is GrantableRole => r !== 'member');
  const toggle = (role: GrantableRole) => {
    const roles = grantable.includes(role) ? grantable.filter((r) => r !== role) : [...grantable, role];
    change.mutate(() => api('PUT', `/api/users/${u.id}/roles`, { roles }));
  };
  const self = me?.id === u.id;
  return (
    <tr className="govuk-table__row" data-testid={`person-${u.email}`}>
      <td className="govuk-table__cell">
        <strong>{u.displayName}</strong>
        <br />
        <span className="govuk-body-s">
          {u.email} {!u.emailVerified && <strong className="govuk-tag govuk-tag--yellow">email not confirmed</strong>}
        </span>
        {error && (
          <p className="govuk-error-message" role="alert">
            {error}
          </p>
        )}
      </td>
      <td className="govuk-table__cell">{u.organisationName ? <OrganisationBadge name={u.organisationName} verified={u.organisationVerified} /> : '—'}</td>
      <td className="govuk-table__cell">
        <div className="govuk-checkboxes govuk-checkboxes--small">
          {(['moderator', 'admin'] as const).map((role) => (
            <div key={role} className="govuk-checkboxes__item">
              <input
                className="govuk-checkboxes__input"
                id={`role-${u.id}-${role}`}
                type="checkbox"
                checked={grantable.includes(role)}
                disabled={change.isPending || (self && role === 'admin')}
                onChange={() => toggle(role)}
              />
              <label className="govuk-label govuk-checkboxes__label" htmlFor={`role-${u.id}-${role}`}>
                {role === 'admin' ? 'Admin' : 'Moderator'}
              </label>
            </div>
          ))}
        </div>
      </td>
      <td className="govuk-table__cell">
        {u.disabledAt ? <strong className="govuk-tag govuk-tag--red">disabled {when(u.disabledAt)}</strong> : <span className="govuk-body-s">Active</span>}
        {!self && (
          <>
            <br />
            <button
              type="button"
              className={`govuk-button govuk-!-margin-bottom-0 govuk-!-margin-top-2 ${u.disabledAt ? 'govuk-button--secondary' : 'govuk-button--warning'}`}
              aria-disabled={change.isPending || undefined}
              onClick={() => {
                if (change.isPending) return;
                if (!u.disabledAt && !window.confirm(`Disable ${u.displayName}'s account? They are signed out everywhere at once.`)) return;
                change.mutate(() => api('PUT', `/api/admin/users/${u.id}/disabled`, { disabled: !u.disabledAt }));
              }}
            >
              {u.disabledAt ? 'Enable' : 'Disable'}
              <span className="govuk-visually-hidden"> {u.displayName}</span>
            </button>
          </>
        )}
      </td>
    </tr>
  );
}
