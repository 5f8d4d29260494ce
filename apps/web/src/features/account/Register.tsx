import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router-dom';
import { OrganisationKind, Password, RegisterInput, type Organisation } from '@commons/domain';
import { api } from '../../api';
import { useAuth } from '../../auth';
import { keys } from '../../queryClient';
import { ErrorSummary, SelectField, TextField, useSchemaForm } from '../../components/forms';
import { ssoHref, useAfterSignIn } from '../../returnTo';
import { usePageTitle } from '../../usePageTitle';
import { StrengthHint, usePasswordStrength } from './PasswordStrength';
import { useSsoStatus } from './SignIn';

const ORDER = ['displayName', 'email', 'organisationId', 'password'];

const KIND_LABEL: Record<OrganisationKind, string> = {
  local_authority: 'Local authorities',
  central_government: 'Central government',
  charity: 'Charities',
  supplier: 'Suppliers',
  other: 'Other organisations',
};

/** Option groups: local authorities by region first (153 is too many for one list), then the other kinds. */
function groupOrganisations(organisations: Organisation[]): [string, Organisation[]][] {
  const groups = new Map<string, { rank: number; items: Organisation[] }>();
  for (const org of organisations) {
    const label = org.kind === 'local_authority' && org.region ? `${KIND_LABEL[org.kind]}: ${org.region}` : KIND_LABEL[org.kind];
    const group = groups.get(label) ?? { rank: OrganisationKind.options.indexOf(org.kind), items: [] };
    group.items.push(org);
    groups.set(label, group);
  }
  return [...groups]
    .sort(([a, ga], [b, gb]) => ga.rank - gb.rank || a.localeCompare(b))
    .map(([label, g]) => [label, g.items.sort((a, b) => a.name.localeCompare(b.name))]);
}

function useOrganisations() {
  const { data, isError } = useQuery({
    queryKey: keys.organisations(),
    queryFn: () => api<{ items: Organisation[] }>('GET', '/api/organisations').then(({ items }) => groupOrganisations(items)),
    staleTime: Infinity,
  });
  return { groups: data ?? [], failed: isError };
}

export function Register() {
  const { register } = useAuth();
  const navigate = useNavigate();
  const organisations = useOrganisations();
  const [typed, setTyped] = useState({ password: '', email: '', displayName: '' });
  const verdict = usePasswordStrength(typed.password, [typed.email, typed.displayName]);
  const returnTo = useAfterSignIn();
  const sso = useSsoStatus();
  const { errors, attempt, onSubmit } = useSchemaForm(
    RegisterInput,
    (form) => {
      const organisationId = form.get('organisationId');
      return {
        email: form.get('email'),
        password: form.get('password'),
        displayName: form.get('displayName'),
        organisationId: organisationId ? Number(organisationId) : undefined,
      };
    },
    async (input) => {
      await register(input);
      // Back to the page the person was on when they chose to register.
      navigate(returnTo, { replace: true, state: { accountCreated: true } });
    },
  );
  usePageTitle('Create an account', Object.keys(errors).length > 0);


  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} order={ORDER} attempt={attempt} />
        <h1 className="govuk-heading-l">Create an account</h1>
        <p className="govuk-body">
          Members can raise issues, suggest improvements and take part in discussions. Reading needs no account.
        </p>
        {sso?.enabled && (
          <p className="govuk-body">
            If your organisation uses {sso.name}, you need no password here:{' '}
            <a className="govuk-link" href={ssoHref(returnTo)}>
              sign in with {sso.name}
            </a>{' '}
            and your account is made for you.
          </p>
        )}
        {/* noValidate: the shared schema gives the messages, not the browser */}
        <form
          onSubmit={onSubmit}
          noValidate
          onChange={(e) => {
            const { name, value } = e.target as unknown as HTMLInputElement;
            if (name === 'password' || name === 'email' || name === 'displayName') setTyped((t) => ({ ...t, [name]: value }));
          }}
        >
          <TextField
            id="displayName"
            label="Your name"
            hint="Other members see this next to what you write."
            autoComplete="name"
            spellCheck={false}
            error={errors.displayName}
          />
          <TextField id="email" label="Email address" type="email" autoComplete="email" spellCheck={false} error={errors.email} />
          <SelectField
            id="organisationId"
            label="Organisation (optional)"
            hint={
              organisations.failed
                ? 'The list of organisations could not be loaded. You can add yours later.'
                : 'The council or organisation you work for.'
            }
            defaultValue=""
            error={errors.organisationId}
          >
            <option value="">Not listed or prefer not to say</option>
            {organisations.groups.map(([label, items]) => (
              <optgroup key={label} label={label}>
                {items.map((org) => (
                  <option key={org.id} value={org.id}>
                    {org.name}
                  </option>
                ))}
              </optgroup>
            ))}
          </SelectField>
          <TextField
            id="password"
            label="Password"
            type="password"
            autoComplete="new-password"
            hint={Password.minLength ? `Must be at least ${Password.minLength} characters. A few unrelated words together are easy to remember and hard to guess.` : undefined}
            error={errors.password}
            after={<StrengthHint id="password-after" verdict={verdict} />}
          />
          <button type="submit" className="govuk-button">
            Create account
          </button>
        </form>
        <p className="govuk-body">
          Already have an account?{' '}
          <Link className="govuk-link" to={returnTo !== '/' ? `/sign-in?${new URLSearchParams({ returnTo })}` : '/sign-in'}>
            Sign in
          </Link>
        </p>
      </div>
    </div>
  );
}
