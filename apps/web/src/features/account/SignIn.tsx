import { Link, useNavigate } from 'react-router-dom';
import { LoginInput } from '@commons/domain';
import { useAuth } from '../../auth';
import { ErrorSummary, TextField, useSchemaForm } from '../../components/forms';
import { usePageTitle } from '../../usePageTitle';

const ORDER = ['email', 'password'];

export function SignIn() {
  const { signIn } = useAuth();
  const navigate = useNavigate();
  const { errors, attempt, onSubmit } = useSchemaForm(
    LoginInput,
    (form) => ({ email: form.get('email'), password: form.get('password') }),
    async (input) => {
      await signIn(input);
      navigate('/');
    },
  );
  usePageTitle('Sign in', Object.keys(errors).length > 0);


  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} order={ORDER} attempt={attempt} />
        <h1 className="govuk-heading-l">Sign in</h1>
        {/* noValidate: the shared schema gives the messages, not the browser */}
        <form onSubmit={onSubmit} noValidate>
          <TextField id="email" label="Email address" type="email" autoComplete="email" spellCheck={false} error={errors.email} />
          <TextField id="password" label="Password" type="password" autoComplete="current-password" error={errors.password} />
          <button type="submit" className="govuk-button">
            Sign in
          </button>
        </form>
        <p className="govuk-body">
          New to the Commons?{' '}
          <Link className="govuk-link" to="/register">
            Create an account
          </Link>
        </p>
      </div>
    </div>
  );
}
