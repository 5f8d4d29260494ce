import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import type { AccountSession, User } from '@commons/domain';
import { api, ApiError } from '../../api';
import { useAuth } from '../../auth';
import { accountKeys, browserName, when } from './sections';

/** Where the person is signed in, with "Sign out" for each other one and for all at once. */
export function SessionsSection({ user }: { user: User }) {
  const { refresh } = useAuth();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const sessions = useQuery({
    queryKey: accountKeys.sessions(user.id),
    queryFn: () => api<{ items: AccountSession[] }>('GET', '/api/me/sessions').then((r) => r.items),
    staleTime: 0,
  });

  async function signOut(session: AccountSession) {
    setError(null);
    try {
      await api<void>('DELETE', `/api/me/sessions/${session.id}`);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'Something went wrong. Try again.');
    }
    await queryClient.invalidateQueries({ queryKey: accountKeys.sessions(user.id) });
  }

  async function logoutEverywhere() {
    try {
      await api<void>('POST', '/api/auth/logout-all', {});
      await refresh();
      navigate('/sign-in');
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'Something went wrong. Try again.');
    }
  }

  return (
    <>
      <h2 className="govuk-heading-m">Where you are signed in</h2>
      {error && <p className="govuk-error-message">{error}</p>}
      {sessions.isError && <p className="govuk-error-message">Your sessions could not be loaded.</p>}
      {sessions.data && (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">Your active sessions</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Browser</th>
              <th scope="col" className="govuk-table__header">Signed in</th>
              <th scope="col" className="govuk-table__header">Last used</th>
              <th scope="col" className="govuk-table__header"><span className="govuk-visually-hidden">Action</span></th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {sessions.data.map((s) => (
              <tr key={s.id} className="govuk-table__row">
                <td className="govuk-table__cell">{browserName(s.userAgent)}</td>
                <td className="govuk-table__cell">{when(s.createdAt)}</td>
                <td className="govuk-table__cell">{when(s.lastSeenAt)}</td>
                <td className="govuk-table__cell">
                  {s.current ? (
                    <strong className="govuk-tag">This browser</strong>
                  ) : (
                    <button type="button" className="govuk-link app-link-button" onClick={() => void signOut(s)}>
                      Sign out this one<span className="govuk-visually-hidden">: {browserName(s.userAgent)}, signed in {when(s.createdAt)}</span>
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="govuk-body">Sign out on every device and browser, including this one.</p>
      <button type="button" className="govuk-button govuk-button--secondary" onClick={() => void logoutEverywhere()}>
        Log out everywhere
      </button>
    </>
  );
}
