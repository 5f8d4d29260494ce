import { useNavigate } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { DeleteAccountInput } from '@commons/domain';
import { api } from '../../api';
import { useAuth } from '../../auth';
import { ErrorSummary, TextField, useSchemaForm } from '../../components/forms';
import { usePageTitle } from '../../usePageTitle';
import { SignInPrompt } from '../../components/SignInPrompt';
import { AccessTokens } from './AccessTokens';
import { AccountDetails } from './AccountDetails';
import { ChangePassword } from './ChangePassword';
import { SessionsSection } from './SessionsSection';
import { accountKeys } from './sections';

/** The signed-in person's own account: name, email, password, sessions, tokens, their data (UK GDPR), leaving. */
export function Account() {
  const { user, refresh } = useAuth();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
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

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">Your account</h1>
        <AccountDetails user={user} />
        <ChangePassword user={user} onChanged={() => void queryClient.invalidateQueries({ queryKey: accountKeys.sessions(user.id) })} />
        <SessionsSection user={user} />
        <AccessTokens user={user} />

        <h2 className="govuk-heading-m">Your data</h2>
        <p className="govuk-body">
          Download everything the Commons holds about you: your profile, organisation, sessions, threads and messages,
          feedback you sent while signed in, your roles on tools and initiatives, and your notifications.
        </p>
        <a className="govuk-button govuk-button--secondary" href="/api/me/export" download>
          Download my data
        </a>

        <h2 className="govuk-heading-m">Delete your account</h2>
        <ErrorSummary errors={errors} order={['password']} attempt={attempt} />
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            This cannot be undone. Your name, email address, password, organisation, sessions, access tokens, notifications and
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
