import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { SsoTenantInput, type Organisation, type SsoTenant } from '@commons/domain';
import { api } from '../../api';
import { ErrorSummary, SelectField, TextField, useSchemaForm } from '../../components/forms';
import { useSsoStatus } from '../account/SignIn';
import { AdminScreen } from './AdminCommon';

const ORDER = ['tenant', 'organisationId'];
const TENANTS = ['sso', 'tenants'] as const;

/** /admin/sso: which single sign-on tenants vouch for which organisations' members (admins). */
export function SingleSignOn() {
  return (
    <AdminScreen title="Single sign-on">
      <Tenants />
    </AdminScreen>
  );
}

function Tenants() {
  const sso = useSsoStatus();
  const queryClient = useQueryClient();
  const tenants = useQuery({ queryKey: TENANTS, queryFn: () => api<{ items: SsoTenant[] }>('GET', '/api/admin/sso/tenants') });
  const organisations = useQuery({
    queryKey: ['sso', 'organisations'],
    queryFn: () => api<{ items: Organisation[] }>('GET', '/api/organisations'),
    staleTime: Infinity,
  });
  const remove = useMutation({
    mutationFn: (id: number) => api<void>('DELETE', `/api/admin/sso/tenants/${id}`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: TENANTS }),
  });
  const { errors, attempt, onSubmit } = useSchemaForm(
    SsoTenantInput,
    (form) => ({ tenant: form.get('tenant'), organisationId: form.get('organisationId') ? Number(form.get('organisationId')) : undefined }),
    async (input) => {
      await api<SsoTenant>('POST', '/api/admin/sso/tenants', input);
      await queryClient.invalidateQueries({ queryKey: TENANTS });
      (document.getElementById('tenant') as HTMLInputElement | null)?.form?.reset();
    },
  );
  const sorted = [...(organisations.data?.items ?? [])].sort((a, b) => a.name.localeCompare(b.name));

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} order={ORDER} attempt={attempt} />
        <p className="govuk-body">
          {sso?.enabled
            ? `People can sign in with ${sso.name}.`
            : 'Single sign-on is not configured on this server (see "Single sign-on" in docs/identity.md). Mappings made here take effect once it is.'}{' '}
          When someone signs in through a tenant mapped below, they become a verified member of its organisation: they can record its
          adoption of tools, back its work and, for a local authority, read local-authority-only content.
        </p>
        <h2 className="govuk-heading-m">Tenants</h2>
        {tenants.isError && <p className="govuk-error-message">The tenants could not be loaded. Reload the page to try again.</p>}
        {tenants.data && tenants.data.items.length === 0 && <p className="govuk-body">No tenant is mapped yet.</p>}
        {tenants.data && tenants.data.items.length > 0 && (
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-visually-hidden">Mapped tenants</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">Tenant</th>
                <th scope="col" className="govuk-table__header">Organisation</th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">Accounts</th>
                <th scope="col" className="govuk-table__header">
                  <span className="govuk-visually-hidden">Action</span>
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {tenants.data.items.map((t) => (
                <tr key={t.id} className="govuk-table__row">
                  <td className="govuk-table__cell">
                    <code>{t.tenant}</code>
                  </td>
                  <td className="govuk-table__cell">{t.organisationName}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{t.accounts}</td>
                  <td className="govuk-table__cell">
                    <button
                      type="button"
                      className="govuk-button govuk-button--warning govuk-!-margin-bottom-0"
                      disabled={remove.isPending}
                      onClick={() => {
                        if (window.confirm(`Remove ${t.tenant}? Its people stop being verified members of ${t.organisationName}.`)) remove.mutate(t.id);
                      }}
                    >
                      Remove<span className="govuk-visually-hidden"> {t.tenant}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {remove.isError && <p className="govuk-error-message">The mapping could not be removed. Try again.</p>}
        <h2 className="govuk-heading-m">Map a tenant</h2>
        {/* noValidate: the shared schema gives the messages, not the browser */}
        <form onSubmit={onSubmit} noValidate>
          <TextField
            id="tenant"
            label="Tenant ID"
            hint="For Microsoft Entra ID, the organisation's Directory (tenant) ID, like 72f988bf-86f1-41af-91ab-2d7cd011db47. For another provider, its issuer URL."
            spellCheck={false}
            autoComplete="off"
            error={errors.tenant}
          />
          <SelectField id="organisationId" label="Organisation" defaultValue="" error={errors.organisationId}>
            <option value="">Choose an organisation</option>
            {sorted.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </SelectField>
          <button type="submit" className="govuk-button">
            Map tenant
          </button>
        </form>
      </div>
    </div>
  );
}
