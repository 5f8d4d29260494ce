import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type CreatedPersonalToken, type PersonalToken, PersonalTokenInput, type User } from '@commons/domain';
import { api, ApiError } from '../../api';
import { ErrorSummary, TextField, useSchemaForm } from '../../components/forms';
import { accountKeys, renamed, when } from './sections';

/** Read-only personal access tokens for scripts: made here, shown once, revoked here. */
export function AccessTokens({ user }: { user: User }) {
  const queryClient = useQueryClient();
  const [created, setCreated] = useState<CreatedPersonalToken | null>(null);
  const [error, setError] = useState<string | null>(null);
  // A new key empties the form once a token is made.
  const [made, setMade] = useState(0);
  const tokens = useQuery({
    queryKey: accountKeys.tokens(user.id),
    queryFn: () => api<{ items: PersonalToken[] }>('GET', '/api/me/tokens').then((r) => r.items),
  });
  const form = useSchemaForm(
    PersonalTokenInput,
    (data) => ({ name: data.get('tokenName') }),
    async (input) => {
      setCreated(await api<CreatedPersonalToken>('POST', '/api/me/tokens', input));
      setMade((n) => n + 1);
      await queryClient.invalidateQueries({ queryKey: accountKeys.tokens(user.id) });
    },
  );
  const errors = renamed(form.errors, { name: 'tokenName' });

  async function revoke(token: PersonalToken) {
    setError(null);
    try {
      await api<void>('DELETE', `/api/me/tokens/${token.id}`);
      if (created?.id === token.id) setCreated(null);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'Something went wrong. Try again.');
    }
    await queryClient.invalidateQueries({ queryKey: accountKeys.tokens(user.id) });
  }

  return (
    <>
      <h2 className="govuk-heading-m">Access tokens for scripts</h2>
      <p className="govuk-body">
        A token lets a script (Python, R, Power BI) read what you can read through the API, sent as{' '}
        <code>Authorization: Bearer &lt;token&gt;</code>. It cannot change anything. Keep it secret like a password.
      </p>
      {created && (
        <div className="govuk-panel govuk-panel--confirmation govuk-!-text-align-left" role="status">
          <h3 className="govuk-panel__title govuk-!-font-size-27">Your new token “{created.name}”</h3>
          <div className="govuk-panel__body govuk-!-font-size-19">
            <p className="govuk-body govuk-!-margin-bottom-2" style={{ color: 'inherit' }}>Copy it now: it will not be shown again.</p>
            <input className="govuk-input" aria-label="Your new token" readOnly value={created.token} onFocus={(e) => e.currentTarget.select()} spellCheck={false} />
          </div>
        </div>
      )}
      {error && <p className="govuk-error-message">{error}</p>}
      {tokens.data && tokens.data.length > 0 && (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">Your access tokens</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Name</th>
              <th scope="col" className="govuk-table__header">Created</th>
              <th scope="col" className="govuk-table__header">Last used</th>
              <th scope="col" className="govuk-table__header"><span className="govuk-visually-hidden">Action</span></th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {tokens.data.map((t) => (
              <tr key={t.id} className="govuk-table__row">
                <td className="govuk-table__cell">{t.name}</td>
                <td className="govuk-table__cell">{when(t.createdAt)}</td>
                <td className="govuk-table__cell">{t.lastUsedAt ? when(t.lastUsedAt) : 'Never'}</td>
                <td className="govuk-table__cell">
                  <button type="button" className="govuk-link app-link-button" onClick={() => void revoke(t)}>
                    Revoke<span className="govuk-visually-hidden"> {t.name}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ErrorSummary errors={errors} order={['tokenName']} attempt={form.attempt} />
      <form key={made} onSubmit={form.onSubmit} noValidate>
        <TextField id="tokenName" label="Token name" hint="What will use it, such as “Power BI dashboard”." spellCheck={false} error={errors.tokenName} className="govuk-!-width-two-thirds" />
        <button type="submit" className="govuk-button govuk-button--secondary">
          Create token
        </button>
      </form>
    </>
  );
}
