import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { PasswordResetConfirmInput } from '@commons/domain';
import { api } from '../../api';
import { ErrorSummary, TextField, useSchemaForm } from '../../components/forms';
import { usePageTitle } from '../../usePageTitle';
import { StrengthHint, usePasswordStrength } from './PasswordStrength';

/** Where the emailed reset link lands: choose a new password; every session of the account ends. */
export function ResetPassword() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [password, setPassword] = useState('');
  const [done, setDone] = useState(false);
  const verdict = usePasswordStrength(password, []);
  const { errors, attempt, onSubmit } = useSchemaForm(
    PasswordResetConfirmInput,
    (form) => ({ token, password: form.get('password') }),
    async (input) => {
      await api<void>('POST', '/api/auth/password-reset/confirm', input);
      setDone(true);
    },
  );
  usePageTitle(done ? 'Your password has been changed' : 'Set a new password', Object.keys(errors).length > 0);

  if (done) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <div className="govuk-panel govuk-panel--confirmation">
            <h1 className="govuk-panel__title">Your password has been changed</h1>
          </div>
          <p className="govuk-body">You have been signed out everywhere. Sign in with your new password.</p>
          <Link className="govuk-button" to="/sign-in">
            Sign in
          </Link>
        </div>
      </div>
    );
  }

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} order={['password']} attempt={attempt} />
        <h1 className="govuk-heading-l">Set a new password</h1>
        {errors.token && (
          <p className="govuk-body">
            <Link className="govuk-link" to="/forgot-password">
              Ask for a new link
            </Link>
          </p>
        )}
        {/* noValidate: the shared schema gives the messages, not the browser */}
        <form onSubmit={onSubmit} noValidate>
          <TextField
            id="password"
            label="New password"
            type="password"
            autoComplete="new-password"
            hint="At least 10 characters. A few unrelated words together are easy to remember and hard to guess."
            error={errors.password}
            onChange={(e) => setPassword(e.target.value)}
            after={<StrengthHint id="password-after" verdict={verdict} />}
          />
          <button type="submit" className="govuk-button">
            Set password
          </button>
        </form>
      </div>
    </div>
  );
}
