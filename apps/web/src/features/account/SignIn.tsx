import { useQuery } from '@tanstack/react-query';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { LoginInput, SsoFailure, type SsoStatus } from '@commons/domain';
import { api } from '../../api';
import { useAuth } from '../../auth';
import { ErrorSummary, TextField, useSchemaForm } from '../../components/forms';
import { ssoHref, useAfterSignIn } from '../../returnTo';
import { usePageTitle } from '../../usePageTitle';

const ORDER = ['email', 'password'];

/** Why single sign-on sent the person back here (the callback's `?sso=`). */
const SSO_FAILURES: Record<SsoFailure, string> = {
  failed: 'Signing in with your organisation account did not work. Try again.',
  unavailable: 'Signing in with your organisation account is not available at the moment. Try again later, or sign in with your password.',
  cancelled: 'Signing in with your organisation account was cancelled.',
  'no-email': 'Your organisation account did not give an email address, so no account could be made. Ask your IT team, or create an account with a password.',
  'email-in-use':
    'An account with your email address already exists, and your organisation did not confirm that the address is yours. Sign in with your password instead.',
  disabled: 'This account has been disabled. Contact the Commons team if you think this is a mistake.',
};

/** Whether the sign-in page offers single sign-on, and the provider's name for its button. */
export function useSsoStatus() {
  return useQuery({ queryKey: ['sso', 'status'], queryFn: () => api<SsoStatus>('GET', '/api/auth/oidc'), staleTime: Infinity }).data;
}

export function SignIn() {
  const { signIn } = useAuth();
  const navigate = useNavigate();
  const returnTo = useAfterSignIn();
  const sso = useSsoStatus();
  const failure = SsoFailure.safeParse(new URLSearchParams(useLocation().search).get('sso'));
  const { errors, attempt, onSubmit } = useSchemaForm(
    LoginInput,
    (form) => ({ email: form.get('email'), password: form.get('password') }),
    async (input) => {
      await signIn(input);
      // Back to the page the person was on when they chose to sign in.
      navigate(returnTo, { replace: true });
    },
  );
  usePageTitle('Sign in', Object.keys(errors).length > 0 || failure.success);
  const registerHref = returnTo !== '/' ? `/register?${new URLSearchParams({ returnTo })}` : '/register';

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} order={ORDER} attempt={attempt} />
        {failure.success && (
          <div className="govuk-error-summary" data-module="govuk-error-summary">
            <div role="alert">
              <h2 className="govuk-error-summary__title">You are not signed in</h2>
              <div className="govuk-error-summary__body">
                <p className="govuk-body">{SSO_FAILURES[failure.data]}</p>
              </div>
            </div>
          </div>
        )}
        <h1 className="govuk-heading-l">Sign in</h1>
        {sso?.enabled && (
          <>
            {/* A full page load: the provider's sign-in page is another site. */}
            <a className="govuk-button govuk-button--secondary" href={ssoHref(returnTo)} role="button" draggable="false">
              Sign in with {sso.name}
            </a>
            <p className="govuk-body">Councils that use {sso.name} can sign in with their work account. Or sign in with your email address and password.</p>
          </>
        )}
        {/* noValidate: the shared schema gives the messages, not the browser */}
        <form onSubmit={onSubmit} noValidate>
          <TextField id="email" label="Email address" type="email" autoComplete="email" spellCheck={false} error={errors.email} />
          <TextField id="password" label="Password" type="password" autoComplete="current-password" error={errors.password} />
          <button type="submit" className="govuk-button">
            Sign in
          </button>
        </form>
        <p className="govuk-body">
          <Link className="govuk-link" to="/forgot-password">Forgot your password?</Link>
        </p>
        <p className="govuk-body">
          New to the Commons?{' '}
          <Link className="govuk-link" to={registerHref}>
            Create an account
          </Link>
        </p>
      </div>
    </div>
  );
}
