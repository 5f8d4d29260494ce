import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import type { Me } from '@commons/domain';
import { api, ApiError } from '../../api';
import { useAuth } from '../../auth';
import { usePageTitle } from '../../usePageTitle';

/**
 * Where an emailed confirmation link lands. The page sends the token (a link that acted on GET would be
 * spent by mail scanners that open links to check them).
 */
export function ConfirmEmail() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const { refresh } = useAuth();
  const [state, setState] = useState<{ email: string } | { error: string } | null>(null);
  const sent = useRef(false);
  useEffect(() => {
    if (sent.current) return;
    sent.current = true;
    api<Me>('POST', '/api/auth/confirm-email', { token })
      .then(({ user }) => {
        setState({ email: user.email });
        void refresh();
      })
      .catch((err) => setState({ error: err instanceof ApiError ? err.message : 'Something went wrong. Try again.' }));
  }, [token, refresh]);
  usePageTitle(state && 'email' in state ? 'Email address confirmed' : state ? 'This link does not work' : 'Confirming your email address', false);

  if (!state) return <p className="govuk-body">Confirming your email address…</p>;
  if ('error' in state) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">This link does not work</h1>
          <p className="govuk-body">{state.error}.</p>
          <p className="govuk-body">
            You can ask for a new link on{' '}
            <Link className="govuk-link" to="/account">
              your account page
            </Link>
            .
          </p>
        </div>
      </div>
    );
  }
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <div className="govuk-panel govuk-panel--confirmation">
          <h1 className="govuk-panel__title">Email address confirmed</h1>
          <div className="govuk-panel__body">{state.email}</div>
        </div>
        <p className="govuk-body">
          If your organisation has this email domain, you now count as a verified member of it.{' '}
          <Link className="govuk-link" to="/account">
            Go to your account
          </Link>
        </p>
      </div>
    </div>
  );
}
