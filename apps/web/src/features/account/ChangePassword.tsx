import { useState } from 'react';
import { ChangePasswordInput, type User } from '@commons/domain';
import { api } from '../../api';
import { ErrorSummary, TextField, useSchemaForm } from '../../components/forms';
import { StrengthHint, usePasswordStrength } from './PasswordStrength';

/** A new password after the current one; the person's other sessions end. */
export function ChangePassword({ user, onChanged }: { user: User; onChanged(): void }) {
  const [newPassword, setNewPassword] = useState('');
  const [done, setDone] = useState(false);
  const verdict = usePasswordStrength(newPassword, [user.email, user.displayName]);
  const { errors, attempt, onSubmit } = useSchemaForm(
    ChangePasswordInput,
    (form) => ({ currentPassword: form.get('currentPassword'), newPassword: form.get('newPassword') }),
    async (input) => {
      await api<void>('POST', '/api/auth/password', input);
      setDone(true);
      setNewPassword('');
      onChanged();
    },
  );

  return (
    <>
      <h2 className="govuk-heading-m">Change your password</h2>
      <ErrorSummary errors={errors} order={['currentPassword', 'newPassword']} attempt={attempt} />
      {done && (
        <p className="govuk-body govuk-!-font-weight-bold" role="status">
          Your password has been changed. You have been signed out everywhere else.
        </p>
      )}
      <form
        key={done ? 'done' : 'form'}
        onSubmit={(e) => {
          setDone(false);
          void onSubmit(e);
        }}
        noValidate
      >
        <TextField id="currentPassword" label="Current password" type="password" autoComplete="current-password" error={errors.currentPassword} />
        <TextField
          id="newPassword"
          label="New password"
          type="password"
          autoComplete="new-password"
          hint="At least 10 characters. A few unrelated words together are easy to remember and hard to guess."
          error={errors.newPassword}
          onChange={(e) => setNewPassword(e.target.value)}
          after={<StrengthHint id="newPassword-after" verdict={verdict} />}
        />
        <button type="submit" className="govuk-button govuk-button--secondary">
          Change password
        </button>
      </form>
    </>
  );
}
