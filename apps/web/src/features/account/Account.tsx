import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { DeleteAccountInput } from '@commons/domain';
import { api, ApiError } from '../../api';
import { useAuth } from '../../auth';
import { ErrorSummary, TextField, useSchemaForm } from '../../components/forms';
import { usePageTitle } from '../../usePageTitle';
import { SignInPrompt } from '../../components/SignInPrompt';

/** The signed-in person's own account: their data (UK GDPR), their sessions, leaving. */
export function Account() {
  const { user, refresh } = useAuth();
  const navigate = useNavigate();
  const [sessionsError, setSessionsError] = useState<string | null>(null);
  const { errors, attempt, onSubmit } = useSchemaForm(
    DeleteAccountInput,
    (form) => ({ password: form.get('password') }),
    async (input) => {
      await api<void>('DELETE', '/api/me', input);
      await refresh();
      navigate('/');
    },
  );
  usePageTitle('Your account', Object.keys(errors).length > 0);

  if (user === undefined) return null;
  if (user === null) {
    return <SignInPrompt heading="Your account" what="see your account" />;
  }

  async function logoutEverywhere() {
    try {
      await api<void>('POST', '/api/auth/logout-all', {});
      await refresh();
      navigate('/sign-in');
    } catch (err) {
      setSessionsError(err instanceof ApiError ? err.message : 'Something went wrong. Try again.');
    }
  }

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} order={['password']} attempt={attempt} />
        <h1 className="govuk-heading-l">Your account</h1>
        <dl className="govuk-summary-list">
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Name</dt>
            <dd className="govuk-summary-list__value">{user.displayName}</dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Email address</dt>
            <dd className="govuk-summary-list__value">{user.email}</dd>
          </div>
        </dl>

        <h2 className="govuk-heading-m">Your data</h2>
        <p className="govuk-body">
          Download everything the Commons holds about you: your profile, organisation, sessions, threads and messages,
          feedback you sent while signed in, your roles on tools and initiatives, and your notifications.
        </p>
        <a className="govuk-button govuk-button--secondary" href="/api/me/export" download>
          Download my data
        </a>

        <h2 className="govuk-heading-m">Sessions</h2>
        <p className="govuk-body">Sign out on every device and browser, including this one.</p>
        {sessionsError && <p className="govuk-error-message">{sessionsError}</p>}
        <button type="button" className="govuk-button govuk-button--secondary" onClick={() => void logoutEverywhere()}>
          Log out everywhere
        </button>

        <h2 className="govuk-heading-m">Delete your account</h2>
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            This cannot be undone. Your name, email address, password, organisation, sessions, notifications and
            follows are removed. What you wrote in discussions stays, shown as written by “Deleted user”.
          </strong>
        </div>
        {/* noValidate: the shared schema gives the messages, not the browser */}
        <form onSubmit={onSubmit} noValidate>
          <TextField id="password" label="Enter your password to confirm" type="password" autoComplete="current-password" error={errors.password} />
          <button type="submit" className="govuk-button govuk-button--warning">
            Delete my account
          </button>
        </form>
      </div>
    </div>
  );
}
