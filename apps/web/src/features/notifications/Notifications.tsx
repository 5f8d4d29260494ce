import { Link } from 'react-router-dom';
import { useAuth } from '../../auth';
import { usePageTitle } from '../../usePageTitle';
import { SignInPrompt } from '../../components/SignInPrompt';
import { useInbox, useMarkRead } from './inbox';

export function Notifications() {
  const { user } = useAuth();
  const inbox = useInbox();
  const { mutate: markRead } = useMarkRead();
  const items = inbox?.items ?? [];
  const unread = inbox?.unread ?? 0;
  usePageTitle('Notifications');
  if (user === undefined) return null; // still finding out who is signed in
  if (user === null) {
    return <SignInPrompt heading="Notifications" what="see your notifications" />;
  }
  return (
    <>
      <h1 className="govuk-heading-l">Notifications</h1>
      <p className="govuk-body">
        {unread ? `${unread} unread` : 'Nothing unread.'}{' '}
        <Link className="govuk-link govuk-!-margin-left-2" to="/settings/notifications">
          Notification settings
        </Link>
      </p>
      {unread > 0 && (
        <button type="button" className="govuk-button govuk-button--secondary" onClick={() => markRead(undefined)}>
          Mark all as read
        </button>
      )}
      <ul className="govuk-list govuk-list--spaced">
        {items.map((n) => (
          <li key={n.id} data-notification-id={n.id}>
            {n.readAt === null && <strong className="govuk-tag govuk-tag--blue govuk-!-margin-right-2">New</strong>}
            {n.url ? (
              <Link className="govuk-link" to={n.url} onClick={() => markRead([n.id])}>
                {n.title}
              </Link>
            ) : (
              <span>{n.title}</span>
            )}{' '}
            <span className="govuk-body-s govuk-!-margin-left-1">{new Date(n.createdAt).toLocaleString('en-GB')}</span>
          </li>
        ))}
      </ul>
    </>
  );
}
