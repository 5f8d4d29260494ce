import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { PreferencesInput, type NotificationPreferences, type Watch, type WatchLevel } from '@commons/domain';
import { api } from '../../api';
import { useAuth } from '../../auth';
import { keys } from '../../queryClient';
import { ErrorSummary, RadiosField, useSchemaForm } from '../../components/forms';
import { LevelOptions, watchPath } from './WatchControl';
import { usePageTitle } from '../../usePageTitle';
import { SignInPrompt } from '../../components/SignInPrompt';

const EMAIL_OPTIONS = [
  { value: 'off', label: 'No emails' },
  { value: 'on', label: 'Email me mentions and replies at once, and everything else in a daily digest' },
] as const;

const KIND: Record<Watch['subjectType'], string> = { tool: 'Tool', initiative: 'Initiative', thread: 'Thread' };

/** One watched subject, with its level changeable in place. */
function WatchRow({ watch, onSaved }: { watch: Watch; onSaved(w: Watch): void }) {
  const [error, setError] = useState<string | null>(null);
  const id = `level-${watch.subjectType}-${watch.subjectId}`;
  async function change(level: WatchLevel) {
    setError(null);
    try {
      onSaved(await api<Watch>('PUT', watchPath(watch.subjectType, watch.subjectId), { level }));
    } catch (err) {
      setError((err as Error).message);
    }
  }
  return (
    <tr className="govuk-table__row" data-testid="watch-row">
      <td className="govuk-table__cell">{KIND[watch.subjectType]}</td>
      <td className="govuk-table__cell">
        <Link className="govuk-link" to={watch.url}>
          {watch.title}
        </Link>
      </td>
      <td className="govuk-table__cell">
        <label className="govuk-visually-hidden" htmlFor={id}>
          Notifications from {watch.title}
        </label>
        <select id={id} className="govuk-select" value={watch.level} onChange={(e) => void change(e.target.value as WatchLevel)}>
          <LevelOptions />
        </select>
        {error && <p className="govuk-error-message">{error}</p>}
      </td>
    </tr>
  );
}

export function NotificationSettings() {
  const { user } = useAuth();
  const userId = user?.id ?? '';
  const queryClient = useQueryClient();
  const { data: prefs } = useQuery({
    queryKey: keys.preferences(userId),
    queryFn: () => api<NotificationPreferences>('GET', '/api/notifications/preferences'),
    enabled: !!user,
  });
  const { data: watches } = useQuery({
    queryKey: keys.watches(userId),
    queryFn: () => api<{ items: Watch[] }>('GET', '/api/watches').then((w) => w.items),
    enabled: !!user,
  });
  // the choice being made, until it is saved
  const [chosen, setChosen] = useState<string>();
  const email = chosen ?? prefs?.email ?? 'off';
  const [saved, setSaved] = useState(false);

  const { errors, attempt, onSubmit } = useSchemaForm(
    PreferencesInput,
    (form) => ({ email: form.get('email') }),
    async (input) => {
      queryClient.setQueryData(keys.preferences(userId), await api<NotificationPreferences>('PUT', '/api/notifications/preferences', input));
      setSaved(true);
    },
  );
  usePageTitle('Notification settings', Object.keys(errors).length > 0);

  if (user === undefined) return null; // still finding out who is signed in
  if (user === null) {
    return <SignInPrompt heading="Notification settings" what="choose your notifications" />;
  }
  return (
    <>
      <h1 className="govuk-heading-l">Notification settings</h1>
      <p className="govuk-body">
        Everything arrives in your <Link className="govuk-link" to="/notifications">notifications</Link>. Choose here whether you also get emails, and
        what you hear about from each tool, initiative and thread.
      </p>

      <h2 className="govuk-heading-m">Email</h2>
      {prefs && !prefs.emailAvailable && (
        <div className="govuk-inset-text" data-testid="email-unavailable">
          This site does not send email at the moment (it has no mail server set up), so your choice has no effect until it does.
        </div>
      )}
      {prefs && (
        <form onSubmit={onSubmit} noValidate>
          <ErrorSummary errors={errors} order={['email']} attempt={attempt} />
          <RadiosField
            id="email"
            name="email"
            legend="Notification emails"
            hint="Every email has a link to stop them with one click."
            error={errors.email}
            options={EMAIL_OPTIONS}
            value={email}
            onChange={(v) => {
              setChosen(v);
              setSaved(false);
            }}
          />
          <div className="govuk-button-group">
            <button type="submit" className="govuk-button">
              Save email choice
            </button>
            {saved && (
              <span className="govuk-body" role="status">
                Saved
              </span>
            )}
          </div>
          {prefs.lastDigestAt && <p className="govuk-body-s">Last digest sent {new Date(prefs.lastDigestAt).toLocaleString('en-GB')}.</p>}
        </form>
      )}

      <h2 className="govuk-heading-m">What you watch</h2>
      <p className="govuk-body">
        You watch what you start, lead or maintain. Anything else is Normal: you hear only when someone mentions you or replies to you. Change the level on
        any tool, initiative or thread page, or here.
      </p>
      {watches && watches.length === 0 && <p className="govuk-body">You are not watching anything yet.</p>}
      {watches && watches.length > 0 && (
        <table className="govuk-table">
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Kind
              </th>
              <th scope="col" className="govuk-table__header">
                Name
              </th>
              <th scope="col" className="govuk-table__header">
                Notifications
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {watches.map((w) => (
              <WatchRow
                key={`${w.subjectType}:${w.subjectId}`}
                watch={w}
                onSaved={(updated) =>
                  queryClient.setQueryData<Watch[]>(keys.watches(userId), (list) =>
                    list?.map((x) => (x.subjectType === updated.subjectType && x.subjectId === updated.subjectId ? updated : x)),
                  )
                }
              />
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
