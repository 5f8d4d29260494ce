import { useState } from 'react';
import { Link } from 'react-router-dom';
import { type LinkSent, PasswordResetRequestInput } from '@commons/domain';
import { api } from '../../api';
import { ErrorSummary, TextField, useSchemaForm } from '../../components/forms';
import { usePageTitle } from '../../usePageTitle';

/** "Forgot your password?": asks for a link; the answer is the same whether or not the account exists. */
export function ForgotPassword() {
  const [sent, setSent] = useState<string | null>(null);
  const { errors, attempt, onSubmit } = useSchemaForm(
    PasswordResetRequestInput,
    (form) => ({ email: form.get('email') }),
    async (input) => {
      const { message } = await api<LinkSent>('POST', '/api/auth/password-reset', input);
      setSent(message);
    },
  );
  usePageTitle(sent ? 'Check your email' : 'Reset your password', Object.keys(errors).length > 0);

  if (sent) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">Check your email</h1>
          <p className="govuk-body">{sent}</p>
          <p className="govuk-body">
            No email? Check your spam folder, or{' '}
            <button type="button" className="govuk-link app-link-button" onClick={() => setSent(null)}>
              ask again
            </button>
            .
          </p>
        </div>
      </div>
    );
  }

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} order={['email']} attempt={attempt} />
        <h1 className="govuk-heading-l">Reset your password</h1>
        <p className="govuk-body">Enter the email address you use for the Commons. We will email you a link to set a new password. It works for one hour.</p>
        {/* noValidate: the shared schema gives the messages, not the browser */}
        <form onSubmit={onSubmit} noValidate>
          <TextField id="email" label="Email address" type="email" autoComplete="email" spellCheck={false} error={errors.email} />
          <button type="submit" className="govuk-button">
            Send the link
          </button>
        </form>
        <p className="govuk-body">
          <Link className="govuk-link" to="/sign-in">
            Back to sign in
          </Link>
        </p>
      </div>
    </div>
  );
}
