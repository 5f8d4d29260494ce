import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { ChangeEmailInput, type LinkSent, type Me, type OrganisationList, UpdateProfileInput, type User } from '@commons/domain';
import { api, ApiError } from '../../api';
import { useAuth } from '../../auth';
import { ErrorSummary, TextField, useSchemaForm } from '../../components/forms';
import { renamed } from './sections';
import { OrganisationBadge } from '../../components/OrganisationBadge';
import { keys } from '../../queryClient';

/** Name and email address: change the name, confirm or change the address. */
export function AccountDetails({ user }: { user: User }) {
  const { refresh } = useAuth();
  const [nameSaved, setNameSaved] = useState(false);
  const [emailSent, setEmailSent] = useState<string | null>(null);
  const [resend, setResend] = useState<{ message: string; failed: boolean } | null>(null);

  const name = useSchemaForm(
    UpdateProfileInput,
    (form) => ({ displayName: form.get('displayName') }),
    async (input) => {
      await api<Me>('PATCH', '/api/me', input);
      await refresh();
      setNameSaved(true);
    },
  );
  const email = useSchemaForm(
    ChangeEmailInput,
    (form) => ({ email: form.get('newEmail'), password: form.get('emailPassword') }),
    async (input) => {
      const { message } = await api<LinkSent>('POST', '/api/me/email', input);
      setEmailSent(message);
    },
  );
  const emailErrors = renamed(email.errors, { email: 'newEmail', password: 'emailPassword' });

  async function resendConfirmation() {
    try {
      const { message } = await api<LinkSent>('POST', '/api/me/verification', {});
      setResend({ message, failed: false });
    } catch (err) {
      setResend({ message: err instanceof ApiError ? err.message : 'Something went wrong. Try again.', failed: true });
    }
  }

  return (
    <>
      <h2 className="govuk-heading-m">Your name</h2>
      <ErrorSummary errors={name.errors} order={['displayName']} attempt={name.attempt} />
      {nameSaved && <p className="govuk-body govuk-!-font-weight-bold" role="status">Your name has been changed.</p>}
      <form onSubmit={(e) => { setNameSaved(false); void name.onSubmit(e); }} noValidate>
        <TextField id="displayName" label="Name" hint="Other members see this next to what you write." autoComplete="name" spellCheck={false} defaultValue={user.displayName} error={name.errors.displayName} className="govuk-!-width-two-thirds" />
        <button type="submit" className="govuk-button govuk-button--secondary">
          Save name
        </button>
      </form>

      <h2 className="govuk-heading-m">Your email address</h2>
      <p className="govuk-body">
        {user.email}{' '}
        {user.emailVerified ? <strong className="govuk-tag govuk-tag--green">Confirmed</strong> : <strong className="govuk-tag govuk-tag--yellow">Not confirmed</strong>}
      </p>
      {!user.emailVerified && (
        <>
          <p className="govuk-body">
            Open the link we emailed you to confirm your address. Until then you can read and post, but you do not count as a member of your organisation.
          </p>
          {resend && <p className={resend.failed ? 'govuk-error-message' : 'govuk-body'} role="status">{resend.message}</p>}
          <button type="button" className="govuk-button govuk-button--secondary" onClick={() => void resendConfirmation()}>
            Send the confirmation email again
          </button>
        </>
      )}
      <YourOrganisation user={user} />
      <details className="govuk-details">
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">Change your email address</span>
        </summary>
        <div className="govuk-details__text">
          {emailSent ? (
            <p className="govuk-body" role="status">{emailSent}</p>
          ) : (
            <>
              <ErrorSummary errors={emailErrors} order={['newEmail', 'emailPassword']} attempt={email.attempt} />
              <form onSubmit={email.onSubmit} noValidate>
                <TextField id="newEmail" label="New email address" hint="We will email a link to it. Your address changes when you open it." type="email" autoComplete="email" spellCheck={false} error={emailErrors.newEmail} />
                <TextField id="emailPassword" label="Your password" type="password" autoComplete="current-password" error={emailErrors.emailPassword} />
                <button type="submit" className="govuk-button govuk-button--secondary">
                  Send confirmation link
                </button>
              </form>
            </>
          )}
        </div>
      </details>
    </>
  );
}

/** The organisation the person gave, and whether it is confirmed: only then do they speak for it. */
function YourOrganisation({ user }: { user: User }) {
  const { data } = useQuery({ queryKey: keys.organisations(), queryFn: () => api<OrganisationList>('GET', '/api/organisations') });
  const organisation = data?.items.find((o) => o.id === user.organisationId);
  return (
    <>
      <h2 className="govuk-heading-m">Your organisation</h2>
      <p className="govuk-body">{user.organisationId === null ? 'None given.' : organisation ? <OrganisationBadge name={organisation.name} verified={user.organisationVerified} /> : null}</p>
      {user.organisationId !== null && !user.organisationVerified && (
        <p className="govuk-body">
          You speak for your organisation (recording its use of tools, backing needs, reading local-authority-only tools) once your membership is confirmed: use an email address on its
          domain and confirm it, or sign in with its single sign-on.
        </p>
      )}
    </>
  );
}
